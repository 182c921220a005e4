/* Scrollback lines packed into blocks as they leave the screen (scrollback.h). */
#include "scrollback.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"

/*
 * A line is a sequence of operations, each making one or more cells in the current pen
 * (the line starts in the pen of a default blank cell):
 *   0x01-0x7f        one width-1 cell of that ASCII character
 *   0xc2-0xf4 ...    one width-1 cell of that UTF-8 encoded scalar value
 *   OP_BLANKS n      n cells with no character (n a LEB128 varint)
 *   OP_PEN i         the pen becomes the block's pens[i]
 *   OP_PEN_DELTA     the pen changes in the bytes a bit mask names (PEN_MASK_BYTES, bit
 *                    i%8 of byte i/8 for the pen's byte i), their new values following
 *                    (for a pen the full table cannot take: an RGB colour is 8 bytes)
 *   OP_WIDE c        a width-2 cell of character c (ASCII or UTF-8), then its right half:
 *                    a cell with no character, width 0, the same pen
 *   OP_CELL          anything else: varint ch, width byte, count byte, count varints
 *                    (combining marks)
 * Bytes 0x80-0xbf never start a UTF-8 character, so they are free for the operations.
 */
enum {
	OP_BLANKS = 0x00,
	OP_PEN = 0x80,
	OP_PEN_DELTA = 0x81,
	OP_WIDE = 0x82,
	OP_CELL = 0x83,
};

#define PEN_MASK_BYTES ((sizeof(term_cell) + 7) / 8)
/* The most a cell can take packed: a pen change in every byte, then OP_CELL with every
 * mark. */
#define MAX_CELL_BYTES \
	(1 + PEN_MASK_BYTES + sizeof(term_cell) + 1 + 5 + 2 + 5 * (TERM_MAX_CHARS - 1))

struct term_sb_block {
	uint32_t npens;
	uint64_t wrapped; /* bit k: line k's row wrapped */
	uint32_t off[TERM_SB_BLOCK_LINES + 1];
	/* then npens pens, then off[TERM_SB_BLOCK_LINES] bytes of text */
	term_cell pens[];
};

/* What reading a line needs, from a sealed or an open block. */
struct block_view {
	uint64_t wrapped;
	const uint32_t *off;
	const term_cell *pens;
	const uint8_t *text;
};

static const uint8_t *block_text(const term_sb_block *b)
{
	return (const uint8_t *)(b->pens + b->npens);
}

static uint8_t *put_varint(uint8_t *p, uint32_t v)
{
	while (v >= 0x80) {
		*p++ = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t)v;
	return p;
}

/* UTF-8 of a scalar value 0x80-0x10ffff (not a surrogate). */
static uint8_t *put_utf8(uint8_t *p, uint32_t c)
{
	if (c < 0x800) {
		*p++ = (uint8_t)(0xc0 | c >> 6);
	} else if (c < 0x10000) {
		*p++ = (uint8_t)(0xe0 | c >> 12);
		*p++ = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
	} else {
		*p++ = (uint8_t)(0xf0 | c >> 18);
		*p++ = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
		*p++ = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
	}
	*p++ = (uint8_t)(0x80 | (c & 0x3f));
	return p;
}

static bool is_utf8_scalar(uint32_t c)
{
	return c >= 0x80 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff);
}

