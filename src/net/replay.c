/* A sliding bitmap of accepted sequence numbers. */
#include "replay.h"

#include <string.h>

#define NWORDS (NET_REPLAY_WINDOW / 64)

void net_replay_init(struct net_replay *w)
{
	memset(w, 0, sizeof *w);
}

static bool test_bit(const struct net_replay *w, uint64_t seq)
{
	uint64_t b = seq % NET_REPLAY_WINDOW;
	return (w->bits[b / 64] >> (b % 64)) & 1;
}

enum net_replay_verdict net_replay_check(const struct net_replay *w, uint64_t seq)
{
	if (!w->any || seq > w->top)
		return NET_REPLAY_NEW;
	if (w->top - seq >= NET_REPLAY_WINDOW)
		return NET_REPLAY_TOO_OLD;
	return test_bit(w, seq) ? NET_REPLAY_SEEN : NET_REPLAY_LATE;
}

/* Forgets the bits of sequence numbers top+1 .. seq, which the window now covers anew. */
static void advance(struct net_replay *w, uint64_t seq)
{
	if (seq - w->top >= NET_REPLAY_WINDOW) {
		memset(w->bits, 0, sizeof w->bits);
		return;
	}
	for (uint64_t s = w->top + 1; s <= seq; s++) {
		uint64_t b = s % NET_REPLAY_WINDOW;
		w->bits[b / 64] &= ~(UINT64_C(1) << (b % 64));
	}
}

void net_replay_mark(struct net_replay *w, uint64_t seq)
{
	if (!w->any) {
		w->any = true;
		w->top = seq;
		memset(w->bits, 0, sizeof w->bits);
	} else if (seq > w->top) {
		advance(w, seq);
		w->top = seq;
	}
	uint64_t b = seq % NET_REPLAY_WINDOW;
	w->bits[b / 64] |= UINT64_C(1) << (b % 64);
}
