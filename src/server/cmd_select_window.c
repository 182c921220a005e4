/* select-window, next-window, previous-window: which window is current. */
#include "cmd.h"

int cmd_select_window(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return 1;
	session_select_window(w->session, w);
	session_touch(w->session);
	return 0;
}

static int step_window(struct cmd_ctx *ctx, int delta)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return 1;
	size_t i = 0;
	while (s->windows[i] != s->current)
		i++;
	session_select_window(s, s->windows[(i + s->nwindows + (size_t)delta) % s->nwindows]);
	session_touch(s);
	return 0;
}

int cmd_next_window(struct cmd_ctx *ctx)
{
	return step_window(ctx, 1);
}

int cmd_previous_window(struct cmd_ctx *ctx)
{
	return step_window(ctx, -1);
}
