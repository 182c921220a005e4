/* Reassembly: any order, duplicates and losses; and bounds that fragment bombs hit. */
#include <stdint.h>
#include <stdio.h>

#include "check.h"
#include "net/fragment.h"

static uint64_t rng;
static uint32_t rnd(void)
{
	rng = rng * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(rng >> 33);
}

static struct net_plain frag(uint64_t id, unsigned index, bool final, const uint8_t *data,
			     size_t len)
{
	return (struct net_plain){ .ts = 1, .ts_reply = NET_TS_NONE, .msg_id = id,
				   .index = index, .final = final, .data = data, .len = len };
}

static unsigned held(const struct net_reasm *r)
{
	unsigned n = 0;
	for (unsigned i = 0; i < NET_FRAG_MAX_PARTIAL; i++)
		n += r->partial[i] != NULL;
	return n;
}

/* One message cut into pieces, delivered shuffled with duplicates (and maybe a loss). */
static void run(unsigned long seed)
{
	static uint8_t msg[40000];
	struct net_reasm_stats st = { 0 };
	struct net_reasm r;
	struct net_plain order[200];
	size_t len = rnd() % sizeof msg, room = 1 + rnd() % 1300, got_len = 0;
	unsigned nfrag = len ? (unsigned)((len + room - 1) / room) : 1, n = 0, deliveries = 0;
	bool lose = rnd() % 4 == 0;
	uint64_t id = rnd();

	if (nfrag > 100)
		return;
	for (size_t i = 0; i < len; i++)
		msg[i] = (uint8_t)rnd();
	for (unsigned i = 0; i < nfrag; i++) {
		size_t off = i * room, flen = len - off < room ? len - off : room;
		for (unsigned copies = 1 + (rnd() % 3 == 0); copies > 0; copies--)
			order[n++] = frag(id, i, i + 1 == nfrag, msg + off, flen);
	}
	if (lose) {
		/* May lose only one copy of a duplicate: then everything still arrives. */
		unsigned k = rnd() % n;
		order[k] = order[--n];
	}
	for (unsigned i = n; i > 1; i--) {
		unsigned j = rnd() % i;
		struct net_plain t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
	net_reasm_init(&r, &st);
	for (unsigned i = 0; i < n; i++) {
		const uint8_t *m;
		size_t mlen;
		if (net_reasm_add(&r, &order[i], 1000 + i, &m, &mlen)) {
			/* After the first, only a resent final fragment delivers it again. */
			CHECKF(deliveries == 0 || order[i].final, "seed %lu: delivered twice", seed);
			deliveries += deliveries == 0;
			got_len = mlen;
			CHECKF(mlen == len && memcmp(m, msg, len) == 0, "seed %lu: wrong bytes", seed);
		}
	}
	bool all = true;
	for (unsigned i = 0; i < nfrag && all; i++) {
		bool seen = false;
		for (unsigned k = 0; k < n; k++)
			seen |= order[k].index == i;
		all = seen;
	}
	CHECKF(deliveries == (all ? 1u : 0u), "seed %lu: %u deliveries", seed, deliveries);
	CHECKF(st.invalid == 0, "seed %lu", seed);
	CHECKF(all ? r.bytes == 0 && held(&r) == 0 : got_len == 0, "seed %lu", seed);
	net_reasm_free(&r);
}

static void test_order(void)
{
	struct net_reasm_stats st = { 0 };
	struct net_reasm r;
	const uint8_t *m;
	size_t len;
	uint8_t a[] = "aa", b[] = "bb";

	net_reasm_init(&r, &st);
	/* 7 partly here, then 8 whole: 7 still completes, once (a resend of 7's final
	 * fragment delivers it again, as the last message put together); 8 is not again. */
	struct net_plain f = frag(7, 0, false, a, 2);
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len) && held(&r) == 1 && r.bytes == 2);
	f = frag(8, 0, true, b, 2);
	CHECK(net_reasm_add(&r, &f, 0, &m, &len) && len == 2 && memcmp(m, "bb", 2) == 0);
	CHECK(held(&r) == 1 && r.bytes == 2 && st.evicted == 0);
	f = frag(7, 1, true, a, 2);
	CHECK(net_reasm_add(&r, &f, 0, &m, &len) && len == 4 && memcmp(m, "aaaa", 4) == 0);
	CHECK(held(&r) == 0 && r.bytes == 0);
	f = frag(7, 0, false, a, 2);
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len) && st.stale == 1 && held(&r) == 0);
	f = frag(8, 0, true, b, 2);
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len) && st.stale == 2);
	/* Contradictions throw the message away: two final fragments, or one past the end. */
	f = frag(9, 2, true, a, 2);
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len));
	f = frag(9, 3, false, a, 2);
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len) && st.invalid == 1 && held(&r) == 0);
	f = frag(10, 2, false, a, 2);
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len));
	f = frag(10, 1, true, a, 2);
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len) && st.invalid == 2 && held(&r) == 0);
	/* A partial message untouched too long expires. */
	f = frag(11, 0, false, a, 2);
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len) && held(&r) == 1);
	uint64_t evicted = st.evicted;
	f = frag(12, 0, false, a, 2);
	CHECK(!net_reasm_add(&r, &f, NET_FRAG_MAX_AGE_MS + 1, &m, &len) && held(&r) == 1);
	CHECK(st.evicted == evicted + 1);
	/* A partial message past the id window behind the newest is dropped, and so are
	 * its later fragments. */
	uint64_t later = NET_FRAG_MAX_AGE_MS + 1;
	f = frag(30, 0, false, a, 2);
	CHECK(!net_reasm_add(&r, &f, later, &m, &len) && held(&r) == 2);
	f = frag(30 + NET_MSG_ID_WINDOW, 0, true, b, 2);
	CHECK(net_reasm_add(&r, &f, later, &m, &len) && held(&r) == 0 && st.evicted == evicted + 3);
	f = frag(30, 1, true, a, 2);
	CHECK(!net_reasm_add(&r, &f, later, &m, &len) && st.stale == 3 && held(&r) == 0);
	f = frag(31, 0, true, a, 2);
	CHECK(net_reasm_add(&r, &f, later, &m, &len) && len == 2);
	CHECK(!net_reasm_add(&r, &f, later, &m, &len) && st.stale == 4);
	net_reasm_free(&r);
}

