/*
 * `rsh bootstrap [command]`, on the host, usually run by ssh: the server (started when
 * needed) attaches a fresh connection to the session and gives its connect line, which
 * goes to standard output for the client on the other side; then we exit and ssh closes.
 * The server listens on the address ssh came in on, so the client's UDP reaches the same
 * interface as its ssh did. With --stdio we stay, relaying the client's datagrams over
 * ssh (net/relay.h) for when UDP does not get through; --relay PORT is that relay alone,
 * for a client that lost its ssh and resumes the connection it has.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rsh.h"
#include "net/relay.h"
#include "net/token.h"
#include "net/udp.h"
#include "util/xmalloc.h"

/* The line that tells the client the relay's frames follow (docs/protocol.md). */
#define RELAY_LINE "RSH RELAY\n"

/* The address ssh came in on (SSH_CONNECTION's third field), else any; allocated, or NULL
 * having said why. */
static char *server_address(const struct rsh_options *o)
{
	const char *conn = getenv("SSH_CONNECTION");
	if (conn == NULL || conn[strspn(conn, " ")] == '\0')
		return xstrdup(o->family == AF_INET6 ? "::" : "0.0.0.0");
	const char *s = conn;
	for (int field = 0; field < 2; field++) {
		s += strspn(s, " ");
		s += strcspn(s, " ");
	}
	s += strspn(s, " ");
	size_t len = strcspn(s, " ");
	if (len == 0) {
		fprintf(stderr, "rsh: SSH_CONNECTION has no server address: %s\n", conn);
		return NULL;
	}
	char *field = xstrndup(s, len), *address;
	const char *why = rsh_resolve(field, o->family, true, &address);
	if (why != NULL)
		fprintf(stderr, "rsh: SSH_CONNECTION's server address %s: %s\n", field, why);
	free(field);
	return address;
}

/* Relays to the server's port on address (the wildcard meaning this host: loopback). */
static int relay(const char *address, unsigned port)
{
	const char *host = strcmp(address, "0.0.0.0") == 0 ? "127.0.0.1"
			   : strcmp(address, "::") == 0    ? "::1"
							   : address;
	struct net_addr to;
	if (net_addr_resolve(host, port, &to) != 0) {
		fprintf(stderr, "rsh: cannot resolve %s\n", host);
		return 1;
	}
	fflush(stdout);
	signal(SIGPIPE, SIG_IGN); /* ssh gone: a write error, then the end */
	return net_relay_run(0, 1, (struct sockaddr *)&to.ss, to.len);
}

int rsh_bootstrap_run(const struct rsh_options *o, int argc, char **argv)
{
	if (o->relay_port != 0) {
		if (argc > 0 || o->stdio) {
			fprintf(stderr, "rsh: bootstrap --relay takes no command and no --stdio\n");
			return 1;
		}
		char *address = server_address(o);
		if (address == NULL)
			return 1;
		fputs(RELAY_LINE, stdout);
		int code = relay(address, o->relay_port);
		free(address);
		return code;
	}
	bool creates, attaches = true;
	if (argc > 0 && !rsh_command_check(argc, argv, &creates, &attaches))
		return 1;
	if (!attaches) {
		fprintf(stderr, "rsh: bootstrap takes only a command that attaches"
				" (attach-session, new-session without -d), not %s\n", argv[0]);
		return 1;
	}
	char *address = server_address(o);
	if (address == NULL)
		return 1;
	struct net_connect c;
	int code = rsh_local_run(o, address, true, o->stdio ? &c : NULL, argc, argv);
	if (code == 0 && o->stdio)
		code = relay(address, c.port);
	free(address);
	return code;
}
