/*
 * list-windows: one line per window of a session, the current one marked; -a every
 * session's, each line led by its session's name (tmux's shorter line then); -f keeps
 * the windows its filter (a format) is true for.
 */
#include <stdlib.h>

#include "cmd.h"
#include "format.h"

static enum cmd_retval cmd_list_windows_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_list_windows_entry = {
	.name = "list-windows",
	.alias = {"lsw"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_STRING('F'), FLAG_STRING('f'), FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "list-windows [-a] [-F format] [-f filter] [-t target-session]",
	.exec = cmd_list_windows_exec,
};

/* tmux's LIST_WINDOWS_WITH_SESSION_TEMPLATE, for -a (our window_flags is its raw one). */
#define WITH_SESSION                                                                    \
	"#{session_name}:#{window_index}: #{window_name}#{window_flags} "               \
	"(#{window_panes} panes) [#{window_width}x#{window_height}] "

static void list_window(struct cmd_ctx *ctx, struct window *w)
{
	struct session *s = w->session;
	struct format_ctx f = {.w = w};
	if (!cmd_filter_keeps(ctx, &f))
		return;
	if (args_has(&ctx->args, 'F')) {
		cmd_print_format(ctx, &f);
	} else if (args_has(&ctx->args, 'a')) {
		f.client = ctx->client;
		format_defaults(&f);
		char *line = format_expand(WITH_SESSION, &f);
		cmd_print(ctx, "%s", line);
		free(line);
	} else {
		char *layout = layout_dump(w->layout);
		cmd_print(ctx, "%u: %s%s (%zu panes) [%ux%u] [layout %s] @%u%s", w->index, w->name,
			  w == s->current ? "*" : w == s->last ? "-" : "", w->npanes, w->cols,
			  w->rows, layout, w->id, w == s->current ? " (active)" : "");
		free(layout);
	}
}

static enum cmd_retval cmd_list_windows_exec(struct cmd_ctx *ctx)
{
	struct session *s = args_has(&ctx->args, 'a') ? NULL : cmd_find_session(ctx);
	if (s == NULL && !args_has(&ctx->args, 'a'))
		return CMD_RETURN_ERROR;
	for (size_t i = 0; i < server.nsessions; i++)
		for (size_t j = 0; (s == NULL || server.sessions[i] == s) &&
				   j < server.sessions[i]->nwindows; j++)
			list_window(ctx, server.sessions[i]->windows[j]);
	return CMD_RETURN_NORMAL;
}
