/*
 * select-pane and last-pane: the target, its neighbour on the side -L, -R, -U or -D
 * names, or the last active pane (-l, last-pane) becomes active; -Z keeps the window
 * zoomed; -d and -e turn the pane's input off and on; -m marks it (the default source of
 * swap-pane and join-pane), -M clears the mark; -T sets its title (#{pane_title}).
 */
#include <stdlib.h>

#include "cmd.h"
#include "format.h"

static enum cmd_retval cmd_select_pane_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_last_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_select_pane_entry = {
	.name = "select-pane",
	.alias = {"selectp"},
	.flags = ARGS_FLAGS(FLAG_BOOL('D'), FLAG_BOOL('d'), FLAG_BOOL('e'), FLAG_BOOL('L'),
			    FLAG_BOOL('l'), FLAG_BOOL('M'), FLAG_BOOL('m'), FLAG_BOOL('R'),
			    FLAG_BOOL('U'), FLAG_BOOL('Z'), FLAG_STRING('T'), FLAG_TARGET),
	.exclusive = "LRUDlmM",
	.target = TARGET_PANE,
	.usage = "select-pane [-DdeLlMmRUZ] [-T title] [-t target-pane]",
	.exec = cmd_select_pane_exec,
};

const struct cmd_entry cmd_last_pane_entry = {
	.name = "last-pane",
	.alias = {"lastp"},
	.flags = ARGS_FLAGS(FLAG_BOOL('d'), FLAG_BOOL('e'), FLAG_BOOL('Z'), FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "last-pane [-deZ] [-t target-window]",
	.exec = cmd_last_pane_exec,
};

/* Makes p active in its window: -d/-e set its input instead; -Z keeps a zoom. */
static enum cmd_retval activate(struct cmd_ctx *ctx, struct pane *p)
{
	struct window *w = p->window;
	uint32_t z;
	if (args_has(&ctx->args, 'd') || args_has(&ctx->args, 'e')) {
		p->input_off = args_has(&ctx->args, 'd');
		return CMD_RETURN_NORMAL;
	}
	if (p == w->active)
		return CMD_RETURN_NORMAL;
	bool zoomed = layout_zoomed(w->layout, &z);
	layout_unzoom(w->layout);
	window_set_active(w, p);
	if (zoomed && args_has(&ctx->args, 'Z'))
		layout_toggle_zoom(w->layout, p->id);
	window_apply_layout(w);
	return CMD_RETURN_NORMAL;
}

/* tmux's last pane: the one active before, or with two panes the other one. */
static enum cmd_retval last_pane(struct cmd_ctx *ctx, struct window *w)
{
	struct pane *last = w->last;
	if (last == NULL && w->npanes == 2)
		last = w->panes[0] == w->active ? w->panes[1] : w->panes[0];
	if (last == NULL)
		return cmd_error(ctx, "no last pane");
	return activate(ctx, last);
}

static enum cmd_retval cmd_last_pane_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	return w != NULL ? last_pane(ctx, w) : CMD_RETURN_ERROR;
}

static enum cmd_retval cmd_select_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	enum layout_dir dir;
	uint32_t id;
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct window *w = p->window;
	if (args_has(&ctx->args, 'l'))
		return last_pane(ctx, w);
	if (args_has(&ctx->args, 'm') || args_has(&ctx->args, 'M')) {
		bool was = server.marked_set && server.marked == p->id;
		server.marked_set = args_has(&ctx->args, 'm') && !was;
		server.marked = p->id;
		return CMD_RETURN_NORMAL;
	}
	const char *title = args_get(&ctx->args, 'T');
	if (title != NULL) { /* a format, as tmux's; the pane stays where it is */
		struct format_ctx f = {.client = ctx->client, .p = p};
		format_defaults(&f);
		char *text = format_expand(title, &f);
		term_emulator_set_title(p->em, text);
		free(text);
		return CMD_RETURN_NORMAL;
	}
	if (cmd_direction(ctx, &dir, NULL)) {
		if (!layout_neighbour(w->layout, p->id, dir, &id))
			return CMD_RETURN_NORMAL; /* a lone pane has no neighbour: nothing to do, as tmux */
		p = window_find_pane(w, id);
	}
	return activate(ctx, p);
}
