/* kill-server: attached clients are told "server exited"; the server exits once this
 * reply is out and they have seen it (server.c). */
#include "cmd.h"

int cmd_kill_server(struct cmd_ctx *ctx)
{
	server.exiting = true;
	return 0;
}
