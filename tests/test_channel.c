/*
 * Channels (net/channel.h) between two ends over a simulated link on a simulated clock:
 * random loss, reordering, duplication and outages, from a seed. Many channels opened by
 * both ends carry a stream each way whose every byte is known from the channel's seed and
 * offset; the reader checks each byte once, in order, and the stream's length at its end.
 * Some channels are reset halfway: both ends then see the reset, and what was read is
 * still a correct prefix. Buffers stay within their bounds throughout.
 * Fast retransmit: one datagram lost from a bulk stream is repaired by a fast resend, the
 * timer never firing, about a round trip later; over seeded lossy, reordering, duplicating
 * links bulk streams arrive exactly once in order, with most losses repaired fast (the
 * counts of timer and fast resends printed).
 * Plus unit checks of the wire decoder's rules.
 */
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "net/channel.h"
#include "net/channel_wire.h"
#include "util/xmalloc.h"

#define ROOM 1186
#define MAX_STREAMS 600

struct pkt {
	uint64_t at;
	int to;
	uint8_t *data;
	size_t len;
};

struct impair {
	unsigned loss, dup, reorder; /* percent */
	unsigned delay_ms, jitter_ms;
	uint64_t outage_from, outage_to; /* everything is lost in between */
};

/* One direction of one channel: what the writer sends and the reader has checked. */
struct stream {
	uint64_t seed, len;
	uint64_t written, read;
	bool closed, eof;
};

struct app {
	uint32_t id;
	int end;             /* which mux it lives on */
	struct stream out, in;
	bool gone;           /* reset seen */
	bool resetter;       /* this end resets it at reset_at bytes written */
	bool reset_planned;  /* one of the ends may reset it */
	uint64_t reset_at;
};

struct world {
	uint64_t now, rng;
	chan_mux *mux[2];
	struct impair imp;
	struct pkt *q;
	size_t nq, capq;
	struct app apps[2 * MAX_STREAMS];
	size_t napps;
	unsigned opened, target, resets;
	uint64_t bytes_checked;
	uint64_t sent0, drop_at;
	uint64_t done_ms;        /* when every channel was done */
	uint64_t progress_ms, max_stall_ms; /* a reader's last new byte, the longest wait */ /* datagrams end 0 sent; the one to lose (1-based; 0: none) */
};

static uint32_t rnd(struct world *w)
{
	w->rng ^= w->rng << 13;
	w->rng ^= w->rng >> 7;
	w->rng ^= w->rng << 17;
	return (uint32_t)(w->rng >> 16);
}

static uint8_t stream_byte(uint64_t seed, uint64_t off)
{
	uint64_t x = seed * 0x9e3779b97f4a7c15ull + off;
	x ^= x >> 29;
	x *= 0xbf58476d1ce4e5b9ull;
	return (uint8_t)(x >> 32);
}

static void send_pkt(struct world *w, int from, const uint8_t *msg, size_t len)
{
	CHECK(len <= ROOM);
	if (w->now >= w->imp.outage_from && w->now < w->imp.outage_to)
		return;
	if (from == 0 && ++w->sent0 == w->drop_at)
		return;
	unsigned copies = rnd(w) % 100 < w->imp.dup ? 2 : 1;
	for (unsigned k = 0; k < copies; k++) {
		if (rnd(w) % 100 < w->imp.loss)
			continue;
		uint64_t at = w->now + w->imp.delay_ms + rnd(w) % (w->imp.jitter_ms + 1);
		if (rnd(w) % 100 < w->imp.reorder)
			at += w->imp.delay_ms + 5;
		if (w->nq == w->capq) {
			w->capq = w->capq ? 2 * w->capq : 256;
			w->q = xreallocarray(w->q, w->capq, sizeof *w->q);
		}
		w->q[w->nq++] = (struct pkt){at, 1 - from, xmemdup(msg, len), len};
	}
}

