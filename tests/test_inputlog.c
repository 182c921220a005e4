/*
 * The input log: its limits and back-pressure, its diff and apply, and delivery of every
 * event exactly once and in order over a simulated link with 0 to 50 % loss, reordering
 * and duplication (a fast typist at 80 ms round trips, a slow one at 500 ms with jitter,
 * whose lone keystrokes are resent after about a round trip), with memory bounded under
 * total loss.
 */
#include "net/inputlog.h"

#include "check.h"
#include "sync_sim.h"
#include "util/xmalloc.h"

static const sync_state_ops *ops = &inputlog_ops;

static void test_limits(void)
{
	static uint8_t big[INPUTLOG_EVENT_MAX + 1];
	inputlog *log = inputlog_new();
	CHECK(inputlog_append(log, big, sizeof big) == INPUTLOG_TOO_BIG);
	CHECK(inputlog_append(log, big, INPUTLOG_EVENT_MAX) == INPUTLOG_OK);
	CHECK(inputlog_append(log, "", 0) == INPUTLOG_OK); /* an empty event is an event */
	while (inputlog_append(log, big, INPUTLOG_EVENT_MAX) == INPUTLOG_OK)
		;
	CHECK(inputlog_pending_bytes(log) + INPUTLOG_EVENT_MAX > INPUTLOG_PENDING_BYTES);
	size_t n = inputlog_pending_events(log);
	inputlog_acked(log, 1);
	CHECK(inputlog_pending_events(log) == n - 1);
	CHECK(inputlog_append(log, big, INPUTLOG_EVENT_MAX) == INPUTLOG_OK);
	inputlog_acked(log, 1000); /* past the end: everything */
	CHECK(inputlog_pending_events(log) == 0 && inputlog_pending_bytes(log) == 0);
	for (int i = 0; i < INPUTLOG_PENDING_EVENTS; i++)
		CHECK(inputlog_append(log, "k", 1) == INPUTLOG_OK);
	CHECK(inputlog_append(log, "k", 1) == INPUTLOG_FULL);
	inputlog_free(log);
}

static void test_snapshots(void)
{
	inputlog *log = inputlog_new();
	inputlog_state *empty = inputlog_state_empty();
	inputlog_append(log, "ab", 2);
	inputlog_state *s1 = inputlog_snapshot(log, SIZE_MAX), *again = inputlog_snapshot(log, SIZE_MAX);
	CHECK(s1 == again); /* unchanged: shared */
	inputlog_append(log, "cde", 3);
	inputlog_acked(log, 1);
	inputlog_state *s2 = inputlog_snapshot(log, SIZE_MAX);
	CHECK(inputlog_state_first(s2) == 1 && inputlog_state_end(s2) == 2);
	CHECK(!ops->equal(s1, s2) && !ops->equal(empty, s1));
	uint64_t next = 0;
	const uint8_t *ev;
	size_t len;
	CHECK(inputlog_state_next(s1, &next, &ev, &len) && len == 2 && memcmp(ev, "ab", 2) == 0);
	CHECK(!inputlog_state_next(s1, &next, &ev, &len));
	CHECK(inputlog_state_next(s2, &next, &ev, &len) && len == 3 && memcmp(ev, "cde", 3) == 0);
	CHECK(next == 2);
	inputlog_free(log); /* the states keep their events */
	CHECK(inputlog_state_end(s2) == 2);
	inputlog_state_unref(s1);
	inputlog_state_unref(again);
	inputlog_state_unref(s2);
	inputlog_state_unref(empty);
}

/* Diffs s from base, applies onto onto: the state, or NULL with *err. */
static inputlog_state *roundtrip(const inputlog_state *base, const inputlog_state *s,
				 const inputlog_state *onto, const char **err)
{
	msgpack_sbuffer buf;
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
	ops->diff(base, s, &pk);
	mp_reader r;
	mp_reader_init(&r, buf.data, buf.size);
	inputlog_state *out = ops->apply(onto, &r, err);
	if (out != NULL)
		CHECK(mp_finish(&r));
	msgpack_sbuffer_destroy(&buf);
	return out;
}

