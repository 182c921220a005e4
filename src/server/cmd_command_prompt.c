/*
 * command-prompt and confirm-before: the client's business. A client runs them itself
 * when a key binds them (no round trip); run on the server (from a binding's list after
 * a command the server ran, or `rsh command-prompt -t client`), the command goes to its
 * target client, which opens the prompt (server_client.h: client_run_there).
 * command-prompt -F is the server's first: it expands the template as a format for the
 * client (as tmux, when the prompt opens) and sends the prompt on without -F.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "format.h"
#include "server_client.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_run_on_client_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_command_prompt_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_command_prompt_entry = {
	.name = "command-prompt",
	.flags = ARGS_FLAGS(FLAG_BOOL('1'), FLAG_BOOL('b'), FLAG_BOOL('F'), FLAG_BOOL('i'),
			    FLAG_BOOL('k'), FLAG_BOOL('N'),
			    FLAG_STRING('I'), FLAG_STRING('p'), FLAG_STRING('t'),
			    FLAG_STRING('T')),
	.min_args = 0, .max_args = 1,
	.usage = "command-prompt [-1bFikN] [-I inputs] [-p prompts] [-t target-client] "
		 "[-T prompt-type] [template]",
	.exec = cmd_command_prompt_exec,
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

/* The prompt's words again without -F, the template (default %1) expanded for the
 * client as tmux's -F does; allocated, argv[n] NULL. */
static char **without_f(struct cmd_ctx *ctx, int *n)
{
	static const char bools[] = "1bikN", strings[] = "IpT";
	const struct args *a = &ctx->args;
	char **argv = xcalloc(16, sizeof *argv);
	int i = 0;
	argv[i++] = xstrdup("command-prompt");
	for (const char *f = bools; *f != '\0'; f++)
		if (args_has(a, *f))
			xasprintf(&argv[i++], "-%c", *f);
	for (const char *f = strings; *f != '\0'; f++)
		if (args_get(a, *f) != NULL) {
			xasprintf(&argv[i++], "-%c", *f);
			argv[i++] = xstrdup(args_get(a, *f));
		}
	struct format_ctx f = {.client = ctx->client};
	format_defaults(&f);
	argv[i++] = format_expand(a->argc > 0 ? a->argv[0] : "%1", &f);
	*n = i;
	return argv;
}

static enum cmd_retval cmd_command_prompt_exec(struct cmd_ctx *ctx)
{
	if (!args_has(&ctx->args, 'F'))
		return cmd_run_on_client(ctx, 't');
	struct client *c = cmd_find_client(ctx, 't');
	if (c == NULL)
		return CMD_RETURN_ERROR;
	int n;
	char **argv = without_f(ctx, &n), *cause = NULL;
	int rc = client_run_there(c, n, argv, &cause);
	for (int i = 0; i < n; i++)
		free(argv[i]);
	free(argv);
	if (rc != 0)
		return cmd_give_cause(ctx, cause);
	return CMD_RETURN_NORMAL;
}
