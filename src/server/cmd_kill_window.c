/* kill-window: the window and its panes; the session too if it was the last. */
#include "cmd.h"

static enum cmd_retval cmd_kill_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_kill_window_entry = {
	.name = "kill-window",
	.alias = {"killw"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "kill-window [-t target-window]",
	.exec = cmd_kill_window_exec,
};

static enum cmd_retval cmd_kill_window_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return CMD_RETURN_ERROR;
	session_detach_window(w->session, w);
	return CMD_RETURN_NORMAL;
}
