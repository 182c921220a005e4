/* kill-window: the window and its panes; the session too if it was the last. */
#include "cmd.h"

int cmd_kill_window(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return 1;
	session_detach_window(w->session, w);
	return 0;
}
