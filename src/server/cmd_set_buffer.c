/* set-buffer: a buffer's text from the command line, appended with -a, renamed with -n. */
#include <string.h>

#include "cmd.h"
#include "paste.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_set_buffer_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_set_buffer_entry = {
	.name = "set-buffer",
	.alias = {"setb"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_STRING('b'), FLAG_STRING('n')),
	.max_args = 1,
	.usage = "set-buffer [-a] [-b buffer-name] [-n new-buffer-name] data",
	.exec = cmd_set_buffer_exec,
};

static enum cmd_retval cmd_set_buffer_exec(struct cmd_ctx *ctx)
{
	const char *name = args_get(&ctx->args, 'b'), *rename = args_get(&ctx->args, 'n');
	char *cause = NULL;
	if (rename != NULL) {
		struct paste_buffer *pb = paste_find(name, &cause);
		if (pb == NULL || !paste_rename(pb, rename, &cause))
			return cmd_give_cause(ctx, cause);
		return CMD_RETURN_NORMAL;
	}
	if (ctx->args.argc == 0)
		return cmd_error(ctx, "no data specified");
	const char *data = ctx->args.argv[0];
	struct paste_buffer *pb = paste_get(name);
	if (args_has(&ctx->args, 'a') && pb != NULL)
		paste_append(pb, data, strlen(data));
	else
		paste_set(name, xstrdup(data), strlen(data));
	return CMD_RETURN_NORMAL;
}
