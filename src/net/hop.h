/*
 * The client's sockets: a current one to send through, and old ones kept a while to hear
 * late replies. After a long silence the client hops to a new socket (a new source port)
 * to escape a NAT mapping that died; the server follows it (roaming).
 */
#ifndef RSH_NET_HOP_H
#define RSH_NET_HOP_H

#include <stdbool.h>
#include <stdint.h>

#define NET_HOP_SILENCE_MS 10000 /* no round trip for this long: hop */
#define NET_HOP_KEEP_MS 60000    /* how long an old socket still listens */
#define NET_HOP_MAX 8            /* sockets open at once, the current one included */

struct net_hop {
	int family;
	int fd[NET_HOP_MAX];          /* fd[0] is the current socket */
	uint64_t retired[NET_HOP_MAX]; /* when each old one stopped being current */
	unsigned n;
	uint64_t last_hop;            /* when fd[0] was opened */
};

/* Opens the first socket, of family (AF_INET or AF_INET6). -1 with errno on failure. */
int net_hop_init(struct net_hop *h, int family, uint64_t now_ms);
void net_hop_close(struct net_hop *h);
/* Replaces the current socket with a new one; the old one keeps listening. */
int net_hop_now(struct net_hop *h, uint64_t now_ms);
/*
 * Hops when neither a round trip nor a hop happened for NET_HOP_SILENCE_MS, and closes old
 * sockets after NET_HOP_KEEP_MS. Returns 1 when it hopped, 0 if not, -1 on failure.
 */
int net_hop_tick(struct net_hop *h, uint64_t now_ms, uint64_t last_roundtrip_ms);

#endif
