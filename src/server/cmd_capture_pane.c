/* capture-pane -p: the server's own view of a pane's screen, as text. */
#include <stdlib.h>

#include "cmd.h"
#include "term/capture.h"

int cmd_capture_pane(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return 1;
	if (!args_has(&ctx->args, 'p'))
		return cmd_error(ctx, "capture-pane: only -p is supported (there are no buffers)");
	unsigned flags = args_has(&ctx->args, 'e') ? TERM_CAPTURE_ESCAPES : 0;
	term_snapshot *snap = term_emulator_snapshot(p->em);
	size_t len;
	char *text = term_capture(snap, NULL, flags, &len);
	cmd_write(ctx, text, len);
	free(text);
	term_snapshot_unref(snap);
	return 0;
}
