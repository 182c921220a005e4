/* list-panes: each pane's index, size, position and id, the active one marked. */
#include "cmd.h"
#include "format.h"
#include "options.h"

static enum cmd_retval cmd_list_panes_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_list_panes_entry = {
	.name = "list-panes",
	.alias = {"lsp"},
	.flags = ARGS_FLAGS(FLAG_STRING('F'), FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "list-panes [-F format] [-t target-window]",
	.exec = cmd_list_panes_exec,
};

static enum cmd_retval cmd_list_panes_exec(struct cmd_ctx *ctx)
{
	struct window *w = cmd_find_window(ctx);
	if (w == NULL)
		return CMD_RETURN_ERROR;
	struct layout_geom geom[w->npanes];
	size_t n = layout_list(w->layout, geom, w->npanes);
	long long base = options_get_number(w->options, "pane-base-index");
	for (size_t i = 0; i < n; i++) {
		struct pane *p = window_find_pane(w, geom[i].pane);
		if (args_has(&ctx->args, 'F')) {
			cmd_print_format(ctx, &(struct format_ctx){.p = p});
			continue;
		}
		cmd_print(ctx, "%lld: [%ux%u] [at %u,%u] %%%u%s%s", base + (long long)i,
			  geom[i].cols, geom[i].rows, geom[i].x, geom[i].y, p->id,
			  p == w->active ? " (active)" : "", geom[i].visible ? "" : " (hidden)");
	}
	return CMD_RETURN_NORMAL;
}