static void test_diff_apply(void)
{
	inputlog *log = inputlog_new();
	inputlog_state *empty = inputlog_state_empty();
	inputlog_append(log, "x", 1);
	inputlog_state *s1 = inputlog_snapshot(log, SIZE_MAX);
	inputlog_append(log, "yy", 2);
	inputlog_append(log, "zzz", 3);
	inputlog_state *s3 = inputlog_snapshot(log, SIZE_MAX);
	const char *err = NULL;
	inputlog_state *r1 = roundtrip(empty, s1, empty, &err);
	CHECK(r1 != NULL && inputlog_state_end(r1) == 1);
	inputlog_state *r3 = roundtrip(s1, s3, r1, &err);
	CHECK(r3 != NULL && inputlog_state_first(r3) == 1 && inputlog_state_end(r3) == 3);
	CHECK(ops->equal(r3, s3));
	/* A diff from s1 does not apply onto another base. */
	CHECK(roundtrip(s1, s3, empty, &err) == NULL);
	CHECK(strcmp(err, "input log diff for another base") == 0);
	/* Truncated and oversized diffs are refused. */
	static const uint8_t cut[] = { 0x92, 0x00, 0x92, 0xc4, 0x05, 'a' };
	static const uint8_t huge[] = { 0x92, 0x00, 0x91, 0xc5, 0x20, 0x00 };
	mp_reader r;
	mp_reader_init(&r, cut, sizeof cut);
	CHECK(ops->apply(empty, &r, &err) == NULL);
	mp_reader_init(&r, huge, sizeof huge);
	CHECK(ops->apply(empty, &r, &err) == NULL);
	for (inputlog_state **s = (inputlog_state *[]){ empty, s1, s3, r1, r3, NULL }; *s; s++)
		inputlog_state_unref(*s);
	inputlog_free(log);
}

/* A client appending random events, a server reading them, over the simulated link. */
#define MAX_EVENTS 6000

struct world {
	struct sim sim;
	sync_link *client, *server;
	inputlog *log;
	uint8_t *events[MAX_EVENTS];
	size_t lens[MAX_EVENTS];
	size_t appended, delivered;
	uint64_t cursor;
	unsigned full;
};

static void on_receive(void *arg, int end, enum sync_result res)
{
	struct world *w = arg;
	if (end == 0) {
		/* The client forgets what the server acknowledged. */
		const inputlog_state *acked = sync_sender_acked(sync_link_sender(w->client), NULL);
		inputlog_acked(w->log, inputlog_state_end(acked));
		inputlog_state *s = inputlog_snapshot(w->log, INPUTLOG_WINDOW);
		sync_link_set_local(w->client, s);
		inputlog_state_unref(s);
		return;
	}
	if (res != SYNC_NEW)
		return;
	const inputlog_state *s = sync_link_remote(w->server, NULL);
	const uint8_t *ev;
	size_t len;
	while (inputlog_state_next(s, &w->cursor, &ev, &len)) {
		size_t i = w->delivered++;
		CHECKF(i < w->appended, "event %zu delivered but never appended", i);
		CHECKF(len == w->lens[i] && memcmp(ev, w->events[i], len) == 0,
		       "event %zu differs", i);
	}
}

static void type_some(struct world *w)
{
	for (unsigned k = sim_rand(&w->sim) % 4; k > 0 && w->appended < MAX_EVENTS; k--) {
		size_t i = w->appended;
		/* Mostly keystrokes, now and then a chunk of a paste. */
		size_t len = sim_rand(&w->sim) % 10 == 0 ? sim_rand(&w->sim) % INPUTLOG_EVENT_MAX
							  : sim_rand(&w->sim) % 8 + 1;
		uint8_t *ev = xmalloc(len + 1);
		for (size_t j = 0; j < len; j++)
			ev[j] = (uint8_t)sim_rand(&w->sim);
		if (inputlog_append(w->log, ev, len) != INPUTLOG_OK) {
			w->full++;
			free(ev);
			break;
		}
		w->events[i] = ev;
		w->lens[i] = len;
		w->appended++;
	}
	inputlog_state *s = inputlog_snapshot(w->log, INPUTLOG_WINDOW);
	sync_link_set_local(w->client, s);
	inputlog_state_unref(s);
}

static bool all_delivered(void *arg)
{
	struct world *w = arg;
	return w->delivered == w->appended && sync_link_settled(w->client);
}

