/*
 * attach-session: a new client for the session, or (from a client) a switch to it; -d
 * detaches its other clients first, -x too, and has each SIGHUP its parent process; -c sets its start directory; the requester's
 * update-environment variables go into the session's environment unless -E; -r makes
 * the client read-only (server_client.h).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "environ.h"
#include "options.h"
#include "server_client.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_attach_session_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_attach_session_entry = {
	.name = "attach-session",
	.alias = {"attach", "a", "at"},
	.flags = ARGS_FLAGS(FLAG_BOOL('d'), FLAG_BOOL('E'), FLAG_BOOL('r'), FLAG_BOOL('x'),
			    FLAG_STRING('c'), FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "attach-session [-dErx] [-c working-directory] [-t target-session]",
	.exec = cmd_attach_session_exec,
};

enum cmd_retval cmd_attach(struct cmd_ctx *ctx, struct session *s)
{
	bool readonly = args_has(&ctx->args, 'r'); /* attach -r; new-session has no -r */
	if (ctx->client != NULL) {
		client_switch(ctx->client, s);
		ctx->client->readonly |= readonly;
		return CMD_RETURN_NORMAL;
	}
	struct net_connect nc;
	const char *why;
	struct client *c = client_create(s, ctx->req, &nc, &why);
	if (c == NULL)
		return cmd_error(ctx, "%s", why);
	c->readonly = readonly;
	char *line = net_connect_format(&nc);
	cmd_write(ctx, line, strlen(line));
	free(line);
	return CMD_RETURN_NORMAL;
}

static enum cmd_retval cmd_attach_session_exec(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return CMD_RETURN_ERROR;
	const char *dir = args_get(&ctx->args, 'c');
	if (dir != NULL) {
		/* as tmux: the session's start directory from now on */
		free(s->cwd);
		s->cwd = xstrdup(dir);
	}
	if (args_has(&ctx->args, 'd') || args_has(&ctx->args, 'x'))
		cmd_detach_clients(s, ctx->client, args_has(&ctx->args, 'x'));
	/* As tmux: the requester's update-environment variables into the session's (-E: not). */
	if (ctx->req != NULL && ctx->req->has_env && !args_has(&ctx->args, 'E'))
		environ_update(s->environ, options_get_string(s->options, "update-environment"),
			       ctx->req->envv, ctx->req->envc);
	return cmd_attach(ctx, s);
}
