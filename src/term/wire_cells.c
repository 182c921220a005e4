/*
 * Cells on the wire. A run of cells is a list of entries:
 *   an array [fg, bg, attrs, ul, uri, id] (trailing defaults left out; the hyperlink's
 *   URI and id strings, link.h): the pen of the cells that follow;
 *   an unsigned n: n blank cells (no character, width 1) in the pen;
 *   a string: cells with characters in the pen, as UTF-8 where a code point below 0x20
 *   marks what is not a plain narrow cell:
 *     0x01 c  c is a combining mark on the previous character
 *     0x02 c  c is a wide character: a width-2 cell, then its right half (width 0)
 *     0x03 c  c is a wide character whose right half does not follow in this pen
 *     0x04    a right half (width 0, no character) on its own
 * Each run starts in the default pen. The grammar covers every cell the emulator makes;
 * anything else is sent as the nearest cell it covers (U+FFFD for a code point that is not
 * a printable scalar value).
 */
#include "wire_cells.h"

#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xmalloc.h"
#include "link.h"

enum { MARK_COMBINE = 1, MARK_WIDE = 2, MARK_WIDE_ALONE = 3, MARK_RIGHT_HALF = 4 };

/* The most bytes one cell takes in a string: a marker and 4 bytes per code point. */
#define MAX_CELL_BYTES (5 * TERM_MAX_CHARS)
/* The longest string of one run: a row of the widest screen, each cell at its largest. */
#define MAX_TEXT_BYTES (1024 * MAX_CELL_BYTES)

/* Wire colours: 0 default, 1 + index for the palette, 0x1000000 + 0xRRGGBB for RGB. */
#define WIRE_RGB 0x1000000u

/* What a cell may hold: a Unicode scalar value that is no control (not C1 either: the
 * client's terminal would act on it). */
static bool printable(uint32_t cp)
{
	return !utf8_is_control(cp) && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
}

static uint32_t wire_colour(term_colour c)
{
	switch (TERM_COLOUR_KIND(c)) {
	case 1: return 1 + TERM_COLOUR_INDEX(c);
	case 2: return WIRE_RGB | (c & 0xffffffu);
	default: return 0;
	}
}

/* A cell that goes out as part of a blank count. */
static bool is_blank_kind(const term_cell *c)
{
	return c->ch == 0 && c->width != 0;
}

static void pack_str(msgpack_packer *pk, const char *s)
{
	size_t len = strlen(s);
	msgpack_pack_str(pk, len);
	msgpack_pack_str_body(pk, s, len);
}

static void pack_pen(msgpack_packer *pk, const term_cell *pen)
{
	uint32_t v[4] = {wire_colour(pen->fg), wire_colour(pen->bg), pen->attrs & TERM_ATTR_ALL,
			 wire_colour(pen->ul)};
	const char *id, *uri;
	bool link = term_link_get(pen->link, &id, &uri);
	unsigned n = link ? 4 + (*id != '\0') + 1 : 4;
	while (n > 0 && n <= 4 && v[n - 1] == 0)
		n--;
	msgpack_pack_array(pk, n);
	for (unsigned i = 0; i < n && i < 4; i++)
		msgpack_pack_uint32(pk, v[i]);
	if (n > 4)
		pack_str(pk, uri);
	if (n > 5)
		pack_str(pk, id);
}

/* Appends cp as UTF-8 at buf + *len (only counts with buf NULL). */
static void put_cp(char *buf, size_t *len, uint32_t cp)
{
	char b[4];
	unsigned n = utf8_encode(cp, b);
	for (unsigned i = 0; buf && i < n; i++)
		buf[*len + i] = b[i];
	*len += n;
}

/* Appends the cell at col to the text; returns the column after it (its right half
 * included when that goes with it). */
static unsigned put_cell(const term_row *row, unsigned col, unsigned to, char *buf, size_t *len)
{
	term_cell c = term_row_get(row, col);
	if (c.width == 0) {
		put_cp(buf, len, MARK_RIGHT_HALF);
		return col + 1;
	}
	uint32_t chars[TERM_MAX_CHARS];
	unsigned n = term_row_chars(row, col, chars), next = col + 1;
	if (c.width == 2) {
		term_cell half = term_row_get(row, next);
		bool joined = next < to && half.width == 0 && half.ch == 0 &&
			      term_cell_same_pen(&c, &half);
		put_cp(buf, len, joined ? MARK_WIDE : MARK_WIDE_ALONE);
		next += joined;
	}
	for (unsigned i = 0; i < n; i++) {
		if (i > 0)
			put_cp(buf, len, MARK_COMBINE);
		put_cp(buf, len, printable(chars[i]) ? chars[i] : 0xfffd);
	}
	return next;
}

