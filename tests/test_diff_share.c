/*
 * Screen diffs shared within a turn (term/diff_share.h): for random screens and changes,
 * many "clients" each diffing from one of a few bases to the newest screen, as a
 * server's clients do from the views they acknowledged, get exactly the bytes
 * term_diff_write gives, whether computed, copied, or computed again after the entry
 * made way (more pairs than TERM_DIFF_SHARE_MAX in one turn); each pair is computed once
 * per turn while it is kept; nothing is shared outside a turn or across turns.
 * RSH_TEST_SEED and RSH_TEST_CASES replay.
 */
#include <stdio.h>
#include <string.h>

#include "random_screen.h"
#include "term/diff_share.h"
#include "term/wire.h"

#include "check.h"

#define BASES 6
#define CLIENTS 40

/* The bytes of one diff, by the shared path or the plain one. */
static void write_into(msgpack_sbuffer *buf, const term_snapshot *old, const term_snapshot *new,
		       bool shared)
{
	msgpack_packer pk;
	msgpack_sbuffer_init(buf);
	msgpack_packer_init(&pk, buf, msgpack_sbuffer_write);
	if (shared)
		term_diff_share_write(old, new, &pk);
	else
		term_diff_write(old, new, &pk);
}

static void check_bytes(const term_snapshot *old, const term_snapshot *new, unsigned long seed,
			unsigned step, unsigned client)
{
	msgpack_sbuffer got, want;
	write_into(&got, old, new, true);
	write_into(&want, old, new, false);
	CHECKF(got.size == want.size && memcmp(got.data, want.data, got.size) == 0,
	       "seed %lu step %u client %u: %zu bytes shared, %zu plain", seed, step, client,
	       got.size, want.size);
	msgpack_sbuffer_destroy(&got);
	msgpack_sbuffer_destroy(&want);
}

/* One turn: every client diffs from its base (NULL: a blank screen) to now. */
static void turn(term_snapshot *const bases[BASES], const term_snapshot *now, rng *g,
		 unsigned long seed, unsigned step)
{
	struct term_diff_share_stats before = term_diff_share_stats();
	term_diff_share_begin();
	bool used[BASES] = {false};
	for (unsigned c = 0; c < CLIENTS; c++) {
		unsigned b = rng_below(g, BASES);
		used[b] = true;
		check_bytes(bases[b], now, seed, step, c);
	}
	term_diff_share_end();
	struct term_diff_share_stats after = term_diff_share_stats();
	/* Pairs, not bases: bases not yet moved on are all the blank screen (NULL). */
	unsigned distinct = 0;
	for (unsigned b = 0; b < BASES; b++) {
		bool seen = false;
		for (unsigned a = 0; a < b; a++)
			seen |= used[a] && bases[a] == bases[b];
		distinct += used[b] && !seen;
	}
	CHECKF(after.computed - before.computed == distinct &&
		       after.copied - before.copied == CLIENTS - distinct,
	       "seed %lu step %u: %llu computed, %llu copied for %u pairs", seed, step,
	       after.computed - before.computed, after.copied - before.copied, distinct);
}

/* More pairs than are kept: each still right; outside a turn nothing is counted. */
static void overflow(rng *g, unsigned long seed)
{
	enum { N = TERM_DIFF_SHARE_MAX + 8 };
	term_snapshot *s[N];
	s[0] = random_screen(g, 24, 80);
	for (unsigned i = 1; i < N; i++)
		s[i] = random_change(g, s[i - 1]);
	term_diff_share_begin();
	for (unsigned round = 0; round < 3; round++)
		for (unsigned i = 0; i + 1 < N; i++)
			check_bytes(s[i], s[N - 1], seed, round, i);
	term_diff_share_end();
	struct term_diff_share_stats before = term_diff_share_stats();
	check_bytes(s[0], s[N - 1], seed, 99, 0);
	check_bytes(s[0], s[N - 1], seed, 99, 1);
	struct term_diff_share_stats after = term_diff_share_stats();
	CHECK(after.computed == before.computed && after.copied == before.copied);
	for (unsigned i = 0; i < N; i++)
		term_snapshot_unref(s[i]);
}

int main(void)
{
	unsigned long first = test_seed(), cases = test_cases(20);
	for (unsigned long seed = first; seed < first + cases; seed++) {
		rng g;
		rng_seed(&g, seed);
		term_snapshot *bases[BASES] = {NULL};
		term_snapshot *now = random_screen(&g, 1 + rng_below(&g, 30), 1 + rng_below(&g, 120));
		for (unsigned step = 0; step < 12; step++) {
			/* The bases move on as acknowledgements come: one takes the old screen. */
			unsigned b = 1 + rng_below(&g, BASES - 1);
			term_snapshot_unref(bases[b]);
			bases[b] = now;
			now = random_change(&g, now);
			turn(bases, now, &g, seed, step);
		}
		for (unsigned b = 0; b < BASES; b++)
			term_snapshot_unref(bases[b]);
		term_snapshot_unref(now);
		overflow(&g, seed);
	}
	printf("%lu seeds from %lu\n", cases, first);
	return 0;
}
