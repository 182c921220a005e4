/*
 * The integration tests' harness: a private rsh server in a fresh directory, rsh commands
 * run to completion, and programs (the rsh client) run in a pty whose output feeds the
 * project's own emulator, so a test reads the client's screen as a person would.
 *
 * Every wait is bounded: a failure prints what it waited for and the client's screen,
 * then exits 1. At exit, clients are killed, the server is killed (bounded wait) and any
 * sanitizer report the children wrote into the directory fails the test.
 */
#ifndef RSH_TESTS_ATTACH_HARNESS_H
#define RSH_TESTS_ATTACH_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "term/snapshot.h"

/* How long any wait lasts before the test fails. */
#define HARNESS_TIMEOUT_MS 15000

typedef struct harness_client harness_client;

/* Makes the directory and the children's environment; call first. */
void harness_init(void);
const char *harness_dir(void);
/* Writes text to the file name in harness_dir() (failing the test when it cannot);
 * returns its path, to free. */
char *harness_write_file(const char *name, const char *text);
const char *harness_socket(void);
/* The rsh binary: $RSH, else ./src/rsh (tests run from the build directory). */
const char *harness_rsh_path(void);
/*
 * Prints a failure with the client's screen (c may be NULL) and exits 1; with RSH_TEST_RAW
 * set, writes every byte the client wrote to that file.
 */
