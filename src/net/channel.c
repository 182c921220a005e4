/*
 * Channels over a connection: buffers, acknowledgements, resends and the congestion
 * window. The records and their rules are docs/protocol.md's "Channels".
 */
#include "channel.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "channel_wire.h"
#include "util/xmalloc.h"

#define RING_MASK (CHAN_BUF - 1)
/* The congestion window, in bytes: where it starts, its floor and its ceiling. */
#define CWND_INIT (16u * 1024)
#define CWND_MIN (4u * 1024)
#define CWND_MAX (4u * 1024 * 1024)
#define SEGMENT 1100 /* about one datagram's data, for the window's linear growth */
/* A gap is taken as lost, and sent again at once (fast retransmit), when the peer holds
 * this many bytes beyond it (about three datagrams' worth, as TCP's three duplicate
 * acknowledgements), or when this many acknowledgements in a row showed it. */
#define DUPTHRESH 3
#define DUPTHRESH_BYTES (DUPTHRESH * SEGMENT)
/* Resend timers double after each firing, up to this many ms. */
#define RTO_MAX_MS 4000
/* A silence this long, then the peer is heard: held-back resends go at once. */
#define SILENCE_MS 1000
/* How often the quiet round trip (the least SRTT) is measured afresh (a new route). */
#define BASE_RTT_MS 60000
/* GONE replies waiting to go, at most (more are dropped: the peer asks again). */
#define GONE_MAX 64
/* Resets the owner may still ask the code of. */
#define RESET_MEMORY 16

struct chan {
	uint32_t id;
	bool mine;        /* opened by this end */
	bool accepted;    /* (the peer's) handed to the owner */
	bool open_acked;  /* (mine) the peer spoke of it: it has the open */
	bool open_due;
	uint8_t *what;
	size_t whatlen;
	bool resetting;   /* reset by this end: RESET goes until the peer says GONE */
	bool reset_due;
	uint8_t reset_code;

	/* Sending: the buffer holds [s_acked, s_end); [s_acked, s_next) went out. */
	uint8_t *sbuf;
	uint64_t s_acked, s_next, s_end, s_limit;
	uint64_t resend_pos, resend_end; /* what a timer said to send again */
	struct chan_range sack[CHAN_SACK_MAX]; /* what the peer holds beyond s_acked */
	unsigned nsack;
	unsigned dupacks;   /* acknowledgements in a row that showed a gap, s_acked unmoved */
	uint64_t fast_high; /* gaps below it went again already (fast, or by the timer) */
	bool s_fin, fin_sent, fin_acked, probe_due;
	uint64_t rto_at;  /* when the resend timer fires; 0: not armed */
	unsigned backoff;

	/* Receiving: the buffer holds [r_read, r_next) and the ranges in r_sack. */
	uint8_t *rbuf;
	uint64_t r_read, r_next, r_fin_at, r_adv;
	struct chan_range r_sack[CHAN_SACK_MAX];
	unsigned r_nsack;
	bool r_fin, eof_read, ack_owed;
};

struct chan_mux {
	bool server_side;
	struct chan *ch[CHAN_MAX];
	size_t n;
	size_t rr;          /* where the next message starts serving data: fairness */
	uint32_t next_k;    /* the next id this end opens is 2 next_k + parity */
	uint32_t peer_next_k;
	uint64_t peer_seen; /* bit i: the peer's id number peer_next_k - 1 - i was seen */
	uint32_t gone[GONE_MAX];
	size_t ngone;
	struct { uint32_t id; uint8_t code; } resets[RESET_MEMORY];
	size_t nresets;
	unsigned srtt, rto, base_rtt;
	uint64_t base_rtt_ms, cut_ms, heard_ms;
	size_t cwnd, ssthresh;
	unsigned burst;
	bool typing;        /* bursts of CHAN_BURST_TYPING */
	uint64_t burst_ms;  /* when the last message of the burst went */
	msgpack_sbuffer body, out;
	struct chan_stats stats;
};

static unsigned parity(bool server_side)
{
	return server_side ? 1 : 0;
}

chan_mux *chan_mux_new(bool server_side)
{
	chan_mux *m = xcalloc(1, sizeof *m);
	m->server_side = server_side;
	m->srtt = 1000;
	m->rto = 1000;
	m->cwnd = CWND_INIT;
	m->ssthresh = CWND_MAX;
	msgpack_sbuffer_init(&m->body);
	msgpack_sbuffer_init(&m->out);
	return m;
}

