/* select-pane: the target, or its neighbour on the side -L, -R, -U or -D names. */
#include "cmd.h"

static enum cmd_retval cmd_select_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_select_pane_entry = {
	.name = "select-pane",
	.alias = {"selectp"},
	.flags = ARGS_FLAGS(FLAG_BOOL('L'), FLAG_BOOL('R'), FLAG_BOOL('U'), FLAG_BOOL('D'),
			    FLAG_TARGET),
	.exclusive = "LRUD",
	.target = TARGET_PANE,
	.usage = "select-pane [-L|-R|-U|-D] [-t target-pane]",
	.exec = cmd_select_pane_exec,
};

static enum cmd_retval cmd_select_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	enum layout_dir dir;
	uint32_t id;
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct window *w = p->window;
	if (cmd_direction(ctx, &dir, NULL)) {
		if (!layout_neighbour(w->layout, p->id, dir, &id))
			return CMD_RETURN_NORMAL; /* a lone pane has no neighbour: nothing to do, as tmux */
		p = window_find_pane(w, id);
	}
	if (layout_zoomed(w->layout, &id) && id != p->id) {
		layout_unzoom(w->layout);
		window_apply_layout(w);
	}
	w->active = p;
	return CMD_RETURN_NORMAL;
}
