/*
 * Round-trip time estimate as in RFC 6298, from samples in ms. Before any sample SRTT is
 * 1000 ms (as mosh); the first sample is taken directly (SRTT = R, RTTVAR = R/2), so a
 * loopback link shows a small SRTT after one round trip. RTO is clamped to 50..1000 ms.
 */
#ifndef RSH_NET_RTT_H
#define RSH_NET_RTT_H

#include <stdbool.h>

#define NET_RTO_MIN_MS 50
#define NET_RTO_MAX_MS 1000
#define NET_SRTT_INITIAL_MS 1000

struct net_rtt {
	double srtt, rttvar; /* ms */
	bool sampled;
};

void net_rtt_init(struct net_rtt *r);
void net_rtt_sample(struct net_rtt *r, double ms);
unsigned net_rtt_srtt_ms(const struct net_rtt *r);   /* rounded to nearest */
unsigned net_rtt_rto_ms(const struct net_rtt *r);

#endif