static void deliver_due(struct world *w)
{
	for (size_t i = 0; i < w->nq;) {
		if (w->q[i].at > w->now) {
			i++;
			continue;
		}
		struct pkt p = w->q[i];
		w->q[i] = w->q[--w->nq];
		if (!(w->now >= w->imp.outage_from && w->now < w->imp.outage_to)) {
			chan_mux_heard(w->mux[p.to], w->now);
			CHECK(chan_is_message(p.data, p.len));
			CHECK(chan_mux_receive(w->mux[p.to], p.data, p.len, w->now));
		}
		free(p.data);
	}
}

static struct app *app_new(struct world *w, int end, uint32_t id, uint64_t seed, uint64_t out_len,
			   uint64_t in_len)
{
	CHECK(w->napps < sizeof w->apps / sizeof w->apps[0]);
	struct app *a = &w->apps[w->napps++];
	memset(a, 0, sizeof *a);
	a->id = id;
	a->end = end;
	a->out = (struct stream){.seed = seed, .len = out_len};
	a->in = (struct stream){.seed = seed ^ 0x5555, .len = in_len};
	if (end == 1) { /* the acceptor: the streams the other way round */
		a->out = (struct stream){.seed = seed ^ 0x5555, .len = out_len};
		a->in = (struct stream){.seed = seed, .len = in_len};
	}
	return a;
}

/* An end opens a channel: what says the seed and both lengths, and who resets. */
static void open_one(struct world *w, int end)
{
	uint64_t what[4] = {rnd(w) | (uint64_t)rnd(w) << 32, rnd(w) % 200000, rnd(w) % 200000,
			    0};
	if (rnd(w) % 100 < 12)
		what[3] = 1 + rnd(w) % 2 + (uint64_t)(rnd(w) % 100000) * 4; /* who, and when */
	uint32_t id;
	if (chan_open(w->mux[end], (const uint8_t *)what, sizeof what, &id) != 0) {
		CHECK(errno == EAGAIN);
		return;
	}
	struct app *a = app_new(w, 0, id, what[0], what[1], what[2]);
	a->end = end;
	a->resetter = (what[3] & 3) == 1;
	a->reset_planned = what[3] != 0;
	a->reset_at = what[3] >> 2;
	w->opened++;
}

static void accept_all(struct world *w, int end)
{
	uint32_t id;
	const uint8_t *what;
	size_t len;
	while (chan_accept(w->mux[end], &id, &what, &len)) {
		uint64_t v[4];
		CHECK(len == sizeof v);
		memcpy(v, what, sizeof v);
		struct app *a = app_new(w, 1, id, v[0], v[2], v[1]);
		a->end = end;
		a->resetter = (v[3] & 3) == 2;
		a->reset_planned = v[3] != 0;
		a->reset_at = v[3] >> 2;
	}
}

static void pump_out(struct world *w, struct app *a, chan_mux *m)
{
	uint8_t buf[4096];
	while (a->out.written < a->out.len) {
		size_t n = a->out.len - a->out.written < sizeof buf ? a->out.len - a->out.written
								    : sizeof buf;
		size_t some = 1 + rnd(w) % sizeof buf;
		n = n < some ? n : some;
		for (size_t i = 0; i < n; i++)
			buf[i] = stream_byte(a->out.seed, a->out.written + i);
		ssize_t k = chan_write(m, a->id, buf, n);
		CHECK(k >= 0);
		CHECK(chan_writable(m, a->id) <= CHAN_BUF);
		if (k == 0)
			return; /* full: back-pressure */
		a->out.written += (uint64_t)k;
		if (a->resetter && a->out.written >= a->reset_at) {
			chan_reset(m, a->id, CHAN_RESET_ABORT);
			a->gone = true;
			w->resets++;
			return;
		}
	}
	if (!a->out.closed) {
		chan_close(m, a->id);
		a->out.closed = true;
	}
}

