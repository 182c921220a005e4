/* clear-history: the pane's scrollback goes (clients' caches follow its new epoch). */
#include "cmd.h"

static enum cmd_retval cmd_clear_history_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_clear_history_entry = {
	.name = "clear-history",
	.alias = {"clearhist"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_PANE,
	.usage = "clear-history [-t target-pane]",
	.exec = cmd_clear_history_exec,
};

static enum cmd_retval cmd_clear_history_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	term_emulator_clear_history(p->em);
	return CMD_RETURN_NORMAL;
}
