/* Running tests/udpproxy from a test or a benchmark: start it, learn its address, stop it. */
#ifndef RSH_TESTS_UDPPROXY_RUN_H
#define RSH_TESTS_UDPPROXY_RUN_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "net/udp.h"

struct udpproxy {
	pid_t pid;
	FILE *out;            /* its standard output */
	struct net_addr addr; /* where it listens, on 127.0.0.1 */
};

/* Starts the program at path forwarding to target, with more flags (NULL-terminated):
 * false when it cannot be started or says nothing sensible. */
bool udpproxy_start(struct udpproxy *p, const char *path, const struct net_addr *target,
		    char *const *flags);
/* Stops it, copies its counts to counts (if not NULL): true when it exited cleanly. */
bool udpproxy_stop(struct udpproxy *p, FILE *counts);

#endif
