/*
 * pipe-pane: joins a shell command to a pane (pane_pipe.h), as tmux's: the pane's output
 * goes to the command (-O, the default) and the command's output to the pane as typed
 * (-I); the pane's pipe open before is closed first. Without a command that is all; with
 * -o a pipe open before is only closed, so one key toggles it. The command is a format
 * for the pane, run as run-shell's are: in the client's directory with the session's
 * environment.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "environ.h"
#include "format.h"
#include "pane_pipe.h"

static enum cmd_retval cmd_pipe_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_pipe_pane_entry = {
	.name = "pipe-pane",
	.alias = {"pipep"},
	.flags = ARGS_FLAGS(FLAG_BOOL('I'), FLAG_BOOL('O'), FLAG_BOOL('o'), FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = 1,
	.usage = "pipe-pane [-IOo] [-t target-pane] [shell-command]",
	.exec = cmd_pipe_pane_exec,
};

static enum cmd_retval open_pipe(struct cmd_ctx *ctx, struct pane *p, const char *command)
{
	bool in = args_has(&ctx->args, 'I'), out = !in || args_has(&ctx->args, 'O');
	struct format_ctx f = {.client = ctx->client, .p = p};
	format_defaults(&f);
	f.raw = true; /* a command for sh, not text to show */
	char *cmd = format_expand(command, &f);
	char **envp = environ_envp(p->window->session->environ);
	bool opened = pane_pipe_open(p, cmd, ctx->req->cwd, envp, in, out);
	environ_free_envp(envp);
	free(cmd);
	if (!opened)
		return cmd_error(ctx, "fork error: %s", strerror(errno));
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_pipe_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	if (p->exited || p->kept)
		return cmd_error(ctx, "target pane has exited");
	bool had = p->pipe != NULL;
	pane_pipe_close(p);
	const char *command = ctx->args.argc > 0 ? ctx->args.argv[0] : "";
	if (*command == '\0' || (had && args_has(&ctx->args, 'o')))
		return CMD_RETURN_NORMAL;
	return open_pipe(ctx, p, command);
}
