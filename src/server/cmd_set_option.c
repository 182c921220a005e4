/*
 * set-option and set-window-option, as tmux's: the option found by name or unique prefix,
 * its value checked for its type, set where its scope and the flags say (cmd_options.c).
 * -u forgets the value (the parent's shows again), -a appends to a string, -o refuses to
 * replace a value already set there, -q keeps quiet about an unknown option, -F expands
 * the value as a format for the target first.
 */
#include <stdlib.h>

#include "cmd.h"
#include "format.h"
#include "options.h"

static enum cmd_retval cmd_set_option_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_set_option_entry = {
	.name = "set-option",
	.alias = {"set"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_BOOL('F'), FLAG_BOOL('g'), FLAG_BOOL('o'),
			    FLAG_BOOL('p'), FLAG_BOOL('q'), FLAG_BOOL('s'), FLAG_BOOL('u'),
			    FLAG_BOOL('w'), FLAG_TARGET),
	.target = TARGET_PANE,
	.min_args = 1,
	.max_args = 2,
	.usage = "set-option [-aFgopqsuw] [-t target-pane] option [value]",
	.exec = cmd_set_option_exec,
};

const struct cmd_entry cmd_set_window_option_entry = {
	.name = "set-window-option",
	.alias = {"setw"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_BOOL('F'), FLAG_BOOL('g'), FLAG_BOOL('o'),
			    FLAG_BOOL('q'), FLAG_BOOL('u'), FLAG_TARGET),
	.target = TARGET_WINDOW,
	.min_args = 1,
	.max_args = 2,
	.usage = "set-window-option [-aFgoqu] [-t target-window] option [value]",
	.exec = cmd_set_option_exec,
};

/* -F: the value as a format, for the target pane (found already: cmd_options_scope). */
static char *expand(struct cmd_ctx *ctx, const char *value)
{
	struct format_ctx f = {.client = ctx->client};
	if (args_get(&ctx->args, 't') != NULL)
		f.p = cmd_find_pane(ctx);
	format_defaults(&f);
	return format_expand(value, &f);
}

static enum cmd_retval cmd_set_option_exec(struct cmd_ctx *ctx)
{
	const struct args *a = &ctx->args;
	const char *value = a->argc > 1 ? a->argv[1] : NULL;
	char *cause = NULL;
	const struct option_entry *oe = options_find(a->argv[0], &cause);
	if (oe == NULL) {
		if (args_has(a, 'q')) {
			free(cause);
			return CMD_RETURN_NORMAL;
		}
		return cmd_give_cause(ctx, cause);
	}
	if (oe->unwired)
		return cmd_error(ctx, "option not supported yet: %s", oe->name);
	struct options *oo = cmd_options_scope(ctx, oe);
	if (oo == NULL)
		return CMD_RETURN_ERROR;
	if (args_has(a, 'u')) {
		options_unset(oo, oe);
	} else if (args_has(a, 'o') && options_is_set(oo, oe)) {
		return cmd_error(ctx, "already set: %s", oe->name);
	} else {
		char *expanded = value != NULL && args_has(a, 'F') ? expand(ctx, value) : NULL;
		int rc = options_set(oo, oe, expanded != NULL ? expanded : value, args_has(a, 'a'),
				     &cause);
		free(expanded);
		if (rc != 0)
			return cmd_give_cause(ctx, cause);
	}
	return CMD_RETURN_NORMAL;
}
