/* kill-session: the session and all its windows and panes. */
#include "cmd.h"

static enum cmd_retval cmd_kill_session_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_kill_session_entry = {
	.name = "kill-session",
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "kill-session [-t target-session]",
	.exec = cmd_kill_session_exec,
};

static enum cmd_retval cmd_kill_session_exec(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return CMD_RETURN_ERROR;
	session_destroy(s);
	return CMD_RETURN_NORMAL;
}
