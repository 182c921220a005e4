/* clock-mode (C-b t): a clock over the target pane for the client showing it (mode_clock.h). */
#include "cmd.h"
#include "mode_clock.h"

static enum cmd_retval cmd_clock_mode_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_clock_mode_entry = {
	.name = "clock-mode",
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_PANE,
	.usage = "clock-mode [-t target-pane]",
	.exec = cmd_clock_mode_exec,
};

static enum cmd_retval cmd_clock_mode_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct client *c = cmd_find_pane_client(ctx, p);
	if (c == NULL)
		return CMD_RETURN_ERROR;
	mode_clock_start(c, p->id);
	return CMD_RETURN_NORMAL;
}
