/* resize-pane: move a border by n cells (-L, -R, -U, -D), or zoom (-Z). */
#include "cmd.h"

int cmd_resize_pane(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	enum layout_dir dir;
	char flag;
	if (p == NULL)
		return 1;
	struct window *w = p->window;
	if (args_has(&ctx->args, 'Z')) {
		layout_toggle_zoom(w->layout, p->id);
	} else if (cmd_direction(ctx, &dir, &flag)) {
		layout_resize_pane(w->layout, p->id, dir,
				   (unsigned)args_number(&ctx->args, flag, 1));
	}
	window_apply_layout(w);
	return 0;
}
