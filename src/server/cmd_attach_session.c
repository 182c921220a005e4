/* attach-session: a new client for the session, or (from a client) a switch to it. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "server_client.h"

int cmd_attach(struct cmd_ctx *ctx, struct session *s)
{
	if (ctx->client != NULL) {
		client_switch(ctx->client, s);
		return 0;
	}
	struct net_connect nc;
	const char *why;
	if (client_create(s, ctx->req, &nc, &why) == NULL)
		return cmd_error(ctx, "%s", why);
	char *line = net_connect_format(&nc);
	cmd_write(ctx, line, strlen(line));
	free(line);
	return 0;
}

int cmd_attach_session(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	return s != NULL ? cmd_attach(ctx, s) : 1;
}
