/* kill-pane: the pane; its window and session too if it was their last. */
#include "cmd.h"

int cmd_kill_pane(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return 1;
	window_remove_pane(p->window, p);
	return 0;
}
