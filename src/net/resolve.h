/*
 * Name resolution off the caller's loop: getaddrinfo runs in a thread of its own, so a
 * slow resolver (a name server that does not answer for seconds) holds up only the
 * connection that asked, never the loop that serves every session.
 *
 * Ownership: the thread owns its copy of the name and its end of a socket pair; the
 * caller owns the net_resolve and the other end, polled for the answer. Nothing else is
 * shared, so the caller may give up at any time (net_resolve_cancel) and the thread then
 * finishes alone, its answer going nowhere.
 */
#ifndef RSH_NET_RESOLVE_H
#define RSH_NET_RESOLVE_H

#include "udp.h"

typedef struct net_resolve net_resolve;

/* Starts resolving host (not NULL) and port; NULL with errno when no thread can start. */
net_resolve *net_resolve_start(const char *host, unsigned port);
/* The descriptor to poll for POLLIN: readable once the answer is in. */
int net_resolve_fd(const net_resolve *r);
/* The answer, once the descriptor is readable: 0 with *out, -1 when the name does not
 * resolve. Frees r. */
int net_resolve_finish(net_resolve *r, struct net_addr *out);
/* Gives up waiting for r, and frees it. */
void net_resolve_cancel(net_resolve *r);

#endif
