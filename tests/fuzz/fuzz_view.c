/*
 * Fuzz target: view diffs decoded from arbitrary bytes and applied to a fixed base view
 * and to the blank one. What is accepted must keep the view's rules, and its diff from
 * the base must give it back.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "term/view_wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* 21x6: panes 7 (10x5 at 0,0, some text) and 9 (10x5 at 11,0), a status line. The seed
 * corpus holds diffs from this view. */
static term_view *fuzz_base(void)
{
	static term_view *base;
	if (base)
		return base;
	base = term_view_new(21, 6, 2);
	base->panes[0] = (term_view_pane){.id = 7, .screen = term_snapshot_new(5, 10)};
	base->panes[1] = (term_view_pane){.id = 9, .x = 11, .screen = term_snapshot_new(5, 10)};
	term_cell c = term_cell_blank();
	uint32_t ch = 'x';
	term_row_set(term_row_writable(&base->panes[0].screen->lines[1]), 2, &c, &ch, 1);
	term_snapshot *status = term_snapshot_new(1, 21);
	term_view_set_status(base, status);
	term_snapshot_unref(status);
	term_view_set_notice(base, "hello", 5);
	return base;
}

static void check(const term_view *from, const uint8_t *data, size_t size)
{
	mp_reader r;
	const char *err;
	mp_reader_init(&r, data, size);
	term_view *v = term_view_apply(from, &r, &err);
	if (v == NULL)
		return;
	if (!term_view_check(v, &err))
		abort();
	msgpack_sbuffer buf;
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
	term_view_diff(from, v, &pk);
	mp_reader_init(&r, buf.data, buf.size);
	term_view *back = term_view_apply(from, &r, &err);
	if (back == NULL || !mp_finish(&r) || !term_view_equal(back, v))
		abort();
	term_view_unref(back);
	term_view_unref(v);
	msgpack_sbuffer_destroy(&buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static term_view *blank;
	if (blank == NULL)
		blank = term_view_new(0, 0, 0);
	check(fuzz_base(), data, size);
	check(blank, data, size);
	return 0;
}
