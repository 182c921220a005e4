/*
 * The channel message on the wire (docs/protocol.md, "Channels"):
 *
 *   [2, [record, ...]]        at most CHAN_WIRE_RECORDS records
 *   OPEN   [0, id, what]
 *   DATA   [1, id, offset, data, fin]
 *   ACK    [2, id, received, limit, fin, [start, end, ...]]
 *   RESET  [3, id, code]
 *   GONE   [4, id]
 *
 * The decoder takes untrusted bytes: it checks every type and range, the order of the
 * acknowledgement's ranges, and that nothing follows; a message that breaks any rule is
 * refused whole. Records point into the message.
 */
#ifndef RSH_NET_CHANNEL_WIRE_H
#define RSH_NET_CHANNEL_WIRE_H

#include <msgpack.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "channel.h"

#define CHAN_WIRE_KIND 2
#define CHAN_WIRE_RECORDS 64
/* A DATA record's bytes at most (more than a datagram holds). */
#define CHAN_WIRE_DATA_MAX 2048
/* Bytes a record takes beyond its what or data, at most (msgpack's widest forms). */
#define CHAN_WIRE_OPEN_OVERHEAD 12
#define CHAN_WIRE_DATA_OVERHEAD 22
#define CHAN_WIRE_ACK_SIZE (1 + 1 + 5 + 9 + 9 + 1 + 1 + 2 * CHAN_SACK_MAX * 9)
#define CHAN_WIRE_RESET_SIZE 9
#define CHAN_WIRE_GONE_SIZE 7
/* The message's own header: [2, and the array of records. */
#define CHAN_WIRE_HEADER 8

enum chan_rec_type { CHAN_OPEN, CHAN_DATA, CHAN_ACK, CHAN_RESET, CHAN_GONE };

struct chan_range {
	uint64_t start, end; /* [start, end) */
};

struct chan_rec {
	enum chan_rec_type type;
	uint32_t id;
	const uint8_t *bytes; /* OPEN: what; DATA: data */
	uint32_t len;
	uint64_t offset;      /* DATA */
	bool fin;             /* DATA: the stream ends after it; ACK: its end was received */
	uint64_t received, limit; /* ACK */
	unsigned nsack;
	struct chan_range sack[CHAN_SACK_MAX];
	uint64_t code;        /* RESET */
};

/* Appends one record to pk. */
void chan_wire_record(msgpack_packer *pk, const struct chan_rec *r);
/* Writes the message of n records already packed in body. */
void chan_wire_message(msgpack_sbuffer *out, const char *body, size_t bodylen, unsigned n);
/* Decodes a message into recs (room for CHAN_WIRE_RECORDS); false with *err set. */
bool chan_wire_decode(const uint8_t *msg, size_t len, struct chan_rec *recs, unsigned *n,
		      const char **err);

#endif
