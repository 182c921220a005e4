/* new-window: at the first free index or the one -t gives; current unless -d. */
#include <stdlib.h>

#include "cmd.h"

static enum cmd_retval cmd_new_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_new_window_entry = {
	.name = "new-window",
	.alias = {"neww"},
	.flags = ARGS_FLAGS(FLAG_STRING('c'), FLAG_BOOL('d'), FLAG_STRING('n'), FLAG_TARGET),
	.target = TARGET_WINDOW,
	.max_args = ARGS_MANY,
	.usage = "new-window [-d] [-c start-directory] [-n name] [-t target-window] [command]",
	.exec = cmd_new_window_exec,
};

static enum cmd_retval cmd_new_window_exec(struct cmd_ctx *ctx)
{
	unsigned index;
	struct session *s = cmd_find_new_window(ctx, &index);
	if (s == NULL)
		return CMD_RETURN_ERROR;
	const char *name = args_get(&ctx->args, 'n');
	if (name != NULL && session_check_name(name) != NULL)
		return cmd_error(ctx, "bad window name: %s", session_check_name(name));
	struct spawn sp = cmd_spawn(ctx, s, NULL);
	char *error = NULL;
	struct window *w = window_create(index, s->current->cols, s->current->rows, &sp, name,
					 &error);
	if (w == NULL) {
		enum cmd_retval code = cmd_error(ctx, "%s", error);
		free(error);
		return code;
	}
	session_attach_window(s, w);
	if (!args_has(&ctx->args, 'd'))
		session_select_window(s, w);
	session_touch(s);
	return CMD_RETURN_NORMAL;
}