/* Packs the entries for [from, to) when pk is set (text goes through buf); returns how
 * many there are. */
static unsigned pack_entries(msgpack_packer *pk, char *buf, const term_row *row, unsigned from,
			     unsigned to)
{
	term_cell pen = term_cell_blank();
	unsigned n = 0;
	for (unsigned c = from; c < to; n++) {
		term_cell cell = term_row_get(row, c);
		if (!term_cell_same_pen(&cell, &pen)) {
			pen = cell;
			if (pk)
				pack_pen(pk, &pen);
			n++;
		}
		if (is_blank_kind(&cell)) {
			unsigned start = c;
			for (; c < to; c++) {
				term_cell x = term_row_get(row, c);
				if (!is_blank_kind(&x) || !term_cell_same_pen(&x, &pen))
					break;
			}
			if (pk)
				msgpack_pack_uint32(pk, c - start);
			continue;
		}
		size_t len = 0;
		while (c < to) {
			term_cell x = term_row_get(row, c);
			if (is_blank_kind(&x) || !term_cell_same_pen(&x, &pen))
				break;
			c = put_cell(row, c, to, buf, &len);
		}
		if (pk) {
			msgpack_pack_str(pk, len);
			msgpack_pack_str_body(pk, buf, len);
		}
	}
	return n;
}

void wire_pack_cells(msgpack_packer *pk, uint32_t lead, const term_row *row, unsigned from,
		     unsigned to)
{
	unsigned n = pack_entries(NULL, NULL, row, from, to);
	msgpack_pack_array(pk, 1 + n);
	msgpack_pack_uint32(pk, lead);
	char *buf = xmalloc((size_t)(to - from) * MAX_CELL_BYTES + 1);
	pack_entries(pk, buf, row, from, to);
	free(buf);
}

/* Decoding: cells go into row at col, below limit. The character cell last read is held
 * back until it cannot gain more combining marks. */
typedef struct cell_writer {
	term_row *row;
	unsigned col, limit;
	term_cell pen;
	bool held;
	unsigned held_col, nchars;
	uint8_t held_width;
	uint32_t chars[TERM_MAX_CHARS];
} cell_writer;

static void put(cell_writer *w, unsigned col, uint8_t width, const uint32_t *chars, unsigned n)
{
	term_cell c = w->pen;
	c.width = width;
	if (n == 0 && term_cell_is_blank(&c) && col >= w->row->ncells)
		return; /* reads blank already */
	term_row_set(w->row, col, &c, chars, n);
}

static void release(cell_writer *w)
{
	if (w->held)
		put(w, w->held_col, w->held_width, w->chars, w->nchars);
	w->held = false;
}

static bool room(mp_reader *r, cell_writer *w, unsigned cells)
{
	if (w->limit - w->col < cells)
		return mp_fail(r, "cells beyond the row");
	return true;
}

static bool next_cp(mp_reader *r, const uint8_t **p, const uint8_t *end, uint32_t *cp)
{
	return utf8_decode(p, end, cp) || mp_fail(r, "bad UTF-8");
}

/* The character after a marker. */
static bool marked_cp(mp_reader *r, const uint8_t **p, const uint8_t *end, uint32_t *cp)
{
	if (*p == end)
		return mp_fail(r, "marker without a character");
	if (!next_cp(r, p, end, cp))
		return false;
	return printable(*cp) || mp_fail(r, "control character in a cell");
}

static bool read_char(mp_reader *r, cell_writer *w, uint32_t cp, uint8_t width, bool half)
{
	if (!room(r, w, 1 + half))
		return false;
	release(w);
	w->held = true;
	w->held_col = w->col++;
	w->held_width = width;
	w->chars[0] = cp;
	w->nchars = 1;
	if (half)
		put(w, w->col++, 0, NULL, 0);
	return true;
}

