/*
 * State synchronisation over a simulated lossy link: random changes both ways under 0, 10,
 * 30 and 50 % loss with reordering and duplication converge once the link clears; every
 * state received is one the sender had, and diffs apply only onto their named base; memory
 * stays bounded under total loss. Also the frame codec's checks.
 */
#include "net/sync_link.h"

#include "check.h"
#include "sync_regs.h"
#include "sync_sim.h"
#include "util/xmalloc.h"

/* One side's history: the registers after each serial, to check what the peer shows. */
struct side {
	struct regs *cur;
	uint32_t (*hist)[NREGS];
	uint32_t last_seen; /* newest serial of the peer's shown on this side */
};

struct world {
	struct sim sim;
	sync_link *link[2];
	struct side side[2];
	unsigned news, nobase;
};

static void change(struct world *w, int i)
{
	struct side *sd = &w->side[i];
	CHECK(sd->cur->serial + 1 < MAX_SERIAL);
	struct regs *r = regs_next(sd->cur, sim_rand(&w->sim));
	memcpy(sd->hist[r->serial], r->v, sizeof r->v);
	regs_unref(sd->cur);
	sd->cur = r;
	sync_link_set_local(w->link[i], r);
}

/* Every state shown is one the peer had, and newer than the one shown before. */
static void on_receive(void *arg, int end, enum sync_result res)
{
	struct world *w = arg;
	if (res == SYNC_NO_BASE)
		w->nobase++;
	if (res != SYNC_NEW)
		return;
	w->news++;
	const struct regs *got = sync_link_remote(w->link[end], NULL);
	struct side *me = &w->side[end], *peer = &w->side[!end];
	CHECKF(got->serial > me->last_seen, "serial %u after %u", got->serial, me->last_seen);
	CHECK(got->serial <= peer->cur->serial);
	CHECK(memcmp(got->v, peer->hist[got->serial], sizeof got->v) == 0);
	me->last_seen = got->serial;
}

static bool converged(void *arg)
{
	struct world *w = arg;
	for (int i = 0; i < 2; i++)
		if (!regs_equal(sync_link_remote(w->link[!i], NULL), w->side[i].cur) ||
		    !sync_link_settled(w->link[i]))
			return false;
	return true;
}

static void world_init(struct world *w, uint64_t seed)
{
	memset(w, 0, sizeof *w);
	struct regs *zero = regs_new();
	for (int i = 0; i < 2; i++) {
		w->link[i] = sync_link_new(&regs_ops, zero, &regs_ops, zero);
		w->side[i].cur = regs_ref(zero);
		w->side[i].hist = xcalloc(MAX_SERIAL, sizeof *w->side[i].hist);
	}
	regs_unref(zero);
	sim_init(&w->sim, seed, w->link[0], w->link[1]);
	w->sim.on_receive = on_receive;
	w->sim.arg = w;
}

static void world_free(struct world *w)
{
	sim_free(&w->sim);
	for (int i = 0; i < 2; i++) {
		sync_link_free(w->link[i]);
		regs_unref(w->side[i].cur);
		free(w->side[i].hist);
	}
}

/*
 * Random changes on both sides for 20 simulated seconds through an impaired link with
 * about a 100 ms round trip, then a clear link: both must converge within 5 simulated
 * seconds (the slowest recovery is one RTO, at most 1 s, plus the delayed ack).
 */
static void test_converge(unsigned loss, uint64_t seed)
{
	struct world w;
	world_init(&w, seed);
	for (int i = 0; i < 2; i++)
		w.sim.imp[i] = (struct sim_impair){
			.loss = loss, .dup = 10, .reorder = 10, .delay_ms = 40, .jitter_ms = 20 };
	uint64_t t = w.sim.now;
	while (t < 20000) {
		t += sim_rand(&w.sim) % 60;
		sim_run(&w.sim, t);
		change(&w, (int)(sim_rand(&w.sim) % 2));
	}
	for (int i = 0; i < 2; i++)
		w.sim.imp[i] = (struct sim_impair){ .delay_ms = 40 };
	uint64_t clear = w.sim.now;
	bool ok = sim_run_until(&w.sim, clear + 5000, converged, &w);
	CHECKF(ok, "seed %llu loss %u%%: not converged 5 s after the link cleared",
	       (unsigned long long)seed, loss);
	CHECKF(w.news > 0, "seed %llu: nothing arrived", (unsigned long long)seed);
	for (int i = 0; i < 2; i++)
		CHECK(sync_sender_kept(sync_link_sender(w.link[i])) == 1);
	world_free(&w);
}

