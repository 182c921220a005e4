/*
 * Reading msgpack from untrusted bytes: a pull reader that allocates nothing, checks the
 * type and bounds of every value, and never reads past the buffer.
 *
 * msgpack-c's own unpacker is not used on untrusted input: it allocates whatever an array
 * header claims before reading the elements, and accepts trailing bytes. Encoding still
 * uses msgpack-c's packer.
 *
 * Errors are sticky: after the first failure every read fails and r->error says why, so a
 * decoder may read a whole structure and check once. mp_finish rejects trailing bytes.
 */
#ifndef RSH_UTIL_MSGPACK_READ_H
#define RSH_UTIL_MSGPACK_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct mp_reader {
	const uint8_t *p, *end;
	const char *error; /* NULL while all is well */
} mp_reader;

enum mp_type { MP_NONE, MP_NIL, MP_BOOL, MP_UINT, MP_INT, MP_FLOAT, MP_STR, MP_BIN,
	       MP_ARRAY, MP_MAP, MP_EXT };

void mp_reader_init(mp_reader *r, const void *buf, size_t len);
/* The type of the next value, without consuming it (MP_NONE at the end or on error). */
enum mp_type mp_peek(const mp_reader *r);

bool mp_read_nil(mp_reader *r);
bool mp_read_bool(mp_reader *r, bool *v);
/* A non-negative integer no larger than max. */
bool mp_read_uint(mp_reader *r, uint64_t max, uint64_t *v);
bool mp_read_u32(mp_reader *r, uint32_t max, uint32_t *v);
bool mp_read_int(mp_reader *r, int64_t min, int64_t max, int64_t *v);
/* An array header whose count lies in [min, max]. */
bool mp_read_array(mp_reader *r, uint32_t min, uint32_t max, uint32_t *n);
/* A str or bin of at most max bytes; *p points into the buffer. */
bool mp_read_str(mp_reader *r, uint32_t max, const char **p, uint32_t *n);
bool mp_read_bin(mp_reader *r, uint32_t max, const uint8_t **p, uint32_t *n);
/* Skips one value of any type, nested at most 16 deep. */
bool mp_skip(mp_reader *r);
/* Fails the reader with a reason of the caller's (a value out of the caller's range). */
bool mp_fail(mp_reader *r, const char *why);
/* True when every read succeeded and nothing is left over. */
bool mp_finish(mp_reader *r);

#endif
