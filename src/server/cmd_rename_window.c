/* rename-window: any one-line name; window names need not be unique. */
#include <stdlib.h>

#include "cmd.h"

static enum cmd_retval cmd_rename_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_rename_window_entry = {
	.name = "rename-window",
	.alias = {"renamew"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_WINDOW,
	.min_args = 1,
	.max_args = 1,
	.usage = "rename-window [-t target-window] new-name",
	.exec = cmd_rename_window_exec,
};

static enum cmd_retval cmd_rename_window_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	const char *name = ctx->args.argv[0];
	if (w == NULL)
		return CMD_RETURN_ERROR;
	if (session_check_name(name) != NULL)
		return cmd_error(ctx, "bad window name: %s", session_check_name(name));
	window_set_name(w, name, true);
	return CMD_RETURN_NORMAL;
}
