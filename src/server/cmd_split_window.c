/* split-window: a new pane beside (-h) or below (-v) the target, active unless -d. */
#include <stdlib.h>

#include "cmd.h"

static enum cmd_retval cmd_split_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_split_window_entry = {
	.name = "split-window",
	.alias = {"splitw"},
	.flags = ARGS_FLAGS(FLAG_STRING('c'), FLAG_BOOL('d'), FLAG_BOOL('h'), FLAG_BOOL('v'),
			    FLAG_NUMBER('p', 1, 99), FLAG_TARGET),
	.exclusive = "hv",
	.target = TARGET_PANE,
	.max_args = ARGS_MANY,
	.usage = "split-window [-d] [-h|-v] [-c start-directory] [-p percent] [-t target-pane] "
		 "[command]",
	.exec = cmd_split_window_exec,
};

static enum cmd_retval cmd_split_window_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct window *w = p->window;
	enum layout_split how = args_has(&ctx->args, 'h') ? LAYOUT_SIDE_BY_SIDE
							   : LAYOUT_ABOVE_BELOW;
	unsigned percent = (unsigned)args_number(&ctx->args, 'p', 0);
	struct spawn sp = cmd_spawn(ctx, w->session, p);
	char *error = NULL;
	struct pane *np = window_split(w, p, how, percent, &sp, &error);
	if (np == NULL) {
		enum cmd_retval code = cmd_error(ctx, "split-window: %s", error);
		free(error);
		return code;
	}
	if (!args_has(&ctx->args, 'd'))
		w->active = np;
	return CMD_RETURN_NORMAL;
}
