/*
 * split-window: a new pane beside (-h) or below (-v) the target, or before it (-b), or
 * beside the whole window (-f); -l and -p its size; active unless -d, zoomed with -Z;
 * -P prints where it went.
 */
#include <stdlib.h>

#include "cmd.h"

static enum cmd_retval cmd_split_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_split_window_entry = {
	.name = "split-window",
	.alias = {"splitw"},
	.flags = ARGS_FLAGS(FLAG_BOOL('b'), FLAG_BOOL('d'), FLAG_BOOL('f'), FLAG_BOOL('h'),
			    FLAG_BOOL('v'), FLAG_BOOL('P'), FLAG_BOOL('Z'), FLAG_STRING('c'),
			    FLAG_STRING('e'), FLAG_STRING('F'),
			    FLAG_STRING('l'), FLAG_NUMBER('p', 1, 99), FLAG_TARGET),
	.exclusive = "hv",
	.target = TARGET_PANE,
	.max_args = ARGS_MANY,
	.usage = "split-window [-bdfhvPZ] [-c start-directory] [-e environment] [-F format] "
		 "[-l size | -p percent] "
		 "[-t target-pane] [command]",
	.exec = cmd_split_window_exec,
};

static enum cmd_retval cmd_split_window_exec(struct cmd_ctx *ctx)
{
	struct args *a = &ctx->args;
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct window *w = p->window;
	struct layout_place where;
	if (!cmd_layout_place(ctx, &where))
		return CMD_RETURN_ERROR;
	struct spawn sp = cmd_spawn(ctx, w->session, p);
	char *error = NULL;
	struct pane *np = window_split(w, p, &where, &sp, &error);
	if (np == NULL) {
		enum cmd_retval code = cmd_error(ctx, "%s", error);
		free(error);
		return code;
	}
	if (!args_has(a, 'd'))
		window_set_active(w, np);
	if (args_has(a, 'Z')) {
		layout_toggle_zoom(w->layout, np->id);
		window_apply_layout(w);
	}
	cmd_print_pane(ctx, np, CMD_NEW_PANE);
	return CMD_RETURN_NORMAL;
}
