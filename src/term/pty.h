/*
 * A pane's child process on a pseudo-terminal: spawn, resize, queued non-blocking writes,
 * reaping.
 */
#ifndef RSH_TERM_PTY_H
#define RSH_TERM_PTY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Input not yet taken by the child is queued up to this many bytes. */
#define TERM_PTY_MAX_QUEUE (4u << 20)

typedef struct term_pty {
	int fd;    /* the master side, non-blocking, close-on-exec */
	pid_t pid;
	bool reaped;
	int status; /* wait status once reaped */
	char *queue; /* written but not yet taken by the pty */
	size_t queued, queue_cap;
} term_pty;

/*
 * Starts argv (or, when argv is NULL, the user's $SHELL, else /bin/sh) on a new pty of the
 * given size, in environment envp (NULL: the caller's), with TERM set to term (NULL:
 * xterm-256color). Returns 0, or -1 with errno.
 */
int term_pty_spawn(term_pty *pty, char *const argv[], unsigned rows, unsigned cols,
		   char **envp, const char *term);
int term_pty_resize(term_pty *pty, unsigned rows, unsigned cols);

/* Reads what the child wrote: > 0 bytes, 0 at its end (the child closed the pty), -1 with
 * errno (EAGAIN: nothing now). */
ssize_t term_pty_read(term_pty *pty, char *buf, size_t len);

/*
 * Queues len bytes for the child and writes as much as the pty takes now; the rest goes
 * out with term_pty_flush when the fd is writable. Returns 0, or -1 with errno (ENOBUFS:
 * the queue is full, nothing was queued).
 */
int term_pty_write(term_pty *pty, const char *buf, size_t len);
int term_pty_flush(term_pty *pty);
static inline size_t term_pty_queued(const term_pty *pty)
{
	return pty->queued;
}

/* Whether the terminal echoes what is typed to it now (canonical mode with ECHO), as the
 * program on it last set it: the kernel's echo, certain where a program's is a guess. */
bool term_pty_echoes(const term_pty *pty);

/* True once the child has exited (its wait status in pty->status); never blocks. */
bool term_pty_reap(term_pty *pty);

/* Closes the pty and hangs up on the child (SIGHUP); reaps it if it is already gone. */
void term_pty_close(term_pty *pty);

#endif
