/*
 * `rsh bootstrap [command]`, on the host, usually run by ssh: the server (started when
 * needed) attaches a fresh connection to the session and gives its connect line, which
 * goes to standard output for the client on the other side; then we exit and ssh closes.
 * The server listens on the address ssh came in on, so the client's UDP reaches the same
 * interface as its ssh did.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rsh.h"
#include "util/xmalloc.h"

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

int rsh_bootstrap_run(const struct rsh_options *o, int argc, char **argv)
{
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
	int code = rsh_local_run(o, address, true, argc, argv);
	free(address);
	return code;
}
