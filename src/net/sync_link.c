/* Pacing of sync frames over one connection (rules: sync_link.h and docs/protocol.md). */
#include "sync_link.h"

#include <stdlib.h>

#include "clock.h"
#include "util/xmalloc.h"

struct sync_link {
	sync_sender *tx;
	sync_receiver *rx;
	unsigned srtt_ms, rto_ms;
	unsigned floor_ms;     /* the least interval between frames with news */
	uint64_t last_send_ms; /* any frame */
	uint64_t last_data_ms; /* a frame with a diff */
	size_t last_diff_len;  /* and the length of its diff */
	uint64_t ack_due_ms;   /* 0: no acknowledgement owed */
	uint64_t last_heard_ms;
	uint64_t missing;      /* a base the peer named that we lack, to report */
	bool peer_behind;      /* the peer spoke without our newest state: resend now */
	unsigned answers;      /* frames with news still to go at once for the newest peer
				* state (sync_link.h) */
	uint64_t loss_ms;      /* when loss last showed (0: never) */
	unsigned copies;       /* of the last frame ticked */
	msgpack_sbuffer msg;
};

sync_link *sync_link_new(const sync_state_ops *local_ops, void *local_initial,
			 const sync_state_ops *remote_ops, void *remote_initial)
{
	sync_link *l = xcalloc(1, sizeof *l);
	l->tx = sync_sender_new(local_ops, local_initial);
	l->rx = sync_receiver_new(remote_ops, remote_initial);
	l->srtt_ms = 1000;
	l->rto_ms = 1000;
	l->floor_ms = SYNC_INTERVAL_MIN_MS;
	l->missing = SYNC_NONE;
	msgpack_sbuffer_init(&l->msg);
	return l;
}

void sync_link_free(sync_link *l)
{
	if (l == NULL)
		return;
	sync_sender_free(l->tx);
	sync_receiver_free(l->rx);
	msgpack_sbuffer_destroy(&l->msg);
	free(l);
}

void sync_link_set_local(sync_link *l, void *state)
{
	sync_sender_set(l->tx, state);
}

void sync_link_set_rtt(sync_link *l, unsigned srtt_ms, unsigned rto_ms)
{
	l->srtt_ms = srtt_ms;
	l->rto_ms = rto_ms;
}

void sync_link_set_floor(sync_link *l, unsigned floor_ms)
{
	l->floor_ms = floor_ms < SYNC_INTERVAL_MIN_MS   ? SYNC_INTERVAL_MIN_MS
		      : floor_ms > SYNC_INTERVAL_MAX_MS ? SYNC_INTERVAL_MAX_MS
							 : floor_ms;
}

void sync_link_answer_now(sync_link *l, uint64_t now_ms)
{
	l->ack_due_ms = now_ms;
}

static uint64_t interval(const sync_link *l)
{
	unsigned half = l->srtt_ms / 2;
	if (half < l->floor_ms)
		return l->floor_ms;
	return half > SYNC_INTERVAL_MAX_MS ? SYNC_INTERVAL_MAX_MS : half;
}

/* How long a sent state counts as probably received, and a frame as not yet lost. */
static uint64_t assume_ms(const sync_link *l)
{
	return (uint64_t)l->rto_ms + SYNC_ACK_DELAY_MS;
}

/* How long the newest state may stay unacknowledged before it goes again: a large diff is
 * acknowledged at once, any other may wait the ack delay. A small one (a keystroke, its
 * echo) goes again after a round trip by the smoothed estimate (plus a quarter, and the
 * ack delay) when that is sooner than the RTO, which early in a connection or on a
 * jittery link is far longer (clamped at NET_RTO_MAX_MS): a lost keystroke costs about
 * one round trip more, not a second. A copy that was not lost after all is taken once. */
