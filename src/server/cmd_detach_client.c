/*
 * detach-client, as tmux's: -s detaches every client of a session; else the target client
 * (-t: its number as list-clients shows, or a session's latest; else the command's own,
 * else the current session's latest), and with -a every client but that one instead; -P
 * has each client SIGHUP its parent process as it leaves ("detached and SIGHUP").
 */
#include <stdlib.h>

#include "cmd.h"
#include "server_client.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_detach_client_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_detach_client_entry = {
	.name = "detach-client",
	.alias = {"detach"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_BOOL('P'), FLAG_STRING('s'), FLAG_STRING('t')),
	.usage = "detach-client [-aP] [-s target-session] [-t target-client]",
	.exec = cmd_detach_client_exec,
};

static void detach(struct client *c, bool hup)
{
	struct session *s = session_find_id(c->in.session);
	char *line;
	xasprintf(&line, "detached%s (from session %s)", hup ? " and SIGHUP" : "",
		  s != NULL ? s->name : "");
	client_end(c, line);
	c->hup = hup;
	free(line);
}

void cmd_detach_clients(const struct session *s, const struct client *except, bool hup)
{
	for (size_t i = 0; i < nclients; i++)
		if (clients[i]->in.session == s->id && clients[i] != except &&
		    clients[i]->ended == NULL)
			detach(clients[i], hup);
}

/* The target client: -t's, the command's own, else the current session's latest. */
static struct client *target(struct cmd_ctx *ctx)
{
	if (args_has(&ctx->args, 't') || ctx->client != NULL)
		return cmd_find_client(ctx, 't');
	struct session *s = cmd_find_session(ctx);
	struct client *c = s != NULL ? cmd_latest_client(s) : NULL;
	if (s != NULL && c == NULL)
		cmd_error(ctx, "no current client");
	return c;
}

static enum cmd_retval cmd_detach_client_exec(struct cmd_ctx *ctx)
{
	const char *name = args_get(&ctx->args, 's');
	bool hup = args_has(&ctx->args, 'P');
	if (name != NULL) {
		struct target t;
		char *why = target_parse(name, TARGET_SESSION, &t);
		if (why != NULL)
			return cmd_give_cause(ctx, why);
		struct session *s = cmd_find_session_part(ctx, &t.session);
		target_free(&t);
		if (s == NULL)
			return CMD_RETURN_ERROR;
		cmd_detach_clients(s, NULL, hup);
		return CMD_RETURN_NORMAL;
	}
	struct client *c = target(ctx);
	if (c == NULL)
		return CMD_RETURN_ERROR;
	if (!args_has(&ctx->args, 'a')) {
		detach(c, hup);
		return CMD_RETURN_NORMAL;
	}
	for (size_t i = 0; i < nclients; i++)
		if (clients[i] != c && clients[i]->ended == NULL)
			detach(clients[i], hup);
	return CMD_RETURN_NORMAL;
}
