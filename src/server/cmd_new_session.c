/* new-session -d: a session of one window, 80x24 unless -x and -y say. */
#include <stdlib.h>

#include "cmd.h"

static unsigned clamp_size(long n)
{
	return n < LAYOUT_MIN ? LAYOUT_MIN : n > LAYOUT_MAX ? LAYOUT_MAX : (unsigned)n;
}

int cmd_new_session(struct cmd_ctx *ctx)
{
	const char *name = args_get(&ctx->args, 's');
	if (!args_has(&ctx->args, 'd'))
		return cmd_error(ctx, CMD_ATTACH_ERROR);
	if (name != NULL && cmd_check_session_name(ctx, name) != 0)
		return 1;
	unsigned cols = clamp_size(args_number(&ctx->args, 'x', SERVER_DEFAULT_COLS));
	unsigned rows = clamp_size(args_number(&ctx->args, 'y', SERVER_DEFAULT_ROWS));
	struct spawn sp = cmd_spawn(ctx);
	char *error = NULL;
	if (session_create(name, cols, rows, &sp, &error) != NULL)
		return 0;
	int code = cmd_error(ctx, "%s", error);
	free(error);
	return code;
}
