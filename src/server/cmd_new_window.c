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

/* The index new-window -t asks for: a free number given, or the first free one. */
static bool new_index(struct cmd_ctx *ctx, struct session *s, unsigned *index)
{
	const struct target_part *part = &ctx->args.target.window;
	if (part->form == TARGET_CURRENT) {
		*index = session_free_index(s);
		return true;
	}
	if (part->form != TARGET_NUMBER || part->value > 100000) {
		cmd_error(ctx, "new-window: -t wants a window index");
		return false;
	}
	for (size_t i = 0; i < s->nwindows; i++)
		if (s->windows[i]->index == (unsigned)part->value) {
			cmd_error(ctx, "index %ld in use", part->value);
			return false;
		}
	*index = (unsigned)part->value;
	return true;
}

static enum cmd_retval cmd_new_window_exec(struct cmd_ctx *ctx)
{
	const struct target *t = &ctx->args.target;
	struct session *s;
	unsigned index;
	/* `-t work` names the session the window goes to, as in tmux. */
	if (t->session.form == TARGET_CURRENT &&
	    (t->window.form == TARGET_NAME || t->window.form == TARGET_EXACT)) {
		s = cmd_find_session_part(ctx, &t->window);
		index = s != NULL ? session_free_index(s) : 0;
	} else {
		s = cmd_find_session(ctx);
		if (s != NULL && !new_index(ctx, s, &index))
			return CMD_RETURN_ERROR;
	}
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
