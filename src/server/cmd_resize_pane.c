/* resize-pane: move a border by n cells (-L, -R, -U, -D), or zoom (-Z). */
#include "cmd.h"

static enum cmd_retval cmd_resize_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_resize_pane_entry = {
	.name = "resize-pane",
	.alias = {"resizep"},
	.flags = ARGS_FLAGS(FLAG_OPTIONAL('L', 1, CMD_MAX_CELLS), FLAG_OPTIONAL('R', 1, CMD_MAX_CELLS),
			    FLAG_OPTIONAL('U', 1, CMD_MAX_CELLS), FLAG_OPTIONAL('D', 1, CMD_MAX_CELLS),
			    FLAG_BOOL('Z'), FLAG_TARGET),
	.exclusive = "LRUDZ",
	.target = TARGET_PANE,
	.usage = "resize-pane [-L|-R|-U|-D [n] | -Z] [-t target-pane]",
	.exec = cmd_resize_pane_exec,
};

static enum cmd_retval cmd_resize_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	enum layout_dir dir;
	char flag;
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct window *w = p->window;
	if (args_has(&ctx->args, 'Z')) {
		layout_toggle_zoom(w->layout, p->id);
	} else if (cmd_direction(ctx, &dir, &flag)) {
		layout_resize_pane(w->layout, p->id, dir,
				   (unsigned)args_number(&ctx->args, flag, 1));
	}
	window_apply_layout(w);
	return CMD_RETURN_NORMAL;
}
