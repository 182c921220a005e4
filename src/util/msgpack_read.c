/* A bounded pull reader for msgpack (the format: github.com/msgpack/msgpack spec). */
#include "msgpack_read.h"

#include <string.h>

void mp_reader_init(mp_reader *r, const void *buf, size_t len)
{
	r->p = buf;
	r->end = r->p + len;
	r->error = NULL;
}

bool mp_fail(mp_reader *r, const char *why)
{
	if (r->error == NULL)
		r->error = why;
	return false;
}

static bool need(mp_reader *r, size_t n)
{
	if (r->error)
		return false;
	if ((size_t)(r->end - r->p) < n)
		return mp_fail(r, "truncated");
	return true;
}

static uint64_t be(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < n; i++)
		v = v << 8 | p[i];
	return v;
}

/* Consumes a big-endian integer of n bytes. */
static bool take(mp_reader *r, unsigned n, uint64_t *v)
{
	if (!need(r, n))
		return false;
	*v = be(r->p, n);
	r->p += n;
	return true;
}

enum mp_type mp_peek(const mp_reader *r)
{
	if (r->error || r->p >= r->end)
		return MP_NONE;
	uint8_t b = *r->p;
	if (b <= 0x7f || b == 0xcc || b == 0xcd || b == 0xce || b == 0xcf)
		return MP_UINT;
	if (b >= 0xe0 || (b >= 0xd0 && b <= 0xd3))
		return MP_INT;
	if ((b >= 0xa0 && b <= 0xbf) || (b >= 0xd9 && b <= 0xdb))
		return MP_STR;
	if ((b >= 0x90 && b <= 0x9f) || b == 0xdc || b == 0xdd)
		return MP_ARRAY;
	if ((b >= 0x80 && b <= 0x8f) || b == 0xde || b == 0xdf)
		return MP_MAP;
	switch (b) {
	case 0xc0: return MP_NIL;
	case 0xc2: case 0xc3: return MP_BOOL;
	case 0xc4: case 0xc5: case 0xc6: return MP_BIN;
	case 0xca: case 0xcb: return MP_FLOAT;
	case 0xc7: case 0xc8: case 0xc9: case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8:
		return MP_EXT;
	default: return MP_NONE; /* 0xc1 is never used */
	}
}

bool mp_read_nil(mp_reader *r)
{
	if (!need(r, 1))
		return false;
	if (*r->p != 0xc0)
		return mp_fail(r, "expected nil");
	r->p++;
	return true;
}

bool mp_read_bool(mp_reader *r, bool *v)
{
	if (!need(r, 1))
		return false;
	if (*r->p != 0xc2 && *r->p != 0xc3)
		return mp_fail(r, "expected a boolean");
	*v = *r->p++ == 0xc3;
	return true;
}

/* Reads any integer as a sign and a magnitude. */
static bool read_integer(mp_reader *r, bool *negative, uint64_t *mag)
{
	if (!need(r, 1))
		return false;
	uint8_t b = *r->p;
	uint64_t v;
	*negative = false;
	if (b <= 0x7f) {
		r->p++;
		*mag = b;
		return true;
	}
	if (b >= 0xe0) {
		r->p++;
		*negative = true;
		*mag = (uint64_t)(0x100 - b);
		return true;
	}
	if (b >= 0xcc && b <= 0xcf) {
		r->p++;
		return take(r, 1u << (b - 0xcc), mag);
	}
	if (b >= 0xd0 && b <= 0xd3) {
		unsigned n = 1u << (b - 0xd0);
		r->p++;
		if (!take(r, n, &v))
			return false;
		uint64_t sign = 1ull << (8 * n - 1);
		if (v & sign) {
			*negative = true;
			*mag = (~v & (sign - 1)) + 1; /* two's complement magnitude */
		} else {
			*mag = v;
		}
		return true;
	}
	return mp_fail(r, "expected an integer");
}

bool mp_read_uint(mp_reader *r, uint64_t max, uint64_t *v)
{
	bool negative;
	uint64_t mag;
	if (!read_integer(r, &negative, &mag))
		return false;
	if (negative || mag > max)
		return mp_fail(r, "integer out of range");
	*v = mag;
	return true;
}

bool mp_read_u32(mp_reader *r, uint32_t max, uint32_t *v)
{
	uint64_t x;
	if (!mp_read_uint(r, max, &x))
		return false;
	*v = (uint32_t)x;
	return true;
}

bool mp_read_int(mp_reader *r, int64_t min, int64_t max, int64_t *v)
{
	bool negative;
	uint64_t mag;
	if (!read_integer(r, &negative, &mag))
		return false;
	if (mag > (uint64_t)INT64_MAX + (negative ? 1 : 0))
		return mp_fail(r, "integer out of range");
	int64_t x = negative ? (mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag)
			     : (int64_t)mag;
	if (x < min || x > max)
		return mp_fail(r, "integer out of range");
	*v = x;
	return true;
}

