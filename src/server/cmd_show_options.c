/*
 * show-options and show-window-options, as tmux's: one option, or every option of a
 * scope (-s server, -w window, else session) set in the set the flags name, each as
 * "name value" with strings quoted as the command language reads them back; -v prints
 * the value alone. An array prints each item as "name[N] value"; name[N] names one.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "options.h"
#include "cmd/word.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_show_options_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_show_options_entry = {
	.name = "show-options",
	.alias = {"show"},
	.flags = ARGS_FLAGS(FLAG_BOOL('g'), FLAG_BOOL('p'), FLAG_BOOL('q'), FLAG_BOOL('s'),
			    FLAG_BOOL('v'), FLAG_BOOL('w'), FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = 1,
	.usage = "show-options [-gpqsvw] [-t target-pane] [option]",
	.exec = cmd_show_options_exec,
};

const struct cmd_entry cmd_show_window_options_entry = {
	.name = "show-window-options",
	.alias = {"showw"},
	.flags = ARGS_FLAGS(FLAG_BOOL('g'), FLAG_BOOL('v'), FLAG_TARGET),
	.target = TARGET_WINDOW,
	.max_args = 1,
	.usage = "show-window-options [-gv] [-t target-window] [option]",
	.exec = cmd_show_options_exec,
};

/* One value as tmux prints it: "name value" (strings quoted), or -v the value alone. */
static void print_value(struct cmd_ctx *ctx, const char *name, const char *value,
			bool quote)
{
	if (args_has(&ctx->args, 'v')) {
		cmd_print(ctx, "%s", value);
	} else if (quote) {
		char *quoted = word_quote(value);
		cmd_print(ctx, "%s %s", name, quoted);
		free(quoted);
	} else {
		cmd_print(ctx, "%s %s", name, value);
	}
}

/* One item of an array as "name[N] value" ('' when there is none there, as tmux). */
static void print_item(struct cmd_ctx *ctx, const struct options *oo,
		       const struct option_entry *oe, unsigned index)
{
	const char *value = options_array_get(oo, oe, index);
	char *name;
	xasprintf(&name, "%s[%u]", oe->name, index);
	print_value(ctx, name, value != NULL ? value : "", true);
	free(name);
}

/* An array as tmux shows it: each item, or the name alone when it has none. */
static void print_array(struct cmd_ctx *ctx, const struct options *oo,
			const struct option_entry *oe)
{
	size_t n = options_array_count(oo, oe);
	if (n == 0 && !args_has(&ctx->args, 'v'))
		cmd_print(ctx, "%s", oe->name);
	for (size_t i = 0; i < n; i++) {
		unsigned index;
		options_array_item(oo, oe, i, &index);
		print_item(ctx, oo, oe, index);
	}
}

/* An option; with an index, as tmux: an array's item, another's value under name[N]. */
static void print_option(struct cmd_ctx *ctx, const struct options *oo,
			 const struct option_entry *oe, int index)
{
	if (oe->type == OPTION_ARRAY) {
		if (index != -1)
			print_item(ctx, oo, oe, (unsigned)index);
		else
			print_array(ctx, oo, oe);
		return;
	}
	char *value = options_to_string(oo, oe), *name;
	if (index != -1)
		xasprintf(&name, "%s[%d]", oe->name, index);
	else
		name = xstrdup(oe->name);
	print_value(ctx, name, value, oe->type == OPTION_STRING || oe->type == OPTION_STYLE);
	free(name);
	free(value);
}

/* The scope show-options lists without a name. */
static unsigned listed_scope(const struct cmd_ctx *ctx)
{
	if (args_has(&ctx->args, 's'))
		return OPTION_SCOPE_SERVER;
	if (args_has(&ctx->args, 'w') || args_has(&ctx->args, 'p') ||
	    ctx->args.cmd->name[5] == 'w') /* show-window-options */
		return OPTION_SCOPE_WINDOW;
	return OPTION_SCOPE_SESSION;
}

static enum cmd_retval show_all(struct cmd_ctx *ctx)
{
	unsigned scope = listed_scope(ctx);
	const struct options *oo = NULL;
	for (const struct option_entry *oe = options_table; oe->name != NULL; oe++) {
		if ((oe->scope & scope) == 0)
			continue;
		if (oo == NULL && (oo = cmd_options_scope(ctx, oe)) == NULL)
			return CMD_RETURN_ERROR;
		if (options_is_set(oo, oe))
			print_option(ctx, oo, oe, -1);
	}
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_show_options_exec(struct cmd_ctx *ctx)
{
	if (ctx->args.argc == 0)
		return show_all(ctx);
	char *cause = NULL;
	int index;
	const struct option_entry *oe = options_find_indexed(ctx->args.argv[0], &index, &cause);
	if (oe == NULL) {
		if (!args_has(&ctx->args, 'q'))
			return cmd_give_cause(ctx, cause);
		free(cause);
		return CMD_RETURN_NORMAL;
	}
	const struct options *oo = cmd_options_scope(ctx, oe);
	if (oo == NULL)
		return CMD_RETURN_ERROR;
	if (options_is_set(oo, oe))
		print_option(ctx, oo, oe, index);
	return CMD_RETURN_NORMAL;
}