static void pump_in(struct world *w, struct app *a, chan_mux *m)
{
	uint8_t buf[3000];
	for (;;) {
		CHECK(chan_readable(m, a->id) <= CHAN_BUF);
		ssize_t k = chan_read(m, a->id, buf, 1 + rnd(w) % sizeof buf);
		if (k < 0 && errno == EAGAIN)
			return;
		if (k < 0) {
			CHECK(errno == ECONNRESET);
			CHECKF(a->reset_planned, "channel %u gone without a reset", a->id);
			a->gone = true;
			return;
		}
		if (k == 0) {
			CHECKF(a->in.read == a->in.len, "channel %u: end after %llu of %llu bytes",
			       a->id, (unsigned long long)a->in.read,
			       (unsigned long long)a->in.len);
			a->in.eof = true;
			return;
		}
		for (ssize_t i = 0; i < k; i++)
			CHECKF(buf[i] == stream_byte(a->in.seed, a->in.read + (uint64_t)i),
			       "channel %u: wrong byte at %llu", a->id,
			       (unsigned long long)(a->in.read + (uint64_t)i));
		a->in.read += (uint64_t)k;
		w->bytes_checked += (uint64_t)k;
		if (w->progress_ms != 0 && w->now - w->progress_ms > w->max_stall_ms)
			w->max_stall_ms = w->now - w->progress_ms; /* since the first byte */
		w->progress_ms = w->now;
		CHECKF(a->in.read <= a->in.len, "channel %u at end %d: %llu bytes read of %llu", a->id,
		       a->end, (unsigned long long)a->in.read, (unsigned long long)a->in.len);
	}
}

static bool app_done(const struct app *a)
{
	return a->gone || (a->in.eof && a->out.closed);
}

/* A channel whose peer reset it is gone; the reader saw ECONNRESET (or the end). */
static void run_apps(struct world *w)
{
	for (size_t i = 0; i < w->napps; i++) {
		struct app *a = &w->apps[i];
		chan_mux *m = w->mux[a->end];
		if (app_done(a))
			continue;
		pump_in(w, a, m);
		if (!a->gone)
			pump_out(w, a, m);
	}
}

static bool all_done(const struct world *w)
{
	if (w->opened < w->target)
		return false;
	for (size_t i = 0; i < w->napps; i++)
		if (!app_done(&w->apps[i]))
			return false;
	return true;
}

static void tick(struct world *w)
{
	for (int e = 0; e < 2; e++) {
		const uint8_t *msg;
		size_t len;
		chan_mux_set_rtt(w->mux[e], 2 * w->imp.delay_ms + w->imp.jitter_ms,
				 2 * w->imp.delay_ms + 4 * w->imp.jitter_ms + 50);
		chan_mux_turn(w->mux[e]);
		while (chan_mux_next(w->mux[e], w->now, ROOM, &msg, &len))
			send_pkt(w, e, msg, len);
	}
}

static struct world *world_new(uint64_t seed)
{
	struct world *w = xcalloc(1, sizeof *w);
	w->rng = seed * 2654435761u + 1;
	w->mux[0] = chan_mux_new(false);
	w->mux[1] = chan_mux_new(true);
	return w;
}

static void world_free(struct world *w)
{
	for (size_t i = 0; i < w->nq; i++)
		free(w->q[i].data);
	free(w->q);
	chan_mux_free(w->mux[0]);
	chan_mux_free(w->mux[1]);
	free(w);
}

/* Runs the world until every channel is done (the ends opening target of them at random
 * times), then until both ends forgot them all. */
