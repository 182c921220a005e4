/*
 * detach-client: from an attached client, that client; with -t, or from the control
 * socket, every client of the session.
 */
#include <stdlib.h>

#include "cmd.h"
#include "server_client.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_detach_client_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_detach_client_entry = {
	.name = "detach-client",
	.alias = {"detach"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "detach-client [-t target-session]",
	.exec = cmd_detach_client_exec,
};

static void detach(struct client *c, const struct session *s)
{
	char *line;
	xasprintf(&line, "detached (from session %s)", s->name);
	client_end(c, line);
	free(line);
}

void cmd_detach_clients(const struct session *s, const struct client *except)
{
	for (size_t i = 0; i < nclients; i++)
		if (clients[i]->in.session == s->id && clients[i] != except)
			detach(clients[i], s);
}

static enum cmd_retval cmd_detach_client_exec(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return CMD_RETURN_ERROR;
	if (ctx->client != NULL && args_get(&ctx->args, 't') == NULL) {
		detach(ctx->client, s);
		return CMD_RETURN_NORMAL;
	}
	cmd_detach_clients(s, NULL);
	return CMD_RETURN_NORMAL;
}
