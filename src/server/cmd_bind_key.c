/*
 * bind-key: binds a key in a key table (prefix by default, root with -n, any with -T) to
 * a command list; a single command word is read as a command line, as tmux does
 * (`bind x 'split-window -h'`). Attached clients get the change with their next view.
 */
#include <stdlib.h>

#include "cmd.h"
#include "key_bindings.h"
#include "cmd/cmdlist.h"
#include "cmd/word.h"
#include "term/keyname.h"

static enum cmd_retval cmd_bind_key_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_bind_key_entry = {
	.name = "bind-key",
	.alias = {"bind"},
	.flags = ARGS_FLAGS(FLAG_BOOL('n'), FLAG_BOOL('r'), FLAG_STRING('N'), FLAG_STRING('T')),
	.min_args = 1, .max_args = ARGS_MANY,
	.usage = "bind-key [-nr] [-T key-table] [-N note] key [command [arguments]]",
	.exec = cmd_bind_key_exec,
};

const char *cmd_key_table(const struct cmd_ctx *ctx)
{
	const char *table = args_get(&ctx->args, 'T');
	if (table != NULL)
		return table;
	return args_has(&ctx->args, 'n') ? "root" : "prefix";
}

enum cmd_retval cmd_key_arg(struct cmd_ctx *ctx, const char *name, term_key *key)
{
	if (!keyname_parse(name, key) || keyname_is_none(key)) {
		char *word = word_escape(name);
		cmd_error(ctx, "unknown key: %s", word);
		free(word);
		return CMD_RETURN_ERROR;
	}
	return CMD_RETURN_NORMAL;
}

/* No command: a new note (or -r) for a key already bound, which keeps its command. */
static enum cmd_retval rebind(struct cmd_ctx *ctx, const char *table, const term_key *key)
{
	const struct key_binding *b = key_tables_lookup(key_bindings(), table, key);
	const char *note = args_get(&ctx->args, 'N');
	char *cause = NULL;
	if (b == NULL)
		return cmd_error(ctx, "no command to bind to %s", ctx->args.argv[0]);
	if (key_tables_bind(key_bindings(), table, key, args_has(&ctx->args, 'r'),
			    note != NULL ? note : b->note, b->argc, b->argv, &cause) != 0) {
		cmd_error(ctx, "%s", cause);
		free(cause);
		return CMD_RETURN_ERROR;
	}
	key_bindings_changed();
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_bind_key_exec(struct cmd_ctx *ctx)
{
	const char *table = cmd_key_table(ctx);
	char *const *argv = ctx->args.argv + 1;
	char **words = NULL, *cause = NULL;
	int argc = ctx->args.argc - 1;
	term_key key;
	enum cmd_retval r = CMD_RETURN_NORMAL;

	if (cmd_key_arg(ctx, ctx->args.argv[0], &key) != CMD_RETURN_NORMAL)
		return CMD_RETURN_ERROR;
	if (argc == 0)
		return rebind(ctx, table, &key);
	if (argc == 1) {
		argc = cmdlist_parse_line(argv[0], &words, &cause);
		if (argc < 0) {
			r = cmd_error(ctx, "%s", cause);
			free(cause);
			return r;
		}
		argv = words;
	}
	if (argc == 0)
		r = cmd_error(ctx, "no command to bind to %s", ctx->args.argv[0]);
	else if (key_tables_bind(key_bindings(), table, &key, args_has(&ctx->args, 'r'),
				 args_get(&ctx->args, 'N'), argc, argv, &cause) != 0)
		r = cmd_error(ctx, "%s", cause);
	else
		key_bindings_changed();
	free(cause);
	if (words != NULL)
		cmdlist_free_words(argc, words);
	return r;
}