static void chan_free(struct chan *c)
{
	free(c->what);
	free(c->sbuf);
	free(c->rbuf);
	free(c);
}

void chan_mux_free(chan_mux *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->n; i++)
		chan_free(m->ch[i]);
	msgpack_sbuffer_destroy(&m->body);
	msgpack_sbuffer_destroy(&m->out);
	free(m);
}

bool chan_is_message(const uint8_t *msg, size_t len)
{
	return len >= 2 && msg[0] == 0x92 && msg[1] == CHAN_WIRE_KIND;
}

static size_t find_index(const chan_mux *m, uint32_t id)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->ch[i]->id == id)
			return i;
	return m->n;
}

static struct chan *find(const chan_mux *m, uint32_t id)
{
	size_t i = find_index(m, id);
	return i < m->n ? m->ch[i] : NULL;
}

/* The channel as the owner sees it: live, not reset by either end. */
static struct chan *owned(const chan_mux *m, uint32_t id)
{
	struct chan *c = find(m, id);
	return c != NULL && !c->resetting ? c : NULL;
}

static void forget(chan_mux *m, struct chan *c)
{
	size_t i = find_index(m, c->id);
	chan_free(c);
	memmove(&m->ch[i], &m->ch[i + 1], (m->n - i - 1) * sizeof m->ch[0]);
	m->n--;
	if (m->rr > i)
		m->rr--;
}

static struct chan *add(chan_mux *m, uint32_t id, bool mine)
{
	struct chan *c = xcalloc(1, sizeof *c);
	c->id = id;
	c->mine = mine;
	c->s_limit = CHAN_BUF; /* every receiver starts with a whole window */
	c->r_adv = CHAN_BUF;
	m->ch[m->n++] = c;
	return c;
}

static void remember_reset(chan_mux *m, uint32_t id, uint8_t code)
{
	if (m->nresets == RESET_MEMORY) {
		memmove(&m->resets[0], &m->resets[1], (RESET_MEMORY - 1) * sizeof m->resets[0]);
		m->nresets--;
	}
	m->resets[m->nresets].id = id;
	m->resets[m->nresets++].code = code;
}

static void queue_gone(chan_mux *m, uint32_t id)
{
	for (size_t i = 0; i < m->ngone; i++)
		if (m->gone[i] == id)
			return;
	if (m->ngone < GONE_MAX)
		m->gone[m->ngone++] = id;
}

void chan_mux_set_rtt(chan_mux *m, unsigned srtt_ms, unsigned rto_ms)
{
	m->srtt = srtt_ms;
	m->rto = rto_ms;
}

/* The quiet round trip, refreshed now and then: a roam may have changed the route. */
static void track_base_rtt(chan_mux *m, uint64_t now)
{
	if (m->base_rtt_ms == 0 || now - m->base_rtt_ms >= BASE_RTT_MS || m->srtt < m->base_rtt) {
		m->base_rtt = m->srtt;
		m->base_rtt_ms = now;
	}
}

/* Whether the round trip grew past the quiet one: a queue builds up ahead of keys. */
static bool queueing(const chan_mux *m)
{
	return m->srtt > m->base_rtt + 2 + m->base_rtt / 10;
}

static void cwnd_acked(chan_mux *m, size_t bytes, uint64_t now)
{
	track_base_rtt(m, now);
	if (queueing(m)) {
		if (now - m->cut_ms > m->srtt) {
			m->cwnd -= m->cwnd / 8;
			m->cwnd = m->cwnd < CWND_MIN ? CWND_MIN : m->cwnd;
			m->ssthresh = m->cwnd;
			m->cut_ms = now;
		}
		return;
	}
	if (m->cwnd < m->ssthresh)
		m->cwnd += bytes;
	else
		m->cwnd += SEGMENT * bytes / m->cwnd + 1;
	m->cwnd = m->cwnd > CWND_MAX ? CWND_MAX : m->cwnd;
}

/* A loss: the window goes to tenths of what it was (5 when a timer fired, 7 for a gap
 * the acknowledgements showed, as CUBIC's: the link still delivers). */
static void cwnd_lost(chan_mux *m, uint64_t now, unsigned tenths)
{
	if (now - m->cut_ms <= m->srtt)
		return; /* one loss event a round trip */
	size_t cut = m->cwnd / 10 * tenths;
	m->ssthresh = cut < CWND_MIN ? CWND_MIN : cut;
	m->cwnd = m->ssthresh;
	m->cut_ms = now;
}

