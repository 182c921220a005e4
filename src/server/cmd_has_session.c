/* has-session: the exit status says whether the session exists. */
#include "cmd.h"

int cmd_has_session(struct cmd_ctx *ctx)
{
	return cmd_find_session(ctx) != NULL ? 0 : 1;
}
