/*
 * The datagram layout (docs/protocol.md, "Datagrams" has the byte-by-byte spec):
 *
 *   clear header   id (8, big-endian)  seq (8, big-endian; top bit: direction)
 *   ciphertext     of the plaintext below, then the 16-byte Poly1305 tag
 *   plaintext      timestamp (2)  timestamp reply (2)  fragment header (10)  payload
 *   fragment hdr   message id (8)  final bit + 15-bit fragment index (2)
 *
 * Everything here works on bytes; connection.c ties it to keys, windows and sockets.
 */
#ifndef RSH_NET_PACKET_H
#define RSH_NET_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NET_HEADER_LEN 16
#define NET_PLAIN_HEADER_LEN 14 /* timestamps and fragment header */
#define NET_OVERHEAD (NET_HEADER_LEN + NET_PLAIN_HEADER_LEN + 16)
/* Largest datagram we send by default: with the 48 bytes of IPv6 and UDP headers it fits
 * the IPv6 minimum MTU of 1280, so no path needs IP fragmentation. */
#define NET_DGRAM_SEND_MAX 1232
/* Largest datagram we accept; anything longer is dropped unopened. */
#define NET_DGRAM_MAX 1280
#define NET_DGRAM_MIN NET_OVERHEAD

#define NET_SEQ_SERVER (UINT64_C(1) << 63) /* direction bit: set from server to client */
#define NET_SEQ_MAX (NET_SEQ_SERVER - 1)
#define NET_TS_NONE 0xffffu /* "no timestamp reply" */
#define NET_FRAG_FINAL 0x8000u
#define NET_FRAG_INDEX_MASK 0x7fffu

/* The clear connection id of a datagram, trusting nothing else in it: *ok is false (and
 * the result 0) when the datagram is too short or too long to be a packet. */
uint64_t net_packet_peek_id(const uint8_t *dgram, size_t len, bool *ok);

/* What the plaintext of an authentic packet says. */
struct net_plain {
	uint16_t ts;        /* sender's clock, ms mod 65536, never NET_TS_NONE */
	uint16_t ts_reply;  /* echo of our timestamp plus hold time, or NET_TS_NONE */
	uint64_t msg_id;
	unsigned index;     /* fragment index within the message */
	bool final;         /* last fragment of the message */
	const uint8_t *data;
	size_t len;
};

/* Parses a decrypted plaintext; false when it is malformed. data points into plain. */
bool net_plain_parse(const uint8_t *plain, size_t len, struct net_plain *out);
/* Writes the plaintext header for p (not its data) into out[NET_PLAIN_HEADER_LEN]. */
void net_plain_write_header(const struct net_plain *p, uint8_t *out);

/* A 16-bit timestamp for the wire from a ms clock, skipping NET_TS_NONE. */
uint16_t net_ts16(uint64_t now_ms);

void net_put_u64(uint8_t *p, uint64_t v);
uint64_t net_get_u64(const uint8_t *p);
void net_put_u16(uint8_t *p, uint16_t v);
uint16_t net_get_u16(const uint8_t *p);

#endif
