/* Fuzz target: the ssh path's byte stream (net/dgram_stream.h), bytes from the host. Fed
 * in pieces whose sizes the input picks, the reader hands out exactly the frames the
 * input starts with: framed again they are the input up to what it still holds (less
 * than one frame), or, once broken, a prefix of it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/dgram_stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct out {
	uint8_t *p;
	size_t len;
};

static void got(void *arg, const uint8_t *dgram, size_t len)
{
	struct out *o = arg;
	if (len == 0 || len > NET_DGRAM_MAX)
		abort();
	o->len += net_stream_frame(o->p + o->len, dgram, len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct net_stream_in in;
	struct out o = {malloc(size + 1), 0};
	memset(&in, 0, sizeof in);
	bool ok = true;
	for (size_t off = 0, i = 0; off < size && ok; i++) {
		size_t n = 1 + (size_t)data[i % size] * 37 % 4099;
		if (n > size - off)
			n = size - off;
		ok = net_stream_feed(&in, data + off, n, got, &o);
		off += n;
	}
	if (o.len > size || memcmp(o.p, data, o.len) != 0)
		abort();
	if (ok && (o.len + in.len != size || in.len >= NET_STREAM_FRAME_MAX))
		abort();
	/* The same first frame as the parser alone sees it. */
	const uint8_t *dgram;
	size_t dlen;
	long used = net_stream_next(data, size, &dgram, &dlen);
	if (used > 0 && ((size_t)used > o.len || dgram != data + 2))
		abort();
	if (used < 0 && o.len != 0)
		abort();
	free(o.p);
	return 0;
}
