/*
 * The sync frame on the wire:
 *   [version, base, num, ack, throwaway, diff (bin) or nil, missing or nil]
 */
#include "sync.h"

void sync_frame_encode(const sync_frame *f, msgpack_sbuffer *buf)
{
	msgpack_packer pk;
	msgpack_packer_init(&pk, buf, msgpack_sbuffer_write);
	msgpack_pack_array(&pk, 7);
	msgpack_pack_uint32(&pk, SYNC_VERSION);
	msgpack_pack_uint64(&pk, f->base);
	msgpack_pack_uint64(&pk, f->num);
	msgpack_pack_uint64(&pk, f->ack);
	msgpack_pack_uint64(&pk, f->throwaway);
	if (f->diff != NULL) {
		msgpack_pack_bin(&pk, f->difflen);
		msgpack_pack_bin_body(&pk, f->diff, f->difflen);
	} else {
		msgpack_pack_nil(&pk);
	}
	if (f->missing != SYNC_NONE)
		msgpack_pack_uint64(&pk, f->missing);
	else
		msgpack_pack_nil(&pk);
}

static bool fail(mp_reader *r, const char **err, const char *why)
{
	mp_fail(r, why);
	*err = r->error;
	return false;
}

bool sync_frame_decode(const uint8_t *msg, size_t len, sync_frame *f, const char **err)
{
	mp_reader r;
	uint32_t n, version;
	mp_reader_init(&r, msg, len);
	mp_read_array(&r, 7, 7, &n);
	if (mp_read_u32(&r, UINT32_MAX, &version) && version != SYNC_VERSION)
		return fail(&r, err, "unsupported sync version");
	mp_read_uint(&r, SYNC_NUM_MAX, &f->base);
	mp_read_uint(&r, SYNC_NUM_MAX, &f->num);
	mp_read_uint(&r, SYNC_NUM_MAX, &f->ack);
	mp_read_uint(&r, SYNC_NUM_MAX, &f->throwaway);
	f->diff = NULL;
	f->difflen = 0;
	if (mp_peek(&r) == MP_NIL) {
		mp_read_nil(&r);
	} else {
		uint32_t dlen;
		if (mp_read_bin(&r, SYNC_DIFF_MAX, &f->diff, &dlen))
			f->difflen = dlen;
	}
	f->missing = SYNC_NONE;
	if (mp_peek(&r) == MP_NIL)
		mp_read_nil(&r);
	else
		mp_read_uint(&r, SYNC_NUM_MAX, &f->missing);
	if (!mp_finish(&r)) {
		*err = r.error;
		return false;
	}
	if (f->throwaway > f->base)
		return fail(&r, err, "throwaway newer than the base");
	if (f->diff != NULL ? f->num <= f->base : f->num != f->base || f->base != f->throwaway)
		return fail(&r, err, "state numbers out of order");
	return true;
}
