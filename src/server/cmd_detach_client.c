/* detach-client: no client can be attached yet. */
#include "cmd.h"

int cmd_detach_client(struct cmd_ctx *ctx)
{
	return cmd_error(ctx, "no client attached");
}
