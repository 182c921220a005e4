/* delete-buffer: the named buffer, or the most recent. */
#include "cmd.h"
#include "paste.h"

static enum cmd_retval cmd_delete_buffer_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_delete_buffer_entry = {
	.name = "delete-buffer",
	.alias = {"deleteb"},
	.flags = ARGS_FLAGS(FLAG_STRING('b')),
	.usage = "delete-buffer [-b buffer-name]",
	.exec = cmd_delete_buffer_exec,
};

static enum cmd_retval cmd_delete_buffer_exec(struct cmd_ctx *ctx)
{
	const char *name = args_get(&ctx->args, 'b');
	struct paste_buffer *pb = paste_get(name);
	if (pb == NULL && name != NULL)
		return cmd_error(ctx, "unknown buffer: %s", name);
	if (pb == NULL)
		return cmd_error(ctx, "no buffer");
	paste_delete(pb);
	return CMD_RETURN_NORMAL;
}
