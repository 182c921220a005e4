/*
 * Commands for another host. One that attaches goes as mosh's: ssh starts `rsh bootstrap`
 * there, which answers with a connect line, and the client reaches the host over UDP at
 * the very address ssh used (we resolve the name and hand ssh the address). Unless
 * --transport=udp, that ssh stays open running `bootstrap --stdio`, the ssh path the
 * client's datagrams take when UDP does not get through (client/sshpath.h). Any other
 * command runs there through ssh like any remote command.
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "rsh.h"
#include "client/client.h"
#include "client/utf8_locale.h"
#include "client/ssh_bootstrap.h"
#include "client/sshpath.h"
#include "net/token.h"
#include "util/printable.h"
#include "util/xmalloc.h"

const char *rsh_resolve(const char *host, int family, bool numeric_only, char **address)
{
	struct addrinfo hints = {
		.ai_family = family,
		.ai_socktype = SOCK_DGRAM,
		.ai_flags = numeric_only ? AI_NUMERICHOST : 0,
	}, *res;
	char out[NI_MAXHOST];
	int e = getaddrinfo(host, NULL, &hints, &res);
	if (e == 0) {
		e = getnameinfo(res->ai_addr, res->ai_addrlen, out, sizeof out, NULL, 0,
				NI_NUMERICHOST);
		freeaddrinfo(res);
	}
	*address = NULL;
	if (e != 0 && numeric_only)
		return family == AF_INET    ? "not a numeric IPv4 address"
		       : family == AF_INET6 ? "not a numeric IPv6 address"
					    : "not a numeric address";
	if (e != 0)
		return gai_strerror(e);
	*address = xstrdup(out);
	return NULL;
}

/* Whether /etc/hosts names host: a name found without asking DNS. */
static bool in_hosts_file(const char *host)
{
	FILE *f = fopen("/etc/hosts", "r");
	char line[1024];
	bool found = false;
	while (f != NULL && !found && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "#")] = '\0';
		char *save, *word = strtok_r(line, " \t\r\n", &save); /* the address */
		while (!found && word != NULL && (word = strtok_r(NULL, " \t\r\n", &save)) != NULL)
			found = strcasecmp(word, host) == 0;
	}
	if (f != NULL)
		fclose(f);
	return found;
}

/*
 * Whether a lone word that is no command may still be a host, without a DNS lookup (slow
 * where DNS is out of reach, for what is usually a mistyped command): it holds '@', '.'
 * or ':' (user@host, a domain name, an address), ssh's configuration gives it another
 * HostName, or /etc/hosts names it. A short name known only to DNS is then taken for a
 * command: write user@name or its domain.
 */
static bool may_be_host(const struct ssh_bootstrap *b, const char *name)
{
	const char *w = b->destination;
	return b->argc > 0 || strpbrk(w, "@.:") != NULL || strcasecmp(name, w) != 0 ||
	       in_hosts_file(w);
}

/*
 * The address the client and ssh both use: ssh's HostName for the destination, resolved.
 * NULL having said why; a lone word that is no host was likely meant as a command.
 */
static char *remote_address(const struct rsh_options *o, const struct ssh_bootstrap *b)
{
	char *name = ssh_bootstrap_hostname(b), *address = NULL;
	if (!may_be_host(b, name)) {
		char *word = printable_copy(b->destination, strlen(b->destination), "");
		fprintf(stderr, "rsh: unknown command: %s (a host is user@host, a domain name, an"
				" address, or in ~/.ssh/config or /etc/hosts)\n", word);
		free(word);
		free(name);
		return NULL;
	}
	const char *why = rsh_resolve(name, o->family, false, &address);
	if (why != NULL)
		fprintf(stderr, "rsh: %s: %s\n", name, why);
	free(name);
	return address;
}

/* ssh starts `rsh bootstrap`; the client takes over on its connect line. */
static int remote_attach(const struct rsh_options *o, struct ssh_bootstrap *b)
{
	char *address = remote_address(o, b);
	if (address == NULL)
		return 1;
	if (!isatty(STDIN_FILENO)) {
		fprintf(stderr, "rsh: open terminal failed: not a terminal\n");
		free(address);
		return 1;
	}
	if (!utf8_locale_init(stderr)) {
		free(address);
		return 1;
	}
	b->hostname = address;
	struct client_options co = {.host = address, .family = o->family, .predict = o->predict,
				    .transport = o->transport, .fwd = &o->fwd};
	char *why = NULL;
	if (o->transport == UPLINK_UDP)
		why = ssh_bootstrap_run(b, &co.connect);
	else
		co.ssh = sshpath_open(b, &co.connect, &why);
	int code = 1;
	if (why != NULL)
		fprintf(stderr, "rsh: %s\n", why);
	else
		code = client_run(&co);
	free(why);
	free(address);
	return code;
}

int rsh_remote_run(const struct rsh_options *o, const char *destination, int argc,
		   char **argv)
{
	bool creates, attaches = true;
	if ((argc > 0 && !rsh_command_check(argc, argv, &creates, &attaches)) ||
	    !rsh_forwards_check(o, attaches))
		return 1;
	struct ssh_bootstrap b = {
		.ssh = o->ssh,
		.server = o->server,
		.destination = destination,
		.ports = o->ports,
		.family = o->family,
		.argc = argc,
		.argv = argv,
	};
	if (attaches)
		return remote_attach(o, &b);
	int code = ssh_bootstrap_command(&b);
	if (code == 126 || code == 127)
		fprintf(stderr, "rsh: %s not found on the host; give its path with --server\n",
			o->server);
	return code < 0 ? 1 : code;
}

int rsh_client_run(const struct rsh_options *o, int argc, char **argv)
{
	const char *token = getenv("RSH_TOKEN");
	struct client_options co = {.family = o->family, .predict = o->predict, .fwd = &o->fwd};
	if (argc != 2) {
		fprintf(stderr, "usage: RSH_TOKEN=token rsh client [-46] [--predict=mode] host"
				" port\n");
		return 1;
	}
	if (token == NULL || !net_token_decode(token, &co.connect)) {
		fprintf(stderr, "rsh: %s (the token of an RSH CONNECT line)\n",
			token == NULL ? "RSH_TOKEN is not set" : "RSH_TOKEN is not a token");
		return 1;
	}
	char *end;
	if (!rsh_port_parse(argv[1], &end, &co.connect.port) || *end != '\0') {
		fprintf(stderr, "rsh: bad port: %s\n", argv[1]);
		return 1;
	}
	char *address;
	const char *why = rsh_resolve(argv[0], o->family, false, &address);
	if (why != NULL) {
		fprintf(stderr, "rsh: %s: %s\n", argv[0], why);
		return 1;
	}
	co.host = address;
	int code = utf8_locale_init(stderr) ? client_run(&co) : 1;
	free(address);
	return code;
}