/* Under total loss the sender keeps at most SYNC_SENT_MAX states, and the link recovers. */
static void test_total_loss(uint64_t seed)
{
	struct world w;
	world_init(&w, seed);
	w.sim.imp[0] = (struct sim_impair){ .loss = 100, .delay_ms = 10 };
	w.sim.imp[1] = (struct sim_impair){ .delay_ms = 10 };
	for (int k = 0; k < 2000; k++) {
		sim_run(&w.sim, w.sim.now + 5);
		change(&w, 0);
		CHECK(sync_sender_kept(sync_link_sender(w.link[0])) <= SYNC_SENT_MAX);
	}
	CHECK(sync_sender_kept(sync_link_sender(w.link[0])) == SYNC_SENT_MAX);
	CHECK(sync_receiver_held(sync_link_receiver(w.link[1])) == 1);
	w.sim.imp[0].loss = 0;
	CHECK(sim_run_until(&w.sim, w.sim.now + 3000, converged, &w));
	world_free(&w);
}

/*
 * A laptop asleep for an hour: nothing gets through either way while both sides keep
 * changing (the server's panes print, the client's keys queue), then the link is back
 * with a 500 ms round trip. Both converge within a few round trips, as after any loss.
 */
static void test_hour_asleep(uint64_t seed)
{
	struct world w;
	world_init(&w, seed);
	for (int i = 0; i < 2; i++)
		w.sim.imp[i] = (struct sim_impair){ .delay_ms = 250 };
	for (int k = 0; k < 20; k++) { /* in contact first */
		sim_run(&w.sim, w.sim.now + 100);
		change(&w, k % 2);
	}
	CHECK(sim_run_until(&w.sim, w.sim.now + 5000, converged, &w));
	for (int i = 0; i < 2; i++)
		w.sim.imp[i].loss = 100;
	uint64_t wake = w.sim.now + 3600 * 1000;
	while (w.sim.now < wake) {
		sim_run(&w.sim, w.sim.now + 1000);
		change(&w, 0);
		if (w.sim.now % 60000 < 1000)
			change(&w, 1);
		for (int i = 0; i < 2; i++)
			CHECK(sync_sender_kept(sync_link_sender(w.link[i])) <= SYNC_SENT_MAX);
	}
	for (int i = 0; i < 2; i++)
		w.sim.imp[i].loss = 0;
	uint64_t woke = w.sim.now;
	CHECKF(sim_run_until(&w.sim, woke + 5000, converged, &w),
	       "seed %llu: not converged 5 s after an hour's outage", (unsigned long long)seed);
	printf("an hour asleep: converged %llu ms after waking (500 ms RTT)\n",
	       (unsigned long long)(w.sim.now - woke));
	world_free(&w);
}

/* When a small diff goes again at this SRTT (ms after it went), the RTO being larger. */
#define SMALL_RESEND(srtt) ((srtt) + (srtt) / 4 + SYNC_BEHIND_SLACK_MS + SYNC_ACK_DELAY_MS)

/* A link at 100 ms SRTT, 300 ms RTO, from state zero, and two states a and b to send. */
struct paced {
	struct regs *zero, *a, *b;
	sync_link *l;
};

static struct paced paced_new(void)
{
	struct paced p = {regs_new(), regs_new(), regs_new(), NULL};
	p.a->serial = 1;
	p.b->serial = 2;
	p.l = sync_link_new(&regs_ops, p.zero, &regs_ops, p.zero);
	sync_link_set_rtt(p.l, 100, 300);
	return p;
}

static void paced_free(struct paced *p)
{
	sync_link_free(p->l);
	regs_unref(p->zero);
	regs_unref(p->a);
	regs_unref(p->b);
}

