/*
 * join-pane and move-pane: the source pane (-s, the marked pane, else the current one)
 * moves beside the target pane as a split would put a new one there (-h beside, -v below,
 * -b before, -f beside the whole window, -l/-p its size); a window left empty goes. The
 * moved pane becomes active and its window current unless -d.
 */
#include "cmd.h"

static enum cmd_retval cmd_join_pane_exec(struct cmd_ctx *ctx);

#define JOIN_FLAGS                                                                        \
	ARGS_FLAGS(FLAG_BOOL('b'), FLAG_BOOL('d'), FLAG_BOOL('f'), FLAG_BOOL('h'),        \
		   FLAG_BOOL('v'), FLAG_STRING('l'), FLAG_NUMBER('p', 1, 99), FLAG_STRING('s'), \
		   FLAG_TARGET)

const struct cmd_entry cmd_join_pane_entry = {
	.name = "join-pane",
	.alias = {"joinp"},
	.flags = JOIN_FLAGS,
	.exclusive = "hv",
	.target = TARGET_PANE,
	.usage = "join-pane [-bdfhv] [-l size | -p percent] [-s src-pane] [-t dst-pane]",
	.exec = cmd_join_pane_exec,
};

const struct cmd_entry cmd_move_pane_entry = {
	.name = "move-pane",
	.alias = {"movep"},
	.flags = JOIN_FLAGS,
	.exclusive = "hv",
	.target = TARGET_PANE,
	.usage = "move-pane [-bdfhv] [-l size | -p percent] [-s src-pane] [-t dst-pane]",
	.exec = cmd_join_pane_exec,
};

static enum cmd_retval cmd_join_pane_exec(struct cmd_ctx *ctx)
{
	struct args *a = &ctx->args;
	struct pane *dst = cmd_find_pane(ctx);
	struct pane *src = dst != NULL ? cmd_find_source_pane(ctx) : NULL;
	if (src == NULL)
		return CMD_RETURN_ERROR;
	struct layout_place where;
	if (!cmd_layout_place(ctx, &where))
		return CMD_RETURN_ERROR;
	struct window *dw = dst->window;
	const char *why = window_join_pane(dst, src, &where);
	if (why != NULL)
		return cmd_error(ctx, "%s", why);
	if (!args_has(a, 'd')) {
		window_set_active(dw, src);
		session_select_window(dw->session, dw);
	}
	return CMD_RETURN_NORMAL;
}