static void run_world(struct world *w, uint64_t seed)
{
	uint64_t limit = 3600 * 1000;
	for (w->now = 1; !all_done(w); w->now++) {
		CHECKF(w->now < limit, "seed %llu: not done after an hour (loss %u)",
		       (unsigned long long)seed, w->imp.loss);
		if (w->opened < w->target && rnd(w) % 20 == 0)
			open_one(w, rnd(w) % 2);
		deliver_due(w);
		accept_all(w, 0);
		accept_all(w, 1);
		run_apps(w);
		tick(w);
	}
	w->done_ms = w->now;
	/* Both ends forget every channel once their ends were seen and acknowledged. */
	for (uint64_t until = w->now + 120000; w->now < until; w->now++) {
		deliver_due(w);
		tick(w);
		uint32_t ids[1];
		if (chan_mux_list(w->mux[0], ids, 1) == 0 && chan_mux_list(w->mux[1], ids, 1) == 0 &&
		    chan_mux_next_wakeup(w->mux[0]) == UINT64_MAX &&
		    chan_mux_next_wakeup(w->mux[1]) == UINT64_MAX)
			break;
	}
	uint32_t ids[CHAN_MAX];
	CHECKF(chan_mux_list(w->mux[0], ids, CHAN_MAX) == 0, "seed %llu: client keeps channels",
	       (unsigned long long)seed);
	CHECKF(chan_mux_list(w->mux[1], ids, CHAN_MAX) == 0, "seed %llu: server keeps channels",
	       (unsigned long long)seed);
}

static void run_case(uint64_t seed)
{
	struct world *w = world_new(seed);
	w->imp.loss = rnd(w) % 35;
	w->imp.dup = rnd(w) % 20;
	w->imp.reorder = rnd(w) % 25;
	w->imp.delay_ms = 1 + rnd(w) % 60;
	w->imp.jitter_ms = rnd(w) % 20;
	if (rnd(w) % 2) {
		w->imp.outage_from = 500 + rnd(w) % 3000;
		w->imp.outage_to = w->imp.outage_from + 1000 + rnd(w) % 60000;
	}
	w->target = 4 + rnd(w) % 24;
	run_world(w, seed);
	world_free(w);
}

/* A bulk channel opened by end 0 at once: out_len bytes its way, in_len back. */
static void open_bulk(struct world *w, uint64_t seed, uint64_t out_len, uint64_t in_len)
{
	uint64_t what[4] = {seed, out_len, in_len, 0};
	uint32_t id;
	CHECK(chan_open(w->mux[0], (const uint8_t *)what, sizeof what, &id) == 0);
	app_new(w, 0, id, seed, out_len, in_len);
	w->opened = w->target = 1;
}

/* One datagram lost from a bulk stream on a clean 40 ms round trip (RTO 90 ms): the gap is
 * sent again as soon as the acknowledgements show it, the timer never fires, and the
 * reader waits about a round trip for it (the longest time without a new byte). */
static void test_single_loss(void)
{
	for (int lose = 0; lose < 2; lose++) {
		struct world *w = world_new(1);
		w->imp.delay_ms = 20;
		w->drop_at = lose ? 40 : 0;
		open_bulk(w, 99, 600000, 0);
		run_world(w, 1);
		const struct chan_stats *st = chan_mux_stats(w->mux[0]);
		printf("%s lost: done at %llu ms, the reader waited %llu ms at most, %llu timer "
		       "firings, %llu fast resends, %llu bytes resent\n", lose ? "one" : "none",
		       (unsigned long long)w->done_ms, (unsigned long long)w->max_stall_ms,
		       (unsigned long long)st->timeouts, (unsigned long long)st->fast_resends,
		       (unsigned long long)st->data_resent);
		CHECKF(st->timeouts == 0, "%llu resend timers fired",
		       (unsigned long long)st->timeouts);
		CHECKF(st->fast_resends == (lose ? 1u : 0u), "%llu fast resends",
		       (unsigned long long)st->fast_resends);
		CHECK(w->bytes_checked == 600000);
		/* The simulated clock: a round trip and the three datagrams' worth beyond the
		 * gap that show it, well below the RTO. */
		CHECKF(w->max_stall_ms < 2 * 40, "the reader waited %llu ms",
		       (unsigned long long)w->max_stall_ms);
		world_free(w);
	}
}

/* Bulk streams both ways over seeded links that lose, reorder and duplicate: every byte
 * arrives once, in order (the readers check), and most losses are repaired fast. */
