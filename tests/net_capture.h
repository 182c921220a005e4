/* Datagrams captured from net_conn_seal instead of a socket: for tests and corpus making. */
#ifndef RSH_TESTS_NET_CAPTURE_H
#define RSH_TESTS_NET_CAPTURE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "net/packet.h"

#define CAPTURE_MAX 1200

struct capture {
	unsigned n;
	uint8_t d[CAPTURE_MAX][NET_DGRAM_MAX];
	size_t len[CAPTURE_MAX];
};

/* A net_emit_fn appending to the struct capture at arg; -1 (so sealing fails) when full. */
static inline int capture(void *arg, const uint8_t *dgram, size_t len)
{
	struct capture *cap = arg;
	if (cap->n == CAPTURE_MAX || len > NET_DGRAM_MAX)
		return -1;
	memcpy(cap->d[cap->n], dgram, len);
	cap->len[cap->n++] = len;
	return 0;
}

#endif
