/* has-session: the exit status says whether the session exists. */
#include "cmd.h"

static enum cmd_retval cmd_has_session_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_has_session_entry = {
	.name = "has-session",
	.alias = {"has"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "has-session [-t target-session]",
	.exec = cmd_has_session_exec,
};

static enum cmd_retval cmd_has_session_exec(struct cmd_ctx *ctx)
{
	return cmd_find_session(ctx) != NULL ? CMD_RETURN_NORMAL : CMD_RETURN_ERROR;
}
