/* kill-server: attached clients are told "server exited"; the server exits once this
 * reply is out and they have seen it (server.c). */
#include "cmd.h"

static enum cmd_retval cmd_kill_server_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_kill_server_entry = {
	.name = "kill-server",
	.flags = ARGS_NO_FLAGS,
	.target = TARGET_SESSION,
	.usage = "kill-server",
	.exec = cmd_kill_server_exec,
};

static enum cmd_retval cmd_kill_server_exec(struct cmd_ctx *ctx)
{
	server.exiting = true;
	return CMD_RETURN_NORMAL;
}
