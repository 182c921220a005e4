/* kill-window: the window (and its session with its last), or -a every other of its session. */
#include "cmd.h"

static enum cmd_retval cmd_kill_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_kill_window_entry = {
	.name = "kill-window",
	.alias = {"killw"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "kill-window [-a] [-t target-window]",
	.exec = cmd_kill_window_exec,
};

static enum cmd_retval cmd_kill_window_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return CMD_RETURN_ERROR;
	struct session *s = w->session;
	if (!args_has(&ctx->args, 'a')) {
		session_detach_window(s, w);
		return CMD_RETURN_NORMAL;
	}
	while (s->nwindows > 1)
		session_detach_window(s, s->windows[s->windows[0] == w ? 1 : 0]);
	return CMD_RETURN_NORMAL;
}
