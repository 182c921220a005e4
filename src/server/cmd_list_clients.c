/*
 * list-clients [-F format] [-t session]: one line per attached client, as tmux's, with
 * the link's state in place of the tty:
 *   0: work [80x24] (127.0.0.1:50123, last contact 2 s ago)
 * -F: the format instead, with the client_* variables (format.h). Clients whose
 * attachment is over (leaving, server_client.h) are not listed.
 */
#include "cmd.h"
#include "format.h"
#include "net/clock.h"
#include "net/udp.h"
#include "server_client.h"

static enum cmd_retval cmd_list_clients_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_list_clients_entry = {
	.name = "list-clients",
	.alias = {"lsc"},
	.flags = ARGS_FLAGS(FLAG_STRING('F'), FLAG_TARGET),
	.target = TARGET_SESSION,
	.usage = "list-clients [-F format] [-t target-session]",
	.exec = cmd_list_clients_exec,
};

static void print_client(struct cmd_ctx *ctx, struct client *c, struct session *s)
{
	if (args_get(&ctx->args, 'F') != NULL) {
		struct format_ctx f = {.client = c, .s = s};
		cmd_print_format(ctx, &f);
		return;
	}
	socklen_t len;
	const struct sockaddr *peer = net_conn_peer(transport_conn(c->t), &len);
	char addr[NET_ADDR_STRLEN];
	uint64_t heard = transport_last_heard_ms(c->t);
	if (heard == 0) {
		cmd_print(ctx, "%u: %s [%ux%u] (not connected)", c->id, s->name, c->in.cols,
			  c->in.rows);
		return;
	}
	cmd_print(ctx, "%u: %s [%ux%u] (%s, last contact %llu s ago)%s", c->id, s->name,
		  c->in.cols, c->in.rows, peer != NULL ? net_addr_str(peer, len, addr) : "-",
		  (unsigned long long)((net_clock_ms() - heard) / 1000),
		  c->readonly ? " (read-only)" : "");
}

static enum cmd_retval cmd_list_clients_exec(struct cmd_ctx *ctx)
{
	const struct session *only = NULL;
	if (args_get(&ctx->args, 't') != NULL && (only = cmd_find_session(ctx)) == NULL)
		return CMD_RETURN_ERROR;
	for (size_t i = 0; i < nclients; i++) {
		struct session *s = session_find_id(clients[i]->in.session);
		if (clients[i]->ended == NULL && s != NULL && (only == NULL || s == only))
			print_client(ctx, clients[i], s);
	}
	return CMD_RETURN_NORMAL;
}