static void test_lossy_bulk(unsigned long cases, unsigned long seed)
{
	uint64_t timeouts = 0, fast = 0, ms = 0, resent = 0;
	for (unsigned long i = 0; i < cases; i++) {
		struct world *w = world_new(seed + i);
		w->imp.loss = 1 + rnd(w) % 5;
		w->imp.dup = rnd(w) % 5;
		w->imp.reorder = rnd(w) % 5;
		w->imp.delay_ms = 5 + rnd(w) % 40;
		w->imp.jitter_ms = rnd(w) % 3;
		open_bulk(w, seed + i, 400000, 200000);
		run_world(w, seed + i);
		for (int e = 0; e < 2; e++) {
			timeouts += chan_mux_stats(w->mux[e])->timeouts;
			fast += chan_mux_stats(w->mux[e])->fast_resends;
			resent += chan_mux_stats(w->mux[e])->data_resent;
		}
		ms += w->done_ms;
		CHECK(w->bytes_checked == 600000);
		world_free(w);
	}
	printf("lossy bulk, %lu links: %llu timer firings, %llu fast resends, %llu bytes resent, "
	       "%llu simulated ms in all\n", cases, (unsigned long long)timeouts,
	       (unsigned long long)fast, (unsigned long long)resent, (unsigned long long)ms);
	CHECKF(fast > timeouts, "%llu fast resends, %llu timer firings",
	       (unsigned long long)fast, (unsigned long long)timeouts);
}

static size_t encode(const struct chan_rec *recs, unsigned n, uint8_t *out)
{
	msgpack_sbuffer body, msg;
	msgpack_sbuffer_init(&body);
	msgpack_sbuffer_init(&msg);
	msgpack_packer pk;
	msgpack_packer_init(&pk, &body, msgpack_sbuffer_write);
	for (unsigned i = 0; i < n; i++)
		chan_wire_record(&pk, &recs[i]);
	chan_wire_message(&msg, body.data, body.size, n);
	size_t len = msg.size;
	memcpy(out, msg.data, len);
	msgpack_sbuffer_destroy(&body);
	msgpack_sbuffer_destroy(&msg);
	return len;
}

static bool decodes(const uint8_t *b, size_t len)
{
	struct chan_rec recs[CHAN_WIRE_RECORDS];
	unsigned n;
	const char *err;
	return chan_wire_decode(b, len, recs, &n, &err);
}

