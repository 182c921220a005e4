/*
 * Datagrams over a byte stream (the ssh path when UDP is blocked): each datagram, exactly
 * as it would go over UDP, is framed as a 2-byte big-endian length then its bytes
 * (docs/protocol.md, "Datagrams over ssh"). The framing adds nothing to trust: what comes
 * out is handed to the connection, which authenticates every datagram as it does on UDP.
 *
 * The stream's bytes come from another host through ssh and are untrusted: a length of 0
 * or above NET_DGRAM_MAX breaks the stream for good (its reader stays broken; the owner
 * drops the stream and starts another), never a read out of bounds or a growing buffer.
 */
#ifndef RSH_NET_DGRAM_STREAM_H
#define RSH_NET_DGRAM_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "packet.h"

#define NET_STREAM_HEADER 2
#define NET_STREAM_FRAME_MAX (NET_STREAM_HEADER + NET_DGRAM_MAX)

/* Writes the frame of dgram (1..NET_DGRAM_MAX bytes) into out (room for len + 2);
 * returns its length. */
size_t net_stream_frame(uint8_t *out, const uint8_t *dgram, size_t len);

/*
 * The first frame of p[0..len): returns the bytes it takes (> 0) with its datagram in
 * *dgram (pointing into p) and *dlen; 0 when p holds only part of a frame; -1 when the
 * length is 0 or above NET_DGRAM_MAX (the stream is broken).
 */
long net_stream_next(const uint8_t *p, size_t len, const uint8_t **dgram, size_t *dlen);

/* A reader: bytes as they come from the stream, datagrams out. Holds at most one frame's
 * bytes between reads. */
struct net_stream_in {
	uint8_t buf[2 * NET_STREAM_FRAME_MAX];
	size_t len;
	bool broken;
};

/*
 * Takes n bytes (any number: they are consumed in pieces as room allows) and calls
 * got(arg, dgram, len) for each complete datagram, in order. Returns false once the
 * stream is broken (then and on every later call).
 */
bool net_stream_feed(struct net_stream_in *in, const uint8_t *p, size_t n,
		     void (*got)(void *arg, const uint8_t *dgram, size_t len), void *arg);

#endif
