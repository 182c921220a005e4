/*
 * command-prompt and confirm-before: the client's business. A client runs them itself
 * when a key binds them (no round trip); run on the server (from a binding's list after
 * a command the server ran, or `rsh command-prompt -t client`), the command goes to its
 * target client, which opens the prompt (server_client.h: client_run_there).
 */
#include <stdlib.h>

#include "cmd.h"
#include "server_client.h"

static enum cmd_retval cmd_run_on_client_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_command_prompt_entry = {
	.name = "command-prompt",
	.flags = ARGS_FLAGS(FLAG_BOOL('1'), FLAG_BOOL('b'), FLAG_BOOL('i'), FLAG_BOOL('k'),
			    FLAG_BOOL('N'),
			    FLAG_STRING('I'), FLAG_STRING('p'), FLAG_STRING('t'),
			    FLAG_STRING('T')),
	.min_args = 0, .max_args = 1,
	.usage = "command-prompt [-1bikN] [-I inputs] [-p prompts] [-t target-client] "
		 "[-T prompt-type] [template]",
	.exec = cmd_run_on_client_exec,
};

const struct cmd_entry cmd_confirm_before_entry = {
	.name = "confirm-before",
	.alias = {"confirm"},
	.flags = ARGS_FLAGS(FLAG_BOOL('b'), FLAG_STRING('p'), FLAG_STRING('t')),
	.min_args = 1, .max_args = 1,
	.usage = "confirm-before [-b] [-p prompt] [-t target-client] command",
	.exec = cmd_run_on_client_exec,
};

enum cmd_retval cmd_run_on_client(struct cmd_ctx *ctx, char flag)
{
	struct client *c = cmd_find_client(ctx, flag);
	char *cause = NULL;
	if (c == NULL)
		return CMD_RETURN_ERROR;
	if (client_run_there(c, ctx->argc, ctx->argv, &cause) != 0) {
		cmd_error(ctx, "%s", cause);
		free(cause);
		return CMD_RETURN_ERROR;
	}
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_run_on_client_exec(struct cmd_ctx *ctx)
{
	return cmd_run_on_client(ctx, 't');
}
