/*
 * switch-client: the client (-c, a target-client, else the one whose key ran it) shows
 * another session: -t's (its window and pane too when the target names them), or the
 * next or previous by name (-n, -p: C-b ) and C-b (), or the one it showed last (-l:
 * C-b L), with tmux's errors and tmux's precedence (-n, then -p, then -l, then -t).
 * -r makes the client read-only or back (server_client.h), as tmux's.
 * -T sets the key table its next key is looked up in, which is the client's own state:
 * the command goes to the client (cmd_run_on_client), as command-prompt.
 */
#include <string.h>

#include "cmd.h"
#include "key_bindings.h"
#include "server_client.h"

static enum cmd_retval cmd_switch_client_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_switch_client_entry = {
	.name = "switch-client",
	.alias = {"switchc"},
	.flags = ARGS_FLAGS(FLAG_BOOL('l'), FLAG_BOOL('n'), FLAG_BOOL('p'), FLAG_BOOL('r'),
			    FLAG_STRING('c'),
			    FLAG_TARGET, FLAG_STRING('T')),
	.target = TARGET_SESSION,
	.usage = "switch-client [-lnpr] [-c target-client] [-t target-session] [-T key-table]",
	.exec = cmd_switch_client_exec,
};

/* The session after (delta 1) or before s in name order, wrapping; NULL when s is alone. */
static struct session *by_name(const struct session *s, int delta)
{
	struct session *best = NULL, *edge = NULL;
	for (size_t i = 0; i < server.nsessions; i++) {
		struct session *o = server.sessions[i];
		int c = strcmp(o->name, s->name) * delta;
		if (c > 0 && (best == NULL || strcmp(o->name, best->name) * delta < 0))
			best = o;
		if (edge == NULL || strcmp(o->name, edge->name) * delta < 0)
			edge = o;
	}
	best = best != NULL ? best : edge;
	return best != s ? best : NULL;
}

/* -t's session; a window or pane it names becomes that session's current one, as tmux. */
static struct session *target_session(struct cmd_ctx *ctx)
{
	const struct target *t = &ctx->args.target;
	if (t->window.form == TARGET_CURRENT && t->pane.form == TARGET_CURRENT)
		return cmd_find_session(ctx);
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return NULL;
	session_select_window(p->window->session, p->window);
	window_set_active(p->window, p);
	return p->window->session;
}

static enum cmd_retval cmd_switch_client_exec(struct cmd_ctx *ctx)
{
	struct args *a = &ctx->args;
	const char *table = args_get(a, 'T');
	if (table != NULL) {
		if (key_tables_find(key_bindings(), table) == NULL)
			return cmd_error(ctx, "table %s doesn't exist", table);
		return cmd_run_on_client(ctx, 'c');
	}
	struct client *c = cmd_find_client(ctx, 'c');
	if (c == NULL)
		return CMD_RETURN_ERROR;
	if (args_has(a, 'r'))
		c->readonly = !c->readonly;
	struct session *cur = session_find_id(c->in.session), *s;
	if (args_has(a, 'n') || args_has(a, 'p')) {
		bool next = args_has(a, 'n');
		s = cur != NULL ? by_name(cur, next ? 1 : -1) : NULL;
		if (s == NULL)
			return cmd_error(ctx, "can't find %s session", next ? "next" : "previous");
	} else if (args_has(a, 'l')) {
		s = c->has_last ? session_find_id(c->last_session) : NULL;
		if (s == NULL)
			return cmd_error(ctx, "can't find last session");
	} else if ((s = target_session(ctx)) == NULL) {
		return CMD_RETURN_ERROR;
	}
	client_switch(c, s);
	return CMD_RETURN_NORMAL;
}