/* An idle fast link sends a change at once; a busy one at most once per SRTT/2. */
static void test_pacing(void)
{
	struct paced p = paced_new();
	sync_link *l = p.l;
	struct regs *a = p.a, *b = p.b;
	const uint8_t *msg;
	size_t len;
	CHECK(sync_link_tick(l, 1000, &msg, &len)); /* the first heartbeat */
	CHECK(sync_link_next_wakeup(l) == 1000 + SYNC_HEARTBEAT_MS);
	sync_link_set_local(l, a);
	CHECK(sync_link_next_wakeup(l) == 0); /* no data sent yet: now */
	CHECK(sync_link_tick(l, 1001, &msg, &len));
	sync_link_set_local(l, b);
	CHECK(sync_link_next_wakeup(l) == 1001 + 50);
	CHECK(!sync_link_tick(l, 1050, &msg, &len));
	CHECK(sync_link_tick(l, 1051, &msg, &len));
	/* Unacknowledged: sent again from the acknowledged base after a round trip and the
	 * ack delay (a small diff, and the SRTT + 25 % below the RTO). */
	CHECK(sync_link_next_wakeup(l) == 1051 + SMALL_RESEND(100));
	sync_frame f;
	const char *err;
	CHECK(sync_link_tick(l, 1451, &msg, &len));
	CHECK(sync_frame_decode(msg, len, &f, &err));
	CHECK(f.base == 0 && f.num == 2 && f.ack == 0 && f.diff != NULL);
	/* On a loopback link SRTT is 0: the interval is the floor, 8 ms (a flood's frames
	 * each carry that much output, at most 125 a second). */
	sync_link_set_rtt(l, 0, 50);
	sync_link_set_local(l, a);
	CHECK(sync_link_next_wakeup(l) == 1451 + SYNC_INTERVAL_MIN_MS);
	CHECK(SYNC_INTERVAL_MIN_MS == 8);
	/* A floor the owner set (a client only watching): news waits for it; SRTT/2 above
	 * it still rules; out of range it is clamped. */
	sync_link_set_floor(l, 20);
	CHECK(sync_link_next_wakeup(l) == 1451 + 20);
	CHECK(sync_link_news_due(l) == 1451 + 20);
	CHECK(!sync_link_tick(l, 1470, &msg, &len));
	CHECK(sync_link_tick(l, 1471, &msg, &len));
	sync_link_set_local(l, b);
	sync_link_set_rtt(l, 100, 300);
	CHECK(sync_link_news_due(l) == 1471 + 50);
	sync_link_set_rtt(l, 0, 50);
	sync_link_set_floor(l, 1);
	CHECK(sync_link_news_due(l) == 1471 + SYNC_INTERVAL_MIN_MS);
	sync_link_set_floor(l, 100000);
	CHECK(sync_link_news_due(l) == 1471 + SYNC_INTERVAL_MAX_MS);
	paced_free(&p);
}

/*
 * The first two frames with news after a newer peer state (a keystroke) go at once, even
 * within the interval of the last news (an echo acknowledgement 1 ms before the key), then
 * the interval rules again. A peer frame with no new state
 * (an acknowledgement) lets nothing through early.
 */
static void test_answer_at_once(void)
{
	struct paced p = paced_new();
	sync_link *l = p.l;
	sync_link *peer = sync_link_new(&regs_ops, p.zero, &regs_ops, p.zero);
	struct regs *a = p.a, *b = p.b;
	const uint8_t *msg;
	size_t len;
	enum sync_result res;
	const char *err;
	sync_link_set_rtt(l, 0, 50);
	sync_link_set_local(l, a);
	CHECK(sync_link_tick(l, 1000, &msg, &len)); /* news at 1000 */
	/* An acknowledgement from the peer: no new state, the interval holds. */
	CHECK(sync_link_tick(peer, 1000, &msg, &len));
	CHECK(sync_link_receive(l, msg, len, 1001, &res, &err) && res == SYNC_NOTHING);
	CHECK(sync_link_news_due(l) == 1000 + SYNC_INTERVAL_MIN_MS);
	/* A key: the peer's state 1. Our next news goes at once. */
	sync_link_set_local(peer, a);
	CHECK(sync_link_tick(peer, 1001, &msg, &len));
	CHECK(sync_link_receive(l, msg, len, 1002, &res, &err) && res == SYNC_NEW);
	CHECK(sync_link_news_due(l) == 0);
	sync_link_set_local(l, b);
	CHECK(sync_link_next_wakeup(l) <= 1003);
	CHECK(sync_link_tick(l, 1003, &msg, &len));
	/* The second goes at once too (the first may have been news due anyway, the echo
	 * acknowledgement of the key before); then the interval rules again. */
	CHECK(SYNC_ANSWERS == 2);
	sync_link_set_local(l, a);
	CHECK(sync_link_news_due(l) == 0);
	CHECK(sync_link_tick(l, 1004, &msg, &len));
	sync_link_set_local(l, b);
	CHECK(sync_link_news_due(l) == 1004 + SYNC_INTERVAL_MIN_MS);
	CHECK(!sync_link_tick(l, 1005, &msg, &len));
	CHECK(sync_link_tick(l, 1004 + SYNC_INTERVAL_MIN_MS, &msg, &len));
	sync_link_free(peer);
	paced_free(&p);
}

