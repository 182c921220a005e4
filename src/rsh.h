/*
 * The rsh command line, in four parts: rsh.c reads the options and picks one of
 *   rsh_local.c      a command for the server on this host, over its control socket;
 *   rsh_remote.c     a command for another host: ssh, then the client over UDP; and
 *                    `rsh client`, the UDP half alone;
 *   rsh_bootstrap.c  `rsh bootstrap`, what ssh runs on the host: the connect line.
 */
#ifndef RSH_RSH_H
#define RSH_RSH_H

#include <stdbool.h>

#include "client/client.h"
#include "client/predict.h"
#include "client/uplink.h"

struct rsh_options {
	const char *label, *socket; /* -L, -S: the control socket; NULL for the default */
	int family;                 /* -4, -6: AF_INET, AF_INET6, else AF_UNSPEC */
	const char *ports;          /* -p as given ("PORT" or "LOW:HIGH"), or NULL */
	unsigned port_low, port_high; /* -p, else NET_PORT_LOW..NET_PORT_HIGH */
	const char *ssh;            /* --ssh: the ssh command, "ssh" */
	const char *server;         /* --server: rsh on the host, "rsh" */
	enum predict_mode predict;  /* --predict, else RSH_PREDICT, else adaptive */
	const char *config;         /* -f: the config file a server started here reads */
	bool version;               /* -V, --version: print it and exit */
	enum uplink_transport transport; /* --transport: auto, udp or ssh */
	bool stdio;                 /* bootstrap --stdio: relay datagrams after the line */
	unsigned relay_port;        /* bootstrap --relay PORT: only relay, to that port */
	struct client_forwards fwd; /* -L, -R (ssh's forwardings), -A */
};

/* Forwardings (-L, -R, -A) go through an attached client: false, having said so, when
 * some were asked for a command that does not attach. */
bool rsh_forwards_check(const struct rsh_options *o, bool attaches);

/* A port, 1..65535, in decimal at the start of s; *end is set after it. */
bool rsh_port_parse(const char *s, char **end, unsigned *port);

/*
 * Checks a command line as the server will (a bad one needs no server and no ssh),
 * printing the error; several commands split at ';' are each checked. *creates: one is
 * new-session or start-server (they start a server when there is none); *attaches: one attaches a client (attach-session, new-session without -d).
 */
bool rsh_command_check(int argc, char **argv, bool *creates, bool *attaches);

/*
 * Runs the command (argc 0: attach the most recent session, or create one when there is
 * none, as tmux) through the server on this host, starting it for a new session.
 * udp_host: where an attached client reaches the server (numeric), NULL for 127.0.0.1.
 * With connect_only, an attach's connect line is printed rather than attached to, and no
 * terminal is needed (rsh bootstrap); connected, when not NULL, then receives it parsed.
 * Returns the exit status.
 */
int rsh_local_run(const struct rsh_options *o, const char *udp_host, bool connect_only,
		  struct net_connect *connected, int argc, char **argv);

/*
 * The command on host destination ([user@]host) through ssh: an attach as mosh does (ssh
 * starts `rsh bootstrap`, the client then reaches the host over UDP), anything else run
 * there with ssh's standard input and output. Returns the exit status.
 */
int rsh_remote_run(const struct rsh_options *o, const char *destination, int argc,
		   char **argv);

/* `RSH_TOKEN=token rsh client HOST PORT`: the client alone. */
int rsh_client_run(const struct rsh_options *o, int argc, char **argv);

/* `rsh bootstrap [--stdio] [command]` on the host: prints the connect line of an attach,
 * then with --stdio relays datagrams between its standard input and output and the
 * server (net/relay.h) until its input ends; `rsh bootstrap --relay PORT` only relays,
 * to the server's UDP port PORT, after a line "RSH RELAY". */
int rsh_bootstrap_run(const struct rsh_options *o, int argc, char **argv);

/*
 * The numeric address (of the family, or any) that host names, into *address (allocated);
 * with numeric_only, host must be an address already. Returns NULL, or why not.
 */
const char *rsh_resolve(const char *host, int family, bool numeric_only, char **address);

#endif
