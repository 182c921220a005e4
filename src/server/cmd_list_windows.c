/* list-windows: one line per window of a session, the current one marked. */
#include "cmd.h"

int cmd_list_windows(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return 1;
	for (size_t i = 0; i < s->nwindows; i++) {
		const struct window *w = s->windows[i];
		cmd_print(ctx, "%u: %s%s (%zu panes) [%ux%u] @%u%s", w->index, w->name,
			  w == s->current ? "*" : "", w->npanes, w->cols, w->rows, w->id,
			  w == s->current ? " (active)" : "");
	}
	return 0;
}