static size_t inflight(const chan_mux *m)
{
	size_t n = 0;
	for (size_t i = 0; i < m->n; i++)
		n += m->ch[i]->s_next - m->ch[i]->s_acked;
	return n;
}

/* ----- the owner's side ----- */

int chan_open(chan_mux *m, const uint8_t *what, size_t len, uint32_t *id)
{
	if (len > CHAN_WHAT_MAX) {
		errno = EINVAL;
		return -1;
	}
	bool span_ok = m->next_k < INT32_MAX;
	for (size_t i = 0; i < m->n; i++) {
		struct chan *c = m->ch[i];
		if (c->mine && !c->open_acked && m->next_k - c->id / 2 >= CHAN_OPEN_SPAN)
			span_ok = false;
	}
	if (m->n >= CHAN_MAX || !span_ok) {
		errno = EAGAIN;
		return -1;
	}
	struct chan *c = add(m, 2 * m->next_k++ + parity(m->server_side), true);
	c->what = xmemdup(what, len);
	c->whatlen = len;
	c->open_due = true;
	*id = c->id;
	return 0;
}

bool chan_accept(chan_mux *m, uint32_t *id, const uint8_t **what, size_t *len)
{
	for (size_t i = 0; i < m->n; i++) {
		struct chan *c = m->ch[i];
		if (!c->mine && !c->accepted && !c->resetting) {
			c->accepted = true;
			*id = c->id;
			*what = c->what;
			*len = c->whatlen;
			return true;
		}
	}
	return false;
}

static void ring_put(uint8_t *ring, uint64_t off, const uint8_t *src, size_t len)
{
	size_t at = off & RING_MASK, first = CHAN_BUF - at < len ? CHAN_BUF - at : len;
	memcpy(ring + at, src, first);
	memcpy(ring, src + first, len - first);
}

static void ring_get(const uint8_t *ring, uint64_t off, uint8_t *dst, size_t len)
{
	size_t at = off & RING_MASK, first = CHAN_BUF - at < len ? CHAN_BUF - at : len;
	memcpy(dst, ring + at, first);
	memcpy(dst + first, ring, len - first);
}

size_t chan_writable(const chan_mux *m, uint32_t id)
{
	const struct chan *c = owned(m, id);
	if (c == NULL || c->s_fin)
		return 0;
	return CHAN_BUF - (size_t)(c->s_end - c->s_acked);
}

ssize_t chan_write(chan_mux *m, uint32_t id, const void *buf, size_t len)
{
	struct chan *c = owned(m, id);
	if (c == NULL || c->s_fin) {
		errno = c == NULL ? ECONNRESET : EPIPE;
		return -1;
	}
	size_t room = chan_writable(m, id), n = len < room ? len : room;
	if (n == 0)
		return 0;
	if (c->sbuf == NULL)
		c->sbuf = xmalloc(CHAN_BUF);
	ring_put(c->sbuf, c->s_end, buf, n);
	c->s_end += n;
	return (ssize_t)n;
}

size_t chan_readable(const chan_mux *m, uint32_t id)
{
	const struct chan *c = owned(m, id);
	return c != NULL ? (size_t)(c->r_next - c->r_read) : 0;
}

/* Whether both directions ended and every end was seen by the one it concerns. */
static bool finished(const struct chan *c)
{
	return c->s_fin && c->fin_acked && c->r_fin && c->r_next == c->r_fin_at &&
	       c->r_read == c->r_fin_at && c->eof_read && !c->ack_owed;
}

ssize_t chan_read(chan_mux *m, uint32_t id, void *buf, size_t len)
{
	struct chan *c = owned(m, id);
	if (c == NULL) {
		errno = ECONNRESET;
		return -1;
	}
	size_t n = (size_t)(c->r_next - c->r_read);
	n = n < len ? n : len;
	if (n == 0) {
		if (c->r_fin && c->r_read == c->r_fin_at) {
			c->eof_read = true;
			return 0;
		}
		errno = EAGAIN;
		return -1;
	}
	ring_get(c->rbuf, c->r_read, buf, n);
	c->r_read += n;
	/* A window opened by a quarter or more is worth telling: the sender may wait on it. */
	if (c->r_read + CHAN_BUF - c->r_adv >= CHAN_BUF / 4)
		c->ack_owed = true;
	return (ssize_t)n;
}

bool chan_alive(const chan_mux *m, uint32_t id)
{
	return owned(m, id) != NULL;
}

