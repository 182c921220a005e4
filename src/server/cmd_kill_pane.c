/* kill-pane: the pane (its window and session too if it was their last), or -a every other. */
#include "cmd.h"

static enum cmd_retval cmd_kill_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_kill_pane_entry = {
	.name = "kill-pane",
	.alias = {"killp"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_TARGET),
	.target = TARGET_PANE,
	.usage = "kill-pane [-a] [-t target-pane]",
	.exec = cmd_kill_pane_exec,
};

static enum cmd_retval cmd_kill_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct window *w = p->window;
	if (!args_has(&ctx->args, 'a')) {
		window_remove_pane(w, p);
		return CMD_RETURN_NORMAL;
	}
	while (w->npanes > 1)
		window_remove_pane(w, w->panes[w->panes[0] == p ? 1 : 0]);
	return CMD_RETURN_NORMAL;
}
