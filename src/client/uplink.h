/*
 * The client's end of the connection: its transport (net/transport.h) over sockets that
 * hop (net/hop.h), and for a remote attach the ssh path beside them (sshpath.h). Frames
 * go out through the current socket, datagrams are taken from all of them, and after a
 * silence the client moves to a new source port, which the server follows: a NAT mapping
 * that died, or a new network, does not end the session.
 *
 * Which path a datagram takes (--transport): udp, always UDP; ssh, always the ssh path;
 * auto, UDP while it answers, the ssh path when no UDP answer came UPLINK_UDP_FIRST_MS
 * after the start or UPLINK_UDP_QUIET_MS since the last one. On the ssh path one frame in
 * UPLINK_PROBE_MS is sealed a second time and goes by UDP: the server answers the newest
 * authentic datagram's source, so once UDP gets through, its answer comes by UDP and the
 * client moves back.
 */
#ifndef RSH_CLIENT_UPLINK_H
#define RSH_CLIENT_UPLINK_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>

#include "sshpath.h"
#include "net/hop.h"
#include "net/sync_link.h"
#include "net/transport.h"
#include "net/udp.h"

enum uplink_transport { UPLINK_AUTO, UPLINK_UDP, UPLINK_SSH };

#define UPLINK_UDP_FIRST_MS 3000
#define UPLINK_UDP_QUIET_MS (2 * SYNC_HEARTBEAT_MS + 500) /* two idle heartbeats missed */
#define UPLINK_PROBE_MS 1000
/* On the ssh path, nothing heard for this long: that ssh is stuck (a TCP connection
 * that died without a word); it is ended and run again. */
#define UPLINK_SSH_STALL_MS 20000
#define UPLINK_POLLFDS (NET_HOP_MAX + SSHPATH_POLLFDS)

struct uplink {
	transport *t;
	struct net_hop hop;
	struct net_addr server;
	enum uplink_transport mode;
	sshpath *ssh;          /* the ssh path, owned; NULL: UDP only */
	bool via_ssh;          /* the path in use */
	uint64_t udp_until;    /* UDP counts as answering until then */
	uint64_t probe_ms;     /* the last frame that also went by UDP */
	uint64_t ssh_heard_ms; /* the last authentic datagram over ssh (or its start) */
};

/* "auto", "udp" or "ssh". */
bool uplink_transport_parse(const char *s, enum uplink_transport *mode);

/*
 * Resolves host and port and opens the first socket, then a client-side transport for
 * the connection id and key that syncs local (an input log state) against remote (a
 * view): references are taken. ssh (taken, may be NULL) is the ssh path for mode.
 * -1 with a message printed on failure (ssh is freed then too).
 */
int uplink_open(struct uplink *u, const char *host, unsigned port, uint64_t id,
		const uint8_t *key, void *local, void *remote, uint64_t now_ms,
		enum uplink_transport mode, sshpath *ssh);
void uplink_close(struct uplink *u);

/* Picks the path, then sends the frame due, after hopping to a new socket when the link
 * has been silent. */
void uplink_tick(struct uplink *u, uint64_t now_ms);
/* Fills p (room for UPLINK_POLLFDS) with the descriptors to poll; returns how many. */
unsigned uplink_pollfds(const struct uplink *u, struct pollfd *p);
/* How long poll may wait for the uplink's own sake (ssh to run again), or -1. */
int uplink_timeout_ms(const struct uplink *u, uint64_t now_ms);
/*
 * Takes the datagrams waiting on the descriptors p (as uplink_pollfds filled it, after
 * poll) says are readable, calling fresh(arg) after each one that made the view newer.
 */
void uplink_receive(struct uplink *u, const struct pollfd *p, unsigned n, uint64_t now_ms,
		    void (*fresh)(void *arg), void *arg);
/* The path in use, for the status row: "udp", "ssh", or "ssh down" when the ssh path is
 * the one to use but its ssh is being run again (or cannot be: a login that needs a
 * password, a host out of reach), with why the last one ended (sshpath_state). */
const char *uplink_path(const struct uplink *u, uint64_t now_ms);

#endif
