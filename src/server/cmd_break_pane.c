/*
 * break-pane: the source pane (-s, else the current one) leaves its window for a new one
 * at the index -t gives (else the first free), named -n or after the window it left;
 * current unless -d; -P prints where it went. A pane alone in its window only takes -n.
 */
#include <stdlib.h>

#include "cmd.h"

static enum cmd_retval cmd_break_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_break_pane_entry = {
	.name = "break-pane",
	.alias = {"breakp"},
	.flags = ARGS_FLAGS(FLAG_BOOL('d'), FLAG_BOOL('P'), FLAG_STRING('F'), FLAG_STRING('n'),
			    FLAG_STRING('s'),
			    FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "break-pane [-dP] [-F format] [-n window-name] [-s src-pane] [-t dst-window]",
	.exec = cmd_break_pane_exec,
};

static enum cmd_retval cmd_break_pane_exec(struct cmd_ctx *ctx)
{
	struct args *a = &ctx->args;
	const char *s = args_get(a, 's');
	struct pane *p = s != NULL ? cmd_find_source_pane(ctx) : NULL;
	unsigned index;
	struct session *ds = cmd_find_new_window(ctx, &index);
	if (ds == NULL || (s != NULL && p == NULL))
		return CMD_RETURN_ERROR;
	if (p == NULL)
		p = ds->current->active;
	const char *name = args_get(a, 'n');
	if (name != NULL && session_check_name(name) != NULL)
		return cmd_error(ctx, "bad window name: %s", session_check_name(name));
	struct window *w = p->window;
	if (w->npanes == 1) {
		if (w->session != ds)
			return cmd_error(ctx, "can't break with only one pane");
		if (name != NULL)
			window_set_name(w, name, true);
	} else {
		layout_unzoom(w->layout);
		window_take_pane(w, p);
		struct window *nw = window_create_with(index, p, w->cols, w->rows,
						       name != NULL ? name : w->name);
		if (name != NULL)
			window_set_name(nw, name, true);
		session_attach_window(ds, nw);
		if (!args_has(a, 'd'))
			session_select_window(ds, nw);
	}
	cmd_print_pane(ctx, p, CMD_NEW_PANE);
	return CMD_RETURN_NORMAL;
}
