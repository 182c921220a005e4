/*
 * detach-client: from an attached client, that client; with -t, or from the control
 * socket, every client of the session.
 */
#include <stdlib.h>

#include "cmd.h"
#include "server_client.h"
#include "util/xmalloc.h"

static void detach(struct client *c, const struct session *s)
{
	char *line;
	xasprintf(&line, "detached (from session %s)", s->name);
	client_end(c, line);
	free(line);
}

int cmd_detach_client(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return 1;
	if (ctx->client != NULL && args_get(&ctx->args, 't') == NULL) {
		detach(ctx->client, s);
		return 0;
	}
	for (size_t i = 0; i < nclients; i++)
		if (clients[i]->in.session == s->id)
			detach(clients[i], s);
	return 0;
}
