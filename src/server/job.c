/* Background jobs (job.h): an array of running children, each with its output pipe. */
#include "job.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server.h"
#include "util/xmalloc.h"

extern char **environ;

struct job {
	char *cmd;
	pid_t pid;
	int fd; /* -1 once the child closed its end */
	char *in; /* what is left to write to its stdin (at in + in_off), or NULL */
	size_t in_len, in_off;
	char *out;
	size_t len;
	job_done_fn *done;
	void *data;
};

static struct job **jobs;
static size_t njobs;

/* In the child: cmd with the descriptors job_fork says, the server's settings undone. */
static void job_exec(const char *cmd, const char *cwd, char **envp, int end, unsigned which)
{
	int null = open("/dev/null", O_RDWR);
	dup2(which & JOB_STDIN ? end : null, STDIN_FILENO);
	dup2(which & JOB_STDOUT ? end : null, STDOUT_FILENO);
	dup2(which & JOB_STDERR ? end : null, STDERR_FILENO);
	closefrom(STDERR_FILENO + 1);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGPIPE, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	if (cwd != NULL && *cwd != '\0' && chdir(cwd) != 0 && chdir("/") != 0)
		_exit(127);
	if (envp != NULL)
		environ = envp;
	execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
	_exit(127);
}

pid_t job_fork(const char *cmd, const char *cwd, char **envp, const int ends[2], unsigned which)
{
	pid_t pid = fork();
	if (pid == 0)
		job_exec(cmd, cwd, envp, ends[1], which);
	int e = errno;
	close(ends[1]);
	if (pid < 0)
		close(ends[0]);
	errno = e;
	if (pid > 0)
		fcntl(ends[0], F_SETFL, O_NONBLOCK);
	return pid;
}

/* Writes what the child's stdin still lacks; at its end (or when the child stopped
 * reading) the input goes and the child sees end of file. */
static void job_write(struct job *j)
{
	ssize_t n = 0;
	while (j->in_off < j->in_len &&
	       (n = send(j->fd, j->in + j->in_off, j->in_len - j->in_off, MSG_NOSIGNAL)) > 0)
		j->in_off += (size_t)n;
	if (j->in_off < j->in_len && n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	shutdown(j->fd, SHUT_WR);
	free(j->in);
	j->in = NULL;
}

struct job *job_start(const char *cmd, const char *cwd, char **envp, bool stderr_too,
		      job_done_fn *done, void *data)
{
	return job_start_input(cmd, cwd, envp, stderr_too, NULL, 0, done, data);
}

struct job *job_start_input(const char *cmd, const char *cwd, char **envp, bool stderr_too,
			    char *input, size_t len, job_done_fn *done, void *data)
{
	int ends[2];
	unsigned which = JOB_STDOUT | (stderr_too ? JOB_STDERR : 0);
	/* With input, one socket both ways (as tmux): shutdown ends the child's stdin alone. */
	int made = input != NULL ? socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends)
				 : pipe2(ends, O_CLOEXEC);
	pid_t pid = made == 0 ? job_fork(cmd, cwd, envp, ends, which | (input != NULL ? JOB_STDIN : 0))
			      : -1;
	if (pid < 0) {
		free(input);
		return NULL;
	}
	struct job *j = xcalloc(1, sizeof *j);
	*j = (struct job){.cmd = xstrdup(cmd), .pid = pid, .fd = ends[0], .in = input,
			  .in_len = len, .done = done, .data = data};
	if (input != NULL && len == 0)
		job_write(j);
	jobs = xreallocarray(jobs, njobs + 1, sizeof *jobs);
	jobs[njobs++] = j;
	return j;
}

/* Takes j out of the list, which stays in the order the jobs started. */
static void unlist(struct job *j)
{
	for (size_t i = 0; i < njobs; i++)
		if (jobs[i] == j) {
			memmove(jobs + i, jobs + i + 1, (njobs - i - 1) * sizeof *jobs);
			njobs--;
			break;
		}
}

static void job_remove(struct job *j)
{
	unlist(j);
	if (j->fd >= 0)
		close(j->fd);
	free(j->cmd);
	free(j->in);
	free(j->out);
	free(j);
}

void job_cancel(struct job *j)
{
	kill(j->pid, SIGTERM);
	server_orphan(j->pid); /* the loop reaps it */
	job_remove(j);
}

size_t job_count(void)
{
	return njobs;
}

bool job_info(size_t i, const char **cmd, int *fd, pid_t *pid)
{
	if (i >= njobs)
		return false;
	const struct job *j = jobs[njobs - 1 - i];
	*cmd = j->cmd;
	*fd = j->fd;
	*pid = j->pid;
	return true;
}

size_t job_poll_fds(struct pollfd *fds, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < njobs; i++)
		if (jobs[i]->fd >= 0 && n < max)
			fds[n++] = (struct pollfd){jobs[i]->fd,
						   POLLIN | (jobs[i]->in != NULL ? POLLOUT : 0), 0};
	return n;
}

/* Reads what is there; closes the pipe at its end. */
static void job_read(struct job *j)
{
	char buf[4096];
	ssize_t n;
	while ((n = read(j->fd, buf, sizeof buf)) > 0) {
		size_t keep = j->len + (size_t)n > JOB_OUTPUT_MAX ? JOB_OUTPUT_MAX - j->len
								  : (size_t)n;
		if (keep == 0)
			continue;
		j->out = xreallocarray(j->out, j->len + keep + 1, 1);
		memcpy(j->out + j->len, buf, keep);
		j->len += keep;
		j->out[j->len] = '\0';
	}
	if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
		close(j->fd);
		j->fd = -1;
		free(j->in); /* the child is gone: nobody reads its stdin */
		j->in = NULL;
	}
}

/* A job whose pipe is closed and whose child has exited: its callback, then it goes. */
static bool job_finish(struct job *j)
{
	int status;
	if (j->fd >= 0 || waitpid(j->pid, &status, WNOHANG) != j->pid)
		return false;
	unlist(j);
	j->done(j->data, status, j->out != NULL ? j->out : "", j->len);
	free(j->cmd);
	free(j->out);
	free(j);
	return true;
}

void job_service(const struct pollfd *fds, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (fds[i].revents == 0)
			continue;
		for (size_t k = 0; k < njobs; k++)
			if (jobs[k]->fd == fds[i].fd) {
				if (jobs[k]->in != NULL)
					job_write(jobs[k]);
				job_read(jobs[k]);
				break;
			}
	}
	/* Callbacks may start or cancel jobs: each pass starts over after one. */
	for (size_t i = 0; i < njobs;)
		i = job_finish(jobs[i]) ? 0 : i + 1;
}

void job_free_all(void)
{
	while (njobs > 0) {
		job_done_fn *done = jobs[0]->done;
		void *data = jobs[0]->data;
		job_cancel(jobs[0]);
		done(data, -1, "", 0);
	}
	free(jobs);
	jobs = NULL;
}