void chan_close(chan_mux *m, uint32_t id)
{
	struct chan *c = owned(m, id);
	if (c != NULL)
		c->s_fin = true;
}

static void reset_channel(chan_mux *m, struct chan *c, enum chan_reset_code code)
{
	c->resetting = true;
	c->reset_due = true;
	c->reset_code = (uint8_t)code;
	c->rto_at = 0;
	c->backoff = 0;
	/* Nothing more goes or comes: the buffers can go now. */
	free(c->sbuf);
	free(c->rbuf);
	c->sbuf = c->rbuf = NULL;
	c->s_acked = c->s_next = c->s_end;
	c->resend_pos = c->resend_end = 0;
	c->ack_owed = c->open_due = c->probe_due = false;
	m->stats.resets_sent++;
}

void chan_reset(chan_mux *m, uint32_t id, enum chan_reset_code code)
{
	struct chan *c = owned(m, id);
	if (c != NULL)
		reset_channel(m, c, code);
}

int chan_reset_code(const chan_mux *m, uint32_t id)
{
	for (size_t i = m->nresets; i-- > 0;)
		if (m->resets[i].id == id)
			return m->resets[i].code;
	return -1;
}

/* ----- receiving records ----- */

/* Whether the peer's id is one it opened before (or too long ago to tell); marks it. */
static bool peer_id_seen(chan_mux *m, uint32_t id)
{
	uint32_t k = id / 2;
	if (k >= m->peer_next_k) {
		uint32_t shift = k - m->peer_next_k + 1;
		m->peer_seen = shift >= 64 ? 0 : m->peer_seen << shift;
		m->peer_seen |= 1;
		m->peer_next_k = k + 1;
		return false;
	}
	uint32_t back = m->peer_next_k - 1 - k;
	if (back >= CHAN_OPEN_SPAN)
		return true;
	bool seen = m->peer_seen >> back & 1;
	m->peer_seen |= UINT64_C(1) << back;
	return seen;
}

static bool peers_id(const chan_mux *m, uint32_t id)
{
	return id % 2 != parity(m->server_side);
}

static void recv_open(chan_mux *m, const struct chan_rec *r)
{
	if (!peers_id(m, r->id) || find(m, r->id) != NULL || peer_id_seen(m, r->id))
		return; /* not the peer's to open, or a late copy of an open already taken */
	if (m->n >= CHAN_MAX) {
		m->stats.opens_refused++;
		queue_gone(m, r->id);
		return;
	}
	struct chan *c = add(m, r->id, false);
	c->what = xmemdup(r->bytes, r->len);
	c->whatlen = r->len;
	c->ack_owed = true; /* the opener learns at once that its open arrived */
}

static void protocol_error(chan_mux *m, struct chan *c)
{
	m->stats.protocol_errors++;
	reset_channel(m, c, CHAN_RESET_PROTOCOL);
}

/* Adds [a, b) to the ranges held beyond r_next; false when it would need one too many. */
static bool hold_range(struct chan *c, uint64_t a, uint64_t b)
{
	struct chan_range merged = {a, b};
	struct chan_range keep[CHAN_SACK_MAX + 1];
	unsigned n = 0;
	bool placed = false;
	for (unsigned i = 0; i < c->r_nsack; i++) {
		struct chan_range s = c->r_sack[i];
		if (s.end < merged.start) {
			keep[n++] = s;
		} else if (s.start > merged.end) {
			if (!placed)
				keep[n++] = merged, placed = true;
			keep[n++] = s;
		} else {
			merged.start = s.start < merged.start ? s.start : merged.start;
			merged.end = s.end > merged.end ? s.end : merged.end;
		}
	}
	if (!placed)
		keep[n++] = merged;
	if (n > CHAN_SACK_MAX)
		return false;
	memcpy(c->r_sack, keep, n * sizeof keep[0]);
	c->r_nsack = n;
	return true;
}

/* Moves r_next over the ranges that now join it. */
static void absorb_ranges(struct chan *c)
{
	unsigned i = 0;
	while (i < c->r_nsack && c->r_sack[i].start <= c->r_next) {
		if (c->r_sack[i].end > c->r_next)
			c->r_next = c->r_sack[i].end;
		i++;
	}
	memmove(c->r_sack, c->r_sack + i, (c->r_nsack - i) * sizeof c->r_sack[0]);
	c->r_nsack -= i;
}

static uint64_t held_end(const struct chan *c)
{
	return c->r_nsack > 0 ? c->r_sack[c->r_nsack - 1].end : c->r_next;
}

