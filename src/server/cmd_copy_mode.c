/*
 * copy-mode: copy mode lives in the client (copymode.h), so a client runs it itself when
 * a key binds it; run on the server from a client's command list, it goes back to that
 * client (cmd_run_on_client), as command-prompt.
 */
#include "cmd.h"

static enum cmd_retval cmd_copy_mode_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_copy_mode_entry = {
	.name = "copy-mode",
	.flags = ARGS_FLAGS(FLAG_BOOL('e'), FLAG_BOOL('u')),
	.usage = "copy-mode [-eu]",
	.exec = cmd_copy_mode_exec,
};

static enum cmd_retval cmd_copy_mode_exec(struct cmd_ctx *ctx)
{
	return cmd_run_on_client(ctx, 't');
}
