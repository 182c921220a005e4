/* select-window, next-window, previous-window: which window is current. */
#include "cmd.h"

static enum cmd_retval cmd_next_window_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_previous_window_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_select_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_next_window_entry = {
	.name = "next-window",
	.alias = {"next"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "next-window [-t target-session]",
	.exec = cmd_next_window_exec,
};

const struct cmd_entry cmd_previous_window_entry = {
	.name = "previous-window",
	.alias = {"prev"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "previous-window [-t target-session]",
	.exec = cmd_previous_window_exec,
};

const struct cmd_entry cmd_select_window_entry = {
	.name = "select-window",
	.alias = {"selectw"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "select-window [-t target-window]",
	.exec = cmd_select_window_exec,
};

static enum cmd_retval cmd_select_window_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return CMD_RETURN_ERROR;
	session_select_window(w->session, w);
	session_touch(w->session);
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval step_window(struct cmd_ctx *ctx, int delta)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return CMD_RETURN_ERROR;
	size_t i = 0;
	while (s->windows[i] != s->current)
		i++;
	session_select_window(s, s->windows[(i + s->nwindows + (size_t)delta) % s->nwindows]);
	session_touch(s);
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_next_window_exec(struct cmd_ctx *ctx)
{
	return step_window(ctx, 1);
}

static enum cmd_retval cmd_previous_window_exec(struct cmd_ctx *ctx)
{
	return step_window(ctx, -1);
}
