/* kill-session: the session and all its windows and panes, or -a every other session;
 * -C instead clears the alerts of the session's windows (their # ! ~ flags), as tmux. */
#include "cmd.h"

static enum cmd_retval cmd_kill_session_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_kill_session_entry = {
	.name = "kill-session",
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_BOOL('C'), FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "kill-session [-aC] [-t target-session]",
	.exec = cmd_kill_session_exec,
};

static enum cmd_retval cmd_kill_session_exec(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return CMD_RETURN_ERROR;
	if (args_has(&ctx->args, 'C')) {
		for (size_t i = 0; i < s->nwindows; i++)
			s->windows[i]->alerts = 0;
		return CMD_RETURN_NORMAL;
	}
	if (!args_has(&ctx->args, 'a')) {
		session_destroy(s);
		return CMD_RETURN_NORMAL;
	}
	while (server.nsessions > 1)
		session_destroy(server.sessions[server.sessions[0] == s ? 1 : 0]);
	return CMD_RETURN_NORMAL;
}
