/*
 * The attached client: draws the views the server ships over one sync connection
 * (net/transport.h) on this terminal with ncurses, and sends what the user types as input
 * events through the input log. Knows nothing of sessions or panes beyond the view.
 */
#ifndef RSH_CLIENT_CLIENT_H
#define RSH_CLIENT_CLIENT_H

#include <stdbool.h>

#include "net/forward_spec.h"
#include "net/token.h"
#include "predict.h"
#include "sshpath.h"
#include "uplink.h"

/* What the client forwards over its connection (-L, -R, -A). */
struct client_forwards {
	struct fwd_spec *local, *remote;
	size_t nlocal, nremote;
	bool agent;                /* -A: connections to the host's agent socket reach
				    * this one's ($SSH_AUTH_SOCK) */
};

struct client_options {
	const char *host;          /* the server's address, numeric or a name */
	int family;                /* AF_UNSPEC, AF_INET or AF_INET6 */
	struct net_connect connect; /* its port, the connection id and key */
	enum predict_mode predict; /* local echo prediction (--predict, RSH_PREDICT) */
	bool local;                /* the server is this machine's own (rsh attach): a
				    * silence then means it is gone, not the network */
	enum uplink_transport transport; /* --transport: which path datagrams take */
	sshpath *ssh;              /* the ssh path of a remote attach, taken; or NULL */
	const struct client_forwards *fwd; /* NULL: none */
};

/*
 * Runs the client on the terminal at stdin/stdout until the attachment ends (the view's
 * end line: detached, the session exited, the server exited) or a signal ends it. The
 * terminal is restored on every way out, crash signals included; the end line is printed
 * as tmux does ("[detached (from session work)]"). Frees o->ssh. The forwardings'
 * listeners are set up first: one that cannot listen is an error before the terminal is
 * taken. Returns the exit status.
 */
int client_run(const struct client_options *o);

#endif
