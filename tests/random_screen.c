/* Random screens and random changes to them, for the diff and wire tests. */
#include "random_screen.h"

#include <stdlib.h>
#include <string.h>

#include "term/link.h"
#include "term/wire.h"
#include "util/xmalloc.h"

void rng_seed(rng *g, uint64_t seed)
{
	g->state = seed * 0x9e3779b97f4a7c15ull + 1;
}

uint32_t rng_next(rng *g)
{
	g->state = g->state * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(g->state >> 33);
}

unsigned rng_below(rng *g, unsigned n)
{
	return n ? rng_next(g) % n : 0;
}

static term_colour random_colour(rng *g, unsigned default_percent)
{
	unsigned k = rng_below(g, 100);
	if (k < default_percent)
		return TERM_COLOUR_DEFAULT;
	if (k < default_percent + (100 - default_percent) / 2)
		return TERM_COLOUR_PALETTE(rng_below(g, 256));
	return TERM_COLOUR_RGB(rng_below(g, 256), rng_below(g, 256), rng_below(g, 256));
}

/* One of a few hyperlinks: with an id and without, the same URI under two ids. */
static uint32_t random_link(rng *g)
{
	static const char *links[][2] = {
		{"", "https://example.com"}, {"a1", "https://example.com"},
		{"x", "file://host/tmp/a;b?c=d#e"}, {"", "mailto:someone@example.org"},
	};
	const char **l = links[rng_below(g, 4)];
	return term_link_make(l[0], strlen(l[0]), l[1], strlen(l[1]));
}

static term_cell random_pen(rng *g)
{
	term_cell c = term_cell_blank();
	c.fg = random_colour(g, 50);
	c.bg = random_colour(g, 75);
	c.attrs = rng_below(g, 4) == 0 ? (uint16_t)rng_below(g, TERM_ATTR_ALL + 1) : 0;
	c.ul = (c.attrs & TERM_ATTR_UNDERLINE_MASK) ? random_colour(g, 50) : TERM_COLOUR_DEFAULT;
	c.link = rng_below(g, 8) == 0 ? random_link(g) : 0;
	return c;
}

/* A character that is not a control: mostly ASCII, some accented, astral, Latin-1 or U+FFFD. */
static uint32_t random_char(rng *g)
{
	switch (rng_below(g, 10)) {
	case 0: return 0xe0 + rng_below(g, 0x20);
	case 1: return 0x1d400 + rng_below(g, 0x100);
	case 2: return rng_below(g, 2) ? 0xfffd : 0xa0 + rng_below(g, 0x21);
	default: return 0x21 + rng_below(g, 0x5e);
	}
}

static uint32_t random_wide(rng *g)
{
	return rng_below(g, 2) ? 0x4e00 + rng_below(g, 0x5000) : 0x1f300 + rng_below(g, 0x300);
}

/* Writes one random cell (two for a wide character) at col; returns the cells written. */
static unsigned random_cell(rng *g, term_row *row, unsigned col, unsigned end, term_cell pen)
{
	uint32_t chars[TERM_MAX_CHARS];
	unsigned n = 1, k = rng_below(g, 100);
	chars[0] = random_char(g);
	if (k < 12) {
		chars[0] = ' ';
	} else if (k < 20) {
		n = 0; /* a blank in this pen */
	} else if (k < 30 && col + 1 < end) {
		pen.width = 2;
		chars[0] = random_wide(g);
		if (rng_below(g, 4) == 0)
			chars[n++] = 0x300 + rng_below(g, 0x70);
		term_row_set(row, col, &pen, chars, n);
		term_cell half = rng_below(g, 10) ? pen : random_pen(g);
		half.width = 0;
		if (rng_below(g, 20))
			term_row_set(row, col + 1, &half, NULL, 0);
		return 2;
	} else if (k < 38) {
		for (unsigned marks = 1 + rng_below(g, TERM_MAX_CHARS - 1); marks > 0; marks--)
			chars[n++] = 0x300 + rng_below(g, 0x70);
	} else if (k < 40) {
		pen.width = 0; /* a right half on its own */
		n = 0;
	}
	term_row_set(row, col, &pen, chars, n);
	return 1;
}

term_row *random_row(rng *g, unsigned cols)
{
	term_row *row = term_row_new(0);
	unsigned len = rng_below(g, 5) == 0 ? 0 : rng_below(g, cols + 1);
	if (rng_below(g, 10) == 0)
		len = cols + rng_below(g, 10); /* cells hidden past the width */
	term_cell pen = term_cell_blank();
	for (unsigned c = 0; c < len;) {
		if (rng_below(g, 8) == 0)
			pen = random_pen(g);
		c += random_cell(g, row, c, len, pen);
	}
	return row;
}

static term_row *new_row(rng *g, unsigned cols)
{
	return rng_below(g, 3) == 0 ? term_row_new(0) : random_row(g, cols);
}

static void random_title(rng *g, term_snapshot *s)
{
	static const char *titles[] = {"", "vim", "~/src: make", "日本語のタイトル", "a\tb"};
	term_snapshot_set_title(s, titles[rng_below(g, 5)], TERM_MAX_TITLE);
}

static void random_cursor(rng *g, term_snapshot *s)
{
	s->cursor.row = (uint16_t)rng_below(g, s->rows);
	s->cursor.col = (uint16_t)rng_below(g, s->cols + 1);
	s->cursor.visible = rng_below(g, 4) != 0;
	s->cursor.blink = rng_below(g, 2);
	s->cursor.shape = (uint8_t)(1 + rng_below(g, 3));
}

