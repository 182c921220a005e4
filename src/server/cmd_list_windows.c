/* list-windows: one line per window of a session, the current one marked. */
#include <stdlib.h>

#include "cmd.h"
#include "format.h"

static enum cmd_retval cmd_list_windows_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_list_windows_entry = {
	.name = "list-windows",
	.alias = {"lsw"},
	.flags = ARGS_FLAGS(FLAG_STRING('F'), FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "list-windows [-F format] [-t target-session]",
	.exec = cmd_list_windows_exec,
};

static enum cmd_retval cmd_list_windows_exec(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return CMD_RETURN_ERROR;
	for (size_t i = 0; i < s->nwindows; i++) {
		struct window *w = s->windows[i];
		if (args_has(&ctx->args, 'F')) {
			cmd_print_format(ctx, &(struct format_ctx){.w = w});
			continue;
		}
		char *layout = layout_dump(w->layout);
		cmd_print(ctx, "%u: %s%s (%zu panes) [%ux%u] [layout %s] @%u%s", w->index, w->name,
			  w == s->current ? "*" : w == s->last ? "-" : "", w->npanes, w->cols,
			  w->rows, layout, w->id, w == s->current ? " (active)" : "");
		free(layout);
	}
	return CMD_RETURN_NORMAL;
}
