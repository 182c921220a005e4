/* The receiving half of a sync direction (rules: docs/protocol.md). */
#include "sync_receiver.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

struct held_state {
	uint64_t num;
	void *state;
};

struct sync_receiver {
	const sync_state_ops *ops;
	struct held_state held[SYNC_HELD_MAX]; /* ascending numbers */
	unsigned nheld;
};

sync_receiver *sync_receiver_new(const sync_state_ops *ops, void *initial)
{
	sync_receiver *r = xcalloc(1, sizeof *r);
	r->ops = ops;
	r->held[0].state = ops->ref(initial);
	r->nheld = 1;
	return r;
}

void sync_receiver_free(sync_receiver *r)
{
	if (r == NULL)
		return;
	for (unsigned i = 0; i < r->nheld; i++)
		r->ops->unref(r->held[i].state);
	free(r);
}

/* Forgets held[from..from+n-1]. */
static void forget(sync_receiver *r, unsigned from, unsigned n)
{
	for (unsigned i = from; i < from + n; i++)
		r->ops->unref(r->held[i].state);
	memmove(&r->held[from], &r->held[from + n], (r->nheld - from - n) * sizeof *r->held);
	r->nheld -= n;
}

static void throw_away(sync_receiver *r, uint64_t throwaway)
{
	unsigned n = 0;
	while (n + 1 < r->nheld && r->held[n].num < throwaway)
		n++;
	forget(r, 0, n);
}

static const struct held_state *find(const sync_receiver *r, uint64_t num)
{
	for (unsigned i = 0; i < r->nheld; i++)
		if (r->held[i].num == num)
			return &r->held[i];
	return NULL;
}

static enum sync_result apply(sync_receiver *r, const sync_frame *f, const char **err)
{
	if (f->diff == NULL || f->num <= r->held[r->nheld - 1].num)
		return SYNC_NOTHING;
	const struct held_state *base = find(r, f->base);
	if (base == NULL)
		return SYNC_NO_BASE;
	mp_reader rd;
	mp_reader_init(&rd, f->diff, f->difflen);
	void *state = r->ops->apply(base->state, &rd, err);
	if (state != NULL && !mp_finish(&rd)) {
		*err = rd.error;
		r->ops->unref(state);
		state = NULL;
	}
	if (state == NULL)
		return SYNC_BAD_DIFF;
	/* held[0] is the oldest state the sender has not thrown away: possibly the one it
	 * knows acknowledged and falls back to when the others seem lost. Keep it; the
	 * second oldest is the one least likely to be named again. */
	if (r->nheld == SYNC_HELD_MAX)
		forget(r, 1, 1);
	r->held[r->nheld++] = (struct held_state){ .num = f->num, .state = state };
	return SYNC_NEW;
}

enum sync_result sync_receiver_take(sync_receiver *r, const sync_frame *f, const char **err)
{
	enum sync_result res = apply(r, f, err);
	throw_away(r, f->throwaway);
	return res;
}

const void *sync_receiver_newest(const sync_receiver *r, uint64_t *num)
{
	if (num != NULL)
		*num = r->held[r->nheld - 1].num;
	return r->held[r->nheld - 1].state;
}

unsigned sync_receiver_held(const sync_receiver *r)
{
	return r->nheld;
}
