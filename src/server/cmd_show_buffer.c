/* show-buffer: a buffer's text as it is. */
#include "cmd.h"
#include "paste.h"

static enum cmd_retval cmd_show_buffer_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_show_buffer_entry = {
	.name = "show-buffer",
	.alias = {"showb"},
	.flags = ARGS_FLAGS(FLAG_STRING('b')),
	.usage = "show-buffer [-b buffer-name]",
	.exec = cmd_show_buffer_exec,
};

static enum cmd_retval cmd_show_buffer_exec(struct cmd_ctx *ctx)
{
	char *cause = NULL;
	struct paste_buffer *pb = paste_find(args_get(&ctx->args, 'b'), &cause);
	if (pb == NULL)
		return cmd_give_cause(ctx, cause);
	cmd_write(ctx, pb->data, pb->size);
	cmd_write(ctx, "\n", 1); /* tmux ends the output with a newline */
	return CMD_RETURN_NORMAL;
}
