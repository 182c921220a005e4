/*
 * resize-pane: move a border by n cells (-L, -R, -U, -D), make the pane -x columns wide or
 * -y rows high (cells, or a percentage of the window), or zoom (-Z).
 *
 * -M, in a mouse key's binding (MouseDrag1Border), drags the border under the mouse: the
 * client runs it, sending the drag's steps as DRAG events (input.c, layout_drag_border).
 * Here, with no mouse event, it does nothing, as tmux without one.
 */
#include "cmd.h"

static enum cmd_retval cmd_resize_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_resize_pane_entry = {
	.name = "resize-pane",
	.alias = {"resizep"},
	.flags = ARGS_FLAGS(FLAG_OPTIONAL('L', 1, CMD_MAX_CELLS), FLAG_OPTIONAL('R', 1, CMD_MAX_CELLS),
			    FLAG_OPTIONAL('U', 1, CMD_MAX_CELLS), FLAG_OPTIONAL('D', 1, CMD_MAX_CELLS),
			    FLAG_BOOL('M'), FLAG_BOOL('Z'), FLAG_STRING('x'), FLAG_STRING('y'),
			    FLAG_TARGET),
	.exclusive = "LRUDZ",
	.target = TARGET_PANE,
	.usage = "resize-pane [-L|-R|-U|-D [n] | -Z] [-M] [-x width] [-y height] [-t target-pane]",
	.exec = cmd_resize_pane_exec,
};

/* -x or -y: the size asked for, as cells or a percentage of the window's side. */
static bool resize_to(struct cmd_ctx *ctx, struct pane *p, char flag)
{
	unsigned cells = 0, percent = 0;
	struct window *w = p->window;
	if (!cmd_size_flag(ctx, flag, &cells, &percent))
		return false;
	if (percent != 0)
		cells = (flag == 'x' ? w->cols : w->rows) * percent / 100;
	if (cells != 0)
		layout_resize_pane_to(w->layout, p->id, flag == 'x', cells);
	return true;
}

static enum cmd_retval cmd_resize_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	enum layout_dir dir;
	char flag;
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct window *w = p->window;
	if (args_has(&ctx->args, 'M'))
		return CMD_RETURN_NORMAL; /* no mouse event here: the client drags */
	if (args_has(&ctx->args, 'Z')) {
		layout_toggle_zoom(w->layout, p->id);
	} else if (cmd_direction(ctx, &dir, &flag)) {
		layout_resize_pane(w->layout, p->id, dir,
				   (unsigned)args_number(&ctx->args, flag, 1));
	}
	if (!resize_to(ctx, p, 'x') || !resize_to(ctx, p, 'y'))
		return CMD_RETURN_ERROR;
	window_apply_layout(w);
	return CMD_RETURN_NORMAL;
}
