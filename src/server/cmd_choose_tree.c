/*
 * choose-tree, choose-client and choose-buffer (one file, as tmux's cmd-choose-tree.c:
 * one exec for the three): the client (its own, else the target session's latest) gets
 * the chooser (mode_tree.h). The chooser always covers the whole window area, which is
 * what -Z gives in tmux (there a pane is zoomed for it), so -Z changes nothing here; -G
 * neither: rsh has no session groups, so every session is listed, as -G lists them.
 *
 * Given to a client already in that chooser with nothing but -f, -O, -r and a template,
 * the command changes the chooser (mode_tree_change: how its f and ':' prompts answer)
 * where tmux ignores it; with any other flag it starts again.
 */
#include "cmd.h"
#include "mode_tree.h"

static enum cmd_retval cmd_choose_tree_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_choose_tree_entry = {
	.name = "choose-tree",
	.flags = ARGS_FLAGS(FLAG_BOOL('G'), FLAG_BOOL('N'), FLAG_BOOL('r'), FLAG_BOOL('s'),
			    FLAG_BOOL('w'), FLAG_BOOL('Z'), FLAG_STRING('F'), FLAG_STRING('f'),
			    FLAG_STRING('K'), FLAG_STRING('O'), FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = 1,
	.usage = "choose-tree [-GNrswZ] [-F format] [-f filter] [-K key-format] "
		 "[-O sort-order] "
		 "[-t target-pane] [template]",
	.exec = cmd_choose_tree_exec,
};

const struct cmd_entry cmd_choose_client_entry = {
	.name = "choose-client",
	.flags = ARGS_FLAGS(FLAG_BOOL('N'), FLAG_BOOL('r'), FLAG_BOOL('Z'), FLAG_STRING('F'),
			    FLAG_STRING('f'), FLAG_STRING('K'), FLAG_STRING('O'), FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = 1,
	.usage = "choose-client [-NrZ] [-F format] [-f filter] [-K key-format] "
		 "[-O sort-order] "
		 "[-t target-pane] [template]",
	.exec = cmd_choose_tree_exec,
};

const struct cmd_entry cmd_choose_buffer_entry = {
	.name = "choose-buffer",
	.flags = ARGS_FLAGS(FLAG_BOOL('N'), FLAG_BOOL('r'), FLAG_BOOL('Z'), FLAG_STRING('F'),
			    FLAG_STRING('f'), FLAG_STRING('K'), FLAG_STRING('O'), FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = 1,
	.usage = "choose-buffer [-NrZ] [-F format] [-f filter] [-K key-format] "
		 "[-O sort-order] "
		 "[-t target-pane] [template]",
	.exec = cmd_choose_tree_exec,
};

static enum cmd_retval cmd_choose_tree_exec(struct cmd_ctx *ctx)
{
	const struct args *a = &ctx->args;
	struct client *c = cmd_mode_client(ctx);
	if (c == NULL)
		return CMD_RETURN_ERROR;
	struct mode_tree_args m = {
		.kind = a->cmd == &cmd_choose_client_entry   ? MODE_TREE_CLIENTS
			: a->cmd == &cmd_choose_buffer_entry ? MODE_TREE_BUFFERS
							     : MODE_TREE_SESSIONS,
		.start = args_has(a, 's')   ? MODE_TREE_SESSIONS_ONLY
			 : args_has(a, 'w') ? MODE_TREE_WINDOWS
					    : MODE_TREE_PANES,
		.preview = !args_has(a, 'N'),
		.format = args_get(a, 'F'),
		.key_format = args_get(a, 'K'),
		.template = a->argc > 0 ? a->argv[0] : NULL,
		.filter = args_get(a, 'f'),
		.sort = args_get(a, 'O'),
		.reversed = args_has(a, 'r'),
	};
	bool restart = false;
	for (const char *f = "GNswZFK"; *f != '\0'; f++)
		restart |= args_has(a, *f);
	if (restart || !mode_tree_change(c, &m))
		mode_tree_start(c, &m);
	return CMD_RETURN_NORMAL;
}
