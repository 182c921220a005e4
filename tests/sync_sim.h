/*
 * A simulated link between two sync_links, on a simulated clock: loss, delay, jitter,
 * reordering and duplication per direction, all from a seed, so runs are fast and replay
 * exactly. A frame travels as the datagram layer would send it, cut into datagrams of at
 * most NET_DGRAM_SEND_MAX bytes, and is lost when any of them is, except that, as in the
 * datagram layer, a resend of the same bytes fills the holes the earlier tries left, and
 * the final fragment of a resend of a delivered frame delivers it again. Each end's RTT estimate
 * is fed from the frames' flight times (RFC 6298, net/rtt.h). Shared by the sync tests and
 * bench/sync_converge.
 */
#ifndef RSH_TESTS_SYNC_SIM_H
#define RSH_TESTS_SYNC_SIM_H

#include "net/fragment.h"
#include "net/rtt.h"
#include "net/sync_link.h"

struct sim_impair {
	unsigned loss;      /* percent of datagrams dropped */
	unsigned dup;       /* percent of frames duplicated */
	unsigned reorder;   /* percent held back an extra delay_ms, so later ones pass */
	unsigned delay_ms;  /* one way */
	unsigned jitter_ms; /* added uniformly in 0..jitter_ms */
};

struct sim_packet {
	uint64_t at, sent;
	int to;
	uint8_t *data;
	size_t len;
};

/* The last frame an end cut into several datagrams, and which of them got through. */
struct sim_partial {
	uint8_t *data;
	size_t len;
	bool got[NET_FRAG_MAX_COUNT];
	bool delivered;
};

struct sim {
	uint64_t now;
	uint64_t rng;
	sync_link *end[2];
	struct sim_impair imp[2]; /* imp[i]: frames sent by end i */
	struct net_rtt rtt[2];
	struct sim_partial partial[2];
	struct sim_packet *q;
	size_t nq, capq;
	/* Sent by each end, lost ones included; bytes count the datagram overhead. */
	uint64_t frames[2], dgrams[2], bytes[2];
	/* Called after each frame an end takes, with what became of its diff. */
	void (*on_receive)(void *arg, int end, enum sync_result res);
	void *arg;
};

void sim_init(struct sim *s, uint64_t seed, sync_link *a, sync_link *b);
void sim_free(struct sim *s);
uint32_t sim_rand(struct sim *s);
/* Runs both ends and the link until the clock reaches until. */
void sim_run(struct sim *s, uint64_t until);
/* Runs until done(arg) holds or the clock reaches until; true if it held. */
bool sim_run_until(struct sim *s, uint64_t until, bool (*done)(void *arg), void *arg);

#endif