/* A small diff goes twice while the link lost frames in the last SYNC_LOSSY_MS, once
 * before any loss and once the loss is that old. */
static void test_copies(void)
{
	struct paced p = paced_new();
	sync_link *l = p.l;
	sync_link *peer = sync_link_new(&regs_ops, p.zero, &regs_ops, p.zero);
	struct regs *a = p.a, *b = p.b;
	const uint8_t *msg;
	size_t len;
	CHECK(sync_link_tick(l, 1000, &msg, &len)); /* the first heartbeat: no diff */
	CHECK(sync_link_copies(l) == 1);
	sync_link_set_local(l, a);
	CHECK(sync_link_tick(l, 1001, &msg, &len));
	CHECK(sync_link_copies(l) == 1); /* no loss seen yet */
	/* The resend timer alone is no loss (the peer may be gone): one copy. */
	CHECK(!sync_link_tick(l, 1000 + SMALL_RESEND(100), &msg, &len));
	CHECK(sync_link_tick(l, 1001 + 300 + SYNC_ACK_DELAY_MS, &msg, &len));
	CHECK(sync_link_copies(l) == 1);
	/* The peer speaks over a round trip later still without it, but within the RTO (a
	 * peer short of CPU reads that late): it goes again at once, once. */
	CHECK(sync_link_tick(peer, 1000, &msg, &len));
	enum sync_result res;
	const char *err;
	CHECK(sync_link_receive(l, msg, len, 1401 + 200, &res, &err));
	CHECK(sync_link_tick(l, 1601, &msg, &len));
	CHECK(sync_link_copies(l) == 1);
	/* Past the RTO still without it: lost; it goes twice. */
	CHECK(sync_link_tick(peer, 1000 + SYNC_HEARTBEAT_MS, &msg, &len)); /* its own clock */
	CHECK(sync_link_receive(l, msg, len, 1601 + 301, &res, &err));
	CHECK(sync_link_tick(l, 1902, &msg, &len));
	CHECK(sync_link_copies(l) == 2);
	sync_link_set_local(l, b);
	CHECK(sync_link_tick(l, 2000, &msg, &len));
	CHECK(sync_link_copies(l) == 2);
	sync_sender_ack(sync_link_sender(l), 2);
	sync_link_set_local(l, a);
	CHECK(sync_link_tick(l, 1902 + SYNC_LOSSY_MS, &msg, &len));
	CHECK(sync_link_copies(l) == 1);
	sync_link_free(peer);
	paced_free(&p);
}

/*
 * When a small diff goes again: after SRTT + 25 % and the ack delay while that is less
 * than the RTO (early in a connection the first samples leave the RTO at its 1000 ms
 * clamp: a lost keystroke at 500 ms RTT waited 1.1 s), else after RTO + ack delay.
 */
