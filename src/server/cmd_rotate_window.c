/*
 * rotate-window: every pane moves one place on in order (-D: the last to the first) or
 * back (-U, the default: the first to the last), as C-b M-o and C-b C-o; the active place
 * stays the active one, so the pane rotated into it becomes active. -Z keeps a zoom.
 */
#include "cmd.h"

static enum cmd_retval cmd_rotate_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_rotate_window_entry = {
	.name = "rotate-window",
	.alias = {"rotatew"},
	.flags = ARGS_FLAGS(FLAG_BOOL('D'), FLAG_BOOL('U'), FLAG_BOOL('Z'), FLAG_TARGET),
	.exclusive = "DU",
	.target = TARGET_WINDOW,
	.usage = "rotate-window [-DUZ] [-t target-window]",
	.exec = cmd_rotate_window_exec,
};

static enum cmd_retval cmd_rotate_window_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return CMD_RETURN_ERROR;
	uint32_t z;
	bool zoomed = layout_zoomed(w->layout, &z) && args_has(&ctx->args, 'Z');
	size_t at = window_pane_index(w, w->active);
	layout_rotate(w->layout, args_has(&ctx->args, 'D') ? 1 : -1);
	window_set_active(w, window_pane_at(w, at));
	if (zoomed)
		layout_toggle_zoom(w->layout, w->active->id);
	window_apply_layout(w);
	return CMD_RETURN_NORMAL;
}
