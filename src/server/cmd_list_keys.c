/* list-keys: the bindings as bind-key lines, or with -N their notes after the global
 * prefix, as tmux (cmd/keylist.h). */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "key_bindings.h"
#include "cmd/keylist.h"

static enum cmd_retval cmd_list_keys_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_list_keys_entry = {
	.name = "list-keys",
	.alias = {"lsk"},
	.flags = ARGS_FLAGS(FLAG_BOOL('1'), FLAG_BOOL('a'), FLAG_BOOL('N'), FLAG_STRING('P'),
			    FLAG_STRING('T')),
	.min_args = 0, .max_args = 1,
	.usage = "list-keys [-1aN] [-P prefix-string] [-T key-table] [key]",
	.exec = cmd_list_keys_exec,
};

static enum cmd_retval cmd_list_keys_exec(struct cmd_ctx *ctx)
{
	const struct args *a = &ctx->args;
	struct keylist_request rq = {
		.table = args_get(a, 'T'), .notes = args_has(a, 'N'), .all = args_has(a, 'a'),
		.first = args_has(a, '1'), .key = a->argc > 0 ? a->argv[0] : NULL,
		.prefix = args_get(a, 'P'),
	};
	char *cause = NULL, *text = keylist_print(key_bindings_shipped(NULL), &rq, &cause);
	if (text == NULL) {
		cmd_error(ctx, "%s", cause);
		free(cause);
		return CMD_RETURN_ERROR;
	}
	cmd_write(ctx, text, strlen(text));
	free(text);
	return CMD_RETURN_NORMAL;
}
