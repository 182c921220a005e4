/*
 * Fuzz target: screen diffs decoded from arbitrary bytes. What decodes is applied to a
 * fixed base screen and to none, and must encode to bytes that decode to the same diff.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "term/wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 6x12: text, colours, a wide character, a combining mark, a row hiding cells past the
 * width. The seed corpus holds diffs from this screen. */
static term_snapshot *fuzz_base(void)
{
	static term_snapshot *base;
	if (base)
		return base;
	base = term_snapshot_new(6, 12);
	term_cell c = term_cell_blank();
	for (unsigned r = 0; r < 6; r++) {
		term_row *row = term_row_writable(&base->lines[r]);
		for (unsigned col = 0; col < (r == 5 ? 16u : 2 * r); col++) {
			uint32_t ch[2] = {'a' + r + col, 0x301};
			c.fg = TERM_COLOUR_PALETTE(r + col);
			c.attrs = (uint16_t)(col & TERM_ATTR_ALL);
			term_row_set(row, col, &c, ch, col % 3 ? 1 : 2);
		}
	}
	term_cell wide = term_cell_blank();
	wide.width = 2;
	uint32_t han = 0x6f22;
	term_row_set(base->lines[1], 4, &wide, &han, 1);
	wide.width = 0;
	term_row_set(base->lines[1], 5, &wide, NULL, 0);
	term_snapshot_set_title(base, "base", 4);
	return base;
}

static void check_reencoding(const term_diff *d)
{
	msgpack_sbuffer buf;
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
	term_diff_encode(d, &pk);
	mp_reader r;
	const char *err;
	mp_reader_init(&r, buf.data, buf.size);
	term_diff *back = term_diff_decode(&r, &err);
	if (back == NULL || !mp_finish(&r) || !term_diff_equal(d, back))
		abort();
	term_diff_free(back);
	msgpack_sbuffer_destroy(&buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mp_reader r;
	const char *err;
	mp_reader_init(&r, data, size);
	term_diff *d = term_diff_decode(&r, &err);
	if (d == NULL)
		return 0;
	check_reencoding(d);
	term_snapshot *s = term_diff_apply(fuzz_base(), d, &err);
	term_snapshot_unref(s);
	s = term_diff_apply(NULL, d, &err);
	term_snapshot_unref(s);
	term_diff_free(d);
	return 0;
}
