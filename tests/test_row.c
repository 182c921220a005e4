/* Rows: copy-on-write sharing, combining storage, equality and hashing. */
#include "term/row.h"
#include "term/snapshot.h"

#include "check.h"

static term_cell cell_with(uint16_t attrs, term_colour fg)
{
	term_cell c = term_cell_blank();
	c.attrs = attrs;
	c.fg = fg;
	return c;
}

static void test_copy_on_write(void)
{
	term_row *a = term_row_new(10);
	term_cell c = cell_with(TERM_ATTR_BOLD, TERM_COLOUR_PALETTE(3));
	uint32_t x = 'x';
	term_row_set(a, 2, &c, &x, 1);
	term_row *shared = term_row_ref(a);
	term_row *slot = a;
	term_row_writable(&slot);
	CHECK(slot != shared); /* shared: a copy was taken */
	uint32_t y = 'y';
	term_row_set(slot, 2, &c, &y, 1);
	CHECK(term_row_get(shared, 2).ch == 'x');
	CHECK(term_row_get(slot, 2).ch == 'y');
	term_row_unref(shared);
	term_row *alone = slot;
	term_row_writable(&slot);
	CHECK(slot == alone); /* not shared: changed in place */
	term_row_unref(slot);
}

static void test_combining_and_equality(void)
{
	term_row *a = term_row_new(4), *b = term_row_new(8);
	term_cell c = term_cell_blank();
	uint32_t e_acute[] = {'e', 0x301}, e_two[] = {'e', 0x301, 0x302};
	/* Rewrite the same cell many times: the pool must stay bounded. */
	for (int i = 0; i < 1000; i++)
		term_row_set(a, 1, &c, i % 2 ? e_acute : e_two, i % 2 ? 2 : 3);
	CHECK(a->comb_cap < 64);
	term_row_set(b, 0, &c, NULL, 0);
	term_row_set(b, 1, &c, e_acute, 2);
	uint32_t out[TERM_MAX_CHARS];
	CHECK(term_row_chars(a, 1, out) == 2 && out[0] == 'e' && out[1] == 0x301);
	CHECK(term_row_equal(a, b, 8)); /* b's extra cells are blank */
	CHECK(term_row_hash(a, 8) == term_row_hash(b, 8));
	term_row_set(b, 6, &c, e_two, 3);
	CHECK(term_row_equal(a, b, 6));
	CHECK(!term_row_equal(a, b, 7));
	CHECK(term_row_hash(a, 6) == term_row_hash(b, 6));
	CHECK(term_row_hash(a, 8) != term_row_hash(b, 8));
	term_row_unref(a);
	term_row_unref(b);
}

static void test_snapshot_difference(void)
{
	term_snapshot *a = term_snapshot_new(3, 5);
	term_snapshot *b = term_snapshot_clone(a);
	CHECK(term_snapshot_equal(a, b));
	term_cell c = term_cell_blank();
	uint32_t z = 'z';
	term_row_set(term_row_writable(&b->lines[1]), 4, &c, &z, 1);
	char why[200];
	term_snapshot_describe_difference(a, b, why, sizeof why);
	CHECKF(strstr(why, "row 1 col 4") != NULL, "%s", why);
	CHECK(term_row_get(a->lines[1], 4).ch == 0);
	term_snapshot_unref(a);
	term_snapshot_unref(b);
}

int main(void)
{
	test_copy_on_write();
	test_combining_and_equality();
	test_snapshot_difference();
	return 0;
}
