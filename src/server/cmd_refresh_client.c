/*
 * refresh-client and suspend-client, as tmux's: the client (-t, else the command's own)
 * draws its whole terminal again, as after a resize, or (-S) the status line is drawn
 * again now, its formats expanded anew and its #() commands run again at once (as
 * tmux's CLIENT_STATUSFORCE) instead of at the next status-interval;
 * suspend-client stops the client as a shell's C-z would (SIGTSTP to itself, with its
 * terminal back as it found it) until the shell continues it, then it draws everything.
 * Redrawing and stopping are the client's own business (client/keymode.c): the server
 * sends the command there.
 */
#include "cmd.h"
#include "format.h"
#include "status.h"

static enum cmd_retval cmd_refresh_client_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_suspend_client_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_refresh_client_entry = {
	.name = "refresh-client",
	.alias = {"refresh"},
	.flags = ARGS_FLAGS(FLAG_BOOL('S'), FLAG_STRING('t')),
	.usage = "refresh-client [-S] [-t target-client]",
	.exec = cmd_refresh_client_exec,
};

const struct cmd_entry cmd_suspend_client_entry = {
	.name = "suspend-client",
	.alias = {"suspendc"},
	.flags = ARGS_FLAGS(FLAG_STRING('t')),
	.usage = "suspend-client [-t target-client]",
	.exec = cmd_suspend_client_exec,
};

static enum cmd_retval cmd_refresh_client_exec(struct cmd_ctx *ctx)
{
	if (!args_has(&ctx->args, 'S'))
		return cmd_run_on_client(ctx, 't');
	if (cmd_find_client(ctx, 't') == NULL)
		return CMD_RETURN_ERROR;
	format_jobs_force();
	status_cache_free(); /* the next view expands the status formats again */
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_suspend_client_exec(struct cmd_ctx *ctx)
{
	return cmd_run_on_client(ctx, 't');
}
