/*
 * select-layout, next-layout, previous-layout: arrange a window's panes as one of tmux's
 * presets (layout_set.c), by a layout string (layout_custom.c), evenly (-E), or as before
 * the last select-layout (-o).
 */
#include <stdlib.h>

#include "cmd.h"
#include "options.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_select_layout_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_next_layout_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_previous_layout_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_select_layout_entry = {
	.name = "select-layout",
	.alias = {"selectl"},
	.flags = ARGS_FLAGS(FLAG_BOOL('E'), FLAG_BOOL('n'), FLAG_BOOL('o'), FLAG_BOOL('p'),
			    FLAG_TARGET),
	.target = TARGET_PANE,
	.min_args = 0, .max_args = 1,
	.usage = "select-layout [-Enop] [-t target-pane] [layout-name]",
	.exec = cmd_select_layout_exec,
};

const struct cmd_entry cmd_next_layout_entry = {
	.name = "next-layout",
	.alias = {"nextl"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "next-layout [-t target-window]",
	.exec = cmd_next_layout_exec,
};

const struct cmd_entry cmd_previous_layout_entry = {
	.name = "previous-layout",
	.alias = {"prevl"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "previous-layout [-t target-window]",
	.exec = cmd_previous_layout_exec,
};

/*
 * What select-layout does in w (pane p for -E), as tmux: a preset by name, else a layout
 * string; none given: the last preset again; -o: the layout before the last change.
 */
static bool arrange(struct cmd_ctx *ctx, struct window *w, struct pane *p, int step,
		    char *before)
{
	struct args *a = &ctx->args;
	struct layout *l = w->layout;
	const struct layout_sizes sizes = {
		.main_height = options_get_string(w->options, "main-pane-height"),
		.main_width = options_get_string(w->options, "main-pane-width"),
		.other_height = options_get_string(w->options, "other-pane-height"),
		.other_width = options_get_string(w->options, "other-pane-width"),
	};
	if (step != 0) {
		layout_set_step(l, step, w->cols, w->rows, &sizes);
		return true;
	}
	if (args_has(a, 'E')) {
		layout_spread_out(l, p->id);
		return true;
	}
	const char *name = a->argc > 0 ? a->argv[0] : args_has(a, 'o') ? before : NULL;
	if (!args_has(a, 'o')) {
		int set = name == NULL ? layout_set_last(l) : layout_set_lookup(name);
		if (set != -1) {
			layout_set_select(l, set, w->cols, w->rows, &sizes);
			return true;
		}
	}
	char *cause;
	if (name != NULL && !layout_parse(l, name, w->cols, w->rows, &cause)) {
		cmd_error(ctx, "%s: %s", cause, name);
		free(cause);
		return false;
	}
	return true;
}

static enum cmd_retval select_layout(struct cmd_ctx *ctx, struct window *w, struct pane *p,
				     int step)
{
	struct layout *l = w->layout;
	layout_unzoom(l);
	const char *was = layout_before(l);
	char *before = was != NULL ? xstrdup(was) : NULL;
	layout_set_before(l, layout_dump(l));
	if (!arrange(ctx, w, p, step, before)) {
		layout_set_before(l, before);
		return CMD_RETURN_ERROR;
	}
	free(before);
	window_apply_layout(w);
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_select_layout_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	int step = args_has(&ctx->args, 'n') ? 1 : args_has(&ctx->args, 'p') ? -1 : 0;
	return select_layout(ctx, p->window, p, step);
}

static enum cmd_retval cmd_next_layout_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	return w != NULL ? select_layout(ctx, w, w->active, 1) : CMD_RETURN_ERROR;
}

static enum cmd_retval cmd_previous_layout_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	return w != NULL ? select_layout(ctx, w, w->active, -1) : CMD_RETURN_ERROR;
}
