/*
 * rsh: the command line. Reads the options, then sends the command to the server on this
 * host, or to another host through ssh, or runs one half of a remote attach (bootstrap,
 * client): see rsh.h.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "rsh.h"
#include "cmd/args.h"
#include "net/udp.h"
#include "util/xmalloc.h"

#define USAGE                                                                              \
	"usage: rsh [-46AV] [-f file] [-L socket-name | -S socket-path] [-p port|low:high]"      \
	" [-L [bind_address:]port:host:hostport] [-R [bind_address:]port:host:hostport]"        \
	" [--ssh=command]"                                                                     \
	" [--server=path] [--predict=adaptive|always|never] [--transport=auto|udp|ssh]"       \
	" [[user@]host] [command [flags] [arguments]]"

enum { OPT_SSH = 256, OPT_SERVER, OPT_PREDICT, OPT_TRANSPORT, OPT_STDIO, OPT_RELAY };

static const struct option main_options[] = {
	{"ssh", required_argument, NULL, OPT_SSH},
	{"server", required_argument, NULL, OPT_SERVER},
	{"predict", required_argument, NULL, OPT_PREDICT},
	{"transport", required_argument, NULL, OPT_TRANSPORT},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{0},
};
static const struct option client_options[] = {
	{"predict", required_argument, NULL, OPT_PREDICT},
	{0},
};
static const struct option bootstrap_options[] = {
	{"stdio", no_argument, NULL, OPT_STDIO},
	{"relay", required_argument, NULL, OPT_RELAY},
	{0},
};

bool rsh_port_parse(const char *s, char **end, unsigned *port)
{
	if (*s < '0' || *s > '9')
		return false;
	unsigned long v = strtoul(s, end, 10);
	*port = (unsigned)v;
	return v >= 1 && v <= 65535;
}

/* "PORT" or "LOW:HIGH", low <= high. */
static bool ports_parse(const char *s, unsigned *low, unsigned *high)
{
	char *end;
	if (!rsh_port_parse(s, &end, low))
		return false;
	*high = *low;
	if (*end == ':' && !rsh_port_parse(end + 1, &end, high))
		return false;
	return *end == '\0' && *low <= *high;
}

/* -L or -R with a forwarding: added to the list, or false having said what is wrong. */
static bool forward_add(struct rsh_options *o, bool local, const char *arg)
{
	struct fwd_spec s;
	/* ssh refuses -L 0:...: only the far end picks a port, and tells which. */
	if (!fwd_spec_parse(arg, &s) || (local && s.port == 0)) {
		fprintf(stderr, "rsh: bad %s forwarding specification '%s'"
				" ([bind_address:]port:host:hostport)\n", local ? "local" : "remote",
			arg);
		return false;
	}
	struct fwd_spec **list = local ? &o->fwd.local : &o->fwd.remote;
	size_t *n = local ? &o->fwd.nlocal : &o->fwd.nremote;
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = s;
	return true;
}

bool rsh_forwards_check(const struct rsh_options *o, bool attaches)
{
	if (attaches || (o->fwd.nlocal == 0 && o->fwd.nremote == 0 && !o->fwd.agent))
		return true;
	fprintf(stderr, "rsh: -L, -R and -A forward through an attached client; this command"
			" does not attach\n");
	return false;
}

static bool predict_parse(const char *s, const char *from, struct rsh_options *o)
{
	if (predict_mode_parse(s, &o->predict))
		return true;
	fprintf(stderr, "rsh: bad %s: %s (adaptive, always or never)\n", from, s);
	return false;
}

/*
 * Reads options up to the first word that is not one, from argv[1]. Returns the index of
 * that word, -1 having said in one line what is wrong, or 0 for -h.
 */
