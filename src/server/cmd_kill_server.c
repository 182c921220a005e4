/* kill-server: the server exits once this reply is out. */
#include "cmd.h"

int cmd_kill_server(struct cmd_ctx *ctx)
{
	server.exiting = true;
	return 0;
}
