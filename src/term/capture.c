/* Screen and scrollback as UTF-8 text, optionally with SGR sequences. */
#include "capture.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/strbuf.h"
#include "../util/utf8.h"
#include "../util/xmalloc.h"
#include "link.h"

static void putf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct strbuf *b, const char *fmt, ...)
{
	char tmp[64];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		strbuf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void put_utf8(struct strbuf *b, uint32_t cp)
{
	char s[4];
	strbuf_add(b, s, utf8_encode(cp, s));
}

static void put_colour(struct strbuf *b, term_colour c, unsigned base)
{
	unsigned i = TERM_COLOUR_INDEX(c);
	if (TERM_COLOUR_KIND(c) == 2)
		putf(b, ";%u;2;%u;%u;%u", base + 8, (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
	else if (i < 8)
		putf(b, ";%u", base + i);
	else if (i < 16)
		putf(b, ";%u", base + 60 + i - 8);
	else
		putf(b, ";%u;5;%u", base + 8, i);
}

/* The SGR sequence that sets exactly this cell's attributes and colours. */
static void put_sgr(struct strbuf *b, const term_cell *c)
{
	static const char *underline[8] = {"", ";4", ";4:2", ";4:3", ";4:4", ";4:5"};
	strbuf_add(b, "\033[0", 3);
	if (c->attrs & TERM_ATTR_BOLD)
		strbuf_add(b, ";1", 2);
	if (c->attrs & TERM_ATTR_DIM)
		strbuf_add(b, ";2", 2);
	if (c->attrs & TERM_ATTR_ITALIC)
		strbuf_add(b, ";3", 2);
	putf(b, "%s", underline[(c->attrs & TERM_ATTR_UNDERLINE_MASK) >> TERM_ATTR_UNDERLINE_SHIFT]);
	if (c->attrs & TERM_ATTR_BLINK)
		strbuf_add(b, ";5", 2);
	if (c->attrs & TERM_ATTR_REVERSE)
		strbuf_add(b, ";7", 2);
	if (c->attrs & TERM_ATTR_CONCEAL)
		strbuf_add(b, ";8", 2);
	if (c->attrs & TERM_ATTR_STRIKE)
		strbuf_add(b, ";9", 2);
	if (c->fg != TERM_COLOUR_DEFAULT)
		put_colour(b, c->fg, 30);
	if (c->bg != TERM_COLOUR_DEFAULT)
		put_colour(b, c->bg, 40);
	if (TERM_COLOUR_KIND(c->ul) == 1)
		putf(b, ";58:5:%u", TERM_COLOUR_INDEX(c->ul));
	else if (TERM_COLOUR_KIND(c->ul) == 2)
		putf(b, ";58:2::%u:%u:%u", (c->ul >> 16) & 0xff, (c->ul >> 8) & 0xff, c->ul & 0xff);
	strbuf_add(b, "m", 1);
}

/* The OSC 8 that starts the link (or ends one: 0), after the SGR, as tmux 3.4 writes it. */
static void put_link(struct strbuf *b, uint32_t link)
{
	char osc[TERM_LINK_OSC_MAX];
	strbuf_add(b, osc, term_link_osc(link, osc));
}

/* How a cell shows: 0 not at all (the right half of a wide character), else its width. */
static unsigned shown_width(const term_row *row, unsigned col, unsigned cols)
{
	term_cell c = term_row_get(row, col);
	if (c.width == 0)
		return col > 0 && term_row_get(row, col - 1).width == 2 ? 0 : 1;
	if (c.width == 2 && (col + 1 >= cols || term_row_get(row, col + 1).width != 0))
		return 1; /* its right half was overwritten: shown blank */
	return c.width;
}

static bool shows_text(const term_row *row, unsigned col, unsigned cols)
{
	term_cell c = term_row_get(row, col);
	return c.ch != 0 && c.ch != ' ' && (c.width == 1 || shown_width(row, col, cols) == 2);
}

/* Column numbers of the bytes put, when wanted: map[i] is the cell byte i shows. */
struct colmap {
	uint16_t *map;
	size_t cap;
};

/* Cells [from, to) of the row, trailing blanks dropped. */
static void capture_cells(struct strbuf *b, const term_row *row, unsigned cols, unsigned from,
			  unsigned to, unsigned flags, struct colmap *m)
{
	unsigned end = to < cols ? to : cols;
	if (flags & TERM_CAPTURE_KEEP_BLANKS) /* up to the last cell written, as tmux's cellused */
		end = end < row->ncells ? end : row->ncells;
	while (!(flags & TERM_CAPTURE_KEEP_BLANKS) && end > from && !shows_text(row, end - 1, cols))
		end--;
	term_cell pen = term_cell_blank();
	for (unsigned col = from; col < end; col++) {
		unsigned w = shown_width(row, col, cols);
		if (w == 0)
			continue;
		term_cell c = term_row_get(row, col);
		if ((flags & TERM_CAPTURE_ESCAPES) &&
		    !term_cell_same_pen(&c, &pen)) {
			if (!term_cell_same_look(&c, &pen))
				put_sgr(b, &c);
			if (c.link != pen.link)
				put_link(b, c.link);
			pen = c;
		}
		size_t before = b->len;
		uint32_t chars[TERM_MAX_CHARS];
		unsigned n = shows_text(row, col, cols) ? term_row_chars(row, col, chars) : 0;
		if (n == 0)
			strbuf_add(b, " ", 1);
		for (unsigned i = 0; i < n; i++)
			put_utf8(b, chars[i]);
		if (m != NULL) {
			m->map = xgrow(m->map, &m->cap, b->len * sizeof *m->map, 256 * sizeof *m->map);
			for (size_t i = before; i < b->len; i++)
				m->map[i] = (uint16_t)col;
		}
	}
	term_cell plain = term_cell_blank();
	if (!term_cell_same_look(&pen, &plain))
		strbuf_add(b, "\033[0m", 4);
	if (pen.link != 0)
		put_link(b, 0);
}

static void capture_row(struct strbuf *b, const term_row *row, unsigned cols, unsigned flags)
{
	bool joined = (flags & TERM_CAPTURE_JOIN) && row->wrapped;
	capture_cells(b, row, cols, 0, cols, flags | (joined ? TERM_CAPTURE_KEEP_BLANKS : 0), NULL);
	if (!joined)
		strbuf_add(b, "\n", 1);
}

char *term_capture_row(const term_row *row, unsigned cols, unsigned from, unsigned to,
		       size_t *len, uint16_t **colmap)
{
	return term_capture_cells(row, cols, from, to, 0, len, colmap);
}

char *term_capture_cells(const term_row *row, unsigned cols, unsigned from, unsigned to,
			 unsigned flags, size_t *len, uint16_t **colmap)
{
	struct strbuf b = {0};
	struct colmap m = {0};
	strbuf_add(&b, "", 0);
	capture_cells(&b, row, cols, from, to, flags, colmap != NULL ? &m : NULL);
	if (colmap != NULL)
		*colmap = m.map;
	*len = b.len;
	return b.p;
}

char *term_capture_lines(const term_snapshot *snap, const term_grid *history, size_t first,
			 size_t last, unsigned flags, size_t *len)
{
	struct strbuf b = {0};
	size_t hsize = history != NULL ? history->sb.len : 0;
	strbuf_add(&b, "", 0);
	for (size_t i = first; i <= last && i < hsize + snap->rows; i++) {
		if (i < hsize) {
			term_row *row = term_grid_scrollback_line(history, (unsigned)i);
			capture_row(&b, row, snap->cols, flags);
			term_row_unref(row);
		} else {
			capture_row(&b, snap->lines[i - hsize], snap->cols, flags);
		}
	}
	if (len != NULL)
		*len = b.len;
	return b.p;
}

char *term_capture(const term_snapshot *snap, const term_grid *history, unsigned flags,
		   size_t *len)
{
	return term_capture_lines(snap, history, 0, SIZE_MAX, flags, len);
}
