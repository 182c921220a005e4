/*
 * Background jobs: a shell command (/bin/sh -c) run by the server without blocking its
 * loop, its stdout and stderr read through a pipe in the loop's poll, and a callback once
 * it has both closed the pipe and exited. run-shell, if-shell and #() in formats use them.
 *
 * A job may be given its stdin (copy-pipe's text), written as the command reads it.
 * Output is kept up to JOB_OUTPUT_MAX bytes; the rest is read and dropped, so a command
 * that floods never stalls on a full pipe nor grows the server. A job belongs to this
 * module until its callback has returned (the callback must not free it); job_cancel
 * ends one early without its callback (the child gets SIGTERM and is reaped later).
 */
#ifndef RSH_SERVER_JOB_H
#define RSH_SERVER_JOB_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define JOB_OUTPUT_MAX (1024 * 1024)

struct job;
/* status is waitpid's; out (NUL-terminated, len bytes) is valid until the callback returns. */
typedef void job_done_fn(void *data, int status, const char *out, size_t len);

/*
 * Starts cmd in directory cwd (NULL or "": the server's) with environment envp (NULL: the
 * server's), its stderr read as its stdout is (stderr_too) or dropped. NULL when fork or
 * pipe failed (errno says why).
 */
struct job *job_start(const char *cmd, const char *cwd, char **envp, bool stderr_too,
		      job_done_fn *done, void *data);
/* job_start with input (taken, len bytes, NULL for none) written to the command's stdin
 * as it reads, then end of file; what it does not read goes when it ends. */
struct job *job_start_input(const char *cmd, const char *cwd, char **envp, bool stderr_too,
			    char *input, size_t len, job_done_fn *done, void *data);
void job_cancel(struct job *j);
/* Which of the child's standard descriptors job_fork joins to ends[1]. */
enum { JOB_STDIN = 1, JOB_STDOUT = 2, JOB_STDERR = 4 };
/*
 * Forks cmd (through /bin/sh -c) for a job or a pipe-pane: its stdin, stdout and stderr
 * are ends[1] where which says so, else /dev/null, every other descriptor closed and the
 * server's signal handling undone; in directory cwd (NULL or "": the server's; one that
 * cannot be entered: "/") with environment envp (NULL: the server's). ends[1] is closed
 * in the parent and ends[0] made non-blocking. The child's pid, or -1 with errno (ends[0]
 * closed too).
 */
pid_t job_fork(const char *cmd, const char *cwd, char **envp, const int ends[2], unsigned which);

/* The loop's part: how many descriptors to poll, filling fds (at most max) with them; */
size_t job_poll_fds(struct pollfd *fds, size_t max);
/* then, after the poll, with the same fds: reads what came and finishes jobs that ended
 * (also after SIGCHLD alone: a child may exit after closing its output). */
void job_service(const struct pollfd *fds, size_t n);
/* Whether a job still runs (the loop must wake for its exit). */
size_t job_count(void);
/* Job i of those running, newest first (as tmux lists them): its command, the read end
 * of its output (-1 once the child closed it) and its pid; false past the last. A job
 * leaves the list once its child has exited and closed its output. */
bool job_info(size_t i, const char **cmd, int *fd, pid_t *pid);
/* At the server's exit: cancels every job, calling each callback with status -1 and no
 * output (it frees what it holds, and must start nothing). */
void job_free_all(void);

#endif
