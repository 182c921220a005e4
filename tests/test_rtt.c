/* The RTT estimator against samples worked out by hand from RFC 6298. */
#include "check.h"
#include "net/rtt.h"

int main(void)
{
	struct net_rtt r;
	net_rtt_init(&r);
	CHECK(net_rtt_srtt_ms(&r) == 1000 && net_rtt_rto_ms(&r) == 1000);

	/* First sample taken directly: SRTT 100, RTTVAR 50, RTO 100 + 4 * 50. */
	net_rtt_sample(&r, 100);
	CHECK(net_rtt_srtt_ms(&r) == 100 && net_rtt_rto_ms(&r) == 300);
	/* RTTVAR = 3/4 50 + 1/4 |100 - 200| = 62.5; SRTT = 7/8 100 + 1/8 200 = 112.5. */
	net_rtt_sample(&r, 200);
	CHECK(net_rtt_srtt_ms(&r) == 113 && net_rtt_rto_ms(&r) == 363);
	/* RTTVAR = 3/4 62.5 + 1/4 12.5 = 50; SRTT = 7/8 112.5 + 1/8 100 = 110.9375. */
	net_rtt_sample(&r, 100);
	CHECK(net_rtt_srtt_ms(&r) == 111 && net_rtt_rto_ms(&r) == 311);
	/* A long run of 2 ms samples converges, and RTO stops at its floor. */
	for (int i = 0; i < 200; i++)
		net_rtt_sample(&r, 2);
	CHECK(net_rtt_srtt_ms(&r) == 2 && net_rtt_rto_ms(&r) == 50);
	/* A very slow link: RTO stops at its ceiling. */
	for (int i = 0; i < 200; i++)
		net_rtt_sample(&r, 3000);
	CHECK(net_rtt_srtt_ms(&r) == 3000 && net_rtt_rto_ms(&r) == 1000);

	/* Loopback: the first sample (0 ms) makes SRTT small at once. */
	net_rtt_init(&r);
	net_rtt_sample(&r, 0);
	CHECK(net_rtt_srtt_ms(&r) == 0 && net_rtt_rto_ms(&r) == 50);
	return 0;
}
