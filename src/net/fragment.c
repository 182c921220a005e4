/* Reassembly of fragmented messages, within fixed bounds. */
#include "fragment.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"

struct net_piece {
	uint8_t *data;
	size_t len;
	bool have;
};

struct net_partial {
	uint64_t id;
	uint64_t touched;      /* when the last fragment arrived */
	struct net_piece *piece;
	unsigned npiece;       /* highest index seen + 1 */
	unsigned received;
	unsigned count;        /* fragments in the message, 0 until the final one came */
	size_t bytes;
};

void net_reasm_init(struct net_reasm *r, struct net_reasm_stats *stats)
{
	memset(r, 0, sizeof *r);
	r->stats = stats;
}

static void partial_free(struct net_reasm *r, unsigned slot)
{
	struct net_partial *p = r->partial[slot];
	for (unsigned i = 0; i < p->npiece; i++)
		free(p->piece[i].data);
	free(p->piece);
	r->bytes -= p->bytes;
	free(p);
	r->partial[slot] = NULL;
}

void net_reasm_free(struct net_reasm *r)
{
	for (unsigned i = 0; i < NET_FRAG_MAX_PARTIAL; i++) {
		if (r->partial[i] != NULL)
			partial_free(r, i);
	}
	free(r->out);
	r->out = NULL;
}

/* Whether message id is past the window behind the newest delivered. */
static bool too_old(const struct net_reasm *r, uint64_t id)
{
	return r->any_delivered && id <= r->delivered &&
	       r->delivered - id >= NET_MSG_ID_WINDOW;
}

/* Whether message id was delivered already (or is too old to tell). */
static bool was_delivered(const struct net_reasm *r, uint64_t id)
{
	if (!r->any_delivered || id > r->delivered)
		return false;
	return too_old(r, id) || (r->done >> (r->delivered - id) & 1);
}

/* Drops partial messages untouched too long, or past the window. */
static void evict(struct net_reasm *r, uint64_t now_ms)
{
	for (unsigned i = 0; i < NET_FRAG_MAX_PARTIAL; i++) {
		struct net_partial *p = r->partial[i];
		if (p == NULL)
			continue;
		if (now_ms - p->touched > NET_FRAG_MAX_AGE_MS || too_old(r, p->id)) {
			partial_free(r, i);
			r->stats->evicted++;
		}
	}
}

static int lookup(const struct net_reasm *r, uint64_t id)
{
	for (unsigned i = 0; i < NET_FRAG_MAX_PARTIAL; i++) {
		if (r->partial[i] != NULL && r->partial[i]->id == id)
			return (int)i;
	}
	return -1;
}

/* A new slot for message id, evicting the oldest message in progress if need be; -1 when
 * id is older than every one in progress and the table is full. */
static int make_slot(struct net_reasm *r, uint64_t id, uint64_t now_ms)
{
	int slot = -1;
	for (unsigned i = 0; i < NET_FRAG_MAX_PARTIAL && slot < 0; i++) {
		if (r->partial[i] == NULL)
			slot = (int)i;
	}
	if (slot < 0) {
		int oldest = 0;
		for (unsigned i = 1; i < NET_FRAG_MAX_PARTIAL; i++) {
			if (r->partial[i]->id < r->partial[oldest]->id)
				oldest = (int)i;
		}
		if (id < r->partial[oldest]->id)
			return -1;
		partial_free(r, (unsigned)oldest);
		r->stats->evicted++;
		slot = oldest;
	}
	struct net_partial *p = xcalloc(1, sizeof *p);
	/* All slots at once (24 KiB): growing one by one would copy quadratically. */
	p->piece = xcalloc(NET_FRAG_MAX_COUNT, sizeof *p->piece);
	p->id = id;
	p->touched = now_ms;
	r->partial[slot] = p;
	return slot;
}

static bool held(const struct net_partial *p, unsigned index)
{
	return index < p->npiece && p->piece[index].have;
}

/* Whether fragment f (not held yet) fits what partial p knows of its message. */
static bool consistent(const struct net_partial *p, const struct net_plain *f)
{
	if (p->bytes + f->len > NET_MSG_MAX)
		return false;
	if (f->final)
		return p->count == 0 && f->index + 1 >= p->npiece;
	return p->count == 0 || f->index + 1 < p->count;
}

static void store(struct net_reasm *r, struct net_partial *p, const struct net_plain *f,
		  uint64_t now_ms)
{
	if (f->index >= p->npiece)
		p->npiece = f->index + 1;
	struct net_piece *piece = &p->piece[f->index];
	piece->data = f->len ? xmemdup(f->data, f->len) : NULL;
	piece->len = f->len;
	piece->have = true;
	p->received++;
	p->bytes += f->len;
	r->bytes += f->len;
	p->touched = now_ms;
	if (f->final)
		p->count = f->index + 1;
}

/* Joins the pieces of a complete message into r->out. */
static size_t join(struct net_reasm *r, const struct net_partial *p)
{
	free(r->out);
	r->out = xmalloc(p->bytes ? p->bytes : 1);
	r->out_id = p->id;
	size_t off = 0;
	for (unsigned i = 0; i < p->count; i++) {
		if (p->piece[i].len)
			memcpy(r->out + off, p->piece[i].data, p->piece[i].len);
		off += p->piece[i].len;
	}
	r->out_len = off;
	return off;
}

static void delivered(struct net_reasm *r, uint64_t id, uint64_t now_ms)
{
	if (!r->any_delivered || id > r->delivered) {
		uint64_t shift = r->any_delivered ? id - r->delivered : 64;
		r->done = shift >= 64 ? 0 : r->done << shift;
		r->delivered = id;
		r->any_delivered = true;
	}
	r->done |= UINT64_C(1) << (r->delivered - id);
	evict(r, now_ms);
}

bool net_reasm_add(struct net_reasm *r, const struct net_plain *f, uint64_t now_ms,
		   const uint8_t **msg, size_t *len)
{
	evict(r, now_ms);
	if (was_delivered(r, f->msg_id)) {
		if (f->final && r->out != NULL && f->msg_id == r->out_id) {
			*msg = r->out;
			*len = r->out_len;
			return true;
		}
		r->stats->stale++;
		return false;
	}
	if (f->index >= NET_FRAG_MAX_COUNT || f->len > NET_MSG_MAX) {
		r->stats->invalid++;
		return false;
	}
	int slot = lookup(r, f->msg_id);
	if (slot < 0 && f->index == 0 && f->final) {
		/* The common case: a message in one datagram, delivered without a copy. */
		*msg = f->data;
		*len = f->len;
		delivered(r, f->msg_id, now_ms);
		return true;
	}
	if (slot < 0)
		slot = make_slot(r, f->msg_id, now_ms);
	if (slot < 0) {
		r->stats->stale++;
		return false;
	}
	struct net_partial *p = r->partial[slot];
	if (held(p, f->index))
		return false; /* a duplicate */
	if (!consistent(p, f)) {
		/* An honest sender never contradicts itself: the whole message is suspect. */
		partial_free(r, (unsigned)slot);
		r->stats->invalid++;
		return false;
	}
	store(r, p, f, now_ms);
	if (p->count == 0 || p->received < p->count)
		return false;
	*len = join(r, p);
	*msg = r->out;
	uint64_t id = p->id;
	partial_free(r, (unsigned)slot);
	delivered(r, id, now_ms);
	return true;
}
