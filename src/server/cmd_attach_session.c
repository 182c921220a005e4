/* attach-session: needs the client, which does not exist yet. */
#include "cmd.h"

int cmd_attach_session(struct cmd_ctx *ctx)
{
	return cmd_error(ctx, CMD_ATTACH_ERROR);
}
