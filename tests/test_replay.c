/* The replay window against a plain model: every sequence number ever accepted is kept. */
#include <stdint.h>
#include <stdio.h>

#include "check.h"
#include "net/replay.h"

#define N 20000

static uint64_t rng;
static uint64_t rnd(void)
{
	rng = rng * 6364136223846793005ull + 1442695040888963407ull;
	return rng >> 33;
}

static bool model_seen[N * 4];

static enum net_replay_verdict model(uint64_t top, bool any, uint64_t seq)
{
	if (!any || seq > top)
		return NET_REPLAY_NEW;
	if (top - seq >= NET_REPLAY_WINDOW)
		return NET_REPLAY_TOO_OLD;
	return model_seen[seq] ? NET_REPLAY_SEEN : NET_REPLAY_LATE;
}

static unsigned long verdicts[4];

static void run(unsigned long seed)
{
	struct net_replay w;
	uint64_t top = 0, next = 0;
	bool any = false;

	rng = seed;
	memset(model_seen, 0, sizeof model_seen);
	net_replay_init(&w);
	for (unsigned i = 0; i < N; i++) {
		/* Mostly in order, some reordered by up to 2 windows, some jumps ahead. */
		uint64_t seq = next;
		switch (rnd() % 8) {
		case 0: seq = next > 2 * NET_REPLAY_WINDOW ? next - rnd() % (2 * NET_REPLAY_WINDOW) : 0; break;
		case 1: seq = next + rnd() % (3 * NET_REPLAY_WINDOW / 2); break;
		case 2: seq = top; break;
		default: next++; break;
		}
		if (seq >= N * 4)
			continue;
		enum net_replay_verdict v = net_replay_check(&w, seq);
		verdicts[v]++;
		CHECKF(v == model(top, any, seq), "seed %lu step %u seq %llu", seed, i,
		       (unsigned long long)seq);
		/* Forged packets are checked but never marked; half the rest are accepted. */
		if ((v == NET_REPLAY_NEW || v == NET_REPLAY_LATE) && rnd() % 2) {
			net_replay_mark(&w, seq);
			model_seen[seq] = true;
			if (!any || seq > top)
				top = seq;
			any = true;
			if (seq >= next)
				next = seq + 1;
		}
	}
}

int main(void)
{
	unsigned long seed = test_seed();
	for (unsigned long n = test_cases(20); n > 0; n--, seed++)
		run(seed);
	for (int v = 0; v < 4; v++)
		CHECKF(verdicts[v] > 100, "verdict %d seen %lu times only", v, verdicts[v]);

	/* The edges, by hand: the window holds top - 1023 .. top. */
	struct net_replay w;
	net_replay_init(&w);
	CHECK(net_replay_check(&w, 0) == NET_REPLAY_NEW);
	net_replay_mark(&w, 5000);
	CHECK(net_replay_check(&w, 5000) == NET_REPLAY_SEEN);
	CHECK(net_replay_check(&w, 5000 - 1023) == NET_REPLAY_LATE);
	CHECK(net_replay_check(&w, 5000 - 1024) == NET_REPLAY_TOO_OLD);
	net_replay_mark(&w, 5000 - 1023);
	net_replay_mark(&w, 5000 + 1023); /* slides by 1023: 3977 just falls out */
	CHECK(net_replay_check(&w, 5000 - 1023) == NET_REPLAY_TOO_OLD);
	CHECK(net_replay_check(&w, 5000) == NET_REPLAY_SEEN);
	CHECK(net_replay_check(&w, 5001) == NET_REPLAY_LATE);
	net_replay_mark(&w, UINT64_C(1) << 62); /* a huge jump forgets everything */
	CHECK(net_replay_check(&w, (UINT64_C(1) << 62) - 1) == NET_REPLAY_LATE);
	return 0;
}
