/*
 * switch-client: -t moves the client to another session (as attach-session from a
 * client); -T sets the key table its next key is looked up in, which is the client's
 * own state: the command goes to the client (cmd_run_on_client), as command-prompt.
 */
#include "cmd.h"
#include "key_bindings.h"

static enum cmd_retval cmd_switch_client_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_switch_client_entry = {
	.name = "switch-client",
	.alias = {"switchc"},
	.flags = ARGS_FLAGS(FLAG_STRING('c'), FLAG_TARGET, FLAG_STRING('T')),
	.target = TARGET_SESSION,
	.usage = "switch-client [-c target-client] [-t target-session] [-T key-table]",
	.exec = cmd_switch_client_exec,
};

static enum cmd_retval cmd_switch_client_exec(struct cmd_ctx *ctx)
{
	const char *table = args_get(&ctx->args, 'T');
	if (table != NULL) {
		if (key_tables_find(key_bindings(), table) == NULL)
			return cmd_error(ctx, "table %s doesn't exist", table);
		return cmd_run_on_client(ctx, 'c');
	}
	if (ctx->client == NULL)
		return cmd_error(ctx, "no current client");
	struct session *s = cmd_find_session(ctx);
	return s != NULL ? cmd_attach(ctx, s) : CMD_RETURN_ERROR;
}