static void test_wire(void)
{
	uint8_t buf[4096];
	struct chan_rec r[5] = {
		{.type = CHAN_OPEN, .id = 4, .bytes = (const uint8_t *)"tcp", .len = 3},
		{.type = CHAN_DATA, .id = 4, .offset = 10, .bytes = (const uint8_t *)"ab", .len = 2,
		 .fin = true},
		{.type = CHAN_ACK, .id = 5, .received = 7, .limit = 100, .nsack = 1,
		 .sack = {{9, 12}}},
		{.type = CHAN_RESET, .id = 6, .code = 1},
		{.type = CHAN_GONE, .id = 7},
	};
	size_t len = encode(r, 5, buf);
	CHECK(chan_is_message(buf, len));
	struct chan_rec d[CHAN_WIRE_RECORDS];
	unsigned n;
	const char *err;
	CHECK(chan_wire_decode(buf, len, d, &n, &err) && n == 5);
	CHECK(d[1].offset == 10 && d[1].len == 2 && d[1].fin && memcmp(d[1].bytes, "ab", 2) == 0);
	CHECK(d[2].nsack == 1 && d[2].sack[0].start == 9 && d[2].sack[0].end == 12);
	CHECK(d[3].code == 1 && d[4].id == 7);
	/* The example of docs/protocol.md, byte for byte. */
	static const uint8_t example[] = {0x92, 0x02, 0x92, 0x95, 0x01, 0x04, 0x0a, 0xc4, 0x02,
					  'a', 'b', 0xc3, 0x93, 0x03, 0x06, 0x01};
	struct chan_rec two[2] = {r[1], r[3]};
	CHECK(encode(two, 2, buf) == sizeof example && memcmp(buf, example, sizeof example) == 0);
	CHECK(!decodes(buf, sizeof example - 1));
	buf[sizeof example] = 0xc0;
	CHECK(!decodes(buf, sizeof example + 1)); /* trailing bytes */
	/* Ranges must lie above what was received, ascending, apart, within the limit. */
	struct chan_rec bad[] = {
		{.type = CHAN_ACK, .id = 1, .received = 9, .limit = 100, .nsack = 1, .sack = {{9, 12}}},
		{.type = CHAN_ACK, .id = 1, .received = 1, .limit = 100, .nsack = 2,
		 .sack = {{5, 8}, {8, 9}}},
		{.type = CHAN_ACK, .id = 1, .received = 1, .limit = 10, .nsack = 1, .sack = {{5, 11}}},
		{.type = CHAN_ACK, .id = 1, .received = 10, .limit = 9},
		{.type = CHAN_DATA, .id = 1, .offset = CHAN_OFFSET_MAX, .bytes = buf, .len = 1},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		len = encode(&bad[i], 1, buf + 2048);
		CHECKF(!decodes(buf + 2048, len), "bad record %zu decoded", i);
	}
	uint8_t sync_frame[] = {0x97, 0x01};
	CHECK(!chan_is_message(sync_frame, 2));
}

/* A reordered, late open of a channel already closed and forgotten opens nothing. */
static void test_late_open(void)
{
	chan_mux *c = chan_mux_new(false), *s = chan_mux_new(true);
	uint32_t id, sid;
	const uint8_t *what, *msg;
	size_t len, wlen;
	CHECK(chan_open(c, (const uint8_t *)"x", 1, &id) == 0 && id == 0);
	CHECK(chan_write(c, id, "hi", 2) == 2);
	chan_close(c, id);
	CHECK(chan_mux_next(c, 1, ROOM, &msg, &len));
	uint8_t *first = xmemdup(msg, len);
	size_t first_len = len;
	CHECK(chan_mux_receive(s, first, first_len, 1));
	CHECK(chan_accept(s, &sid, &what, &wlen) && sid == 0 && wlen == 1);
	uint8_t buf[8];
	CHECK(chan_read(s, sid, buf, sizeof buf) == 2 && memcmp(buf, "hi", 2) == 0);
	CHECK(chan_read(s, sid, buf, sizeof buf) == 0);
	chan_close(s, sid);
	for (uint64_t now = 2; now < 50; now++) {
		chan_mux_turn(c);
		chan_mux_turn(s);
		while (chan_mux_next(s, now, ROOM, &msg, &len))
			CHECK(chan_mux_receive(c, msg, len, now));
		while (chan_mux_next(c, now, ROOM, &msg, &len))
			CHECK(chan_mux_receive(s, msg, len, now));
		if (chan_alive(c, id) && chan_read(c, id, buf, sizeof buf) == 0)
			chan_close(c, id);
	}
	uint32_t ids[4];
	CHECK(chan_mux_list(s, ids, 4) == 0 && chan_mux_list(c, ids, 4) == 0);
	CHECK(chan_mux_receive(s, first, first_len, 60)); /* the old open, again */
	CHECK(!chan_accept(s, &sid, &what, &wlen));
	CHECK(chan_mux_list(s, ids, 4) == 0);
	free(first);
	chan_mux_free(c);
	chan_mux_free(s);
}

int main(void)
{
	test_wire();
	test_late_open();
	test_single_loss();
	unsigned long n = test_cases(16), seed = test_seed();
	test_lossy_bulk(n, seed);
	for (unsigned long i = 0; i < n; i++)
		run_case(seed + i);
	printf("test_channel: %lu cases passed\n", n);
	return 0;
}