static int parse_options(int argc, char **argv, const char *shorts,
			 const struct option *longs, struct rsh_options *o)
{
	int c;
	optind = 0; /* a fresh scan: each part of the line is read on its own */
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		switch (c) {
		case '4':
		case '6':
			o->family = c == '4' ? AF_INET : AF_INET6;
			break;
		case 'f':
			o->config = optarg;
			break;
		case 'L':
			/* A socket name as tmux's -L, unless it is a forwarding as ssh's. */
			if (!fwd_spec_like(optarg))
				o->label = optarg;
			else if (!forward_add(o, true, optarg))
				return -1;
			break;
		case 'R':
			if (!forward_add(o, false, optarg))
				return -1;
			break;
		case 'A':
			o->fwd.agent = true;
			break;
		case 'S':
			o->socket = optarg;
			break;
		case 'p':
			if (!ports_parse(optarg, &o->port_low, &o->port_high)) {
				fprintf(stderr, "rsh: bad port: %s (PORT or LOW:HIGH, 1-65535)\n",
					optarg);
				return -1;
			}
			o->ports = optarg;
			break;
		case OPT_SSH:
			o->ssh = optarg;
			break;
		case OPT_SERVER:
			o->server = optarg;
			break;
		case OPT_PREDICT:
			if (!predict_parse(optarg, "--predict", o))
				return -1;
			break;
		case OPT_TRANSPORT:
			if (!uplink_transport_parse(optarg, &o->transport)) {
				fprintf(stderr, "rsh: bad --transport: %s (auto, udp or ssh)\n", optarg);
				return -1;
			}
			break;
		case OPT_STDIO:
			o->stdio = true;
			break;
		case OPT_RELAY: {
			char *end;
			if (!rsh_port_parse(optarg, &end, &o->relay_port) || *end != '\0') {
				fprintf(stderr, "rsh: bad --relay port: %s\n", optarg);
				return -1;
			}
			break;
		}
		case 'h':
			return 0;
		case 'V':
			o->version = true;
			return 0;
		case ':':
			fprintf(stderr, "rsh: %s needs a value\n", argv[optind - 1]);
			return -1;
		default:
			if (optopt != 0)
				fprintf(stderr, "rsh: unknown option: -%c\n", optopt);
			else
				fprintf(stderr, "rsh: unknown option: %s\n", argv[optind - 1]);
			return -1;
		}
	}
	return optind;
}

/* Where a local attach reaches the server: the server's default unless -p or -6 said. */
static const char *local_udp_host(const struct rsh_options *o)
{
	if (o->family == AF_INET6)
		return "::1";
	return o->ports != NULL ? "127.0.0.1" : NULL;
}

/* `rsh bootstrap ...` and `rsh client ...`: their own options, then their words. */
static int run_part(struct rsh_options *o, int argc, char **argv)
{
	bool bootstrap = strcmp(argv[0], "bootstrap") == 0;
	int i = bootstrap ? parse_options(argc, argv, "+:46p:", bootstrap_options, o)
			  : parse_options(argc, argv, "+:46", client_options, o);
	if (i < 0)
		return 1;
	if (bootstrap)
		return rsh_bootstrap_run(o, argc - i, argv + i);
	return rsh_client_run(o, argc - i, argv + i);
}

/* What the words after the options ask for: a part, a local command or a remote one. */
static int run(struct rsh_options *o, int argc, char **argv)
{
	if (argc > 0 && (strcmp(argv[0], "bootstrap") == 0 || strcmp(argv[0], "client") == 0))
		return run_part(o, argc, argv);
	if (argc == 0 || cmd_entry_exact(argv[0]) != NULL)
		return rsh_local_run(o, local_udp_host(o), false, NULL, argc, argv);
	return rsh_remote_run(o, argv[0], argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	struct rsh_options o = {
		.family = AF_UNSPEC,
		.port_low = NET_PORT_LOW,
		.port_high = NET_PORT_HIGH,
		.ssh = "ssh",
		.server = "rsh",
		.predict = PREDICT_ADAPTIVE,
	};
	const char *env = getenv("RSH_PREDICT");
	if (env != NULL && *env != '\0' && !predict_parse(env, "RSH_PREDICT", &o))
		return 1;
	int i = parse_options(argc, argv, "+:46Af:L:R:S:p:hV", main_options, &o), code;
	if (i <= 0) {
		if (i == 0)
			printf("%s\n", o.version ? "rsh " PACKAGE_VERSION : USAGE);
		code = i == 0 ? 0 : 1;
	} else {
		code = run(&o, argc - i, argv + i);
	}
	free(o.fwd.local);
	free(o.fwd.remote);
	return code;
}