/* A peer with the key but bad intent cannot make us hold more than the bounds allow. */
static void test_bombs(void)
{
	static uint8_t junk[NET_DGRAM_MAX];
	struct net_reasm_stats st = { 0 };
	struct net_reasm r;
	const uint8_t *m;
	size_t len;

	net_reasm_init(&r, &st);
	/* Many message ids, none finished. */
	for (uint64_t id = 1; id <= 100000; id++) {
		struct net_plain f = frag(id, (unsigned)(id % NET_FRAG_MAX_COUNT), false, junk, 1000);
		CHECK(!net_reasm_add(&r, &f, 0, &m, &len));
		CHECK(held(&r) <= NET_FRAG_MAX_PARTIAL && r.bytes <= NET_FRAG_MAX_PARTIAL * 1000);
	}
	/* Huge indexes. */
	struct net_plain f = frag(200000, NET_FRAG_INDEX_MASK, true, junk, 10);
	uint64_t invalid = st.invalid;
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len) && st.invalid == invalid + 1);
	f = frag(200000, NET_FRAG_MAX_COUNT, false, junk, 10);
	CHECK(!net_reasm_add(&r, &f, 0, &m, &len) && st.invalid == invalid + 2);
	/* Endless fragments of one message: refused once it would pass NET_MSG_MAX. */
	for (unsigned i = 0; i < NET_FRAG_MAX_COUNT; i++) {
		f = frag(300000, i, false, junk, sizeof junk);
		net_reasm_add(&r, &f, 0, &m, &len);
		CHECK(r.bytes <= NET_MSG_MAX + (NET_FRAG_MAX_PARTIAL - 1) * 1000);
	}
	CHECK(st.invalid == invalid + 3);
	/* Four messages in progress, each just under the limit: the ceiling holds. */
	for (uint64_t id = 400000; id < 400000 + 2 * NET_FRAG_MAX_PARTIAL; id++) {
		for (unsigned i = 0; i < NET_FRAG_MAX_COUNT; i++) {
			f = frag(id, i, false, junk, NET_MSG_MAX / NET_FRAG_MAX_COUNT);
			net_reasm_add(&r, &f, 0, &m, &len);
			CHECK(r.bytes <= (size_t)NET_FRAG_MAX_PARTIAL * NET_MSG_MAX);
		}
	}
	CHECK(held(&r) == NET_FRAG_MAX_PARTIAL);
	net_reasm_free(&r);
}

int main(void)
{
	unsigned long seed = test_seed();
	for (unsigned long n = test_cases(2000); n > 0; n--, seed++) {
		rng = seed;
		run(seed);
	}
	test_order();
	test_bombs();
	return 0;
}
