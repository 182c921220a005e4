/*
 * new-window: at the first free index or the one -t gives (-k: replacing the window
 * there), or just after (-a) or at (-b) the target, the windows from there moved up one;
 * -S selects a window already called -n's name instead; -c its directory; current unless
 * -d; -P prints where it went.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static enum cmd_retval cmd_new_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_new_window_entry = {
	.name = "new-window",
	.alias = {"neww"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_BOOL('b'), FLAG_BOOL('d'), FLAG_BOOL('k'),
			    FLAG_BOOL('P'), FLAG_BOOL('S'), FLAG_STRING('c'), FLAG_STRING('e'),
			    FLAG_STRING('F'), FLAG_STRING('n'),
			    FLAG_TARGET),
	.exclusive = "ab",
	.target = TARGET_WINDOW,
	.max_args = ARGS_MANY,
	.usage = "new-window [-abdkPS] [-c start-directory] [-e environment] [-F format] "
		 "[-n window-name] [-t target-window] "
		 "[command]",
	.exec = cmd_new_window_exec,
};

/* Where the window goes: s and index; *taken the window -k replaces there, if any. */
static struct session *place(struct cmd_ctx *ctx, unsigned *index, struct window **taken)
{
	struct args *a = &ctx->args;
	*taken = NULL;
	if (args_has(a, 'a') || args_has(a, 'b')) {
		struct window *at = cmd_find_window(ctx);
		if (at == NULL)
			return NULL;
		*index = session_shuffle_up(at->session, at->index + (args_has(a, 'a') ? 1 : 0));
		return at->session;
	}
	struct session *s = cmd_find_window_index(ctx, index, taken);
	if (s != NULL && *taken != NULL && !args_has(a, 'k')) {
		cmd_error(ctx, "index %u in use", *index);
		return NULL;
	}
	return s;
}

static enum cmd_retval cmd_new_window_exec(struct cmd_ctx *ctx)
{
	struct args *a = &ctx->args;
	const char *name = args_get(a, 'n');
	if (name != NULL && session_check_name(name) != NULL)
		return cmd_error(ctx, "bad window name: %s", session_check_name(name));
	unsigned index;
	struct window *taken;
	struct session *s = place(ctx, &index, &taken);
	if (s == NULL)
		return CMD_RETURN_ERROR;
	for (size_t i = 0; name != NULL && args_has(a, 'S') && i < s->nwindows; i++)
		if (strcmp(s->windows[i]->name, name) == 0) {
			session_select_window(s, s->windows[i]);
			session_touch(s);
			return CMD_RETURN_NORMAL;
		}
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
	if (taken != NULL)
		session_detach_window(s, taken);
	if (!args_has(a, 'd'))
		session_select_window(s, w);
	session_touch(s);
	cmd_print_pane(ctx, w->active, CMD_NEW_PANE);
	return CMD_RETURN_NORMAL;
}
