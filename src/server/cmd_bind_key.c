/*
 * bind-key: binds a key in a key table (prefix by default, root with -n, any with -T) to
 * a command list; a single command word is read as a command line, as tmux does
 * (`bind x 'split-window -h'`). Attached clients get the change with their next view.
 */
#include <stdlib.h>

#include "cmd.h"
#include "key_bindings.h"
#include "cmd/cmdlist.h"
#include "cmd/parse.h"
#include "cmd/word.h"
#include "term/keyname.h"
#include "util/xmalloc.h"

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

/*
 * The command list checked as tmux checks it at bind time, each command's name, flags and
 * arguments (a typo in a config is its line's error, not a key that does nothing), then
 * made again in argv form with each command's full name (list-keys prints split-window
 * for splitw, as tmux), { } blocks among the arguments too, as tmux parses them. Returns
 * the word count with *out allocated (cmdlist_free_words), or -1 with the error given to
 * ctx.
 */
static int checked_list(struct cmd_ctx *ctx, int argc, char *const argv[], char ***out);

/* A block's word checked and made again as tmux prints a block (its commands' full
 * names, words quoted, " ; " between); NULL with the error given to ctx. */
static char *checked_block(struct cmd_ctx *ctx, const char *word, size_t from, size_t to)
{
	char *text = xstrndup(word + from, to - from), **words = NULL, **checked = NULL;
	char *cause = NULL, *out = NULL;
	int argc = cmdlist_parse_line(text, &words, &cause);
	int n = argc < 0 ? -1 : argc == 0 ? 0 : checked_list(ctx, argc, words, &checked);
	if (argc < 0)
		cmd_error(ctx, "%s", cause);
	else if (n >= 0)
		out = cmdlist_print_block(n, checked);
	if (checked != NULL)
		cmdlist_free_words(n, checked);
	if (words != NULL)
		cmdlist_free_words(argc, words);
	free(cause);
	free(text);
	return out;
}

/* One argument of a bound command in argv form: a block's word checked, else as it is. */
static char *checked_word(struct cmd_ctx *ctx, const char *word)
{
	size_t from, to;
	if (!cmd_parse_block(word, strlen(word), &from, &to))
		return cmdlist_escape(word);
	char *block = checked_block(ctx, word, from, to), *w = NULL;
	if (block != NULL)
		w = cmdlist_escape(block);
	free(block);
	return w;
}

static int checked_list(struct cmd_ctx *ctx, int argc, char *const argv[], char ***out)
{
	struct cmdlist l;
	cmdlist_split(argc, argv, &l);
	char **w = xcalloc((size_t)argc + (size_t)l.n + 1, sizeof *w);
	int n = 0;
	for (int i = 0; i < l.n; i++) {
		struct args a;
		char *cause = NULL;
		int bad = args_parse_command(l.cmd[i].argc, l.cmd[i].argv, &a, &cause);
		args_free(&a);
		if (bad != 0) {
			cmd_error(ctx, "%s", cause);
			free(cause);
			cmdlist_free(&l);
			cmdlist_free_words(n, w);
			return -1;
		}
		if (n > 0)
			w[n++] = xstrdup(";");
		w[n++] = xstrdup(cmd_entry_find(l.cmd[i].argv[0], &cause)->name); /* it parsed */
		for (int j = 1; j < l.cmd[i].argc; j++)
			if ((w[n++] = checked_word(ctx, l.cmd[i].argv[j])) == NULL) {
				cmdlist_free(&l);
				cmdlist_free_words(n - 1, w);
				return -1;
			}
	}
	cmdlist_free(&l);
	*out = w;
	return n;
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
	char **checked = NULL;
	int n = argc > 0 ? checked_list(ctx, argc, argv, &checked) : 0;
	if (argc == 0 || n == 0)
		r = cmd_error(ctx, "no command to bind to %s", ctx->args.argv[0]);
	else if (n < 0)
		r = CMD_RETURN_ERROR;
	else if (key_tables_bind(key_bindings(), table, &key, args_has(&ctx->args, 'r'),
				 args_get(&ctx->args, 'N'), n, checked, &cause) != 0)
		r = cmd_error(ctx, "%s", cause);
	else
		key_bindings_changed();
	free(cause);
	if (checked != NULL)
		cmdlist_free_words(n, checked);
	if (words != NULL)
		cmdlist_free_words(argc, words);
	return r;
}
