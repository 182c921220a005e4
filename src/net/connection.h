/*
 * One end of an encrypted, roaming datagram connection: key, sequence counter, replay
 * window, RTT estimate, reassembly and the peer's address.
 *
 * The server side keeps one per client and demultiplexes a shared socket with
 * net_packet_peek_id; it sends to the source of the newest authentic packet (roaming). The
 * client side is told where the server is with net_conn_set_peer.
 *
 * Hostile datagrams (unknown id, wrong direction, replayed, too old, bad tag, truncated or
 * oversized) are dropped with no reply and no change but a counter in the stats.
 */
#ifndef RSH_NET_CONNECTION_H
#define RSH_NET_CONNECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "crypto.h"
#include "fragment.h"

typedef struct net_conn net_conn;

struct net_conn_stats {
	uint64_t sent_datagrams, sent_bytes, sent_messages, send_errors;
	uint64_t recv_datagrams, recv_bytes, recv_messages; /* authentic ones */
	/* Dropped datagrams by reason. */
	uint64_t drop_short, drop_long, drop_id, drop_direction;
	uint64_t drop_seen, drop_too_old, drop_auth, drop_malformed;
	struct net_reasm_stats frag;
	uint64_t roams; /* times the server side followed the client to a new address */
};

/* A fresh random connection id and key, for the server to hand out. */
void net_conn_keygen(uint64_t *id, uint8_t key[NET_KEY_LEN]);
/* A connection for id and key: server_side sends with the direction bit set and accepts
 * only packets without it. The key is copied into protected memory. */
net_conn *net_conn_new(uint64_t id, const uint8_t key[NET_KEY_LEN], bool server_side);
void net_conn_free(net_conn *c);

uint64_t net_conn_id(const net_conn *c);
/* Where to send: the server's address on the client side; on the server side it is set
 * by the newest authentic packet, and this only gives a first guess. */
void net_conn_set_peer(net_conn *c, const struct sockaddr *addr, socklen_t len);
/* The current peer address, or NULL (and *len 0) when none is known yet. */
const struct sockaddr *net_conn_peer(const net_conn *c, socklen_t *len);
/* Largest datagram to send, at most NET_DGRAM_MAX; NET_DGRAM_SEND_MAX by default. */
void net_conn_set_dgram_max(net_conn *c, size_t max);
/* The bytes of message one datagram carries (a message up to this is one fragment). */
size_t net_conn_room(const net_conn *c);

/*
 * Cuts msg (at most NET_MSG_MAX bytes, may be empty) into fragments, seals each into a
 * datagram and hands it to emit, which returns 0 or -1 to stop. Returns the datagrams
 * emitted, or -1 (errno EMSGSIZE when msg is too long).
 */
typedef int (*net_emit_fn)(void *arg, const uint8_t *dgram, size_t len);
int net_conn_seal(net_conn *c, const uint8_t *msg, size_t len, uint64_t now_ms,
		  net_emit_fn emit, void *arg);
/* net_conn_seal to the peer's current address through fd. Returns the datagrams sent, or
 * -1 with errno (EDESTADDRREQ: no peer yet; or sendto's error, counted in send_errors).
 * While sendq holds (sendq.h) the datagrams are queued, not sent: 0 errors here. */
int net_conn_send(net_conn *c, int fd, const uint8_t *msg, size_t len, uint64_t now_ms);

/*
 * Takes one received datagram. Returns 1 with a complete message in *msg and *msglen
 * (valid until the next call on c), 0 otherwise (a fragment, or a dropped datagram).
 * Authentic packets update last-heard, and the newest ones the RTT estimate and (server
 * side) the peer address.
 */
int net_conn_receive(net_conn *c, const uint8_t *dgram, size_t len,
		     const struct sockaddr *from, socklen_t fromlen, uint64_t now_ms,
		     const uint8_t **msg, size_t *msglen);

unsigned net_conn_srtt_ms(const net_conn *c);
unsigned net_conn_rto_ms(const net_conn *c);
/* When the last authentic packet arrived; 0 = never. */
uint64_t net_conn_last_heard_ms(const net_conn *c);
/* When the last timestamp reply arrived (a completed round trip); 0 = never. */
uint64_t net_conn_last_roundtrip_ms(const net_conn *c);
const struct net_conn_stats *net_conn_stats(const net_conn *c);

#endif
