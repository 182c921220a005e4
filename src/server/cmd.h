/*
 * Running one command line from the control socket. args.c has already checked its shape;
 * a handler resolves its targets (cmd_find.c), acts, and writes what the command prints.
 */
#ifndef RSH_SERVER_CMD_H
#define RSH_SERVER_CMD_H

#include <stdbool.h>
#include <stddef.h>

#include "args.h"
#include "proto.h"
#include "server.h"

struct cmd_buf {
	char *p;
	size_t len, cap;
};

struct client;

struct cmd_ctx {
	const struct proto_request *req;
	struct client *client; /* the attached client whose COMMAND event this is, or NULL */
	struct args args;
	struct cmd_buf out, err;
};

/* Runs the request and fills the reply (free it with proto_reply_free). */
void cmd_execute(const struct proto_request *req, struct proto_reply *reply);

/* Appends a line to the command's output. */
void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_write(struct cmd_ctx *ctx, const char *buf, size_t len);
/* Appends "rsh: " and a line to the command's errors; returns the exit status 1. */
int cmd_error(struct cmd_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Refuses a new session name that is malformed or taken: writes why and returns 1, else 0. */
int cmd_check_session_name(struct cmd_ctx *ctx, const char *name);
/* Attaches the requester to s: switches the command's client to it, or (from the control
 * socket) makes a client and prints its connect line. */
int cmd_attach(struct cmd_ctx *ctx, struct session *s);
/* The direction flag given (-L, -R, -U or -D; args.c lets at most one through), if any. */
bool cmd_direction(const struct cmd_ctx *ctx, enum layout_dir *dir, char *flag);

/* What a new pane runs: the command's positional arguments, in the client's cwd. */
struct spawn cmd_spawn(const struct cmd_ctx *ctx);

/*
 * Target resolution, as tmux: the session by id, exact name, then unique prefix; the
 * window by id, index, exact name, then unique prefix; the pane by id or index. An
 * absent part is the current one. On failure the functions write the error and return
 * NULL.
 */
struct session *cmd_find_session(struct cmd_ctx *ctx);
/* The session a single target part names. */
struct session *cmd_find_session_part(struct cmd_ctx *ctx, const struct target_part *part);
struct window *cmd_find_window(struct cmd_ctx *ctx);
struct pane *cmd_find_pane(struct cmd_ctx *ctx);

typedef int cmd_fn(struct cmd_ctx *ctx);

/* One handler per command, named after it. */
cmd_fn cmd_attach_session, cmd_capture_pane, cmd_detach_client, cmd_has_session,
	cmd_kill_pane, cmd_kill_server, cmd_kill_session, cmd_kill_window, cmd_list_clients,
	cmd_list_panes, cmd_list_sessions, cmd_list_windows, cmd_new_session, cmd_new_window,
	cmd_next_window, cmd_previous_window, cmd_rename_session, cmd_rename_window,
	cmd_resize_pane, cmd_select_pane, cmd_select_window, cmd_send_keys, cmd_split_window;

#endif