static void test_small_resend(void)
{
	struct paced p = paced_new();
	sync_link *l = p.l;
	const uint8_t *msg;
	size_t len;
	sync_link_set_rtt(l, 500, 1000);
	sync_link_set_local(l, p.a);
	CHECK(sync_link_tick(l, 1000, &msg, &len));
	CHECK(sync_link_next_wakeup(l) == 1000 + SMALL_RESEND(500));
	CHECK(SMALL_RESEND(500) == 726);
	CHECK(!sync_link_tick(l, 1725, &msg, &len));
	CHECK(sync_link_tick(l, 1726, &msg, &len)); /* again, from the acknowledged state */
	sync_frame f;
	const char *err;
	CHECK(sync_frame_decode(msg, len, &f, &err));
	CHECK(f.base == 0 && f.num == 1 && f.diff != NULL);
	CHECK(sync_link_next_wakeup(l) == 1726 + SMALL_RESEND(500));
	/* A steady link's RTO is below SRTT + 25 %: the RTO it is. */
	sync_link_set_rtt(l, 500, 600);
	CHECK(sync_link_next_wakeup(l) == 1726 + 600 + SYNC_ACK_DELAY_MS);
	paced_free(&p);
}

/*
 * A peer that speaks without our newest state, over a round trip after it went out, lost
 * it or was away: the state goes again at once, not at the resend timer. Within the round
 * trip it may still be on its way: nothing changes.
 */
static void test_peer_behind(void)
{
	struct regs *zero = regs_new(), *a = regs_new();
	a->serial = 1;
	sync_link *l = sync_link_new(&regs_ops, zero, &regs_ops, zero);
	sync_link *peer = sync_link_new(&regs_ops, zero, &regs_ops, zero);
	const uint8_t *msg;
	size_t len;
	sync_link_set_rtt(l, 100, 300);
	sync_link_set_local(l, a);
	CHECK(sync_link_tick(l, 1000, &msg, &len));
	uint64_t timer = 1000 + SMALL_RESEND(100);
	CHECK(sync_link_next_wakeup(l) == timer);
	CHECK(sync_link_tick(peer, 1000, &msg, &len)); /* its first frame: state 0 held */
	uint8_t *stale = xmemdup(msg, len);
	size_t stale_len = len;
	enum sync_result res;
	const char *err;
	CHECK(sync_link_receive(l, stale, stale_len, 1050, &res, &err));
	CHECK(sync_link_next_wakeup(l) == timer);
	CHECK(sync_link_receive(l, stale, stale_len, 1200, &res, &err));
	CHECK(sync_link_next_wakeup(l) <= 1200);
	sync_frame f;
	CHECK(sync_link_tick(l, 1200, &msg, &len));
	CHECK(sync_frame_decode(msg, len, &f, &err));
	CHECK(f.base == 0 && f.num == 1 && f.diff != NULL);
	CHECK(sync_link_next_wakeup(l) == 1200 + SMALL_RESEND(100));
	free(stale);
	sync_link_free(peer);
	sync_link_free(l);
	regs_unref(zero);
	regs_unref(a);
}

