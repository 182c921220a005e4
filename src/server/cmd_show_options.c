/*
 * show-options and show-window-options, as tmux's: one option, or every option of a
 * scope (-s server, -w window, else session) set in the set the flags name, each as
 * "name value" with strings quoted as the command language reads them back; -v prints
 * the value alone.
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

/* An array as tmux shows it: "name[i] item" for each item, the name alone for none; -v
 * the items alone. */
static void print_array(struct cmd_ctx *ctx, const struct option_entry *oe, const char *items)
{
	bool bare = args_has(&ctx->args, 'v');
	unsigned i = 0;
	if (*items == '\0' && !bare)
		cmd_print(ctx, "%s", oe->name);
	for (const char *p = items; *p != '\0'; i++) {
		size_t n = strcspn(p, "\n");
		char *item = xstrndup(p, n), *quoted = word_quote(item);
		if (bare)
			cmd_print(ctx, "%s", item);
		else
			cmd_print(ctx, "%s[%u] %s", oe->name, i, quoted);
		free(item);
		free(quoted);
		p += n + (p[n] == '\n');
	}
}

static void print_option(struct cmd_ctx *ctx, const struct options *oo,
			 const struct option_entry *oe)
{
	char *value = options_to_string(oo, oe);
	if (oe->type == OPTION_ARRAY) {
		print_array(ctx, oe, value);
	} else if (args_has(&ctx->args, 'v')) {
		cmd_print(ctx, "%s", value);
	} else if (oe->type == OPTION_STRING || oe->type == OPTION_STYLE) {
		char *quoted = word_quote(value);
		cmd_print(ctx, "%s %s", oe->name, quoted);
		free(quoted);
	} else {
		cmd_print(ctx, "%s %s", oe->name, value);
	}
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
			print_option(ctx, oo, oe);
	}
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_show_options_exec(struct cmd_ctx *ctx)
{
	if (ctx->args.argc == 0)
		return show_all(ctx);
	char *cause = NULL;
	const struct option_entry *oe = options_find(ctx->args.argv[0], &cause);
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
		print_option(ctx, oo, oe);
	return CMD_RETURN_NORMAL;
}
