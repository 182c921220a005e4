/* Channel messages: encoding, and decoding of untrusted bytes. */
#include "channel_wire.h"

#include <string.h>

#include "util/msgpack_read.h"

static const unsigned rec_fields[] = {
	[CHAN_OPEN] = 3, [CHAN_DATA] = 5, [CHAN_ACK] = 6, [CHAN_RESET] = 3, [CHAN_GONE] = 2,
};

void chan_wire_record(msgpack_packer *pk, const struct chan_rec *r)
{
	msgpack_pack_array(pk, rec_fields[r->type]);
	msgpack_pack_uint32(pk, r->type);
	msgpack_pack_uint32(pk, r->id);
	switch (r->type) {
	case CHAN_OPEN:
		msgpack_pack_bin(pk, r->len);
		msgpack_pack_bin_body(pk, r->bytes, r->len);
		break;
	case CHAN_DATA:
		msgpack_pack_uint64(pk, r->offset);
		msgpack_pack_bin(pk, r->len);
		msgpack_pack_bin_body(pk, r->bytes, r->len);
		r->fin ? msgpack_pack_true(pk) : msgpack_pack_false(pk);
		break;
	case CHAN_ACK:
		msgpack_pack_uint64(pk, r->received);
		msgpack_pack_uint64(pk, r->limit);
		r->fin ? msgpack_pack_true(pk) : msgpack_pack_false(pk);
		msgpack_pack_array(pk, 2 * r->nsack);
		for (unsigned i = 0; i < r->nsack; i++) {
			msgpack_pack_uint64(pk, r->sack[i].start);
			msgpack_pack_uint64(pk, r->sack[i].end);
		}
		break;
	case CHAN_RESET:
		msgpack_pack_uint64(pk, r->code);
		break;
	case CHAN_GONE:
		break;
	}
}

void chan_wire_message(msgpack_sbuffer *out, const char *body, size_t bodylen, unsigned n)
{
	msgpack_packer pk;
	msgpack_packer_init(&pk, out, msgpack_sbuffer_write);
	msgpack_pack_array(&pk, 2);
	msgpack_pack_uint32(&pk, CHAN_WIRE_KIND);
	msgpack_pack_array(&pk, n);
	msgpack_sbuffer_write(out, body, bodylen);
}

/* The acknowledgement's ranges: ascending, apart, above what was received in order. */
static void read_sack(mp_reader *r, struct chan_rec *rec)
{
	uint32_t n;
	if (!mp_read_array(r, 0, 2 * CHAN_SACK_MAX, &n))
		return;
	if (n % 2 != 0) {
		mp_fail(r, "odd count of range bounds");
		return;
	}
	uint64_t floor = rec->received;
	rec->nsack = n / 2;
	for (unsigned i = 0; i < rec->nsack; i++) {
		struct chan_range *s = &rec->sack[i];
		mp_read_uint(r, CHAN_OFFSET_MAX, &s->start);
		mp_read_uint(r, CHAN_OFFSET_MAX, &s->end);
		if (r->error == NULL && (s->start <= floor || s->end <= s->start ||
					 s->end > rec->limit)) {
			mp_fail(r, "ranges out of order");
			return;
		}
		floor = s->end;
	}
}

static void read_record(mp_reader *r, struct chan_rec *rec)
{
	uint32_t n, type;
	memset(rec, 0, sizeof *rec);
	if (!mp_read_array(r, 2, 6, &n) || !mp_read_u32(r, CHAN_GONE, &type))
		return;
	rec->type = type;
	if (n != rec_fields[type]) {
		mp_fail(r, "wrong field count for the record");
		return;
	}
	mp_read_u32(r, UINT32_MAX, &rec->id);
	switch (rec->type) {
	case CHAN_OPEN:
		mp_read_bin(r, CHAN_WHAT_MAX, &rec->bytes, &rec->len);
		break;
	case CHAN_DATA:
		mp_read_uint(r, CHAN_OFFSET_MAX, &rec->offset);
		mp_read_bin(r, CHAN_WIRE_DATA_MAX, &rec->bytes, &rec->len);
		mp_read_bool(r, &rec->fin);
		if (r->error == NULL && rec->offset + rec->len > CHAN_OFFSET_MAX)
			mp_fail(r, "offset out of range");
		break;
	case CHAN_ACK:
		mp_read_uint(r, CHAN_OFFSET_MAX, &rec->received);
		mp_read_uint(r, CHAN_OFFSET_MAX, &rec->limit);
		mp_read_bool(r, &rec->fin);
		if (r->error == NULL && rec->limit < rec->received)
			mp_fail(r, "limit below what was received");
		read_sack(r, rec);
		break;
	case CHAN_RESET:
		mp_read_uint(r, 255, &rec->code);
		break;
	case CHAN_GONE:
		break;
	}
}

bool chan_wire_decode(const uint8_t *msg, size_t len, struct chan_rec *recs, unsigned *n,
		      const char **err)
{
	mp_reader r;
	uint32_t two, kind, count;
	mp_reader_init(&r, msg, len);
	mp_read_array(&r, 2, 2, &two);
	if (mp_read_u32(&r, UINT32_MAX, &kind) && kind != CHAN_WIRE_KIND)
		mp_fail(&r, "not a channel message");
	mp_read_array(&r, 0, CHAN_WIRE_RECORDS, &count);
	for (uint32_t i = 0; i < count && r.error == NULL; i++)
		read_record(&r, &recs[i]);
	if (!mp_finish(&r)) {
		*err = r.error;
		return false;
	}
	*n = count;
	return true;
}