static void recv_data(chan_mux *m, struct chan *c, const struct chan_rec *r)
{
	uint64_t a = r->offset, b = r->offset + r->len, limit = c->r_read + CHAN_BUF;
	c->ack_owed = true;
	if (r->fin && (b > limit || (c->r_fin && c->r_fin_at != b) || b < held_end(c)))
		return protocol_error(m, c);
	if (c->r_fin && b > c->r_fin_at)
		return protocol_error(m, c);
	if (r->fin) {
		c->r_fin = true;
		c->r_fin_at = b;
	}
	uint64_t from = a > c->r_next ? a : c->r_next, to = b < limit ? b : limit;
	m->stats.data_received += r->len;
	if (from >= to) {
		m->stats.data_dup += r->len;
		return;
	}
	if (c->rbuf == NULL)
		c->rbuf = xmalloc(CHAN_BUF);
	if (from > c->r_next && !hold_range(c, from, to))
		return; /* too scattered to keep: it comes again */
	ring_put(c->rbuf, from, r->bytes + (from - a), (size_t)(to - from));
	if (from == c->r_next)
		c->r_next = to;
	absorb_ranges(c);
}

static void arm(const chan_mux *m, struct chan *c, uint64_t now)
{
	if (c->rto_at == 0) {
		uint64_t wait = (uint64_t)m->rto << c->backoff;
		c->rto_at = now + (wait > RTO_MAX_MS ? RTO_MAX_MS : wait);
	}
}

static bool unacked(const struct chan *c)
{
	return (c->mine && !c->open_acked) || c->s_next > c->s_acked ||
	       (c->fin_sent && !c->fin_acked) || c->resetting;
}

/* The bytes the peer's ranges say it holds beyond s_acked. */
static uint64_t sacked(const struct chan *c)
{
	uint64_t n = 0;
	for (unsigned i = 0; i < c->nsack; i++)
		n += c->sack[i].end - c->sack[i].start;
	return n;
}

/* Where the gaps the peer's ranges show are taken as lost: up to the start of the highest
 * range with DUPTHRESH_BYTES held from it up (the first gap also after DUPTHRESH
 * acknowledgements showed it); 0 when none is. A gap a little reordering opened is
 * filled before that much more arrives beyond it. */
static uint64_t lost_edge(const struct chan *c)
{
	uint64_t above = 0;
	for (unsigned i = c->nsack; i-- > 0;) {
		above += c->sack[i].end - c->sack[i].start;
		if (above >= DUPTHRESH_BYTES)
			return c->sack[i].start;
	}
	return c->nsack > 0 && c->dupacks >= DUPTHRESH ? c->sack[0].start : 0;
}

/*
 * Fast retransmit: gaps taken as lost that did not go again yet go at once, before new
 * data, instead of waiting for the resend timer (a loss costs about a round trip, not an
 * RTO). Each gap goes again this way once; if that copy is lost too, the timer sends it.
 * The congestion window shrinks to 0.7 of itself (at most once a round trip).
 */
static void fast_retransmit(chan_mux *m, struct chan *c, uint64_t now)
{
	uint64_t edge = lost_edge(c), from = c->fast_high > c->s_acked ? c->fast_high : c->s_acked;
	if (edge <= from)
		return;
	if (c->resend_pos >= c->resend_end || c->resend_end <= c->s_acked)
		c->resend_pos = from; /* no resend under way: this one starts at the first gap */
	if (c->resend_end < edge)
		c->resend_end = edge;
	c->fast_high = edge;
	m->stats.fast_resends++;
	cwnd_lost(m, now, 7);
}

static void recv_ack(chan_mux *m, struct chan *c, const struct chan_rec *r, uint64_t now)
{
	if (r->received > c->s_next || (r->fin && (!c->s_fin || r->received != c->s_end)))
		return protocol_error(m, c);
	if (r->received > c->s_acked) {
		cwnd_acked(m, (size_t)(r->received - c->s_acked), now);
		c->s_acked = r->received;
		c->backoff = 0;
		c->rto_at = 0;
		c->dupacks = 0;
		c->nsack = 0;
		if (c->resend_pos < c->s_acked)
			c->resend_pos = c->s_acked;
	}
	if (r->received == c->s_acked) {
		uint64_t held = sacked(c);
		c->nsack = 0;
		for (unsigned i = 0; i < r->nsack; i++)
			if (r->sack[i].end <= c->s_next)
				c->sack[c->nsack++] = r->sack[i];
		if (sacked(c) > held) /* more came beyond the gap: a duplicate ack, as TCP's */
			c->dupacks++;
		fast_retransmit(m, c, now);
	}
	if (r->limit > c->s_limit)
		c->s_limit = r->limit;
	if (r->fin && !c->fin_acked) {
		c->fin_acked = true;
		c->backoff = 0;
		c->rto_at = 0;
	}
	if (unacked(c))
		arm(m, c, now);
}

