/*
 * pipe-pane's pipes, as tmux's: a shell command joined to a pane by a socket pair. What
 * the pane's program writes from the moment the pipe opens goes to the command's stdin
 * (out), and what the command writes goes to the pane's program as if typed (in). A pane
 * has one pipe at most (pane->pipe).
 *
 * The pane's output waiting for a command that reads slower than the pane writes is kept
 * up to PANE_PIPE_QUEUE_MAX bytes, the rest dropped (tmux keeps it all): a stuck command
 * never stalls the pane nor grows the server. The command's output is read only while the
 * pane's input queue has room, so a flooding command waits for the pane's program.
 * Closing a pipe closes the server's end only, as tmux: the command sees its input end (or
 * a write fail) and is reaped when it goes.
 */
#ifndef RSH_SERVER_PANE_PIPE_H
#define RSH_SERVER_PANE_PIPE_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#define PANE_PIPE_QUEUE_MAX (1024 * 1024)

struct pane;

/*
 * Opens a pipe for p, which has none: cmd started by job_fork in cwd with envp; in: its
 * output goes to the pane; out: the pane's output goes to it. False with errno when the
 * socket pair or the fork failed.
 */
bool pane_pipe_open(struct pane *p, const char *cmd, const char *cwd, char **envp, bool in,
		    bool out);
/* Closes p's pipe if it has one (pipe-pane without a command, the pane going). */
void pane_pipe_close(struct pane *p);
/* Output the pane's program just wrote: queued for its pipe when one takes it. */
void pane_pipe_output(struct pane *p, const char *buf, size_t len);

/* The loop's part: how many pipes are open; */
size_t pane_pipe_count(void);
/* the descriptors to poll, filling fds (at most max) with them; */
size_t pane_pipe_poll_fds(struct pollfd *fds, size_t max);
/* then, after the poll, with the same fds: writes what is queued, reads the commands'
 * output into their panes and closes the pipes whose command went. */
void pane_pipe_service(const struct pollfd *fds, size_t n);

#endif
