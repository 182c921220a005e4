/* list-buffers [-F format] [-f filter]: name, size and a sample of each buffer, most
 * recent first, as tmux (its default format, #{buffer_name}: #{buffer_size} bytes:
 * "#{buffer_sample}"); -f keeps those its filter is true for. */
#include <stdlib.h>

#include "cmd.h"
#include "format.h"
#include "paste.h"

static enum cmd_retval cmd_list_buffers_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_list_buffers_entry = {
	.name = "list-buffers",
	.alias = {"lsb"},
	.flags = ARGS_FLAGS(FLAG_STRING('F'), FLAG_STRING('f')),
	.usage = "list-buffers [-F format] [-f filter]",
	.exec = cmd_list_buffers_exec,
};

static enum cmd_retval cmd_list_buffers_exec(struct cmd_ctx *ctx)
{
	size_t n;
	struct paste_buffer **all = paste_list(&n);
	for (size_t i = 0; i < n; i++) {
		if (!cmd_filter_keeps(ctx, &(struct format_ctx){.pb = all[i]}))
			continue;
		if (args_get(&ctx->args, 'F') != NULL) {
			cmd_print_format(ctx, &(struct format_ctx){.pb = all[i]});
			continue;
		}
		char *sample = paste_sample(all[i]);
		cmd_print(ctx, "%s: %zu bytes: \"%s\"", all[i]->name, all[i]->size, sample);
		free(sample);
	}
	free(all);
	return CMD_RETURN_NORMAL;
}
