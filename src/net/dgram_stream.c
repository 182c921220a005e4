/* Length-framed datagrams on a byte stream. */
#include "dgram_stream.h"

#include <string.h>

size_t net_stream_frame(uint8_t *out, const uint8_t *dgram, size_t len)
{
	out[0] = (uint8_t)(len >> 8);
	out[1] = (uint8_t)len;
	memcpy(out + NET_STREAM_HEADER, dgram, len);
	return NET_STREAM_HEADER + len;
}

long net_stream_next(const uint8_t *p, size_t len, const uint8_t **dgram, size_t *dlen)
{
	if (len < NET_STREAM_HEADER)
		return 0;
	size_t n = (size_t)p[0] << 8 | p[1];
	if (n == 0 || n > NET_DGRAM_MAX)
		return -1;
	if (len < NET_STREAM_HEADER + n)
		return 0;
	*dgram = p + NET_STREAM_HEADER;
	*dlen = n;
	return (long)(NET_STREAM_HEADER + n);
}

/* Hands out the complete frames held, keeping the rest at the start of the buffer. */
static void drain(struct net_stream_in *in,
		  void (*got)(void *arg, const uint8_t *dgram, size_t len), void *arg)
{
	size_t off = 0;
	for (;;) {
		const uint8_t *dgram;
		size_t dlen;
		long used = net_stream_next(in->buf + off, in->len - off, &dgram, &dlen);
		if (used < 0) {
			in->broken = true;
			in->len = 0;
			return;
		}
		if (used == 0)
			break;
		got(arg, dgram, dlen);
		off += (size_t)used;
	}
	memmove(in->buf, in->buf + off, in->len - off);
	in->len -= off;
}

bool net_stream_feed(struct net_stream_in *in, const uint8_t *p, size_t n,
		     void (*got)(void *arg, const uint8_t *dgram, size_t len), void *arg)
{
	/* After a drain at most one partial frame is held, so there is always room. */
	while (n > 0 && !in->broken) {
		size_t take = sizeof in->buf - in->len;
		if (take > n)
			take = n;
		memcpy(in->buf + in->len, p, take);
		in->len += take;
		p += take;
		n -= take;
		drain(in, got, arg);
	}
	return !in->broken;
}
