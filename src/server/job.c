/* Background jobs (job.h): an array of running children, each with its output pipe. */
#include "job.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server.h"
#include "util/xmalloc.h"

extern char **environ;

struct job {
	pid_t pid;
	int fd; /* -1 once the child closed its end */
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

struct job *job_start(const char *cmd, const char *cwd, char **envp, bool stderr_too,
		      job_done_fn *done, void *data)
{
	int pipefd[2];
	if (pipe2(pipefd, O_CLOEXEC) != 0)
		return NULL;
	pid_t pid = job_fork(cmd, cwd, envp, pipefd, JOB_STDOUT | (stderr_too ? JOB_STDERR : 0));
	if (pid < 0)
		return NULL;
	struct job *j = xcalloc(1, sizeof *j);
	*j = (struct job){.pid = pid, .fd = pipefd[0], .done = done, .data = data};
	jobs = xreallocarray(jobs, njobs + 1, sizeof *jobs);
	jobs[njobs++] = j;
	return j;
}

static void job_remove(struct job *j)
{
	for (size_t i = 0; i < njobs; i++)
		if (jobs[i] == j) {
			jobs[i] = jobs[--njobs];
			break;
		}
	if (j->fd >= 0)
		close(j->fd);
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

size_t job_poll_fds(struct pollfd *fds, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < njobs; i++)
		if (jobs[i]->fd >= 0 && n < max)
			fds[n++] = (struct pollfd){jobs[i]->fd, POLLIN, 0};
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
	}
}

/* A job whose pipe is closed and whose child has exited: its callback, then it goes. */
static bool job_finish(struct job *j)
{
	int status;
	if (j->fd >= 0 || waitpid(j->pid, &status, WNOHANG) != j->pid)
		return false;
	for (size_t i = 0; i < njobs; i++)
		if (jobs[i] == j) {
			jobs[i] = jobs[--njobs];
			break;
		}
	j->done(j->data, status, j->out != NULL ? j->out : "", j->len);
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