bool mp_read_array(mp_reader *r, uint32_t min, uint32_t max, uint32_t *n)
{
	if (!need(r, 1))
		return false;
	uint8_t b = *r->p;
	uint64_t v;
	if (b >= 0x90 && b <= 0x9f) {
		r->p++;
		v = b & 0x0f;
	} else if (b == 0xdc || b == 0xdd) {
		r->p++;
		if (!take(r, b == 0xdc ? 2 : 4, &v))
			return false;
	} else {
		return mp_fail(r, "expected an array");
	}
	if (v < min || v > max)
		return mp_fail(r, "array length out of range");
	/* Every element takes at least one byte: a longer claim is a lie. */
	if (v > (uint64_t)(r->end - r->p))
		return mp_fail(r, "truncated");
	*n = (uint32_t)v;
	return true;
}

static bool read_bytes(mp_reader *r, bool str, uint32_t max, const uint8_t **p, uint32_t *n)
{
	if (!need(r, 1))
		return false;
	uint8_t b = *r->p;
	uint64_t len;
	if (str && b >= 0xa0 && b <= 0xbf) {
		r->p++;
		len = b & 0x1f;
	} else if (str && b >= 0xd9 && b <= 0xdb) {
		r->p++;
		if (!take(r, 1u << (b - 0xd9), &len))
			return false;
	} else if (!str && b >= 0xc4 && b <= 0xc6) {
		r->p++;
		if (!take(r, 1u << (b - 0xc4), &len))
			return false;
	} else {
		return mp_fail(r, str ? "expected a string" : "expected binary data");
	}
	if (len > max)
		return mp_fail(r, "string too long");
	if (!need(r, len))
		return false;
	*p = r->p;
	*n = (uint32_t)len;
	r->p += len;
	return true;
}

bool mp_read_str(mp_reader *r, uint32_t max, const char **p, uint32_t *n)
{
	return read_bytes(r, true, max, (const uint8_t **)p, n);
}

bool mp_read_bin(mp_reader *r, uint32_t max, const uint8_t **p, uint32_t *n)
{
	return read_bytes(r, false, max, p, n);
}

static bool skip_n(mp_reader *r, uint64_t n)
{
	if (!need(r, n))
		return false;
	r->p += n;
	return true;
}

static bool skip_depth(mp_reader *r, unsigned depth)
{
	if (depth > 16)
		return mp_fail(r, "nested too deep");
	uint64_t n, tmp;
	uint32_t items;
	const uint8_t *bytes;
	uint32_t len;
	switch (mp_peek(r)) {
	case MP_NIL: return mp_read_nil(r);
	case MP_BOOL: { bool b; return mp_read_bool(r, &b); }
	case MP_UINT: case MP_INT: { int64_t x; uint64_t u;
		return mp_peek(r) == MP_UINT ? mp_read_uint(r, UINT64_MAX, &u)
					     : mp_read_int(r, INT64_MIN, INT64_MAX, &x); }
	case MP_FLOAT: return skip_n(r, *r->p == 0xca ? 5 : 9);
	case MP_STR: { const char *s; return mp_read_str(r, UINT32_MAX, &s, &len); }
	case MP_BIN: return mp_read_bin(r, UINT32_MAX, &bytes, &len);
	case MP_ARRAY:
		if (!mp_read_array(r, 0, UINT32_MAX, &items))
			return false;
		for (uint32_t i = 0; i < items; i++)
			if (!skip_depth(r, depth + 1))
				return false;
		return true;
	case MP_MAP: {
		uint8_t b = *r->p++;
		if (b >= 0x80 && b <= 0x8f)
			n = b & 0x0f;
		else if (!take(r, b == 0xde ? 2 : 4, &n))
			return false;
		if (n > (uint64_t)(r->end - r->p))
			return mp_fail(r, "truncated");
		for (uint64_t i = 0; i < 2 * n; i++)
			if (!skip_depth(r, depth + 1))
				return false;
		return true;
	}
	case MP_EXT: {
		uint8_t b = *r->p++;
		if (b >= 0xd4 && b <= 0xd8)
			return skip_n(r, 1 + (1u << (b - 0xd4)));
		if (!take(r, 1u << (b - 0xc7), &tmp))
			return false;
		return skip_n(r, 1 + tmp);
	}
	case MP_NONE: default:
		return r->error ? false : mp_fail(r, r->p >= r->end ? "truncated" : "bad type byte");
	}
}

bool mp_skip(mp_reader *r)
{
	return skip_depth(r, 0);
}

bool mp_finish(mp_reader *r)
{
	if (r->error)
		return false;
	if (r->p != r->end)
		return mp_fail(r, "trailing bytes");
	return true;
}
