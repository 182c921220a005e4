/*
 * start-server: nothing to do once the server runs; `rsh start-server` is one of the
 * commands that start a server when there is none (rsh_local.c), which reads its config
 * file as it starts, as tmux's.
 */
#include "cmd.h"

static enum cmd_retval cmd_start_server_exec(struct cmd_ctx *ctx)
{
	(void)ctx;
	return CMD_RETURN_NORMAL;
}

const struct cmd_entry cmd_start_server_entry = {
	.name = "start-server",
	.alias = {"start"},
	.flags = ARGS_NO_FLAGS,
	.usage = "start-server",
	.exec = cmd_start_server_exec,
};