static uint64_t resend_ms(const sync_link *l)
{
	if (l->last_diff_len > SYNC_ACK_NOW_BYTES)
		return l->rto_ms;
	uint64_t round_trip = (uint64_t)l->srtt_ms + l->srtt_ms / 4 + SYNC_BEHIND_SLACK_MS;
	if (l->last_diff_len <= SYNC_COPY_BYTES && round_trip < l->rto_ms)
		return round_trip + SYNC_ACK_DELAY_MS;
	return assume_ms(l);
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

uint64_t sync_link_news_due(const sync_link *l)
{
	return l->last_data_ms == 0 || l->answers > 0 ? 0 : l->last_data_ms + interval(l);
}

/* When the next frame with a diff is due (UINT64_MAX: none). */
static uint64_t data_due(const sync_link *l)
{
	if (sync_sender_has_news(l->tx))
		return sync_link_news_due(l);
	if (sync_sender_unacked(l->tx))
		return l->peer_behind ? 0 : sync_sender_last_sent_ms(l->tx) + resend_ms(l);
	return UINT64_MAX;
}

uint64_t sync_link_next_wakeup(const sync_link *l)
{
	/* The first frame goes at once: it tells the peer where we are. */
	uint64_t beat = l->last_send_ms == 0 ? 0 : l->last_send_ms + SYNC_HEARTBEAT_MS;
	uint64_t t = min_u64(data_due(l), beat);
	if (l->ack_due_ms != 0)
		t = min_u64(t, l->ack_due_ms);
	return t;
}

bool sync_link_tick(sync_link *l, uint64_t now_ms, const uint8_t **msg, size_t *len)
{
	if (now_ms < sync_link_next_wakeup(l))
		return false;
	sync_frame f;
	l->copies = 1;
	if (now_ms >= data_due(l)) {
		sync_sender_frame(l->tx, now_ms, assume_ms(l), &f);
		if (f.diff != NULL && f.difflen <= SYNC_COPY_BYTES && l->loss_ms != 0 &&
		    net_clock_since(now_ms, l->loss_ms) < SYNC_LOSSY_MS)
			l->copies = 2;
		l->last_data_ms = now_ms;
		l->peer_behind = false;
		if (l->answers > 0)
			l->answers--;
		l->last_diff_len = f.difflen;
	} else {
		sync_sender_empty_frame(l->tx, &f);
	}
	sync_receiver_newest(l->rx, &f.ack);
	f.missing = l->missing;
	l->missing = SYNC_NONE;
	msgpack_sbuffer_clear(&l->msg);
	sync_frame_encode(&f, &l->msg);
	l->last_send_ms = now_ms;
	l->ack_due_ms = 0;
	*msg = (const uint8_t *)l->msg.data;
	*len = l->msg.size;
	return true;
}

bool sync_link_receive(sync_link *l, const uint8_t *msg, size_t len, uint64_t now_ms,
		       enum sync_result *res, const char **err)
{
	sync_frame f;
	if (!sync_frame_decode(msg, len, &f, err))
		return false;
	l->last_heard_ms = now_ms;
	sync_sender_ack(l->tx, f.ack);
	/* It should hold our newest state by now (sent over a round trip ago) and does not:
	 * lost, or it was away (asleep, out of reach). It is back: resend at once rather than
	 * at the resend timer, so it catches up in about one round trip. */
	uint64_t behind = sync_sender_unacked(l->tx)
				  ? net_clock_since(now_ms, sync_sender_last_sent_ms(l->tx))
				  : 0;
	if (behind > l->srtt_ms + l->srtt_ms / 4 + SYNC_BEHIND_SLACK_MS)
		l->peer_behind = true;
	/* Lost on the way only past the RTO, the connection's own bound on a round trip: a
	 * peer short of CPU reads late by a few ms, and resending once costs one frame
	 * where counting it as loss doubles the small frames for SYNC_LOSSY_MS. (A resend
	 * timer alone is no evidence at all: the peer may be gone.) */
	if (behind > l->rto_ms)
		l->loss_ms = now_ms;
	if (f.missing != SYNC_NONE) {
		sync_sender_missing(l->tx, f.missing, now_ms);
		l->loss_ms = now_ms;
	}
	*res = sync_receiver_take(l->rx, &f, err);
	if (*res == SYNC_NEW)
		l->answers = SYNC_ANSWERS;
	if (*res == SYNC_NO_BASE) {
		/* Say so at once: the sender is diffing from a state we lack, and every frame
		 * it sends until it knows is wasted. */
		l->missing = f.base;
		l->ack_due_ms = now_ms;
		l->loss_ms = now_ms;
	} else if (f.diff != NULL && f.difflen > SYNC_ACK_NOW_BYTES) {
		/* A bulk transfer (a paste) is likely waiting for this acknowledgement to
		 * free its window; one more small frame per large one costs little. */
		l->ack_due_ms = now_ms;
	} else if (f.diff != NULL && l->ack_due_ms == 0) {
		/* Any other diff is owed an acknowledgement, soon but not at once: more news
		 * or an answer may follow for it to ride on. Acknowledgements are not
		 * acknowledged. */
		l->ack_due_ms = now_ms + SYNC_ACK_DELAY_MS;
	}
	return true;
}

const void *sync_link_remote(const sync_link *l, uint64_t *num)
{
	return sync_receiver_newest(l->rx, num);
}

uint64_t sync_link_last_heard_ms(const sync_link *l)
{
	return l->last_heard_ms;
}

bool sync_link_settled(const sync_link *l)
{
	return !sync_sender_has_news(l->tx) && !sync_sender_unacked(l->tx);
}

unsigned sync_link_copies(const sync_link *l)
{
	return l->copies;
}

sync_sender *sync_link_sender(sync_link *l)
{
	return l->tx;
}

sync_receiver *sync_link_receiver(sync_link *l)
{
	return l->rx;
}
