/* RFC 6298 round-trip estimation. */
#include "rtt.h"

#include <math.h>

void net_rtt_init(struct net_rtt *r)
{
	r->srtt = NET_SRTT_INITIAL_MS;
	r->rttvar = NET_SRTT_INITIAL_MS / 2.0;
	r->sampled = false;
}

void net_rtt_sample(struct net_rtt *r, double ms)
{
	if (!r->sampled) {
		r->srtt = ms;
		r->rttvar = ms / 2;
		r->sampled = true;
		return;
	}
	/* RFC 6298 2.3: alpha 1/8, beta 1/4; RTTVAR first, with the old SRTT. */
	r->rttvar = 0.75 * r->rttvar + 0.25 * fabs(r->srtt - ms);
	r->srtt = 0.875 * r->srtt + 0.125 * ms;
}

unsigned net_rtt_srtt_ms(const struct net_rtt *r)
{
	return (unsigned)lround(r->srtt);
}

unsigned net_rtt_rto_ms(const struct net_rtt *r)
{
	/* The clock granularity G is 1 ms: our timestamps count whole milliseconds. */
	double var = 4 * r->rttvar > 1 ? 4 * r->rttvar : 1;
	double rto = ceil(r->srtt + var);
	if (rto < NET_RTO_MIN_MS)
		return NET_RTO_MIN_MS;
	if (rto > NET_RTO_MAX_MS)
		return NET_RTO_MAX_MS;
	return (unsigned)rto;
}
