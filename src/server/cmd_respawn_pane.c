/*
 * respawn-pane and respawn-window: start the pane's program again (the command given, else
 * the default), in -c's directory or the client's; -k kills one still running, else that
 * is refused as tmux does. respawn-window first closes every pane but the first, and makes
 * the window current.
 */
#include <stdlib.h>

#include "cmd.h"
#include "options.h"

static enum cmd_retval cmd_respawn_pane_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_respawn_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_respawn_pane_entry = {
	.name = "respawn-pane",
	.alias = {"respawnp"},
	.flags = ARGS_FLAGS(FLAG_BOOL('k'), FLAG_STRING('c'), FLAG_STRING('e'), FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = ARGS_MANY,
	.usage = "respawn-pane [-k] [-c start-directory] [-e environment] [-t target-pane] [command]",
	.exec = cmd_respawn_pane_exec,
};

const struct cmd_entry cmd_respawn_window_entry = {
	.name = "respawn-window",
	.alias = {"respawnw"},
	.flags = ARGS_FLAGS(FLAG_BOOL('k'), FLAG_STRING('c'), FLAG_STRING('e'), FLAG_TARGET),
	.target = TARGET_WINDOW,
	.max_args = ARGS_MANY,
	.usage = "respawn-window [-k] [-c start-directory] [-e environment] [-t target-window] "
		 "[command]",
	.exec = cmd_respawn_window_exec,
};

static enum cmd_retval respawn(struct cmd_ctx *ctx, struct pane *p)
{
	struct spawn sp = cmd_spawn(ctx, p->window->session, p);
	char *error = NULL;
	if (!pane_respawn(p, &sp, &error)) {
		enum cmd_retval code = cmd_error(ctx, "%s", error);
		free(error);
		return code;
	}
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_respawn_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct window *w = p->window;
	if (!p->exited && !args_has(&ctx->args, 'k'))
		return cmd_error(ctx, "respawn pane failed: pane %s:%u.%lld still active", w->session->name, w->index,
				 (long long)window_pane_index(w, p) +
					 options_get_number(w->options, "pane-base-index"));
	return respawn(ctx, p);
}

static enum cmd_retval cmd_respawn_window_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return CMD_RETURN_ERROR;
	bool running = false;
	for (size_t i = 0; i < w->npanes; i++)
		running |= !w->panes[i]->exited;
	if (running && !args_has(&ctx->args, 'k'))
		return cmd_error(ctx, "respawn window failed: window %s:%u still active", w->session->name, w->index);
	struct pane *first = window_pane_at(w, 0);
	while (w->npanes > 1)
		window_remove_pane(w, w->panes[w->panes[0] == first ? 1 : 0]);
	window_set_active(w, first);
	session_select_window(w->session, w); /* as tmux: the window respawned is current */
	return respawn(ctx, first);
}
