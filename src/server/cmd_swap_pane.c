/*
 * swap-pane: the source pane (-s, the marked pane, else the current one) and the target
 * change places, in one window or across two; -D and -U swap the target with the next or
 * previous pane instead (C-b } and C-b {). The pane that was active stays active where it
 * went, unless -d; -Z keeps the window zoomed.
 */
#include "cmd.h"

static enum cmd_retval cmd_swap_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_swap_pane_entry = {
	.name = "swap-pane",
	.alias = {"swapp"},
	.flags = ARGS_FLAGS(FLAG_BOOL('d'), FLAG_BOOL('D'), FLAG_BOOL('U'), FLAG_BOOL('Z'),
			    FLAG_STRING('s'), FLAG_TARGET),
	.exclusive = "DU",
	.target = TARGET_PANE,
	.usage = "swap-pane [-dDUZ] [-s src-pane] [-t dst-pane]",
	.exec = cmd_swap_pane_exec,
};

static enum cmd_retval cmd_swap_pane_exec(struct cmd_ctx *ctx)
{
	struct args *a = &ctx->args;
	struct pane *dst = cmd_find_pane(ctx), *src;
	if (dst == NULL)
		return CMD_RETURN_ERROR;
	struct window *dw = dst->window;
	if (args_has(a, 'D') || args_has(a, 'U'))
		src = window_find_pane(dw, layout_next(dw->layout, dst->id, args_has(a, 'D') ? 1 : -1));
	else if ((src = cmd_find_source_pane(ctx)) == NULL)
		return CMD_RETURN_ERROR;
	struct window *sw = src->window;
	uint32_t z;
	bool zoomed = layout_zoomed(dw->layout, &z) && args_has(a, 'Z');
	if (src == dst)
		return CMD_RETURN_NORMAL;
	window_swap_panes(src, dst);
	/* As tmux, step by step: one window's two checks can both apply. */
	if (!args_has(a, 'd')) {
		window_set_active(sw, dst);
		if (sw != dw)
			window_set_active(dw, src);
	} else {
		if (sw->active == src)
			window_set_active(sw, dst);
		if (dw->active == dst)
			window_set_active(dw, src);
	}
	if (zoomed) {
		layout_toggle_zoom(dw->layout, dw->active->id);
		window_apply_layout(dw);
	}
	return CMD_RETURN_NORMAL;
}
