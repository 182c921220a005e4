/*
 * Both directions of a sync connection, and the pacing of frames: a sender of the local
 * state, a receiver of the remote state, and the clocks that say when a frame goes out.
 *
 * It knows nothing of sockets: the owner passes messages in and out (transport.h does so
 * over an encrypted connection; tests over a simulated link). Times are milliseconds of a
 * monotonic clock (0 means never).
 *
 * A frame goes out:
 *  - with news (the local state changed): at once if the last frame with a diff left at
 *    least an interval ago, else when it has; the interval is SRTT/2 clamped to the
 *    floor (SYNC_INTERVAL_MIN_MS unless the owner set another) ..SYNC_INTERVAL_MAX_MS,
 *    so an idle fast link adds no delay and a flood on one costs at most 1000 / floor
 *    frames a second; the first SYNC_ANSWERS frames with news after a newer peer state
 *    arrived (a keystroke) go at once whatever the interval, as one is likely that
 *    state's answer (its echo), and the other may be news that was due when the state
 *    came (an echo acknowledgement maturing in the same turn): a bounded number of
 *    frames per peer state, so the peer's rate bounds them;
 *  - again, from the acknowledged state, when the newest state sent is still unacknow-
 *    ledged RTO + SYNC_ACK_DELAY_MS after it went out (RTO alone when its diff was larger
 *    than SYNC_ACK_NOW_BYTES, which the receiver acknowledges at once; SRTT + 25 % +
 *    SYNC_BEHIND_SLACK_MS in place of the RTO when that is less and the diff at most
 *    SYNC_COPY_BYTES, so a lost keystroke goes again after about a round trip), or at once when
 *    a frame from the peer, arriving over a round trip (SRTT + 25 % +
 *    SYNC_BEHIND_SLACK_MS) after it went out, still lacks it
 *    (the peer is back from an outage: it catches up in about one round trip);
 *  - as an acknowledgement, SYNC_ACK_DELAY_MS after a frame with a diff arrived, unless a
 *    frame went out meanwhile (every frame acknowledges); at once when the diff's base
 *    is not held, to report it missing, or when the diff was larger than
 *    SYNC_ACK_NOW_BYTES (bulk data: its sender may be waiting to send more);
 *  - as a heartbeat, SYNC_HEARTBEAT_MS after the last frame of any kind.
 * A frame with a diff of at most SYNC_COPY_BYTES (a keystroke, its echo) is sent twice
 * (sync_link_copies) while the link has shown loss in the last SYNC_LOSSY_MS: a peer
 * behind by more than the RTO (behind by less it only gets the state again: a peer short
 * of CPU reads late), a base reported missing either way (a resend timer alone is no
 * evidence: the peer may be gone).
 */
#ifndef RSH_NET_SYNC_LINK_H
#define RSH_NET_SYNC_LINK_H

#include "sync_receiver.h"
#include "sync_sender.h"

#define SYNC_INTERVAL_MIN_MS 8
#define SYNC_INTERVAL_MAX_MS 250
#define SYNC_ACK_DELAY_MS 100
#define SYNC_ACK_NOW_BYTES 1024
#define SYNC_HEARTBEAT_MS 3000
#define SYNC_COPY_BYTES 512
#define SYNC_LOSSY_MS 10000
#define SYNC_ANSWERS 2
/* A peer is taken to lack our newest state when it speaks this long past SRTT + 25 %. */
#define SYNC_BEHIND_SLACK_MS 1

typedef struct sync_link sync_link;

/* The initial states are number 0 of each direction; the link takes references. */
sync_link *sync_link_new(const sync_state_ops *local_ops, void *local_initial,
			 const sync_state_ops *remote_ops, void *remote_initial);
void sync_link_free(sync_link *l);

/* Makes state the local state to ship (takes a reference). */
void sync_link_set_local(sync_link *l, void *state);
/* The round-trip figures pacing works from (the connection's estimate). */
void sync_link_set_rtt(sync_link *l, unsigned srtt_ms, unsigned rto_ms);
/* The least interval between frames with news, SYNC_INTERVAL_MIN_MS..SYNC_INTERVAL_MAX_MS
 * (clamped): an owner whose peer only watches may send less often than to one typing. */
void sync_link_set_floor(sync_link *l, unsigned floor_ms);

/* Owes the peer a frame at once (an acknowledgement if nothing else is due): the peer
 * just spoke from a new address, and an answer there tells it that path works. */
void sync_link_answer_now(sync_link *l, uint64_t now_ms);

/* When a frame is next due (possibly now or earlier): the owner's poll deadline. */
uint64_t sync_link_next_wakeup(const sync_link *l);
/* When a new local state set now would go out at the soonest (possibly now or earlier):
 * the pacing interval after the last frame with a diff. An owner may put off building
 * its state until then, as no frame would carry it sooner. */
uint64_t sync_link_news_due(const sync_link *l);
/* Encodes the frame due at now_ms, if any: true with *msg and *len set (valid until the
 * next call on l). */
bool sync_link_tick(sync_link *l, uint64_t now_ms, const uint8_t **msg, size_t *len);

/*
 * Takes a message from the peer (authenticated by the layer below, still untrusted in
 * form). Returns false with *err set when it is malformed (and changes nothing); else
 * *res says what became of its diff.
 */
bool sync_link_receive(sync_link *l, const uint8_t *msg, size_t len, uint64_t now_ms,
		       enum sync_result *res, const char **err);

/* The newest remote state held, and its number. */
const void *sync_link_remote(const sync_link *l, uint64_t *num);
/* When the last well-formed frame arrived (0: never): for "last contact N s ago". */
uint64_t sync_link_last_heard_ms(const sync_link *l);
/* The local state is sent and acknowledged. */
bool sync_link_settled(const sync_link *l);
/* How many times the frame of the last sync_link_tick that returned one is to be sent:
 * 2 for a small diff on a link that lost frames lately, else 1. */
unsigned sync_link_copies(const sync_link *l);

sync_sender *sync_link_sender(sync_link *l);
sync_receiver *sync_link_receiver(sync_link *l);

#endif
