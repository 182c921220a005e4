/*
 * resize-window, as tmux 3.3a's: the window takes the size -x and -y give, grown or
 * shrunk by the adjustment (default 1) with -R/-L/-D/-U, or (-A, -a) the largest or
 * smallest its session's clients give; its window-size becomes manual, so it keeps that
 * size whatever the clients (set window-size back to follow them again).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include "cmd.h"
#include "options.h"
#include "server_client.h"

static enum cmd_retval cmd_resize_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_resize_window_entry = {
	.name = "resize-window",
	.alias = {"resizew"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_BOOL('A'), FLAG_BOOL('D'), FLAG_BOOL('L'),
			    FLAG_BOOL('R'), FLAG_BOOL('U'), FLAG_STRING('x'), FLAG_STRING('y'),
			    FLAG_TARGET),
	.exclusive = "DLRU",
	.target = TARGET_WINDOW,
	.max_args = 1,
	.usage = "resize-window [-aADLRU] [-x width] [-y height] [-t target-window] [adjustment]",
	.exec = cmd_resize_window_exec,
};

/* A number from lo to hi as tmux's strtonum takes it; else the cause "what invalid",
 * "what too small" or "what too large". */
static bool number(struct cmd_ctx *ctx, const char *text, long long lo, long long hi,
		   const char *what, unsigned *out)
{
	char *end;
	errno = 0;
	long long n = strtoll(text, &end, 10);
	if (*text == '\0' || *end != '\0' || errno == EINVAL)
		return cmd_error(ctx, "%s invalid", what), false;
	if (n < lo || (errno == ERANGE && n == LLONG_MIN))
		return cmd_error(ctx, "%s too small", what), false;
	if (n > hi || errno == ERANGE)
		return cmd_error(ctx, "%s too large", what), false;
	*out = (unsigned)n;
	return true;
}

static enum cmd_retval cmd_resize_window_exec(struct cmd_ctx *ctx)
{
	const struct args *a = &ctx->args;
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return CMD_RETURN_ERROR;
	unsigned adjust = 1, cols = w->cols, rows = w->rows;
	if (a->argc > 0 && !number(ctx, a->argv[0], 1, INT_MAX, "adjustment", &adjust))
		return CMD_RETURN_ERROR;
	if ((args_has(a, 'x') && !number(ctx, args_get(a, 'x'), 1, CMD_MAX_CELLS, "width", &cols)) ||
	    (args_has(a, 'y') && !number(ctx, args_get(a, 'y'), 1, CMD_MAX_CELLS, "height", &rows)))
		return CMD_RETURN_ERROR;
	if (args_has(a, 'L'))
		cols = cols >= adjust ? cols - adjust : cols;
	else if (args_has(a, 'R'))
		cols += adjust;
	else if (args_has(a, 'U'))
		rows = rows >= adjust ? rows - adjust : rows;
	else if (args_has(a, 'D'))
		rows += adjust;
	if (args_has(a, 'A') || args_has(a, 'a'))
		clients_window_size(w->session, args_has(a, 'A'), &cols, &rows);
	char *cause = NULL;
	if (options_set(w->options, options_find("window-size", &cause), "manual", false,
			&cause) != 0)
		return cmd_give_cause(ctx, cause);
	window_resize(w, cols, rows);
	return CMD_RETURN_NORMAL;
}
