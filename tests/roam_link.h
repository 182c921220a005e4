/*
 * The roaming tests' link, as a user behind a bad network has it: a connection that
 * `rsh bootstrap` printed, tests/udpproxy in front of the server's UDP port, and
 * `RSH_TOKEN=... rsh client 127.0.0.1 PROXYPORT` in the harness's pty talking to the proxy.
 * Builds on attach_harness.h (call harness_init first); every failure ends the test. Proxies
 * still running at exit are killed.
 */
#ifndef RSH_TESTS_ROAM_LINK_H
#define RSH_TESTS_ROAM_LINK_H

#include <stdbool.h>

#include "attach_harness.h"
#include "net/token.h"
#include "udpproxy_run.h"

struct roam_link {
	struct net_connect nc;           /* the server's port, the connection's id and key */
	char token[NET_TOKEN_CHARS + 1];
	struct udpproxy proxy;
	bool proxied;                    /* the proxy runs */
	harness_client *client;
};

/* What the proxy counted one way: datagrams in, out (forwarded) and lost, bytes out. */
struct roam_counts {
	unsigned long long in, out, lost, out_bytes;
};

/* Runs `rsh bootstrap attach -t session` and takes the connect line it prints. */
void roam_bootstrap(struct roam_link *l, const char *session);
/*
 * Starts the proxy in front of the server's port with more udpproxy flags (NULL-terminated)
 * on 127.0.0.1:listen_port (0: any free port).
 */
void roam_proxy_start(struct roam_link *l, unsigned listen_port, char *const *flags);
/* Stops the proxy, prints its counts under label; up and down (may be NULL) get them. */
void roam_proxy_stop(struct roam_link *l, const char *label, struct roam_counts *up,
		     struct roam_counts *down);
/* The proxy's counts so far (SIGUSR1), leaving it running; up and down (may be NULL). */
void roam_proxy_counts(struct roam_link *l, struct roam_counts *up, struct roam_counts *down);
/* The proxy's port, where the client sends. */
unsigned roam_proxy_port(const struct roam_link *l);
/*
 * The address the proxy sends to the server from, "127.0.0.X:PORT" (NET_ADDR_STRLEN
 * bytes): false unless it has exactly one such socket (it does not roam, nor did lately).
 */
bool roam_proxy_upstream(const struct roam_link *l, char *out);
/* Starts `rsh client 127.0.0.1 port` with RSH_TOKEN=token (NULL: unset) in a cols x rows pty. */
harness_client *roam_client_start(unsigned cols, unsigned rows, const char *token,
				  unsigned port);
/* The same with rsh's options opts (NULL-terminated, may be NULL) before "client". */
harness_client *roam_client_start_opts(unsigned cols, unsigned rows, const char *token,
				       unsigned port, char *const *opts);
/* The same through l's proxy with l's token; also kept in l->client. */
harness_client *roam_link_client(struct roam_link *l, unsigned cols, unsigned rows);
/*
 * All of it for the session: bootstrap, the proxy with flags (NULL-terminated), the client
 * in a cols x rows pty; returns once the client's screen matches the session.
 */
harness_client *roam_attach(struct roam_link *l, const char *session, unsigned cols,
			    unsigned rows, char *const *flags);

/* One line of list-clients. */
struct roam_listed {
	unsigned id;
	char addr[NET_ADDR_STRLEN]; /* empty while not connected */
	unsigned last_contact_s;
};

/* Runs list-clients; fills at most max lines into out; returns how many it printed. */
unsigned roam_list_clients(struct roam_listed *out, unsigned max);
/* The monotonic clock in ms, for the figures the tests print. */
long long roam_now_ms(void);
/* The seed the test's randomness (the proxy's, tokens) comes from, printed once. */
unsigned long roam_seed(void);

#endif