void harness_fail(harness_client *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

/*
 * len bytes of lines with a serial number each, so that a lost or repeated piece shows;
 * *want gets the same bytes as a pane in raw mode receives them typed (line feeds as
 * carriage returns). Both allocated and NUL-terminated, to free.
 */
char *harness_paste_text(size_t len, char **want);
/* Fails (with c's screen) unless the file at path holds exactly want's len bytes. */
void harness_check_file(harness_client *c, const char *path, const char *want, size_t len);

/*
 * Runs `rsh -S SOCKET args...` (NULL-terminated) to completion, at most 15 s, stdin
 * /dev/null. Returns its exit code; *out (when out is not NULL) gets its stdout,
 * NUL-terminated, to free.
 */
int harness_rsh(char **out, ...) __attribute__((sentinel));
/* The running server's pid, from its debug log's name (RSH_DEBUG=1), or -1. */
pid_t harness_server_pid(void);
/* Whether process pid runs: false once it is gone or a zombie not reaped yet (read from
 * /proc/pid/stat past the last ')', as a command name may hold blanks and parentheses). */
bool harness_process_running(pid_t pid);
/* What the last harness_rsh (or harness_wait_rsh) command wrote on stderr. */
const char *harness_rsh_stderr(void);

/*
 * Runs `rsh -S SOCKET args...` until its stdout matches the extended regular expression
 * (lines anchored by ^ and $), pumping c's output (c may be NULL) meanwhile; fails after
 * HARNESS_TIMEOUT_MS.
 */
void harness_wait_rsh(harness_client *c, const char *pattern, ...) __attribute__((sentinel));

/* Runs `rsh -S SOCKET args...` in a cols x rows pty. */
harness_client *harness_client_start(unsigned cols, unsigned rows, ...)
	__attribute__((sentinel));
/* Runs any program (argv[0] a path) in a cols x rows pty. */
harness_client *harness_program_start(unsigned cols, unsigned rows, char *const argv[]);
/* tmux attached in a pty of cols x rows to session (made -d at cols x rows - 1) of a tmux
 * server of its own (-f /dev/null, its socket *sock in the test's directory, to free),
 * once its status line shows; NULL when tmux is not installed. */
harness_client *harness_tmux_start(unsigned cols, unsigned rows, const char *session,
				   char **tmux_sock);
/* What `tmux -S sock ARGS` prints (args as the shell reads them), allocated; the test
 * fails when it fails. */
char *harness_tmux(const char *tmux_sock, const char *args);
/* Kills that tmux server, frees t and sock. */
void harness_tmux_free(harness_client *t, char *tmux_sock);
/* Frees what the test holds of it; kills the program first when it still runs. */
void harness_client_free(harness_client *c);

/* The pty's master, for a caller polling several clients (then harness_pump(c, 0)). */
int harness_client_fd(harness_client *c);
/* Reads the pty's output into the emulator, waiting at most ms for some; false once closed. */
bool harness_pump(harness_client *c, int ms);
/* Reads the pty's output for ms, as a user pausing: e.g. HARNESS_CLICK_PAUSE_MS after a
 * mouse press, so the next press is a new click and not tmux's second click (which a
 * press within its 300 ms click timeout is, wherever it lands). */
void harness_idle(harness_client *c, int ms);
#define HARNESS_CLICK_PAUSE_MS 400
typedef bool harness_pred(harness_client *c, void *arg);
/* Pumps until pred holds, at most HARNESS_TIMEOUT_MS, else fails naming what. */
void harness_wait(harness_client *c, harness_pred *pred, void *arg, const char *what);
/* Waits until the screen shows text somewhere (on one row). */
void harness_wait_text(harness_client *c, const char *text);
/* Waits until a row holds exactly text (trailing blanks aside). */
void harness_wait_line(harness_client *c, const char *text);
/* Waits until row `row` holds text somewhere. */
void harness_wait_row(harness_client *c, unsigned row, const char *text);
/* A cell of the client's screen as its emulator holds it. */
term_cell harness_cell(harness_client *c, unsigned row, unsigned col);
/*
 * Waits until the client's screen matches the server's own view of the session's current
 * window (target as list-panes -t takes it): at each visible pane's place, exactly what
 * capture-pane -p gives of it (clipped to the client's screen), and a status row (the
 * last) starting "[SESSION] ". On failure prints both sides.
 */
void harness_wait_match(harness_client *c, const char *target, const char *session);
/*
 * Resizes the client's terminal as a person resizing the window would: the pty's size
 * (the kernel then sends SIGWINCH to the program) and the emulator reading it.
 */
void harness_client_resize(harness_client *c, unsigned cols, unsigned rows);
/* Sends bytes to the program as typed. */
void harness_send(harness_client *c, const char *bytes);
/* The same for len bytes, NUL (C-Space) included. */
void harness_send_bytes(harness_client *c, const char *bytes, size_t len);

/* A row's text in UTF-8, trailing blanks removed; to free. */
char *harness_row(harness_client *c, unsigned row);
/* The rectangle's rows, each exactly w cells wide (blanks as spaces), joined by '\n'. */
char *harness_rect(harness_client *c, unsigned x, unsigned y, unsigned w, unsigned h);
/* Whether some row holds text. */
bool harness_screen_has(harness_client *c, const char *text);
void harness_cursor(harness_client *c, unsigned *row, unsigned *col);
/* Whether the emulator shows the alternate screen. */
bool harness_altscreen(harness_client *c);
/* The client's screen as the emulator has it (cells, cursor), to unref. */
term_snapshot *harness_snapshot(harness_client *c);
/* Pumps until the program has written nothing for quiet_ms (at most HARNESS_TIMEOUT_MS). */
void harness_settle(harness_client *c, int quiet_ms);
/*
 * The server's view of a pane (capture-pane -e -p -t pane) read by an emulator of
 * cols x rows: its cells as the server has them, to unref.
 */
term_snapshot *harness_capture_cells(const char *pane, unsigned cols, unsigned rows);

/* Prints the screen to stderr, rows numbered. */
void harness_dump(harness_client *c);

void harness_client_kill(harness_client *c, int sig);
/* The program's pid (to find its children). */
pid_t harness_client_pid(harness_client *c);
/* Detaches the client (C-b d), waits for it to exit 0 (else fails) and frees it. */
void harness_detach(harness_client *c);
/* Waits (pumping) until the program exits; returns its wait status. */
int harness_client_wait_exit(harness_client *c);
/* How many times the program wrote bytes (a NUL-terminated string) so far. */
unsigned harness_output_count(harness_client *c, const char *bytes);
/*
 * A client of cols x rows attached to a new session "work" whose pane runs, for each line
 * typed as "ARG DONE", body (a sh command list using $arg), then `echo "$done"`; started
 * once the pane is there.
 */
harness_client *harness_pane_loop(unsigned cols, unsigned rows, const char *body);
/*
 * For a pane of harness_pane_loop: types "arg done",
 * waits for the line done (the typed line shows done at once, the program's echo is a
 * line of its own), then until the client is quiet.
 */
void harness_pane_step(harness_client *c, const char *arg, const char *done);

/* All the bytes the program wrote so far, NUL-terminated. */
const char *harness_client_output(harness_client *c, size_t *len);
/* The pty's termios lflag while the program still holds it open: raw or cooked. */
bool harness_client_cooked(harness_client *c);

#endif