static void world_init(struct world *w, uint64_t seed)
{
	memset(w, 0, sizeof *w);
	inputlog_state *empty = inputlog_state_empty();
	w->client = sync_link_new(ops, empty, ops, empty);
	w->server = sync_link_new(ops, empty, ops, empty);
	inputlog_state_unref(empty);
	w->log = inputlog_new();
	sim_init(&w->sim, seed, w->client, w->server);
	w->sim.on_receive = on_receive;
	w->sim.arg = w;
}

static void world_free(struct world *w)
{
	sim_free(&w->sim);
	sync_link_free(w->client);
	sync_link_free(w->server);
	inputlog_free(w->log);
	for (size_t i = 0; i < w->appended; i++)
		free(w->events[i]);
}

/* A link and a typist: the one-way delay and its jitter, the longest pause between
 * bursts of typing, and how long the typing goes on (simulated ms). */
struct typing {
	unsigned delay_ms, jitter_ms, pause_ms, for_ms;
};

/* A fast typist over 80 ms round trips; a slow one over 500 ms round trips whose jitter
 * keeps the RTO far above the SRTT, so that a lone keystroke's frame goes again after
 * about a round trip (sync_link.h), sometimes before its acknowledgement is back. */
static const struct typing fast = {40, 20, 40, 15000}, slow = {250, 150, 1500, 60000};

static void test_exactly_once(unsigned loss, uint64_t seed, const struct typing *t)
{
	struct world w;
	world_init(&w, seed);
	for (int i = 0; i < 2; i++)
		w.sim.imp[i] = (struct sim_impair){ .loss = loss, .dup = 10, .reorder = 10,
						    .delay_ms = t->delay_ms,
						    .jitter_ms = t->jitter_ms };
	while (w.sim.now < t->for_ms && w.appended < MAX_EVENTS) {
		sim_run(&w.sim, w.sim.now + sim_rand(&w.sim) % t->pause_ms);
		type_some(&w);
	}
	for (int i = 0; i < 2; i++)
		w.sim.imp[i] = (struct sim_impair){ .delay_ms = t->delay_ms };
	CHECKF(sim_run_until(&w.sim, w.sim.now + 5000, all_delivered, &w),
	       "seed %llu loss %u%% delay %u ms: %zu of %zu events delivered 5 s after the "
	       "link cleared", (unsigned long long)seed, loss, t->delay_ms, w.delivered,
	       w.appended);
	CHECK(inputlog_pending_events(w.log) == 0);
	world_free(&w);
}

/* Nothing gets through: the log fills up and says so, the sender keeps a bounded number of
 * states; then the link heals and everything arrives once. */
static void test_total_loss(uint64_t seed)
{
	struct world w;
	world_init(&w, seed);
	w.sim.imp[0] = (struct sim_impair){ .loss = 100, .delay_ms = 20 };
	w.sim.imp[1] = (struct sim_impair){ .delay_ms = 20 };
	for (int k = 0; k < 3000; k++) {
		sim_run(&w.sim, w.sim.now + 3);
		type_some(&w);
		CHECK(sync_sender_kept(sync_link_sender(w.client)) <= SYNC_SENT_MAX);
	}
	CHECK(w.full > 0 && w.delivered == 0);
	CHECK(inputlog_pending_events(w.log) <= INPUTLOG_PENDING_EVENTS);
	CHECK(inputlog_pending_bytes(w.log) <= INPUTLOG_PENDING_BYTES);
	w.sim.imp[0].loss = 0;
	CHECK(sim_run_until(&w.sim, w.sim.now + 5000, all_delivered, &w));
	world_free(&w);
}

int main(void)
{
	test_limits();
	test_snapshots();
	test_diff_apply();
	unsigned long seed = test_seed(), cases = test_cases(5);
	static const unsigned losses[] = { 0, 10, 30, 50 };
	for (unsigned long c = 0; c < cases; c++)
		for (size_t i = 0; i < sizeof losses / sizeof *losses; i++) {
			test_exactly_once(losses[i], seed + c, &fast);
			test_exactly_once(losses[i], seed + c, &slow);
		}
	test_total_loss(seed);
	return 0;
}
