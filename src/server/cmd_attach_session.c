/* attach-session: a new client for the session, or (from a client) a switch to it. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "server_client.h"

static enum cmd_retval cmd_attach_session_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_attach_session_entry = {
	.name = "attach-session",
	.alias = {"attach", "a", "at"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "attach-session [-t target-session]",
	.exec = cmd_attach_session_exec,
};

enum cmd_retval cmd_attach(struct cmd_ctx *ctx, struct session *s)
{
	if (ctx->client != NULL) {
		client_switch(ctx->client, s);
		return CMD_RETURN_NORMAL;
	}
	struct net_connect nc;
	const char *why;
	if (client_create(s, ctx->req, &nc, &why) == NULL)
		return cmd_error(ctx, "%s", why);
	char *line = net_connect_format(&nc);
	cmd_write(ctx, line, strlen(line));
	free(line);
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_attach_session_exec(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	return s != NULL ? cmd_attach(ctx, s) : CMD_RETURN_ERROR;
}
