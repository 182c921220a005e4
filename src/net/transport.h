/*
 * One sync connection over UDP: an encrypted connection (connection.h) carrying a sync
 * link (sync_link.h) that ships the local state and receives the remote one, and the
 * channels (channel.h) beside it: each tick sends the frame due first, then the channel
 * messages the room left allows.
 *
 * The server keeps one per attached client, all on its one socket (net_packet_peek_id
 * says whose a datagram is); the client keeps one. The owner owns the sockets: it passes
 * the fd to send through to transport_tick, hands every datagram for this connection to
 * transport_receive, and polls no longer than transport_next_wakeup says.
 */
#ifndef RSH_NET_TRANSPORT_H
#define RSH_NET_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "channel.h"
#include "connection.h"
#include "sync_link.h"

typedef struct transport transport;

struct transport_stats {
	uint64_t frames_sent, frames_received;
	uint64_t frames_malformed; /* authentic but not a well-formed sync frame */
	uint64_t states_new;       /* newer remote states taken */
	uint64_t no_base;          /* diffs from a base not held */
	uint64_t bad_diff;         /* diffs that did not apply */
	uint64_t frames_too_large; /* over NET_MSG_MAX: a state type whose diffs grow too big */
};

/* A connection for id and key (see net_conn_new), syncing a local state of local_ops and
 * a remote one of remote_ops from the given initial states (references are taken). */
transport *transport_new(uint64_t id, const uint8_t key[NET_KEY_LEN], bool server_side,
			 const sync_state_ops *local_ops, void *local_initial,
			 const sync_state_ops *remote_ops, void *remote_initial);
void transport_free(transport *t);

net_conn *transport_conn(transport *t);
sync_link *transport_link(transport *t);
/* The connection's channels: the owner opens, reads and writes them; the transport
 * carries their messages. */
chan_mux *transport_channels(transport *t);

/* Makes state the local state to ship (takes a reference). */
void transport_set_local(transport *t, void *state);
/* Sends the frame due now, if any, through fd. Returns the frames sent (0 or 1); send
 * errors count as loss (see the connection's stats). Sends nothing while no peer address
 * is known (a server side that has not heard from its client). */
int transport_tick(transport *t, int fd, uint64_t now_ms);
/*
 * As transport_tick, each datagram handed to emit (net_conn_seal) rather than sent: the
 * owner picks its path (the client: UDP or the ssh relay). With also, the frame is sealed
 * once more, after, with sequence numbers of its own, and handed to also: a probe of
 * another path whose copy is the newest the peer sees whichever arrives first, so an
 * answering path takes over (roaming).
 */
int transport_tick_emit(transport *t, net_emit_fn emit, net_emit_fn also, void *arg,
			uint64_t now_ms);
/* Takes one datagram. Returns 1 when the remote state became newer (read it then with
 * transport_remote), 0 otherwise. */
int transport_receive(transport *t, const uint8_t *dgram, size_t len,
		      const struct sockaddr *from, socklen_t fromlen, uint64_t now_ms);
/* When transport_tick next has something to send. */
uint64_t transport_next_wakeup(const transport *t);
/* The same as a poll timeout in ms from now_ms (0 when due). */
int transport_timeout_ms(const transport *t, uint64_t now_ms);

const void *transport_remote(const transport *t, uint64_t *num);
/* When the last authentic packet arrived (0: never): for "last contact N s ago". */
uint64_t transport_last_heard_ms(const transport *t);
/* The local state is sent and acknowledged. */
bool transport_settled(const transport *t);
const struct transport_stats *transport_stats(const transport *t);

#endif
