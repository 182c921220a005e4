/* unbind-key: removes a key's binding, or with -a every binding of a table (and the table). */
#include <stdlib.h>

#include "cmd.h"
#include "key_bindings.h"
#include "cmd/word.h"

static enum cmd_retval cmd_unbind_key_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_unbind_key_entry = {
	.name = "unbind-key",
	.alias = {"unbind"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_BOOL('n'), FLAG_BOOL('q'), FLAG_STRING('T')),
	.min_args = 0, .max_args = 1,
	.usage = "unbind-key [-anq] [-T key-table] key",
	.exec = cmd_unbind_key_exec,
};

/* -q: fails without a word. */
static enum cmd_retval quiet_or(struct cmd_ctx *ctx, enum cmd_retval r)
{
	if (args_has(&ctx->args, 'q')) {
		free(ctx->cause);
		ctx->cause = NULL;
	}
	return r;
}

static enum cmd_retval no_table(struct cmd_ctx *ctx, const char *table)
{
	char *word = word_escape(table);
	cmd_error(ctx, "table %s doesn't exist", word);
	free(word);
	return quiet_or(ctx, CMD_RETURN_ERROR);
}

static enum cmd_retval cmd_unbind_key_exec(struct cmd_ctx *ctx)
{
	const char *table = cmd_key_table(ctx);
	const char *name = ctx->args.argc > 0 ? ctx->args.argv[0] : NULL;
	term_key key;

	if (args_has(&ctx->args, 'a')) {
		if (name != NULL)
			return quiet_or(ctx, cmd_error(ctx, "key given with -a"));
		if (!key_tables_remove(key_bindings(), table))
			return no_table(ctx, table);
		key_bindings_changed();
		return CMD_RETURN_NORMAL;
	}
	if (name == NULL)
		return quiet_or(ctx, cmd_error(ctx, "missing key"));
	if (cmd_key_arg(ctx, name, &key) != CMD_RETURN_NORMAL)
		return quiet_or(ctx, CMD_RETURN_ERROR);
	if (args_get(&ctx->args, 'T') != NULL && key_tables_find(key_bindings(), table) == NULL)
		return no_table(ctx, table);
	if (key_tables_unbind(key_bindings(), table, &key))
		key_bindings_changed();
	return CMD_RETURN_NORMAL;
}
