/* The sending half of a sync direction (rules: docs/protocol.md). */
#include "sync_sender.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

/* How many assume_ms windows a report of a missing base stops diffing from recent states. */
#define SYNC_DISTRUST 4

struct sent_state {
	uint64_t num;
	void *state;
	uint64_t sent_ms; /* last time it went out as a frame's target; 0: never */
	uint64_t base;    /* the base of that frame */
	bool lost;        /* the receiver lacks it: never a base until acknowledged */
};

struct sync_sender {
	const sync_state_ops *ops;
	void *current;
	struct sent_state sent[SYNC_SENT_MAX]; /* ascending numbers; sent[0] is acknowledged */
	unsigned nsent;
	uint64_t next_num;
	uint64_t missing_ms; /* when the receiver last reported a missing base */
	msgpack_sbuffer diff[2]; /* from the acknowledged state, from a recent one */
};

sync_sender *sync_sender_new(const sync_state_ops *ops, void *initial)
{
	sync_sender *s = xcalloc(1, sizeof *s);
	s->ops = ops;
	s->current = ops->ref(initial);
	s->sent[0].state = ops->ref(initial);
	s->nsent = 1;
	s->next_num = 1;
	msgpack_sbuffer_init(&s->diff[0]);
	msgpack_sbuffer_init(&s->diff[1]);
	return s;
}

void sync_sender_free(sync_sender *s)
{
	if (s == NULL)
		return;
	for (unsigned i = 0; i < s->nsent; i++)
		s->ops->unref(s->sent[i].state);
	s->ops->unref(s->current);
	msgpack_sbuffer_destroy(&s->diff[0]);
	msgpack_sbuffer_destroy(&s->diff[1]);
	free(s);
}

void sync_sender_set(sync_sender *s, void *state)
{
	void *old = s->current;
	s->current = s->ops->ref(state);
	s->ops->unref(old);
}

const void *sync_sender_current(const sync_sender *s)
{
	return s->current;
}

static struct sent_state *newest(const sync_sender *s)
{
	return (struct sent_state *)&s->sent[s->nsent - 1];
}

bool sync_sender_has_news(const sync_sender *s)
{
	return !s->ops->equal(s->current, newest(s)->state);
}

bool sync_sender_unacked(const sync_sender *s)
{
	return s->nsent > 1;
}

uint64_t sync_sender_last_sent_ms(const sync_sender *s)
{
	return newest(s)->sent_ms;
}

/* Forgets sent[from..from+n-1]. */
static void forget(sync_sender *s, unsigned from, unsigned n)
{
	for (unsigned i = from; i < from + n; i++)
		s->ops->unref(s->sent[i].state);
	memmove(&s->sent[from], &s->sent[from + n], (s->nsent - from - n) * sizeof *s->sent);
	s->nsent -= n;
}

static struct sent_state *find(sync_sender *s, uint64_t num)
{
	for (unsigned i = 0; i < s->nsent; i++)
		if (s->sent[i].num == num)
			return &s->sent[i];
	return NULL;
}

void sync_sender_ack(sync_sender *s, uint64_t num)
{
	/* An acknowledgement of a state no longer kept (or never sent) teaches nothing. */
	struct sent_state *k = find(s, num);
	if (k != NULL)
		forget(s, 0, (unsigned)(k - s->sent));
}

void sync_sender_missing(sync_sender *s, uint64_t num, uint64_t now_ms)
{
	s->missing_ms = now_ms;
	/* The state is not held, nor any state whose frame was diffed from one not held. */
	for (unsigned i = 1; i < s->nsent; i++) {
		struct sent_state *base = find(s, s->sent[i].base);
		if (s->sent[i].num == num || (base != NULL && base->lost))
			s->sent[i].lost = true;
	}
}

const void *sync_sender_acked(const sync_sender *s, uint64_t *num)
{
	if (num != NULL)
		*num = s->sent[0].num;
	return s->sent[0].state;
}

unsigned sync_sender_kept(const sync_sender *s)
{
	return s->nsent;
}

/* Numbers the local state as the newest sent state. */
static void push_current(sync_sender *s)
{
	if (s->nsent == SYNC_SENT_MAX)
		forget(s, 1, 1);
	s->sent[s->nsent++] = (struct sent_state){
		.num = s->next_num++, .state = s->ops->ref(s->current), .sent_ms = 0 };
}

static void write_diff(sync_sender *s, msgpack_sbuffer *buf, const void *from, const void *to)
{
	msgpack_packer pk;
	msgpack_sbuffer_clear(buf);
	msgpack_packer_init(&pk, buf, msgpack_sbuffer_write);
	s->ops->diff(from, to, &pk);
}

void sync_sender_frame(sync_sender *s, uint64_t now_ms, uint64_t assume_ms, sync_frame *f)
{
	if (sync_sender_has_news(s))
		push_current(s);
	if (s->nsent == 1) {
		sync_sender_empty_frame(s, f);
		return;
	}
	struct sent_state *to = newest(s), *base = &s->sent[0];
	write_diff(s, &s->diff[0], base->state, to->state);
	msgpack_sbuffer *chosen = &s->diff[0];
	/*
	 * A state sent less than assume_ms ago, and not reported missing, was probably
	 * received. Diffing from the newest such state saves resending what the acknowledge-
	 * ment has not yet covered, but the frame is useless if that state never arrived:
	 * take it only when the saving is clear.
	 */
	struct sent_state *recent = NULL;
	/* Loss comes in spells: after a missing base, only the acknowledged state for a while. */
	if (s->missing_ms == 0 || now_ms - s->missing_ms >= SYNC_DISTRUST * assume_ms)
		for (struct sent_state *k = to - 1; k > &s->sent[0] && recent == NULL; k--)
			if (!k->lost && k->sent_ms != 0 && now_ms - k->sent_ms < assume_ms)
				recent = k;
	if (recent != NULL) {
		write_diff(s, &s->diff[1], recent->state, to->state);
		size_t small = s->diff[1].size;
		if (s->diff[0].size > small + small / 4 + 8) {
			chosen = &s->diff[1];
			base = recent;
		}
	}
	to->sent_ms = now_ms;
	to->base = base->num;
	to->lost = false;
	f->base = base->num;
	f->num = to->num;
	f->throwaway = s->sent[0].num;
	f->diff = chosen->data != NULL ? (const uint8_t *)chosen->data : (const uint8_t *)"";
	f->difflen = chosen->size;
}

void sync_sender_empty_frame(const sync_sender *s, sync_frame *f)
{
	f->base = f->num = f->throwaway = s->sent[0].num;
	f->diff = NULL;
	f->difflen = 0;
}
