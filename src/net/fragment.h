/*
 * Reassembly of messages cut into fragments (one per datagram).
 *
 * Bounded against a peer that holds the key but not good manners: a message is at most
 * NET_MSG_MAX bytes in at most NET_FRAG_MAX_COUNT fragments; at most NET_FRAG_MAX_PARTIAL
 * messages are in progress (a new one evicts the oldest); a partial message untouched for
 * NET_FRAG_MAX_AGE_MS is dropped.
 *
 * Each message is delivered once, in whatever order messages complete: a message older
 * than the newest delivered still completes and is delivered, within NET_MSG_ID_WINDOW
 * ids of the newest (older fragments are stale). A sender resending a large frame reuses
 * its id so that the tries combine, while acknowledgements and heartbeats, newer
 * messages, go between them (state synchronisation ignores what a message delivered late
 * says that a newer one superseded). The exception to once: the final fragment of a
 * resend of the last message put together delivers it again, so the peer, which resends
 * because it heard no answer, gets one.
 */
#ifndef RSH_NET_FRAGMENT_H
#define RSH_NET_FRAGMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "packet.h"

#define NET_MSG_MAX (1u << 20)
#define NET_FRAG_MAX_COUNT 1024
#define NET_FRAG_MAX_PARTIAL 4
#define NET_FRAG_MAX_AGE_MS 10000
/* How far behind the newest message delivered a message may still complete: a sender
 * reuses an id only while fewer newer ids than this went out. */
#define NET_MSG_ID_WINDOW 64

struct net_reasm_stats {
	uint64_t stale;    /* fragments of messages delivered or too old */
	uint64_t invalid;  /* fragments past the bounds or contradicting earlier ones */
	uint64_t evicted;  /* partial messages pushed out by newer ones or expired */
};

struct net_partial;

struct net_reasm {
	struct net_partial *partial[NET_FRAG_MAX_PARTIAL];
	uint64_t delivered; /* id of the newest message delivered */
	uint64_t done;      /* bit k: message delivered - k was delivered */
	bool any_delivered;
	uint8_t *out;       /* the last message put together, kept until the next one */
	size_t out_len;
	uint64_t out_id;
	size_t bytes;       /* fragment bytes held by partial messages */
	struct net_reasm_stats *stats;
};

void net_reasm_init(struct net_reasm *r, struct net_reasm_stats *stats);
void net_reasm_free(struct net_reasm *r);
/*
 * Adds the fragment of an authentic packet. Returns true with a complete message in
 * *msg and *len (valid until the next call), false otherwise.
 */
bool net_reasm_add(struct net_reasm *r, const struct net_plain *frag, uint64_t now_ms,
		   const uint8_t **msg, size_t *len);

#endif
