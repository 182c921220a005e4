/* list-buffers: name, size and a sample of each buffer, most recent first, as tmux. */
#include <stdlib.h>

#include "cmd.h"
#include "paste.h"

static enum cmd_retval cmd_list_buffers_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_list_buffers_entry = {
	.name = "list-buffers",
	.alias = {"lsb"},
	.flags = ARGS_NO_FLAGS,
	.usage = "list-buffers",
	.exec = cmd_list_buffers_exec,
};

static enum cmd_retval cmd_list_buffers_exec(struct cmd_ctx *ctx)
{
	size_t n;
	struct paste_buffer **all = paste_list(&n);
	for (size_t i = 0; i < n; i++) {
		char *sample = paste_sample(all[i]);
		cmd_print(ctx, "%s: %zu bytes: \"%s\"", all[i]->name, all[i]->size, sample);
		free(sample);
	}
	free(all);
	return CMD_RETURN_NORMAL;
}