static uint64_t pen_hash(const term_cell *pen)
{
	const uint8_t *p = (const uint8_t *)pen;
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < sizeof *pen; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

/* Index of pen in the open block's table, added if there is room; -1 if there is not. */
static int pen_index(term_sb_open *o, const term_cell *pen)
{
	size_t slots = sizeof o->pen_hash;
	for (size_t s = pen_hash(pen) % slots;; s = (s + 1) % slots) {
		unsigned k = o->pen_hash[s];
		if (k == 0) {
			if (o->npens == TERM_SB_PENS)
				return -1;
			memcpy(&o->pens[o->npens], pen, sizeof *pen);
			o->pen_hash[s] = (uint8_t)++o->npens;
			return (int)o->npens - 1;
		}
		if (memcmp(&o->pens[k - 1], pen, sizeof *pen) == 0)
			return (int)k - 1;
	}
}

/* The change from pen old to pen new. */
static uint8_t *put_pen(term_sb_open *o, uint8_t *p, const term_cell *old, const term_cell *new)
{
	int i = pen_index(o, new);
	if (i >= 0) {
		*p++ = OP_PEN;
		*p++ = (uint8_t)i;
		return p;
	}
	const uint8_t *a = (const uint8_t *)old, *b = (const uint8_t *)new;
	uint8_t *mask = p + 1;
	*p = OP_PEN_DELTA;
	memset(mask, 0, PEN_MASK_BYTES);
	p = mask + PEN_MASK_BYTES;
	for (size_t k = 0; k < sizeof *new; k++) {
		if (a[k] != b[k]) {
			mask[k / 8] |= (uint8_t)(1u << (k % 8));
			*p++ = b[k];
		}
	}
	return p;
}

/* Applies an OP_PEN_DELTA's mask and bytes at p to pen; returns what follows. */
static const uint8_t *get_pen_delta(const uint8_t *p, term_cell *pen)
{
	const uint8_t *mask = p;
	uint8_t *b = (uint8_t *)pen;
	p += PEN_MASK_BYTES;
	for (size_t k = 0; k < sizeof *pen; k++)
		if (mask[k / 8] & (1u << (k % 8)))
			b[k] = *p++;
	return p;
}

/* A character as ASCII or UTF-8 when it is one; NULL when it needs OP_CELL. */
static inline uint8_t *put_char(uint8_t *p, uint32_t c)
{
	if (c != 0 && c < 0x80) {
		*p++ = (uint8_t)c;
		return p;
	}
	return is_utf8_scalar(c) ? put_utf8(p, c) : NULL;
}

/* The cell is blank (no character, width 1) in the given pen. */
static bool blank_in(const term_cell *c, const term_cell *pen)
{
	term_cell p;
	term_cell_pen(c, &p);
	return c->ch == 0 && c->width == 1 && c->comb == 0 && memcmp(&p, pen, sizeof p) == 0;
}

/* Packs cells from col (< n, in pen, the cell's own), one operation; returns the cells it
 * took. */
static unsigned put_cell(const term_row *row, unsigned col, unsigned n, const term_cell *pen,
			 uint8_t **pp)
{
	const term_cell *c = &row->cells[col];
	uint8_t *p = *pp, *q;
	if (c->ch - 1 < 0x7f && c->width == 1 && c->comb == 0) {
		*p++ = (uint8_t)c->ch; /* the common case first */
		*pp = p;
		return 1;
	}
	if (blank_in(c, pen)) {
		unsigned k = 1;
		while (col + k < n && blank_in(&c[k], pen))
			k++;
		*p++ = OP_BLANKS;
		*pp = put_varint(p, k);
		return k;
	}
	if (c->comb == 0 && c->width == 1 && (q = put_char(p, c->ch)) != NULL) {
		*pp = q;
		return 1;
	}
	if (c->comb == 0 && c->width == 2 && col + 1 < n && c[1].ch == 0 && c[1].width == 0 &&
	    c[1].comb == 0) {
		term_cell half;
		term_cell_pen(&c[1], &half);
		if (memcmp(&half, pen, sizeof half) == 0 && (q = put_char(p + 1, c->ch)) != NULL) {
			*p = OP_WIDE;
			*pp = q;
			return 2;
		}
	}
	uint32_t chars[TERM_MAX_CHARS];
	unsigned nchars = term_row_chars(row, col, chars);
	*p++ = OP_CELL;
	p = put_varint(p, c->ch);
	*p++ = c->width;
	*p++ = (uint8_t)(nchars > 1 ? nchars - 1 : 0);
	for (unsigned i = 1; i < nchars; i++)
		p = put_varint(p, chars[i]);
	*pp = p;
	return 1;
}

static void reserve_text(term_sb_open *o, size_t more)
{
	o->text = xgrow(o->text, &o->text_cap, o->off[o->nlines] + more, 4096);
}

/* Appends the first n cells of row to the open block as its newest line. */
static void pack_line(term_sb_open *o, const term_row *row, unsigned n)
{
	/* A byte more than the cells need: never a NULL text for an empty line (NULL + 0 is
	 * undefined; clang's UBSan said so under fuzz_emulator). */
	reserve_text(o, (size_t)n * MAX_CELL_BYTES + 1);
	uint8_t *start = o->text + o->off[o->nlines], *p = start;
	term_cell pen, cp, blank = term_cell_blank();
	term_cell_pen(&blank, &pen);
	for (unsigned col = 0; col < n;) {
		term_cell_pen(&row->cells[col], &cp);
		if (memcmp(&cp, &pen, sizeof pen) != 0) {
			p = put_pen(o, p, &pen, &cp);
			memcpy(&pen, &cp, sizeof pen);
		}
		col += put_cell(row, col, n, &pen, &p);
	}
	if (row->wrapped)
		o->wrapped |= (uint64_t)1 << o->nlines;
	else
		o->wrapped &= ~((uint64_t)1 << o->nlines);
	o->nlines++;
	o->off[o->nlines] = o->off[o->nlines - 1] + (uint32_t)(p - start);
}

static uint32_t get_varint(const uint8_t **pp)
{
	const uint8_t *p = *pp;
	uint32_t v = 0;
	for (unsigned shift = 0;; shift += 7) {
		uint8_t b = *p++;
		v |= (uint32_t)(b & 0x7f) << shift;
		if (b < 0x80)
			break;
	}
	*pp = p;
	return v;
}

/* A character written by put_char. */
static uint32_t get_char(const uint8_t **pp)
{
	const uint8_t *p = *pp;
	uint32_t c = *p++;
	if (c >= 0x80) {
		unsigned extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
		c &= 0x3f >> extra;
		while (extra-- > 0)
			c = c << 6 | (*p++ & 0x3f);
	}
	*pp = p;
	return c;
}

/* A cell at col of a row being unpacked (growing it as needed). */
static void set_cell(term_row *row, unsigned col, const term_cell *pen, uint32_t ch,
		     unsigned width)
{
	if (col >= row->ncells)
		term_row_resize(row, col + 1);
	term_cell *c = &row->cells[col];
	*c = *pen;
	c->ch = ch;
	c->width = (uint8_t)width;
}

/* Unpacks one line; the bytes were packed here, so they are trusted. */
static term_row *unpack_line(const struct block_view *v, unsigned k)
{
	const uint8_t *p = v->text + v->off[k], *end = v->text + v->off[k + 1];
	term_row *row = term_row_new(0);
	row->wrapped = (v->wrapped >> k) & 1;
	term_cell pen, blank = term_cell_blank();
	term_cell_pen(&blank, &pen);
	unsigned col = 0;
	while (p < end) {
		uint8_t op = *p;
		if (op == OP_BLANKS) {
			p++;
			for (uint32_t n = get_varint(&p); n > 0; n--)
				set_cell(row, col++, &pen, 0, 1);
		} else if (op == OP_PEN) {
			memcpy(&pen, &v->pens[p[1]], sizeof pen);
			p += 2;
		} else if (op == OP_PEN_DELTA) {
			p = get_pen_delta(p + 1, &pen);
		} else if (op == OP_WIDE) {
			p++;
			set_cell(row, col++, &pen, get_char(&p), 2);
			set_cell(row, col++, &pen, 0, 0);
		} else if (op == OP_CELL) {
			p++;
			uint32_t chars[TERM_MAX_CHARS];
			chars[0] = get_varint(&p);
			unsigned width = *p++, n = 1 + *p++;
			for (unsigned i = 1; i < n; i++)
				chars[i] = get_varint(&p);
			term_cell c = pen;
			c.width = (uint8_t)width;
			term_row_set(row, col++, &c, chars, chars[0] == 0 ? 0 : n);
		} else {
			set_cell(row, col++, &pen, get_char(&p), 1);
		}
	}
	return row;
}

static struct block_view open_view(const term_sb_open *o)
{
	return (struct block_view){o->wrapped, o->off, o->pens, o->text};
}

static struct block_view sealed_view(const term_sb_block *b)
{
	return (struct block_view){b->wrapped, b->off, b->pens, block_text(b)};
}

static term_sb_block **ring_at(const term_scrollback *sb, unsigned i)
{
	return &sb->ring[(sb->ring_head + i) % sb->ring_cap];
}

static void reset_open(term_sb_open *o)
{
	o->nlines = o->npens = 0;
	memset(o->pen_hash, 0, sizeof o->pen_hash);
	/* A huge line's room is not kept for ever. */
	if (o->text_cap > 64 * 1024) {
		free(o->text);
		o->text = NULL;
		o->text_cap = 0;
	}
}

/* The full open block becomes one exact-sized block at the ring's end. */
static void seal(term_scrollback *sb)
{
	term_sb_open *o = sb->open;
	size_t pens = o->npens * sizeof *o->pens, text = o->off[o->nlines];
	term_sb_block *b = xmalloc(sizeof *b + pens + text);
	b->npens = o->npens;
	b->wrapped = o->wrapped;
	memcpy(b->off, o->off, sizeof b->off);
	memcpy(b->pens, o->pens, pens);
	memcpy((uint8_t *)b->pens + pens, o->text, text);
	if (sb->nblocks == sb->ring_cap) {
		unsigned cap = sb->ring_cap ? sb->ring_cap * 2 : 4;
		term_sb_block **ring = xcalloc(cap, sizeof *ring);
		for (unsigned i = 0; i < sb->nblocks; i++)
			ring[i] = *ring_at(sb, i);
		free(sb->ring);
		sb->ring = ring;
		sb->ring_cap = cap;
		sb->ring_head = 0;
	}
	*ring_at(sb, sb->nblocks++) = b;
	reset_open(o);
}

/* The newest sealed block opens again (for a pop), its lines as they were. */
static void unseal(term_scrollback *sb)
{
	term_sb_open *o = sb->open;
	term_sb_block *b = *ring_at(sb, --sb->nblocks);
	reset_open(o);
	for (uint32_t i = 0; i < b->npens; i++)
		pen_index(o, &b->pens[i]); /* the same indexes: the table was empty */
	memcpy(o->off, b->off, sizeof o->off);
	o->wrapped = b->wrapped;
	o->nlines = TERM_SB_BLOCK_LINES;
	reserve_text(o, 0);
	memcpy(o->text, block_text(b), o->off[o->nlines]);
	free(b);
}

/* Forgets the oldest line; its block goes once none of its lines is left. */
static void drop_oldest(term_scrollback *sb)
{
	sb->len--;
	sb->dead++;
	if (sb->nblocks > 0 && sb->dead == TERM_SB_BLOCK_LINES) {
		free(*ring_at(sb, 0));
		sb->ring_head = (sb->ring_head + 1) % sb->ring_cap;
		sb->nblocks--;
		sb->dead = 0;
	}
}

void term_sb_init(term_scrollback *sb, unsigned limit)
{
	*sb = (term_scrollback){.limit = limit};
}

void term_sb_free(term_scrollback *sb)
{
	for (unsigned i = 0; i < sb->nblocks; i++)
		free(*ring_at(sb, i));
	free(sb->ring);
	if (sb->open != NULL)
		free(sb->open->text);
	free(sb->open);
	*sb = (term_scrollback){.limit = sb->limit};
}

void term_sb_push(term_scrollback *sb, const term_row *row, unsigned cols)
{
	if (sb->limit == 0)
		return;
	if (sb->open == NULL)
		sb->open = xcalloc(1, sizeof *sb->open);
	if (sb->len == sb->limit)
		drop_oldest(sb);
	/* A wrapped line keeps its blanks written at the edge (capture-pane -J). */
	unsigned used = row->wrapped ? row->ncells : term_row_used(row);
	pack_line(sb->open, row, used < cols ? used : cols);
	sb->len++;
	if (sb->open->nlines == TERM_SB_BLOCK_LINES)
		seal(sb);
}

term_row *term_sb_line(const term_scrollback *sb, unsigned i)
{
	unsigned g = sb->dead + i, b = g / TERM_SB_BLOCK_LINES, k = g % TERM_SB_BLOCK_LINES;
	struct block_view v = b < sb->nblocks ? sealed_view(*ring_at(sb, b)) : open_view(sb->open);
	return unpack_line(&v, k);
}

term_row *term_sb_pop(term_scrollback *sb)
{
	if (sb->len == 0)
		return NULL;
	if (sb->open->nlines == 0)
		unseal(sb);
	term_sb_open *o = sb->open;
	struct block_view v = open_view(o);
	term_row *row = unpack_line(&v, --o->nlines);
	if (--sb->len == 0) {
		/* Only dropped lines are left, all in the open block. */
		sb->dead = 0;
		reset_open(o);
	}
	return row;
}

size_t term_sb_memory(const term_scrollback *sb)
{
	size_t n = sb->ring_cap * sizeof *sb->ring;
	for (unsigned i = 0; i < sb->nblocks; i++) {
		const term_sb_block *b = *ring_at(sb, i);
		n += sizeof *b + b->npens * sizeof *b->pens + b->off[TERM_SB_BLOCK_LINES];
	}
	if (sb->open != NULL)
		n += sizeof *sb->open + sb->open->text_cap;
	return n;
}