/* The peer holds no such channel: normal when both ends closed, else the end of it. */
static void recv_gone(chan_mux *m, struct chan *c)
{
	if (c->s_fin && c->fin_sent && c->r_fin && c->r_next == c->r_fin_at) {
		c->fin_acked = true;
		c->rto_at = 0;
		return;
	}
	remember_reset(m, c->id, CHAN_RESET_ABORT);
	forget(m, c);
}

/* A record for a channel this end does not hold, or holds only to reset it. */
static void recv_stranger(chan_mux *m, struct chan *c, const struct chan_rec *r)
{
	if (c != NULL) {
		if (r->type == CHAN_RESET || r->type == CHAN_GONE)
			forget(m, c);
		return;
	}
	if (peers_id(m, r->id))
		peer_id_seen(m, r->id); /* a late open of it must not bring it back */
	if (r->type != CHAN_GONE)
		queue_gone(m, r->id);
}

static void recv_record(chan_mux *m, const struct chan_rec *r, uint64_t now)
{
	if (r->type == CHAN_OPEN)
		return recv_open(m, r);
	struct chan *c = find(m, r->id);
	if (c == NULL || c->resetting)
		return recv_stranger(m, c, r);
	c->open_acked = true; /* the peer speaks of it: it has it */
	switch (r->type) {
	case CHAN_DATA:
		recv_data(m, c, r);
		break;
	case CHAN_ACK:
		recv_ack(m, c, r, now);
		break;
	case CHAN_RESET:
		m->stats.resets_received++;
		remember_reset(m, c->id, (uint8_t)r->code);
		forget(m, c);
		queue_gone(m, r->id);
		break;
	case CHAN_GONE:
		recv_gone(m, c);
		break;
	case CHAN_OPEN:
		break;
	}
}

bool chan_mux_receive(chan_mux *m, const uint8_t *msg, size_t len, uint64_t now_ms)
{
	static struct chan_rec recs[CHAN_WIRE_RECORDS];
	unsigned n;
	const char *err;
	if (!chan_wire_decode(msg, len, recs, &n, &err)) {
		m->stats.msgs_malformed++;
		return false;
	}
	m->stats.msgs_received++;
	for (unsigned i = 0; i < n; i++)
		recv_record(m, &recs[i], now_ms);
	return true;
}

void chan_mux_heard(chan_mux *m, uint64_t now_ms)
{
	if (m->heard_ms != 0 && now_ms - m->heard_ms > SILENCE_MS)
		for (size_t i = 0; i < m->n; i++)
			if (m->ch[i]->backoff > 0 && m->ch[i]->rto_at > now_ms)
				m->ch[i]->rto_at = now_ms;
	m->heard_ms = now_ms;
}

/* ----- sending ----- */

/* Data waits that the peer's window holds back. */
static bool window_blocked(const struct chan *c)
{
	return !c->resetting && c->s_end > c->s_next && c->s_next >= c->s_limit;
}

static void fire_timer(chan_mux *m, struct chan *c, uint64_t now)
{
	m->stats.timeouts++;
	if (c->s_next > c->s_acked) {
		c->resend_pos = c->s_acked;
		c->resend_end = c->s_next;
		c->fast_high = c->s_next; /* its gaps all go again now */
		cwnd_lost(m, now, 5);
	}
	if (c->fin_sent && !c->fin_acked)
		c->fin_sent = false;
	if (c->mine && !c->open_acked)
		c->open_due = true;
	c->reset_due = c->resetting;
	c->probe_due = window_blocked(c);
	if (c->backoff < 8)
		c->backoff++;
	c->rto_at = 0;
	if (unacked(c) || window_blocked(c))
		arm(m, c, now);
}

static void run_timers(chan_mux *m, uint64_t now)
{
	for (size_t i = 0; i < m->n; i++) {
		struct chan *c = m->ch[i];
		if (c->rto_at != 0 && c->rto_at <= now)
			fire_timer(m, c, now);
	}
}

