/* list-commands: every command as tmux lists them, "name (alias) usage", or the one named. */
#include <string.h>

#include "cmd.h"

static enum cmd_retval cmd_list_commands_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_list_commands_entry = {
	.name = "list-commands",
	.alias = {"lscm"},
	.flags = ARGS_NO_FLAGS,
	.target = TARGET_SESSION,
	.max_args = 1,
	.usage = "list-commands [command]",
	.exec = cmd_list_commands_exec,
};

static enum cmd_retval cmd_list_commands_exec(struct cmd_ctx *ctx)
{
	const char *only = ctx->args.argc > 0 ? ctx->args.argv[0] : NULL;
	const struct cmd_entry *one = NULL;
	if (only != NULL) {
		char *cause;
		if ((one = cmd_entry_find(only, &cause)) == NULL)
			return cmd_give_cause(ctx, cause);
	}
	for (const struct cmd_entry *const *c = cmd_table; *c != NULL; c++) {
		if (one != NULL && *c != one)
			continue;
		/* The usage line starts with the name (tests/test_args checks every entry). */
		const char *rest = (*c)->usage + strlen((*c)->name);
		if ((*c)->alias[0] != NULL)
			cmd_print(ctx, "%s (%s)%s", (*c)->name, (*c)->alias[0], rest);
		else
			cmd_print(ctx, "%s%s", (*c)->name, rest);
	}
	return CMD_RETURN_NORMAL;
}
