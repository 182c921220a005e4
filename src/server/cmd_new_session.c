/*
 * new-session: a session of one window (-n its name), then attached to the requester.
 * With -d it stays detached at 80x24 unless -x and -y say; attached, it takes the
 * requester's terminal less the status line. -c is its start directory (else where it
 * ran); -A attaches to the session -s names when it exists (-D detaching its other
 * clients, -X too, each SIGHUPing its parent, as attach -x); -P prints its name.
 */
#include <stdlib.h>

#include "cmd.h"
#include "environ.h"
#include "options.h"
#include "server_client.h"
#include "status.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_new_session_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_new_session_entry = {
	.name = "new-session",
	.alias = {"new"},
	.flags = ARGS_FLAGS(FLAG_BOOL('A'), FLAG_BOOL('d'), FLAG_BOOL('D'), FLAG_BOOL('E'),
			    FLAG_BOOL('P'), FLAG_BOOL('X'), FLAG_STRING('c'), FLAG_STRING('e'), FLAG_STRING('F'),
			    FLAG_STRING('n'), FLAG_STRING('s'),
			    FLAG_NUMBER('x', 1, CMD_MAX_CELLS), FLAG_NUMBER('y', 1, CMD_MAX_CELLS)),
	.target = TARGET_SESSION,
	.max_args = ARGS_MANY,
	.usage = "new-session [-AdDEPX] [-c start-directory] [-e environment] [-F format] "
		 "[-n window-name] [-s session-name] "
		 "[-x width] [-y height] [command]",
	.exec = cmd_new_session_exec,
};

static unsigned clamp_size(long n)
{
	return n < LAYOUT_MIN ? LAYOUT_MIN : n > LAYOUT_MAX ? LAYOUT_MAX : (unsigned)n;
}

/* The size an attached session starts at: the requesting client's, else the default. */
static void attach_size(const struct cmd_ctx *ctx, long *cols, long *rows)
{
	unsigned c = ctx->req->cols, r = ctx->req->rows;
	if (ctx->client != NULL) {
		c = ctx->client->in.cols;
		r = ctx->client->in.rows;
	}
	*cols = c > 0 ? (long)c : SERVER_DEFAULT_COLS;
	*rows = r > 1 ? (long)status_area_rows(options_global_session, r) : SERVER_DEFAULT_ROWS;
}

static enum cmd_retval cmd_new_session_exec(struct cmd_ctx *ctx)
{
	struct args *a = &ctx->args;
	const char *name = args_get(a, 's'), *wname = args_get(a, 'n');
	bool detached = args_has(a, 'd');
	struct session *old = name != NULL ? session_find_name(name) : NULL;
	if (old != NULL && args_has(a, 'A')) {
		/* -A: as attach-session (-D: as attach-session -d) */
		if (args_has(a, 'D') || args_has(a, 'X'))
			cmd_detach_clients(old, ctx->client, args_has(a, 'X'));
		return detached ? CMD_RETURN_NORMAL : cmd_attach(ctx, old);
	}
	if (name != NULL && cmd_check_session_name(ctx, name) != 0)
		return CMD_RETURN_ERROR;
	if (wname != NULL && session_check_name(wname) != NULL)
		return cmd_error(ctx, "bad window name: %s", session_check_name(wname));
	long cols = SERVER_DEFAULT_COLS, rows = SERVER_DEFAULT_ROWS;
	if (!detached)
		attach_size(ctx, &cols, &rows);
	cols = args_number(&ctx->args, 'x', cols);
	rows = args_number(&ctx->args, 'y', rows);
	/* As tmux: the new session's environment has the requester's update-environment
	 * variables before its first pane starts (-E: not). */
	struct environ *env = environ_create();
	if (ctx->req != NULL && ctx->req->has_env && !args_has(a, 'E'))
		environ_update(env, options_get_string(options_global_session, "update-environment"),
			       ctx->req->envv, ctx->req->envc);
	cmd_environ_args(ctx, env); /* -e: the session's, as tmux */
	struct spawn sp = cmd_spawn(ctx, NULL, NULL);
	environ_free_envp(ctx->env);
	sp.env = ctx->env = environ_envp(env);
	char *error = NULL;
	struct session *s = session_create(name, clamp_size(cols), clamp_size(rows), &sp, &error);
	if (s == NULL) {
		environ_free(env);
		enum cmd_retval code = cmd_error(ctx, "%s", error);
		free(error);
		return code;
	}
	environ_free(s->environ);
	s->environ = env;
	if (wname != NULL)
		window_set_name(s->windows[0], wname, true);
	cmd_print_pane(ctx, s->current->active, "#{session_name}:");
	return detached ? CMD_RETURN_NORMAL : cmd_attach(ctx, s);
}
