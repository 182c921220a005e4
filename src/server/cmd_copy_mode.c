/*
 * copy-mode [-eHqu] [-t target-pane]: copy mode lives in the client (client/copymode.h),
 * so a client runs it itself when a key binds it; run on the server (the command line, a
 * pane's shell, a list that reached the server), it goes to the client showing the
 * target pane (cmd_find_pane_client) with the pane named by its id, and that client
 * enters copy mode there: -u a page up, -e leaving at the bottom, -H without the
 * position indicator, -q leaving copy mode instead, -s showing another pane's lines
 * (sent as its id; the client shows them only when it shows that pane too, having its
 * screen and history). -M (a drag from the mouse's cell)
 * means something only in a mouse key's binding, which the client runs.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "server_client.h"

static enum cmd_retval cmd_copy_mode_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_copy_mode_entry = {
	.name = "copy-mode",
	.flags = ARGS_FLAGS(FLAG_BOOL('e'), FLAG_BOOL('H'), FLAG_BOOL('M'), FLAG_BOOL('q'),
			    FLAG_BOOL('u'), FLAG_STRING('s'), FLAG_TARGET),
	.target = TARGET_PANE,
	.usage = "copy-mode [-eHMqu] [-s src-pane] [-t target-pane]",
	.exec = cmd_copy_mode_exec,
};

static enum cmd_retval cmd_copy_mode_exec(struct cmd_ctx *ctx)
{
	static const char flags[] = "eHqu";
	struct pane *p = cmd_find_pane(ctx);
	char words[sizeof flags][3], pane[16], source[16], *cause = NULL;
	char *argv[sizeof flags + 5];
	int argc = 0;

	if (p == NULL)
		return CMD_RETURN_ERROR;
	if (args_has(&ctx->args, 'M'))
		return CMD_RETURN_NORMAL; /* a drag needs a mouse key's event: tmux does nothing */
	struct client *c = cmd_find_pane_client(ctx, p);
	if (c == NULL)
		return CMD_RETURN_ERROR;
	argv[argc++] = "copy-mode";
	for (int i = 0; flags[i] != '\0'; i++)
		if (args_has(&ctx->args, flags[i])) {
			snprintf(words[i], sizeof words[i], "-%c", flags[i]);
			argv[argc++] = words[i];
		}
	if (args_has(&ctx->args, 's')) {
		struct pane *src = cmd_find_source_pane(ctx);
		if (src == NULL)
			return CMD_RETURN_ERROR;
		snprintf(source, sizeof source, "%%%u", (unsigned)src->id);
		argv[argc++] = "-s";
		argv[argc++] = source;
	}
	snprintf(pane, sizeof pane, "%%%u", (unsigned)p->id);
	argv[argc++] = "-t";
	argv[argc++] = pane;
	if (client_run_there(c, argc, argv, &cause) != 0)
		return cmd_give_cause(ctx, cause);
	return CMD_RETURN_NORMAL;
}