static void test_frame_codec(void)
{
	msgpack_sbuffer buf;
	msgpack_sbuffer_init(&buf);
	sync_frame f = { .base = 3, .num = 9, .ack = 7, .throwaway = 2,
			 .diff = (const uint8_t *)"\x90", .difflen = 1 }, g;
	const char *err;
	sync_frame_encode(&f, &buf);
	CHECK(sync_frame_decode((uint8_t *)buf.data, buf.size, &g, &err));
	CHECK(g.base == 3 && g.num == 9 && g.ack == 7 && g.throwaway == 2);
	CHECK(g.difflen == 1 && g.diff[0] == 0x90);
	CHECK(!sync_frame_decode((uint8_t *)buf.data, buf.size - 1, &g, &err));
	/* Numbers out of order, throwaway past the base, another version: all refused. */
	sync_frame bad[] = {
		{ .base = 9, .num = 9, .diff = f.diff, .difflen = 1 },
		{ .base = 9, .num = 3, .diff = f.diff, .difflen = 1 },
		{ .base = 3, .num = 9, .throwaway = 4, .diff = f.diff, .difflen = 1 },
		{ .base = 3, .num = 3, .throwaway = 2 },
		{ .base = 3, .num = 4, .throwaway = 3 },
		{ .base = SYNC_NUM_MAX + 1, .num = SYNC_NUM_MAX + 2, .diff = f.diff, .difflen = 1 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		msgpack_sbuffer_clear(&buf);
		sync_frame_encode(&bad[i], &buf);
		CHECKF(!sync_frame_decode((uint8_t *)buf.data, buf.size, &g, &err), "case %zu", i);
	}
	msgpack_sbuffer_clear(&buf);
	sync_frame_encode(&f, &buf);
	buf.data[1] = 2; /* the version */
	CHECK(!sync_frame_decode((uint8_t *)buf.data, buf.size, &g, &err));
	CHECK(strcmp(err, "unsupported sync version") == 0);
	msgpack_sbuffer_destroy(&buf);
}

/* The receiver: a diff only onto its named base, only to a newer state; throwaway. */
static void test_receiver_rules(void)
{
	struct regs *zero = regs_new(), *s[4] = { zero };
	/* Each state changes registers of its own, so diffs from older states grow. */
	for (int i = 1; i < 4; i++) {
		s[i] = regs_new();
		*s[i] = *s[i - 1];
		s[i]->refs = 1;
		s[i]->serial = (uint32_t)i;
		for (int k = 0; k < 5; k++)
			s[i]->v[5 * (i - 1) + k] = 1000u * (uint32_t)i + (uint32_t)k;
	}
	sync_sender *tx = sync_sender_new(&regs_ops, zero);
	sync_receiver *rx = sync_receiver_new(&regs_ops, zero);
	sync_frame f[4];
	for (int i = 1; i < 4; i++) {
		sync_sender_set(tx, s[i]);
		sync_sender_frame(tx, (uint64_t)i, 1000, &f[i]);
		f[i].diff = xmemdup(f[i].diff, f[i].difflen); /* the sender reuses its buffer */
	}
	/* Frame 2 went from state 1, frame 3 from state 2: recent states serve as bases. */
	CHECK(f[1].base == 0 && f[2].base == 1 && f[3].base == 2);
	const char *err = NULL;
	uint64_t num;
	CHECK(sync_receiver_take(rx, &f[2], &err) == SYNC_NO_BASE);
	CHECK(sync_receiver_take(rx, &f[1], &err) == SYNC_NEW);
	CHECK(sync_receiver_take(rx, &f[1], &err) == SYNC_NOTHING); /* a duplicate */
	CHECK(regs_equal(sync_receiver_newest(rx, &num), s[1]) && num == 1);
	CHECK(sync_receiver_take(rx, &f[3], &err) == SYNC_NO_BASE);
	CHECK(sync_receiver_take(rx, &f[2], &err) == SYNC_NEW);
	CHECK(sync_receiver_held(rx) == 3);
	/* A frame naming a held base that is not the right one fails the base check of the
	 * state type: the receiver must never get there, but says so if it does. */
	sync_frame wrong = f[3];
	wrong.base = 1;
	CHECK(sync_receiver_take(rx, &wrong, &err) == SYNC_BAD_DIFF);
	CHECK(strcmp(err, "applied onto the wrong base") == 0);
	CHECK(sync_receiver_take(rx, &f[3], &err) == SYNC_NEW);
	/* Throwaway forgets older states but never the newest. */
	sync_frame ack = { .base = 3, .num = 3, .throwaway = 3, .missing = SYNC_NONE };
	CHECK(sync_receiver_take(rx, &ack, &err) == SYNC_NOTHING);
	CHECK(sync_receiver_held(rx) == 1);
	ack.base = ack.num = ack.throwaway = 9;
	sync_receiver_take(rx, &ack, &err);
	CHECK(sync_receiver_held(rx) == 1);
	CHECK(regs_equal(sync_receiver_newest(rx, &num), s[3]) && num == 3);
	for (int i = 1; i < 4; i++)
		free((void *)f[i].diff);
	sync_receiver_free(rx);
	sync_sender_free(tx);
	for (int i = 0; i < 4; i++)
		regs_unref(s[i]);
}

/*
 * A receiver that slept: it reads far more frames than either side keeps states, most
 * diffed from a recent one, and acknowledges a state the sender has dropped since. The
 * sender's fallback, its acknowledged state, must still be held, or no base is shared
 * and the link never recovers.
 */
static void test_receiver_keeps_acked(void)
{
	struct regs *cur = regs_new();
	sync_sender *tx = sync_sender_new(&regs_ops, cur);
	sync_receiver *rx = sync_receiver_new(&regs_ops, cur);
	enum { SENT = 3 * SYNC_SENT_MAX, READ = 2 * SYNC_SENT_MAX };
	uint8_t *diffs[SENT + 1];
	sync_frame f[SENT + 1];
	for (unsigned t = 1; t <= SENT; t++) {
		struct regs *r = regs_next(cur, t);
		regs_unref(cur);
		cur = r;
		sync_sender_set(tx, r);
		sync_sender_frame(tx, t, 1000, &f[t]);
		f[t].diff = diffs[t] = xmemdup(f[t].diff, f[t].difflen);
	}
	const char *err;
	uint64_t num;
	for (unsigned t = 1; t <= READ; t++)
		CHECK(sync_receiver_take(rx, &f[t], &err) == SYNC_NEW);
	CHECK(sync_receiver_held(rx) == SYNC_HELD_MAX);
	sync_receiver_newest(rx, &num);
	sync_sender_ack(tx, num); /* dropped by the sender: teaches nothing */
	sync_sender_acked(tx, &num);
	CHECK(num == 0);
	/* Long after: the resend goes from the acknowledged state, and must apply. */
	sync_frame resend;
	sync_sender_frame(tx, SENT + 5000, 1000, &resend);
	CHECK(resend.base == 0 && resend.num == SENT);
	CHECK(sync_receiver_take(rx, &resend, &err) == SYNC_NEW);
	CHECK(regs_equal(sync_receiver_newest(rx, &num), cur) && num == SENT);
	sync_sender_ack(tx, num);
	CHECK(sync_sender_kept(tx) == 1);
	for (unsigned t = 1; t <= SENT; t++)
		free(diffs[t]);
	sync_receiver_free(rx);
	sync_sender_free(tx);
	regs_unref(cur);
}

/* The sender: acknowledgements, missing reports and the bound on kept states. */
static void test_sender_rules(void)
{
	struct regs *cur = regs_new();
	sync_sender *tx = sync_sender_new(&regs_ops, cur);
	sync_frame f;
	for (uint64_t t = 1; t <= 5; t++) {
		struct regs *r = regs_next(cur, (uint32_t)t);
		regs_unref(cur);
		cur = r;
		sync_sender_set(tx, r);
		sync_sender_frame(tx, t, 1000, &f);
	}
	CHECK(sync_sender_kept(tx) == 6 && f.base == 4 && f.num == 5);
	sync_sender_ack(tx, 77); /* never sent: ignored */
	CHECK(sync_sender_kept(tx) == 6);
	sync_sender_ack(tx, 2);
	uint64_t num;
	sync_sender_acked(tx, &num);
	CHECK(sync_sender_kept(tx) == 4 && num == 2);
	/* State 3 is missing: 4 was sent from 3 and 5 from 4, so neither serves; the resend
	 * of 5 goes from the acknowledged state. */
	sync_sender_missing(tx, 3, 6);
	sync_sender_frame(tx, 6, 1000, &f);
	CHECK(f.base == 2 && f.num == 5 && f.throwaway == 2);
	/* Nothing gets through: at most SYNC_SENT_MAX kept, the acknowledged one among them. */
	for (uint64_t t = 10; t < 200; t++) {
		struct regs *r = regs_next(cur, (uint32_t)t);
		regs_unref(cur);
		cur = r;
		sync_sender_set(tx, r);
		sync_sender_frame(tx, t, 1000, &f);
		CHECK(sync_sender_kept(tx) <= SYNC_SENT_MAX);
	}
	sync_sender_acked(tx, &num);
	CHECK(num == 2 && f.num == 5 + 190);
	sync_sender_ack(tx, f.num);
	CHECK(sync_sender_kept(tx) == 1 && !sync_sender_unacked(tx) && !sync_sender_has_news(tx));
	sync_sender_free(tx);
	regs_unref(cur);
}

int main(void)
{
	test_frame_codec();
	test_receiver_rules();
	test_sender_rules();
	test_receiver_keeps_acked();
	test_pacing();
	test_answer_at_once();
	test_copies();
	test_small_resend();
	test_peer_behind();
	unsigned long seed = test_seed(), cases = test_cases(20);
	static const unsigned losses[] = { 0, 10, 30, 50 };
	for (unsigned long c = 0; c < cases; c++)
		for (size_t i = 0; i < sizeof losses / sizeof *losses; i++)
			test_converge(losses[i], seed + c);
	test_total_loss(seed);
	test_hour_asleep(seed);
	return 0;
}
