/* The checked msgpack reader against msgpack-c's packer, and its refusals. */
#include <msgpack.h>
#include <string.h>

#include "check.h"
#include "util/msgpack_read.h"

static void test_round_trip(void)
{
	msgpack_sbuffer sb;
	msgpack_sbuffer_init(&sb);
	msgpack_packer pk;
	msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
	int64_t ints[] = {0, 1, 127, 128, 255, 256, 65535, 65536, 4294967295ll, 4294967296ll,
			  -1, -32, -33, -128, -129, -32768, -32769, INT64_MIN, INT64_MAX};
	size_t nints = sizeof ints / sizeof *ints;
	msgpack_pack_array(&pk, (uint32_t)nints + 4);
	for (size_t i = 0; i < nints; i++)
		msgpack_pack_int64(&pk, ints[i]);
	msgpack_pack_str_with_body(&pk, "hello", 5);
	char big[70000];
	memset(big, 'x', sizeof big);
	msgpack_pack_bin_with_body(&pk, big, sizeof big);
	msgpack_pack_true(&pk);
	msgpack_pack_map(&pk, 1); /* skipped as a whole */
	msgpack_pack_nil(&pk);
	msgpack_pack_double(&pk, 1.5);

	mp_reader r;
	mp_reader_init(&r, sb.data, sb.size);
	uint32_t n;
	CHECK(mp_read_array(&r, 0, 100, &n) && n == nints + 4);
	for (size_t i = 0; i < nints; i++) {
		int64_t v;
		CHECK(mp_peek(&r) == (ints[i] >= 0 ? MP_UINT : MP_INT));
		CHECKF(mp_read_int(&r, INT64_MIN, INT64_MAX, &v) && v == ints[i], "%zu", i);
	}
	const char *s;
	CHECK(mp_read_str(&r, 5, &s, &n) && n == 5 && memcmp(s, "hello", 5) == 0);
	const uint8_t *b;
	CHECK(mp_read_bin(&r, sizeof big, &b, &n) && n == sizeof big && b[69999] == 'x');
	bool t;
	CHECK(mp_read_bool(&r, &t) && t);
	CHECK(mp_skip(&r));
	CHECK(mp_finish(&r));

	/* Trailing bytes, truncation, and range checks. */
	mp_reader_init(&r, sb.data, sb.size - 1);
	CHECK(mp_skip(&r) == false && strcmp(r.error, "truncated") == 0);
	uint8_t two[] = {0x01, 0x02};
	uint64_t u;
	mp_reader_init(&r, two, 2);
	CHECK(mp_read_uint(&r, 10, &u) && u == 1 && !mp_finish(&r));
	CHECK(strcmp(r.error, "trailing bytes") == 0);
	uint8_t neg[] = {0xff};
	mp_reader_init(&r, neg, 1);
	CHECK(!mp_read_uint(&r, UINT64_MAX, &u));
	uint8_t str[] = {0xa3, 'a', 'b', 'c'};
	mp_reader_init(&r, str, 4);
	CHECK(!mp_read_str(&r, 2, &s, &n) && strcmp(r.error, "string too long") == 0);
	msgpack_sbuffer_destroy(&sb);
}

static void test_lying_headers(void)
{
	/* An array claiming four billion elements in six bytes: refused before any work. */
	uint8_t arr[] = {0xdd, 0xff, 0xff, 0xff, 0xff, 0x00};
	mp_reader r;
	uint32_t n;
	mp_reader_init(&r, arr, sizeof arr);
	CHECK(!mp_read_array(&r, 0, UINT32_MAX, &n));
	uint8_t bin[] = {0xc6, 0x7f, 0xff, 0xff, 0xff, 0x00};
	mp_reader_init(&r, bin, sizeof bin);
	CHECK(!mp_skip(&r));
	/* Deep nesting stops at 16 levels rather than recursing without end. */
	uint8_t deep[64];
	memset(deep, 0x91, sizeof deep);
	mp_reader_init(&r, deep, sizeof deep);
	CHECK(!mp_skip(&r) && strcmp(r.error, "nested too deep") == 0);
	uint8_t unused[] = {0xc1};
	mp_reader_init(&r, unused, 1);
	CHECK(!mp_skip(&r) && mp_peek(&r) == MP_NONE);
}

int main(void)
{
	test_round_trip();
	test_lying_headers();
	return 0;
}
