/*
 * set-option and set-window-option, as tmux's: the option found by name or unique prefix,
 * its value checked for its type, set where its scope and the flags say (cmd_options.c).
 * -u forgets the value (the parent's shows again), -a appends to a string, -o refuses to
 * replace a value already set there, -q keeps quiet about an unknown option (and -o's
 * refusal), -F expands the value as a format for the target first. An array option's
 * item is named name[N]: set, appended to (-a), forgotten (-u) alone.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "alerts.h"
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

/* set -u: forgets the value, or with an index the item (when oo holds the array). */
static void unset(struct options *oo, const struct option_entry *oe, int index)
{
	if (index == -1)
		options_unset(oo, oe);
	else if (options_is_set(oo, oe))
		options_array_set(oo, oe, (unsigned)index, NULL, false);
}

/* Whether -o refuses: oo holds the option (or, with an index, that item) already. */
static bool already_set(const struct options *oo, const struct option_entry *oe, int index)
{
	if (index == -1)
		return options_is_set(oo, oe);
	return options_is_set(oo, oe) && options_array_own(oo, oe, (unsigned)index);
}

/* What follows a change at once, as tmux's options_push_changes. */
static void changed(const struct option_entry *oe)
{
	if (strcmp(oe->name, "monitor-silence") == 0)
		alerts_reset_all(); /* every window's timer starts again */
	if (strcmp(oe->name, "pane-border-status") == 0) /* the panes give or take a row */
		for (size_t i = 0; i < server.nsessions; i++)
			for (size_t j = 0; j < server.sessions[i]->nwindows; j++)
				window_apply_layout(server.sessions[i]->windows[j]);
}

static int assign(struct cmd_ctx *ctx, struct options *oo, const struct option_entry *oe,
		  int index, const char *value)
{
	bool append = args_has(&ctx->args, 'a');
	char *cause = NULL;
	if (index == -1) {
		if (options_set(oo, oe, value, append, &cause) == 0)
			return 0;
		return cmd_give_cause(ctx, cause), -1;
	}
	if (value == NULL)
		return cmd_error(ctx, "empty value"), -1;
	return options_array_set(oo, oe, (unsigned)index, value, append);
}

static enum cmd_retval cmd_set_option_exec(struct cmd_ctx *ctx)
{
	const struct args *a = &ctx->args;
	const char *value = a->argc > 1 ? a->argv[1] : NULL;
	char *cause = NULL;
	int index;
	const struct option_entry *oe = options_find_indexed(a->argv[0], &index, &cause);
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
	if (index != -1 && oe->type != OPTION_ARRAY)
		return cmd_error(ctx, "not an array: %s", a->argv[0]);
	if (args_has(a, 'u')) {
		unset(oo, oe, index);
		changed(oe);
		return CMD_RETURN_NORMAL;
	}
	if (args_has(a, 'o') && already_set(oo, oe, index)) {
		if (args_has(a, 'q'))
			return CMD_RETURN_NORMAL;
		return cmd_error(ctx, "already set: %s", a->argv[0]);
	}
	char *expanded = value != NULL && args_has(a, 'F') ? expand(ctx, value) : NULL;
	int rc = assign(ctx, oo, oe, index, expanded != NULL ? expanded : value);
	free(expanded);
	if (rc == 0)
		changed(oe);
	return rc == 0 ? CMD_RETURN_NORMAL : CMD_RETURN_ERROR;
}
