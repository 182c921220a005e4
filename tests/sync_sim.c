/* The simulated link of sync_sim.h. */
#include "sync_sim.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "net/packet.h"
#include "util/xmalloc.h"

void sim_init(struct sim *s, uint64_t seed, sync_link *a, sync_link *b)
{
	memset(s, 0, sizeof *s);
	s->now = 1; /* 0 means never to the links */
	s->rng = seed;
	s->end[0] = a;
	s->end[1] = b;
	net_rtt_init(&s->rtt[0]);
	net_rtt_init(&s->rtt[1]);
}

void sim_free(struct sim *s)
{
	for (size_t i = 0; i < s->nq; i++)
		free(s->q[i].data);
	free(s->q);
	free(s->partial[0].data);
	free(s->partial[1].data);
}

uint32_t sim_rand(struct sim *s)
{
	/* splitmix64 */
	uint64_t z = (s->rng += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return (uint32_t)((z ^ (z >> 31)) >> 32);
}

static bool chance(struct sim *s, unsigned percent)
{
	return sim_rand(s) % 100 < percent;
}

/* Whether a frame of n datagrams from end `from` arrives whole, as connection.c and
 * fragment.c treat resends. */
static bool arrives(struct sim *s, int from, const uint8_t *msg, size_t len, size_t n)
{
	unsigned loss = s->imp[from].loss;
	bool all = true, final = false;
	if (n < 2)
		return !chance(s, loss);
	struct sim_partial *p = &s->partial[from];
	if (p->data == NULL || p->len != len || memcmp(p->data, msg, len) != 0) {
		free(p->data);
		p->data = xmemdup(msg, len);
		p->len = len;
		memset(p->got, 0, sizeof p->got);
		p->delivered = false;
	}
	for (size_t i = 0; i < n; i++) {
		bool got = !chance(s, loss);
		p->got[i] |= got;
		all &= p->got[i];
		final = got && i + 1 == n;
	}
	if (p->delivered)
		return final;
	p->delivered = all;
	return all;
}

static void enqueue(struct sim *s, int from, const uint8_t *msg, size_t len)
{
	const struct sim_impair *imp = &s->imp[from];
	uint64_t at = s->now + imp->delay_ms;
	if (imp->jitter_ms)
		at += sim_rand(s) % (imp->jitter_ms + 1);
	if (chance(s, imp->reorder))
		at += imp->delay_ms + 1;
	if (s->nq == s->capq) {
		s->capq = s->capq ? 2 * s->capq : 64;
		s->q = xreallocarray(s->q, s->capq, sizeof *s->q);
	}
	s->q[s->nq++] = (struct sim_packet){
		.at = at, .sent = s->now, .to = !from, .data = xmemdup(msg, len), .len = len };
}

static void send_from(struct sim *s, int from)
{
	const uint8_t *msg;
	size_t len;
	sync_link *l = s->end[from];
	sync_link_set_rtt(l, net_rtt_srtt_ms(&s->rtt[from]), net_rtt_rto_ms(&s->rtt[from]));
	while (sync_link_tick(l, s->now, &msg, &len)) {
		size_t room = NET_DGRAM_SEND_MAX - NET_OVERHEAD, n = (len + room - 1) / room;
		n += n == 0;
		s->frames[from]++;
		s->dgrams[from] += n;
		s->bytes[from] += len + n * NET_OVERHEAD;
		if (!arrives(s, from, msg, len, n))
			continue;
		enqueue(s, from, msg, len);
		if (chance(s, s->imp[from].dup))
			enqueue(s, from, msg, len);
	}
	CHECKF(sync_link_next_wakeup(l) > s->now, "end %d wants to send again at once", from);
}

static void deliver(struct sim *s, size_t i)
{
	struct sim_packet p = s->q[i];
	s->q[i] = s->q[--s->nq];
	/* A frame's flight time both ways approximates the round trip the datagram layer
	 * measures with timestamps. */
	net_rtt_sample(&s->rtt[p.to], 2.0 * (double)(p.at - p.sent));
	enum sync_result res;
	const char *err = NULL;
	bool ok = sync_link_receive(s->end[p.to], p.data, p.len, s->now, &res, &err);
	CHECKF(ok, "end %d: malformed frame: %s", p.to, err);
	CHECKF(res != SYNC_BAD_DIFF, "end %d: diff did not apply: %s", p.to, err);
	free(p.data);
	if (s->on_receive)
		s->on_receive(s->arg, p.to, res);
}

static uint64_t next_event(const struct sim *s)
{
	uint64_t t = UINT64_MAX;
	for (int i = 0; i < 2; i++) {
		uint64_t w = sync_link_next_wakeup(s->end[i]);
		t = w < t ? w : t;
	}
	for (size_t i = 0; i < s->nq; i++)
		t = s->q[i].at < t ? s->q[i].at : t;
	return t;
}

/* Does everything due at the current time. */
static void step(struct sim *s)
{
	for (size_t i = 0; i < s->nq;) {
		if (s->q[i].at <= s->now)
			deliver(s, i); /* moves the last one into i */
		else
			i++;
	}
	send_from(s, 0);
	send_from(s, 1);
}

bool sim_run_until(struct sim *s, uint64_t until, bool (*done)(void *arg), void *arg)
{
	for (;;) {
		step(s);
		if (done != NULL && done(arg))
			return true;
		uint64_t t = next_event(s);
		if (t > until) {
			s->now = until;
			return false;
		}
		s->now = t > s->now ? t : s->now + 1;
	}
}

void sim_run(struct sim *s, uint64_t until)
{
	sim_run_until(s, until, NULL, NULL);
}
