/* Pane commands: split, select, resize, zoom, kill, list. */
#include <stdlib.h>

#include "cmd.h"
#include "util/xmalloc.h"

int cmd_split_window(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return 1;
	struct window *w = p->window;
	enum layout_split how = args_has(&ctx->args, 'h') ? LAYOUT_SIDE_BY_SIDE
							   : LAYOUT_ABOVE_BELOW;
	unsigned percent = (unsigned)args_number(&ctx->args, 'p', 0);
	struct spawn sp = cmd_spawn(ctx);
	char *error = NULL;
	struct pane *np = window_split(w, p, how, percent, &sp, &error);
	if (np == NULL) {
		int code = cmd_error(ctx, "split-window: %s", error);
		free(error);
		return code;
	}
	if (!args_has(&ctx->args, 'd'))
		w->active = np;
	return 0;
}

static const struct {
	char flag;
	enum layout_dir dir;
} directions[] = {
	{'L', LAYOUT_LEFT}, {'R', LAYOUT_RIGHT}, {'U', LAYOUT_UP}, {'D', LAYOUT_DOWN},
};

/* The direction flag given, if any (args.c lets at most one through). */
static bool direction(const struct cmd_ctx *ctx, enum layout_dir *dir)
{
	for (size_t i = 0; i < sizeof directions / sizeof *directions; i++)
		if (args_has(&ctx->args, directions[i].flag)) {
			*dir = directions[i].dir;
			return true;
		}
	return false;
}

int cmd_select_pane(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	enum layout_dir dir;
	uint32_t id;
	if (p == NULL)
		return 1;
	struct window *w = p->window;
	if (direction(ctx, &dir)) {
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

int cmd_resize_pane(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	enum layout_dir dir;
	if (p == NULL)
		return 1;
	struct window *w = p->window;
	if (args_has(&ctx->args, 'Z')) {
		layout_toggle_zoom(w->layout, p->id);
	} else if (direction(ctx, &dir)) {
		char flag = directions[dir].flag;
		layout_resize_pane(w->layout, p->id, dir,
				   (unsigned)args_number(&ctx->args, flag, 1));
	}
	window_apply_layout(w);
	return 0;
}

int cmd_kill_pane(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return 1;
	window_remove_pane(p->window, p);
	return 0;
}

int cmd_list_panes(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return 1;
	struct layout_geom geom[w->npanes];
	size_t n = layout_list(w->layout, geom, w->npanes);
	for (size_t i = 0; i < n; i++) {
		const struct pane *p = window_find_pane(w, geom[i].pane);
		cmd_print(ctx, "%zu: [%ux%u] [at %u,%u] %%%u%s%s", i, geom[i].cols, geom[i].rows,
			  geom[i].x, geom[i].y, p->id, p == w->active ? " (active)" : "",
			  geom[i].visible ? "" : " (hidden)");
	}
	return 0;
}
