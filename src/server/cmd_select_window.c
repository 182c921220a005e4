/*
 * select-window (-l the last window, -n and -p the next and previous, -T the last when
 * the target is already current), next-window, previous-window, last-window: which window
 * is current.
 */
#include "cmd.h"

static enum cmd_retval cmd_next_window_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_previous_window_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_select_window_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_last_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_last_window_entry = {
	.name = "last-window",
	.alias = {"last"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "last-window [-t target-session]",
	.exec = cmd_last_window_exec,
};

const struct cmd_entry cmd_next_window_entry = {
	.name = "next-window",
	.alias = {"next"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "next-window [-a] [-t target-session]",
	.exec = cmd_next_window_exec,
};

const struct cmd_entry cmd_previous_window_entry = {
	.name = "previous-window",
	.alias = {"prev"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "previous-window [-a] [-t target-session]",
	.exec = cmd_previous_window_exec,
};

const struct cmd_entry cmd_select_window_entry = {
	.name = "select-window",
	.alias = {"selectw"},
	.flags = ARGS_FLAGS(FLAG_BOOL('l'), FLAG_BOOL('n'), FLAG_BOOL('p'), FLAG_BOOL('T'),
			    FLAG_TARGET),
	.exclusive = "lnp",
	.target = TARGET_WINDOW,
	.usage = "select-window [-lnpT] [-t target-window]",
	.exec = cmd_select_window_exec,
};

static enum cmd_retval last_window(struct cmd_ctx *ctx, struct session *s)
{
	if (s->last == NULL)
		return cmd_error(ctx, "no last window");
	session_select_window(s, s->last);
	session_touch(s);
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval step(struct cmd_ctx *ctx, struct session *s, int delta);

static enum cmd_retval cmd_select_window_exec(struct cmd_ctx *ctx)
{
	struct args *a = &ctx->args;
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return CMD_RETURN_ERROR;
	struct session *s = w->session;
	if (args_has(a, 'l') || (args_has(a, 'T') && w == s->current))
		return last_window(ctx, s);
	if (args_has(a, 'n') || args_has(a, 'p'))
		return step(ctx, s, args_has(a, 'n') ? 1 : -1);
	session_select_window(s, w);
	session_touch(s);
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_last_window_exec(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	return s != NULL ? last_window(ctx, s) : CMD_RETURN_ERROR;
}

static enum cmd_retval step_window(struct cmd_ctx *ctx, int delta)
{
	struct session *s = cmd_find_session(ctx);
	return s != NULL ? step(ctx, s, delta) : CMD_RETURN_ERROR;
}

/* The window delta away, wrapping (with -a: the nearest that way with an alert); as
 * tmux, none but the current one is "no next window". */
static enum cmd_retval step(struct cmd_ctx *ctx, struct session *s, int delta)
{
	bool alert = args_has(&ctx->args, 'a');
	size_t i = 0, n = s->nwindows;
	while (s->windows[i] != s->current)
		i++;
	for (size_t k = 1; k < n; k++) {
		struct window *w = s->windows[delta > 0 ? (i + k) % n : (i + n - k) % n];
		if (alert && w->alerts == 0)
			continue;
		session_select_window(s, w);
		session_touch(s);
		return CMD_RETURN_NORMAL;
	}
	return cmd_error(ctx, "no %s window", delta > 0 ? "next" : "previous");
}

static enum cmd_retval cmd_next_window_exec(struct cmd_ctx *ctx)
{
	return step_window(ctx, 1);
}

static enum cmd_retval cmd_previous_window_exec(struct cmd_ctx *ctx)
{
	return step_window(ctx, -1);
}
