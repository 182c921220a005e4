/* list-clients: none can attach yet, so none to list. */
#include "cmd.h"

int cmd_list_clients(struct cmd_ctx *ctx)
{
	return 0; /* none can attach yet */
}