/* The next stretch to send again: [*from, *from + return) not held by the peer. */
static size_t resend_span(struct chan *c, uint64_t *from)
{
	uint64_t pos = c->resend_pos < c->s_acked ? c->s_acked : c->resend_pos;
	for (unsigned i = 0; i < c->nsack && pos < c->resend_end; i++) {
		if (c->sack[i].end <= pos)
			continue;
		if (c->sack[i].start <= pos) {
			pos = c->sack[i].end;
			continue;
		}
		*from = pos;
		uint64_t to = c->sack[i].start < c->resend_end ? c->sack[i].start : c->resend_end;
		return (size_t)(to - pos);
	}
	c->resend_pos = pos;
	*from = pos;
	return pos < c->resend_end ? (size_t)(c->resend_end - pos) : 0;
}

/* Whether channel c has data (new, again, its end or a probe) it may send now. */
static bool data_ready(const chan_mux *m, const struct chan *c, size_t flight)
{
	if (c->resetting)
		return false;
	if (c->resend_pos < c->resend_end && c->resend_end > c->s_acked)
		return true;
	bool fresh = c->s_end > c->s_next && c->s_next < c->s_limit && flight < m->cwnd;
	bool fin = c->s_fin && !c->fin_sent && c->s_next == c->s_end;
	return fresh || fin || c->probe_due;
}

static bool has_news(const chan_mux *m, const struct chan *c, size_t flight)
{
	return c->reset_due || c->ack_owed || (c->open_due && !c->open_acked) ||
	       data_ready(m, c, flight);
}

struct build {
	msgpack_packer pk;
	size_t room;  /* bytes left for records */
	unsigned n;   /* records so far */
	size_t flight;
};

static bool fits(const struct build *b, size_t size)
{
	return b->n < CHAN_WIRE_RECORDS && size <= b->room;
}

static void put(chan_mux *m, struct build *b, const struct chan_rec *r, size_t size)
{
	size_t before = m->body.size;
	chan_wire_record(&b->pk, r);
	b->room -= m->body.size - before <= size ? m->body.size - before : size;
	b->n++;
}

static void put_ack(chan_mux *m, struct build *b, struct chan *c)
{
	struct chan_rec r = {.type = CHAN_ACK, .id = c->id, .received = c->r_next,
			     .limit = c->r_read + CHAN_BUF,
			     .fin = c->r_fin && c->r_next == c->r_fin_at, .nsack = c->r_nsack};
	memcpy(r.sack, c->r_sack, c->r_nsack * sizeof r.sack[0]);
	put(m, b, &r, CHAN_WIRE_ACK_SIZE);
	c->r_adv = r.limit;
	c->ack_owed = false;
}

/* One DATA record of channel c, if it has one and room is left; false otherwise. */
static bool put_data(chan_mux *m, struct build *b, struct chan *c, uint64_t now)
{
	if (!fits(b, CHAN_WIRE_DATA_OVERHEAD + 1) || !data_ready(m, c, b->flight))
		return false;
	size_t room = b->room - CHAN_WIRE_DATA_OVERHEAD;
	struct chan_rec r = {.type = CHAN_DATA, .id = c->id};
	static uint8_t bytes[CHAN_WIRE_DATA_MAX];
	uint64_t from;
	size_t n = resend_span(c, &from);
	if (n == 0 && !data_ready(m, c, b->flight))
		return false; /* what the timer said to resend the peer holds already */
	if (n > 0) {
		n = n < room ? n : room;
		c->resend_pos = from + n;
		m->stats.data_resent += n;
	} else {
		from = c->s_next;
		uint64_t avail = c->s_end - c->s_next;
		uint64_t window = c->s_limit > c->s_next ? c->s_limit - c->s_next : 0;
		size_t cw = b->flight < m->cwnd ? m->cwnd - b->flight : 0;
		n = avail < window ? (size_t)avail : (size_t)window;
		n = n < cw ? n : cw;
		n = n < room ? n : room;
		c->s_next += n;
		b->flight += n;
		m->stats.data_sent += n;
	}
	n = n < sizeof bytes ? n : sizeof bytes;
	if (n > 0)
		ring_get(c->sbuf, from, bytes, n);
	r.offset = from;
	r.bytes = bytes;
	r.len = (uint32_t)n;
	r.fin = c->s_fin && from + n == c->s_end;
	if (r.fin)
		c->fin_sent = true;
	c->probe_due = false;
	put(m, b, &r, CHAN_WIRE_DATA_OVERHEAD + n);
	arm(m, c, now);
	return true;
}

