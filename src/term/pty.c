/* Child processes on pseudo-terminals. */
#include "pty.h"

#include <errno.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "../util/xmalloc.h"

extern char **environ;

static struct winsize window_size(unsigned rows, unsigned cols)
{
	struct winsize ws = {0};
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	return ws;
}

/* In the child: a clean slate, then the command. Never returns. */
static void exec_child(char *const argv[], char **envp, const char *term)
{
	static const int sigs[] = {SIGPIPE, SIGCHLD, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP};
	sigset_t none;
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		signal(sigs[i], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	closefrom(STDERR_FILENO + 1);
	if (envp != NULL)
		environ = envp;
	setenv("TERM", term != NULL ? term : "xterm-256color", 1);
	if (argv != NULL) {
		execvp(argv[0], argv);
	} else {
		const char *shell = getenv("SHELL");
		if (shell == NULL || *shell == '\0' || access(shell, X_OK) != 0)
			shell = "/bin/sh";
		execl(shell, shell, (char *)NULL);
	}
	_exit(127);
}

int term_pty_spawn(term_pty *pty, char *const argv[], unsigned rows, unsigned cols,
		   char **envp, const char *term)
{
	memset(pty, 0, sizeof *pty);
	struct winsize ws = window_size(rows, cols);
	/* A hang-up sent before the child has its own handlers back (a pane closed at once)
	 * must not be lost to a disposition inherited from us (ignored, or our handler):
	 * blocked across the fork, it waits in the child until exec_child has reset them. */
	sigset_t hup, mask;
	sigemptyset(&hup);
	sigaddset(&hup, SIGHUP);
	sigprocmask(SIG_BLOCK, &hup, &mask);
	pty->pid = forkpty(&pty->fd, NULL, NULL, &ws);
	if (pty->pid == 0)
		exec_child(argv, envp, term);
	sigprocmask(SIG_SETMASK, &mask, NULL);
	if (pty->pid < 0)
		return -1;
	int flags = fcntl(pty->fd, F_GETFL);
	if (flags < 0 || fcntl(pty->fd, F_SETFL, flags | O_NONBLOCK) < 0 ||
	    fcntl(pty->fd, F_SETFD, FD_CLOEXEC) < 0) {
		int e = errno;
		term_pty_close(pty);
		errno = e;
		return -1;
	}
	return 0;
}

int term_pty_resize(term_pty *pty, unsigned rows, unsigned cols)
{
	struct winsize ws = window_size(rows, cols);
	return ioctl(pty->fd, TIOCSWINSZ, &ws);
}

ssize_t term_pty_read(term_pty *pty, char *buf, size_t len)
{
	ssize_t n;
	do
		n = read(pty->fd, buf, len);
	while (n < 0 && errno == EINTR);
	/* Linux reports the slave side's last close as EIO. */
	if (n < 0 && errno == EIO)
		return 0;
	return n;
}

int term_pty_flush(term_pty *pty)
{
	size_t done = 0;
	while (done < pty->queued) {
		ssize_t n = write(pty->fd, pty->queue + done, pty->queued - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n < 0)
			return -1;
		done += (size_t)n;
	}
	memmove(pty->queue, pty->queue + done, pty->queued - done);
	pty->queued -= done;
	return 0;
}

int term_pty_write(term_pty *pty, const char *buf, size_t len)
{
	if (len > TERM_PTY_MAX_QUEUE - pty->queued) {
		errno = ENOBUFS;
		return -1;
	}
	pty->queue = xgrow(pty->queue, &pty->queue_cap, pty->queued + len, 4096);
	memcpy(pty->queue + pty->queued, buf, len);
	pty->queued += len;
	return term_pty_flush(pty);
}

bool term_pty_reap(term_pty *pty)
{
	if (!pty->reaped && pty->pid > 0 && waitpid(pty->pid, &pty->status, WNOHANG) == pty->pid)
		pty->reaped = true;
	return pty->reaped;
}

void term_pty_close(term_pty *pty)
{
	if (pty->fd >= 0)
		close(pty->fd);
	pty->fd = -1;
	if (!term_pty_reap(pty) && pty->pid > 0)
		kill(pty->pid, SIGHUP);
	free(pty->queue);
	pty->queue = NULL;
	pty->queued = pty->queue_cap = 0;
}

bool term_pty_echoes(const term_pty *pty)
{
	struct termios t;
	/* On Linux the master reports the slave's settings. */
	return tcgetattr(pty->fd, &t) == 0 && (t.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO);
}