term_snapshot *random_screen(rng *g, unsigned rows, unsigned cols)
{
	term_snapshot *s = term_snapshot_new(rows, cols);
	for (unsigned r = 0; r < rows; r++) {
		term_row_unref(s->lines[r]);
		s->lines[r] = new_row(g, cols);
	}
	random_cursor(g, s);
	s->modes = rng_next(g) & TERM_MODE_ALL;
	s->bells = rng_next(g) % 4;
	random_title(g, s);
	return s;
}

static void replace_row(term_snapshot *s, unsigned r, term_row *row)
{
	term_row_unref(s->lines[r]);
	s->lines[r] = row;
}

static void type_cells(rng *g, term_snapshot *s)
{
	unsigned r = rng_below(g, s->rows), col = rng_below(g, s->cols);
	term_row *row = term_row_writable(&s->lines[r]);
	term_cell pen = rng_below(g, 2) ? term_cell_blank() : random_pen(g);
	for (unsigned n = 1 + rng_below(g, 3); n > 0 && col < s->cols; n--)
		col += random_cell(g, row, col, s->cols, pen);
}

/* Scrolls rows [top, bottom) by n (> 0 up, < 0 down), bringing in new rows. */
static void scroll(rng *g, term_snapshot *s, unsigned top, unsigned bottom, int n)
{
	unsigned k = (unsigned)abs(n), h = bottom - top;
	for (unsigned i = 0; i < k && i < h; i++)
		term_row_unref(s->lines[n > 0 ? top + i : bottom - 1 - i]);
	if (k < h) {
		if (n > 0)
			memmove(&s->lines[top], &s->lines[top + k], (h - k) * sizeof *s->lines);
		else
			memmove(&s->lines[top + k], &s->lines[top], (h - k) * sizeof *s->lines);
	}
	for (unsigned i = 0; i < k && i < h; i++)
		s->lines[n > 0 ? bottom - 1 - i : top + i] = new_row(g, s->cols);
}

static void random_scroll(rng *g, term_snapshot *s)
{
	unsigned top = 0, bottom = s->rows;
	if (rng_below(g, 3) == 0) {
		top = rng_below(g, s->rows);
		bottom = top + 1 + rng_below(g, s->rows - top);
	}
	int n = 1 + (int)rng_below(g, bottom - top + 1);
	scroll(g, s, top, bottom, rng_below(g, 4) ? n : -n);
}

static void resize(rng *g, term_snapshot *s)
{
	unsigned rows = 1 + rng_below(g, 40), cols = 1 + rng_below(g, 120);
	for (unsigned r = rows; r < s->rows; r++)
		term_row_unref(s->lines[r]);
	s->lines = xreallocarray(s->lines, rows, sizeof *s->lines);
	for (unsigned r = s->rows; r < rows; r++)
		s->lines[r] = new_row(g, cols);
	/* Widening may show cells hidden past the old width, or drop them first. */
	for (unsigned r = 0; r < rows && r < s->rows; r++)
		if (s->lines[r]->ncells > s->cols && rng_below(g, 2))
			term_row_resize(term_row_writable(&s->lines[r]), s->cols);
	s->rows = (uint16_t)rows;
	s->cols = (uint16_t)cols;
	random_cursor(g, s);
}

/* Rows not shared but equal, and rows moved: the diff must find them by content. */
static void copy_rows(rng *g, term_snapshot *s)
{
	for (unsigned n = 1 + rng_below(g, 4); n > 0; n--) {
		unsigned from = rng_below(g, s->rows), to = rng_below(g, s->rows);
		replace_row(s, to, rng_below(g, 2) ? term_row_copy(s->lines[from])
						   : term_row_ref(s->lines[from]));
	}
}

static void clear(rng *g, term_snapshot *s)
{
	term_row *blank = term_row_new(0);
	for (unsigned r = 0; r < s->rows; r++)
		replace_row(s, r, rng_below(g, 2) ? term_row_ref(blank) : term_row_new(0));
	term_row_unref(blank);
}

term_snapshot *random_change(rng *g, const term_snapshot *old)
{
	term_snapshot *s = term_snapshot_clone(old);
	for (unsigned changes = 1 + rng_below(g, 3); changes > 0; changes--) {
		switch (rng_below(g, 10)) {
		case 0: case 1: type_cells(g, s); break;
		case 2: case 3: random_scroll(g, s); break;
		case 4: resize(g, s); break;
		case 5: /* the alternate screen, or back */
			for (unsigned r = 0; r < s->rows; r++)
				replace_row(s, r, new_row(g, s->cols));
			break;
		case 6: clear(g, s); break;
		case 7: copy_rows(g, s); break;
		case 8:
			random_cursor(g, s);
			s->modes = rng_next(g) & TERM_MODE_ALL;
			break;
		default:
			s->bells += rng_below(g, 3);
			random_title(g, s);
			break;
		}
	}
	return s;
}

void put_text(term_snapshot *s, unsigned row, unsigned col, const char *text)
{
	term_row *r = term_row_writable(&s->lines[row]);
	term_cell c = term_cell_blank();
	for (; *text; text++) {
		uint32_t ch = (unsigned char)*text;
		term_row_set(r, col++, &c, &ch, 1);
	}
}

void encode_diff(const term_diff *d, msgpack_sbuffer *buf)
{
	msgpack_packer pk;
	msgpack_sbuffer_init(buf);
	msgpack_packer_init(&pk, buf, msgpack_sbuffer_write);
	term_diff_encode(d, &pk);
}
