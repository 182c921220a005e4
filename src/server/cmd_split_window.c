/* split-window: a new pane beside (-h) or below (-v) the target, active unless -d. */
#include <stdlib.h>

#include "cmd.h"

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
