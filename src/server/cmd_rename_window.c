/* rename-window: any one-line name; window names need not be unique. */
#include <stdlib.h>

#include "cmd.h"
#include "util/xmalloc.h"

int cmd_rename_window(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	const char *name = ctx->args.argv[0];
	if (w == NULL)
		return 1;
	if (session_check_name(name) != NULL)
		return cmd_error(ctx, "bad window name: %s", session_check_name(name));
	free(w->name);
	w->name = xstrdup(name);
	return 0;
}
