/* pipe-pane's pipes (pane_pipe.h): an array of the open ones, each with its pane's output
 * waiting to go. */
#include "pane_pipe.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "job.h"
#include "server.h"
#include "util/xmalloc.h"

/* What one turn reads of a command's output at most, as a pane's read. */
#define PANE_PIPE_READ_CHUNK (16u << 10)

struct pane_pipe {
	struct pane *pane;
	int fd; /* the server's end of the socket pair, non-blocking */
	pid_t pid;
	bool in, out;
	char *queue; /* the pane's output the command has not taken yet */
	size_t queued, cap;
};

static struct pane_pipe **pipes;
static size_t npipes;

bool pane_pipe_open(struct pane *p, const char *cmd, const char *cwd, char **envp, bool in,
		    bool out)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return false;
	pid_t pid = job_fork(cmd, cwd, envp, sv, (out ? JOB_STDIN : 0) | (in ? JOB_STDOUT : 0));
	if (pid < 0)
		return false;
	struct pane_pipe *pp = xcalloc(1, sizeof *pp);
	*pp = (struct pane_pipe){.pane = p, .fd = sv[0], .pid = pid, .in = in, .out = out};
	pipes = xreallocarray(pipes, npipes + 1, sizeof *pipes);
	pipes[npipes++] = pp;
	p->pipe = pp;
	return true;
}

/* Writes what is queued as far as the socket takes it; false once the command is gone. */
static bool pipe_flush(struct pane_pipe *pp)
{
	while (pp->queued > 0) {
		ssize_t n = send(pp->fd, pp->queue, pp->queued, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0)
			return errno == EAGAIN || errno == EINTR;
		memmove(pp->queue, pp->queue + n, pp->queued - (size_t)n);
		pp->queued -= (size_t)n;
	}
	return true;
}

void pane_pipe_close(struct pane *p)
{
	struct pane_pipe *pp = p->pipe;
	if (pp == NULL)
		return;
	pipe_flush(pp); /* what the socket takes now; tmux waits for the rest, we drop it */
	for (size_t i = 0; i < npipes; i++)
		if (pipes[i] == pp) {
			pipes[i] = pipes[--npipes];
			break;
		}
	close(pp->fd);
	server_orphan(pp->pid);
	free(pp->queue);
	free(pp);
	p->pipe = NULL;
}

void pane_pipe_output(struct pane *p, const char *buf, size_t len)
{
	struct pane_pipe *pp = p->pipe;
	if (pp == NULL || !pp->out)
		return;
	size_t keep = len < PANE_PIPE_QUEUE_MAX - pp->queued ? len : PANE_PIPE_QUEUE_MAX - pp->queued;
	pp->queue = xgrow(pp->queue, &pp->cap, pp->queued + keep, 4096);
	memcpy(pp->queue + pp->queued, buf, keep);
	pp->queued += keep;
	if (!pipe_flush(pp))
		pane_pipe_close(p);
}

size_t pane_pipe_count(void)
{
	return npipes;
}

size_t pane_pipe_poll_fds(struct pollfd *fds, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < npipes && n < max; i++) {
		struct pane_pipe *pp = pipes[i];
		/* Read for the command's output while the pane takes it, and always for its
		 * end (the command's side closing reads as end of file). */
		bool room = term_pty_queued(&pp->pane->pty) < TERM_PTY_MAX_QUEUE / 2;
		short events = (short)((!pp->in || room ? POLLIN : 0) | (pp->queued > 0 ? POLLOUT : 0));
		fds[n++] = (struct pollfd){pp->fd, events, 0};
	}
	return n;
}

/* The command's output, one chunk: typed into the pane with in, else dropped. False once
 * the command's side has closed. */
static bool pipe_read(struct pane_pipe *pp)
{
	static char buf[PANE_PIPE_READ_CHUNK];
	ssize_t n = read(pp->fd, buf, sizeof buf);
	if (n > 0 && pp->in && !pp->pane->kept)
		term_pty_write(&pp->pane->pty, buf, (size_t)n); /* a full queue drops it */
	return n > 0 || (n < 0 && (errno == EAGAIN || errno == EINTR));
}

void pane_pipe_service(const struct pollfd *fds, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct pane_pipe *pp = NULL;
		for (size_t k = 0; k < npipes && pp == NULL; k++)
			if (pipes[k]->fd == fds[i].fd)
				pp = pipes[k];
		if (pp == NULL || fds[i].revents == 0)
			continue; /* closed earlier in this turn */
		bool alive = true;
		if (fds[i].revents & POLLOUT)
			alive = pipe_flush(pp);
		if (alive && (fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
			alive = pipe_read(pp);
		if (!alive)
			pane_pipe_close(pp->pane);
	}
}