/* What channel c has to say, as far as the room goes. */
static void put_channel(chan_mux *m, struct build *b, struct chan *c, uint64_t now)
{
	if (c->reset_due && fits(b, CHAN_WIRE_RESET_SIZE)) {
		struct chan_rec r = {.type = CHAN_RESET, .id = c->id, .code = c->reset_code};
		put(m, b, &r, CHAN_WIRE_RESET_SIZE);
		c->reset_due = false;
		arm(m, c, now);
		return;
	}
	if (c->resetting)
		return;
	if (c->ack_owed && fits(b, CHAN_WIRE_ACK_SIZE))
		put_ack(m, b, c);
	/* The open goes with the channel's data until the peer has it: data never comes
	 * to a peer that cannot tell what it is for. */
	bool opening = c->mine && !c->open_acked && (c->open_due || data_ready(m, c, b->flight));
	if (opening) {
		if (!fits(b, CHAN_WIRE_OPEN_OVERHEAD + c->whatlen + CHAN_WIRE_DATA_OVERHEAD))
			return;
		struct chan_rec r = {.type = CHAN_OPEN, .id = c->id, .bytes = c->what,
				     .len = (uint32_t)c->whatlen};
		put(m, b, &r, CHAN_WIRE_OPEN_OVERHEAD + c->whatlen);
		c->open_due = false;
		arm(m, c, now);
	}
	while (put_data(m, b, c, now))
		;
}

/* Channels that finished go once their last acknowledgement went out. */
static void sweep(chan_mux *m)
{
	for (size_t i = 0; i < m->n;)
		if (finished(m->ch[i]))
			forget(m, m->ch[i]);
		else
			i++;
}

static unsigned burst_max(const chan_mux *m)
{
	return m->typing ? CHAN_BURST_TYPING : CHAN_BURST;
}

bool chan_mux_next(chan_mux *m, uint64_t now_ms, size_t room, const uint8_t **msg,
		   size_t *len)
{
	run_timers(m, now_ms);
	sweep(m);
	if (m->burst >= burst_max(m) || room < 256)
		return false;
	struct build b = {.room = room - CHAN_WIRE_HEADER, .flight = inflight(m)};
	m->body.size = 0;
	msgpack_packer_init(&b.pk, &m->body, msgpack_sbuffer_write);
	while (m->ngone > 0 && fits(&b, CHAN_WIRE_GONE_SIZE)) {
		struct chan_rec r = {.type = CHAN_GONE, .id = m->gone[--m->ngone]};
		put(m, &b, &r, CHAN_WIRE_GONE_SIZE);
	}
	size_t start = m->rr < m->n ? m->rr : 0;
	for (size_t k = 0; k < m->n && b.room > CHAN_WIRE_DATA_OVERHEAD; k++) {
		size_t i = (start + k) % m->n;
		put_channel(m, &b, m->ch[i], now_ms);
		m->rr = i + 1;
	}
	if (b.n == 0)
		return false;
	m->out.size = 0;
	chan_wire_message(&m->out, m->body.data, m->body.size, b.n);
	m->burst++;
	m->burst_ms = now_ms;
	m->stats.msgs_sent++;
	*msg = (const uint8_t *)m->out.data;
	*len = m->out.size;
	sweep(m);
	return true;
}

void chan_mux_turn(chan_mux *m)
{
	m->burst = 0;
}

void chan_mux_set_typing(chan_mux *m, bool typing)
{
	m->typing = typing;
}

uint64_t chan_mux_next_wakeup(const chan_mux *m)
{
	uint64_t at = m->ngone > 0 ? 0 : UINT64_MAX;
	size_t flight = inflight(m);
	for (size_t i = 0; i < m->n && at > 0; i++) {
		const struct chan *c = m->ch[i];
		if (has_news(m, c, flight) || finished(c))
			at = 0;
		else if (c->rto_at != 0 && c->rto_at < at)
			at = c->rto_at;
	}
	if (at == 0 && m->burst >= burst_max(m))
		return m->burst_ms + 1; /* the burst is spent: after the owner's next turn */
	return at;
}

size_t chan_mux_list(const chan_mux *m, uint32_t *ids, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < m->n; i++)
		if (!m->ch[i]->resetting && n < max)
			ids[n++] = m->ch[i]->id;
	return n;
}

const struct chan_stats *chan_mux_stats(const chan_mux *m)
{
	return &m->stats;
}

size_t chan_mux_cwnd(const chan_mux *m)
{
	return m->cwnd;
}
