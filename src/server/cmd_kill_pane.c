/* kill-pane: the pane; its window and session too if it was their last. */
#include "cmd.h"

static enum cmd_retval cmd_kill_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_kill_pane_entry = {
	.name = "kill-pane",
	.alias = {"killp"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_PANE,
	.usage = "kill-pane [-t target-pane]",
	.exec = cmd_kill_pane_exec,
};

static enum cmd_retval cmd_kill_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	window_remove_pane(p->window, p);
	return CMD_RETURN_NORMAL;
}
