/* The registers test state of sync_regs.h. */
#include "sync_regs.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

void *regs_ref(void *p)
{
	((struct regs *)p)->refs++;
	return p;
}

void regs_unref(void *p)
{
	struct regs *r = p;
	if (--r->refs == 0)
		free(r);
}

bool regs_equal(const void *a, const void *b)
{
	return memcmp(((const struct regs *)a)->v, ((const struct regs *)b)->v,
		      sizeof ((const struct regs *)a)->v) == 0 &&
	       ((const struct regs *)a)->serial == ((const struct regs *)b)->serial;
}

static uint64_t regs_hash(const struct regs *r)
{
	uint64_t h = 1469598103934665603ull ^ r->serial;
	for (int i = 0; i < NREGS; i++)
		h = (h ^ r->v[i]) * 1099511628211ull;
	return h;
}

/* [hash of the base, serial, [[index, value], ...]]: the hash makes a diff applied onto
 * another base fail, which the simulation reports. */
static void regs_diff(const void *from_, const void *to_, msgpack_packer *pk)
{
	const struct regs *from = from_, *to = to_;
	unsigned n = 0;
	for (int i = 0; i < NREGS; i++)
		n += from->v[i] != to->v[i];
	msgpack_pack_array(pk, 3);
	msgpack_pack_uint64(pk, regs_hash(from));
	msgpack_pack_uint32(pk, to->serial);
	msgpack_pack_array(pk, n);
	for (int i = 0; i < NREGS; i++) {
		if (from->v[i] == to->v[i])
			continue;
		msgpack_pack_array(pk, 2);
		msgpack_pack_uint32(pk, (uint32_t)i);
		msgpack_pack_uint32(pk, to->v[i]);
	}
}

struct regs *regs_new(void)
{
	struct regs *r = xcalloc(1, sizeof *r);
	r->refs = 1;
	return r;
}

static void *regs_apply(const void *from_, mp_reader *rd, const char **err)
{
	const struct regs *from = from_;
	uint32_t n, idx, val;
	uint64_t hash;
	struct regs *r = regs_new();
	memcpy(r->v, from->v, sizeof r->v);
	mp_read_array(rd, 3, 3, &n);
	if (mp_read_uint(rd, UINT64_MAX, &hash) && hash != regs_hash(from))
		mp_fail(rd, "applied onto the wrong base");
	mp_read_u32(rd, MAX_SERIAL, &r->serial);
	mp_read_array(rd, 0, NREGS, &n);
	for (uint32_t i = 0; i < n; i++) {
		uint32_t two;
		mp_read_array(rd, 2, 2, &two);
		mp_read_u32(rd, NREGS - 1, &idx);
		if (mp_read_u32(rd, UINT32_MAX, &val))
			r->v[idx] = val;
	}
	if (rd->error != NULL) {
		*err = rd->error;
		regs_unref(r);
		return NULL;
	}
	return r;
}

const sync_state_ops regs_ops = {
	regs_ref, regs_unref, regs_equal, regs_diff, regs_apply,
};

struct regs *regs_next(const struct regs *from, uint32_t random)
{
	struct regs *r = regs_new();
	memcpy(r->v, from->v, sizeof r->v);
	r->serial = from->serial + 1;
	uint64_t x = random;
	for (unsigned k = random % 3 + 1; k > 0; k--) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		r->v[(x >> 33) % NREGS] = (uint32_t)(x >> 17);
	}
	return r;
}
