/*
 * Running one command line. The parser (cmd/args.h) has already checked its shape against
 * the command's entry; the entry's exec resolves its targets (cmd_find.c), acts, writes
 * what the command prints, and gives back why it failed (cmd_error, cmd/cause.h).
 */
#ifndef RSH_SERVER_CMD_H
#define RSH_SERVER_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd/args.h"
#include "cmd/parse.h"
#include "cmd/proto.h"
#include "job.h"
#include "server.h"
#include "term/input.h"

struct cmd_buf {
	char *p;
	size_t len, cap;
};

struct client;

/* What the commands of one request print: every command it runs (a list, a config file
 * sourced) adds to the same two. */
struct cmd_output {
	struct cmd_buf out, err;
};

struct cmd_wait;

struct cmd_ctx {
	const struct proto_request *req;
	struct client *client; /* the attached client whose COMMAND event this is, or NULL */
	int argc;              /* the command's own words, as it was given them */
	char *const *argv;
	struct args args;
	struct cmd_output *o;
	char *cause;    /* why the command failed (cmd/cause.h), or NULL */
	unsigned depth; /* files being sourced around this command */
	char *cwd;      /* -c expanded for cmd_spawn; freed after the exec */
	char **env;     /* cmd_spawn's environment; freed after the exec */
	/* Non-NULL: what runs after the command can wait for it (the rest of a request's
	 * line whose reply can wait, or of a config file: not another command's list): it
	 * may return CMD_RETURN_WAIT and later call cmd_wait_resume(wait, ...). */
	struct cmd_wait *wait;
};

/* The largest -x, -y and resize counts a command line may give; the server clamps further. */
#define CMD_MAX_CELLS 10000

/* Takes a reply that waited (free it with proto_reply_free). */
typedef void cmd_reply_fn(void *data, struct proto_reply *reply);

/*
 * Runs the request's words (one command, or several split at ';' as tmux's command line
 * does, stopping at the first that fails) and fills the reply (free it with
 * proto_reply_free): true. With done non-NULL a command may wait (run-shell, if-shell
 * without -b): false, and done(data, reply) is called from the loop once the rest of the
 * line has run; the request is copied, so the caller's may go.
 */
bool cmd_execute(const struct proto_request *req, struct proto_reply *reply, cmd_reply_fn *done,
		 void *data);

/*
 * For a command that returned CMD_RETURN_WAIT: the context it finishes in (the request's,
 * its output and cause), then the resumption with its result: the rest of the line runs
 * unless code is CMD_RETURN_ERROR. status, when not 0, is the reply's exit code (run-shell
 * gives its command's, as tmux).
 */
struct cmd_ctx *cmd_wait_ctx(struct cmd_wait *w);
/* Drops a waiting request without a reply (its job was cancelled: the server exits). */
void cmd_wait_free(struct cmd_wait *w);
void cmd_wait_resume(struct cmd_wait *w, enum cmd_retval code, int status);

/*
 * A waiting point of the caller's own (a config file's lines, cfg.c), for one command's
 * ctx->wait: the command finishes in ctx's request, client and output (which must outlive
 * the wait). When it waited, its cmd_wait_resume calls resume(arg, code, status, cause:
 * why it failed, allocated, or NULL) and cmd_wait_free calls resume(arg,
 * CMD_RETURN_ERROR, -1, NULL): the job was cancelled. Either frees the wait; one the
 * command did not wait on is freed with cmd_wait_unused.
 */
typedef void cmd_resume_fn(void *arg, enum cmd_retval code, int status, char *cause);
struct cmd_wait *cmd_wait_new(const struct cmd_ctx *ctx, cmd_resume_fn *resume, void *arg);
void cmd_wait_unused(struct cmd_wait *w);
/* A deep copy of a request (free it with proto_request_free). */
void cmd_request_copy(struct proto_request *to, const struct proto_request *from);

/*
 * Runs one command line from within a command (a config file's line): the same request,
 * client and output as ctx; with wait (cmd_wait_new), the command may wait
 * (CMD_RETURN_WAIT). Returns its status; on failure *cause (allocated) says why, or is
 * NULL when the command reported its errors itself (cmd_print_error).
 */
enum cmd_retval cmd_run(struct cmd_ctx *ctx, int argc, char *const argv[], char **cause,
			struct cmd_wait *wait);

