/* kill-session: the session and all its windows and panes. */
#include "cmd.h"

int cmd_kill_session(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return 1;
	session_destroy(s);
	return 0;
}
