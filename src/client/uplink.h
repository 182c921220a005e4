/*
 * The client's end of the connection: its transport (net/transport.h) over sockets that
 * hop (net/hop.h). Frames go out through the current socket, datagrams are taken from all
 * of them, and after a silence the client moves to a new source port, which the server
 * follows: a NAT mapping that died, or a new network, does not end the session.
 */
#ifndef RSH_CLIENT_UPLINK_H
#define RSH_CLIENT_UPLINK_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>

#include "net/hop.h"
#include "net/transport.h"
#include "net/udp.h"

struct uplink {
	transport *t;
	struct net_hop hop;
	struct net_addr server;
};

/*
 * Resolves host and port and opens the first socket, then a client-side transport for
 * the connection id and key that syncs local (an input log state) against remote (a
 * view): references are taken. -1 with a message printed on failure.
 */
int uplink_open(struct uplink *u, const char *host, unsigned port, uint64_t id,
		const uint8_t *key, void *local, void *remote, uint64_t now_ms);
void uplink_close(struct uplink *u);

/* Sends the frame due, after hopping to a new socket when the link has been silent. */
void uplink_tick(struct uplink *u, uint64_t now_ms);
/* Fills p (room for NET_HOP_MAX) with the sockets to poll; returns how many. */
unsigned uplink_pollfds(const struct uplink *u, struct pollfd *p);
/*
 * Takes the datagrams waiting on the sockets p (as uplink_pollfds filled it, after poll)
 * says are readable, calling fresh(arg) after each one that made the view newer.
 */
void uplink_receive(struct uplink *u, const struct pollfd *p, unsigned n, uint64_t now_ms,
		    void (*fresh)(void *arg), void *arg);

#endif
