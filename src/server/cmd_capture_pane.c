/* capture-pane -p: the server's own view of a pane's screen, as text. */
#include <stdlib.h>

#include "cmd.h"
#include "term/capture.h"

static enum cmd_retval cmd_capture_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_capture_pane_entry = {
	.name = "capture-pane",
	.alias = {"capturep"},
	.flags = ARGS_FLAGS(FLAG_BOOL('e'), FLAG_BOOL('p'), FLAG_TARGET),
	.target = TARGET_PANE,
	.usage = "capture-pane [-ep] [-t target-pane]",
	.exec = cmd_capture_pane_exec,
};

static enum cmd_retval cmd_capture_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	if (!args_has(&ctx->args, 'p'))
		return cmd_error(ctx, "capture-pane: only -p is supported (there are no buffers)");
	unsigned flags = args_has(&ctx->args, 'e') ? TERM_CAPTURE_ESCAPES : 0;
	term_snapshot *snap = term_emulator_snapshot(p->em);
	size_t len;
	char *text = term_capture(snap, NULL, flags, &len);
	cmd_write(ctx, text, len);
	free(text);
	term_snapshot_unref(snap);
	return CMD_RETURN_NORMAL;
}
