/* select-pane: the target, or its neighbour on the side -L, -R, -U or -D names. */
#include "cmd.h"

int cmd_select_pane(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	enum layout_dir dir;
	uint32_t id;
	if (p == NULL)
		return 1;
	struct window *w = p->window;
	if (cmd_direction(ctx, &dir, NULL)) {
		if (!layout_neighbour(w->layout, p->id, dir, &id))
			return 0; /* a lone pane has no neighbour: nothing to do, as tmux */
		p = window_find_pane(w, id);
	}
	if (layout_zoomed(w->layout, &id) && id != p->id) {
		layout_unzoom(w->layout);
		window_apply_layout(w);
	}
	w->active = p;
	return 0;
}