/* Runs a parsed list (cmd/parse.h) as a command line: stops at the first failure (a bad
 * line, a failing command) and gives back its cause. */
enum cmd_retval cmd_run_list(struct cmd_ctx *ctx, const struct cmd_parse_list *list);

/* A line on the request's stderr as it is (no prefix): for what a command reports
 * beside its own success or failure, as source-file's file:line: errors. */
void cmd_print_error(struct cmd_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Appends a line to the command's output. */
void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_write(struct cmd_ctx *ctx, const char *buf, size_t len);
/* Appends what from holds to to, emptying from. */
void cmd_output_move(struct cmd_output *to, struct cmd_output *from);
/*
 * Gives back why the command failed: the first error a command meets is its cause (a
 * later one, from a caller that adds nothing new, is dropped). Returns CMD_RETURN_ERROR.
 */
enum cmd_retval cmd_error(struct cmd_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Gives back cause (allocated; taken) as cmd_error does. Returns CMD_RETURN_ERROR. */
enum cmd_retval cmd_give_cause(struct cmd_ctx *ctx, char *cause);

struct environ;
/* -e's VAR=value entries (repeatable) set in e; one without '=' is left out, as tmux. */
void cmd_environ_args(const struct cmd_ctx *ctx, struct environ *e);
/* The environment -g (the global one) or -t (its session's) names; NULL with the error
 * given when the session is not found. */
struct environ *cmd_environ(struct cmd_ctx *ctx);

/* run-shell's and if-shell's format context: the target pane (-t, else the current one
 * when there is a session). False with the error given when the target is not found. */
struct format_ctx;
bool cmd_shell_format(struct cmd_ctx *ctx, struct format_ctx *f);
/*
 * run-shell's and if-shell's job (cmd_run_shell.c): the command, expanded as a format for
 * cmd_shell_format's target, started in the
 * caller's directory with the target session's environment (environ_envp). NULL with the
 * error given when the target is not found or the job could not start.
 */
struct job *cmd_shell_job(struct cmd_ctx *ctx, const char *command, job_done_fn *done,
			  void *data);
/* Why a job failed, as tmux says it ('cmd' returned 1, 'cmd' terminated by signal 9), or
 * NULL when it exited 0; *code is the exit code it gives (128 + signal). */
char *cmd_shell_failure(const char *command, int status, int *code);

struct option_entry;
/* The option set -g, -p and -t name for an option of oe's scope (cmd_options.c); NULL
 * with the error given when the target is not found. */
struct options *cmd_options_scope(struct cmd_ctx *ctx, const struct option_entry *oe);

/* Refuses a new session name that is malformed or taken: writes why and returns 1, else 0. */
int cmd_check_session_name(struct cmd_ctx *ctx, const char *name);
/* Attaches the requester to s: switches the command's client to it, or (from the control
 * socket) makes a client and prints its connect line. */
enum cmd_retval cmd_attach(struct cmd_ctx *ctx, struct session *s);
/* Ends every client of s but except (attach -d, new-session -AD, detach-client); hup:
 * each SIGHUPs its parent as it goes (attach -x, new-session -X, detach-client -P). */
void cmd_detach_clients(const struct session *s, const struct client *except, bool hup);
/* The direction flag given (-L, -R, -U or -D; args.c lets at most one through), if any. */
bool cmd_direction(const struct cmd_ctx *ctx, enum layout_dir *dir, char *flag);

/*
 * A size flag's value (-l 10, -l 30%): cells or a percentage, left alone when the flag is
 * absent. False and the cause ("size invalid: x", as tmux) when malformed.
 */
bool cmd_size_flag(struct cmd_ctx *ctx, char flag, unsigned *cells, unsigned *percent);
/* Where -h/-v, -b, -f, -l and -p put a new pane (split-window, join-pane); false on a bad -l. */
bool cmd_layout_place(struct cmd_ctx *ctx, struct layout_place *where);
/* -P: prints -F (else template: CMD_NEW_PANE, "session:window.pane") expanded for a pane
 * just made. */
#define CMD_NEW_PANE "#{session_name}:#{window_index}.#{pane_index}"
void cmd_print_pane(struct cmd_ctx *ctx, struct pane *p, const char *template);

/*
 * What a new pane of session s (NULL: a new session) runs: the command's positional
 * arguments in -c (a format, expanded for pane p, else s), else s's start directory, else
 * the client's cwd, with s's default-shell, default-command and history-limit and the
 * server's default-terminal.
 */
struct spawn cmd_spawn(struct cmd_ctx *ctx, struct session *s, struct pane *p);

/* Prints one line per object of a list command: its -F format expanded for f (its client
 * the command's when f names none). */
struct format_ctx;
void cmd_print_format(struct cmd_ctx *ctx, struct format_ctx *f);
/* Whether a list command's -f filter, expanded for f, keeps the object (no -f: all). */
bool cmd_filter_keeps(struct cmd_ctx *ctx, struct format_ctx *f);

/*
 * Target resolution, as tmux: the session by id, exact name, then unique prefix; the
 * window by id, index, exact name, then unique prefix; the pane by id or index. An
 * absent part is the current one. On failure the functions write the error and return
 * NULL. cmd_find_session resolves a window or pane part too when the target has one
 * (z:5, @3, %2), and gives its session.
 */
struct session *cmd_find_session(struct cmd_ctx *ctx);
/* The pane the request was typed in (its RSH_PANE) while that pane lives, else NULL: what
 * targets left out mean, as tmux's TMUX_PANE, instead of the most recently used session.
 * Looked up at each use, so a command that waited (run-shell) never holds a pane gone. */
struct pane *cmd_here(const struct cmd_ctx *ctx);
/* The session a single target part names. */
struct session *cmd_find_session_part(struct cmd_ctx *ctx, const struct target_part *part);
struct window *cmd_find_window(struct cmd_ctx *ctx);
struct pane *cmd_find_pane(struct cmd_ctx *ctx);
/*
 * Where -t puts a new window (new-window, break-pane): the session, and the free index it
 * names or else the first free one. NULL and the cause when the index is taken.
 */
struct session *cmd_find_new_window(struct cmd_ctx *ctx, unsigned *index);
/* The same, giving the window already at that index (move-window -k) instead of failing. */
struct session *cmd_find_window_index(struct cmd_ctx *ctx, unsigned *index,
				      struct window **taken);
/* The same for a target other than -t's (parsed with target_parse). */
struct window *cmd_find_window_at(struct cmd_ctx *ctx, const struct target *t);
struct pane *cmd_find_pane_at(struct cmd_ctx *ctx, const struct target *t);
/*
 * The pane -s names, else the marked pane, else the current one: commands with a source
 * and a target (swap-pane, join-pane), as tmux.
 */
struct pane *cmd_find_source_pane(struct cmd_ctx *ctx);
/*
 * The client the flag (-t, or -c for switch-client) names as target-client: its number as
 * list-clients shows it, else a session target (its client with the latest input);
 * without the flag the command's own client. NULL with the error written when none.
 */
struct client *cmd_find_client(struct cmd_ctx *ctx, char flag);
/* The client of session s with the latest input, or NULL. */
struct client *cmd_latest_client(const struct session *s);
/* The command's own client, else cmd_latest_client(s): where a command shows something
 * (display-message, the choosers, display-panes). */
struct client *cmd_session_client(struct cmd_ctx *ctx, const struct session *s);
/* cmd_session_client for the target pane's session (-t): where a mode opens (the
 * choosers, find-window). NULL with the error written ("no current client"). */
struct client *cmd_mode_client(struct cmd_ctx *ctx);
/* The client showing pane p (its window is its session's current one): the command's own
 * client when it is one of them, else the latest active. NULL with the error written
 * ("no client shows pane %N") when none does. */
struct client *cmd_find_pane_client(struct cmd_ctx *ctx, const struct pane *p);
/* Sends the command's own words to the target client (flag as above) to run there:
 * what is the client's business (command-prompt, confirm-before, switch-client -T). */
enum cmd_retval cmd_run_on_client(struct cmd_ctx *ctx, char flag);
/* The key table a key-binding command names: -T, else root with -n, else prefix. */
const char *cmd_key_table(const struct cmd_ctx *ctx);
/* Reads a key name argument; "unknown key: x" written when it names none. */
enum cmd_retval cmd_key_arg(struct cmd_ctx *ctx, const char *name, term_key *key);
/* The window -s names, else the current one (swap-window, move-window). */
struct window *cmd_find_source_window(struct cmd_ctx *ctx);

#endif