static bool read_text(mp_reader *r, cell_writer *w)
{
	const char *s;
	uint32_t len;
	if (!mp_read_str(r, MAX_TEXT_BYTES, &s, &len))
		return false;
	if (len == 0)
		return mp_fail(r, "empty text");
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	while (p < end) {
		uint32_t cp, c;
		if (!next_cp(r, &p, end, &cp))
			return false;
		bool ok;
		switch (cp) {
		case MARK_COMBINE:
			ok = marked_cp(r, &p, end, &c) &&
			     ((w->held && w->nchars < TERM_MAX_CHARS) ||
			      mp_fail(r, "combining mark without room on a character"));
			if (ok)
				w->chars[w->nchars++] = c;
			break;
		case MARK_WIDE:
		case MARK_WIDE_ALONE:
			ok = marked_cp(r, &p, end, &c) && read_char(r, w, c, 2, cp == MARK_WIDE);
			break;
		case MARK_RIGHT_HALF:
			ok = room(r, w, 1);
			if (ok) {
				release(w);
				put(w, w->col++, 0, NULL, 0);
			}
			break;
		default:
			ok = printable(cp) ? read_char(r, w, cp, 1, false)
					   : mp_fail(r, "control character in a cell");
			break;
		}
		if (!ok)
			return false;
	}
	release(w);
	return true;
}

static bool read_colour(mp_reader *r, term_colour *c)
{
	uint32_t v;
	if (!mp_read_u32(r, WIRE_RGB | 0xffffffu, &v))
		return false;
	if (v == 0)
		*c = TERM_COLOUR_DEFAULT;
	else if (v <= 256)
		*c = TERM_COLOUR_PALETTE(v - 1);
	else if (v >= WIRE_RGB)
		*c = TERM_COLOUR_RGB(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
	else
		return mp_fail(r, "bad colour");
	return true;
}

/* The pen's hyperlink: a URI, then maybe an id (link.h may expire its oldest for it). */
static bool read_link(mp_reader *r, uint32_t n, term_cell *pen)
{
	const char *uri, *id = "";
	uint32_t uri_len, id_len = 0;
	if (!mp_read_str(r, TERM_LINK_MAX_URI, &uri, &uri_len))
		return false;
	if (n > 5 && !mp_read_str(r, TERM_LINK_MAX_ID, &id, &id_len))
		return false;
	if (!term_link_valid(id, id_len, uri, uri_len))
		return mp_fail(r, "bad link");
	pen->link = term_link_make(id, id_len, uri, uri_len);
	return true;
}

static bool read_pen(mp_reader *r, term_cell *pen)
{
	uint32_t n, attrs = 0;
	*pen = term_cell_blank();
	if (!mp_read_array(r, 0, 6, &n))
		return false;
	if (n > 0 && !read_colour(r, &pen->fg))
		return false;
	if (n > 1 && !read_colour(r, &pen->bg))
		return false;
	if (n > 2 && !mp_read_u32(r, TERM_ATTR_ALL, &attrs))
		return false;
	pen->attrs = (uint16_t)attrs;
	if (n > 3 && !read_colour(r, &pen->ul))
		return false;
	return n <= 4 || read_link(r, n, pen);
}

static bool read_blanks(mp_reader *r, cell_writer *w)
{
	uint32_t n;
	if (!mp_read_u32(r, TERM_ROW_MAX_CELLS, &n))
		return false;
	if (n == 0)
		return mp_fail(r, "empty blank run");
	if (!room(r, w, n))
		return false;
	for (uint32_t i = 0; i < n; i++)
		put(w, w->col++, 1, NULL, 0);
	return true;
}

unsigned wire_read_cells(mp_reader *r, uint32_t n, term_row *row, unsigned col, unsigned limit)
{
	cell_writer w = {.row = row, .col = col, .limit = limit, .pen = term_cell_blank()};
	for (uint32_t i = 0; i < n && !r->error; i++) {
		switch (mp_peek(r)) {
		case MP_ARRAY:
			read_pen(r, &w.pen);
			break;
		case MP_UINT:
			read_blanks(r, &w);
			break;
		case MP_STR:
			read_text(r, &w);
			break;
		default:
			mp_fail(r, mp_peek(r) == MP_NONE ? "truncated" : "bad cell entry");
			break;
		}
	}
	return w.col;
}
