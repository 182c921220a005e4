/* Shared, copy-on-write rows of cells. */
#include "row.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"

term_row *term_row_new(unsigned ncells)
{
	term_row *row = xcalloc(1, sizeof *row);
	row->refs = 1;
	term_row_resize(row, ncells);
	return row;
}

term_row *term_row_ref(term_row *row)
{
	row->refs++;
	return row;
}

void term_row_unref(term_row *row)
{
	if (row == NULL || --row->refs > 0)
		return;
	free(row->cells);
	free(row->comb);
	free(row);
}

term_row *term_row_copy(const term_row *src)
{
	term_row *row = xcalloc(1, sizeof *row);
	row->refs = 1;
	row->ncells = row->cap = src->ncells;
	row->cells = xmemdup(src->cells, (size_t)src->ncells * sizeof *src->cells);
	row->ncomb = row->comb_cap = src->ncomb;
	row->comb = src->ncomb ? xmemdup(src->comb, (size_t)src->ncomb * sizeof *src->comb) : NULL;
	row->hash = src->hash;
	row->hash_cols = src->hash_cols;
	row->wrapped = src->wrapped;
	return row;
}

term_row *term_row_unshare(term_row **slot)
{
	term_row *row = *slot;
	*slot = term_row_copy(row);
	term_row_unref(row);
	(*slot)->hash = 0;
	return *slot;
}

term_cell term_row_get(const term_row *row, unsigned col)
{
	return col < row->ncells ? row->cells[col] : term_cell_blank();
}

unsigned term_row_chars(const term_row *row, unsigned col, uint32_t out[TERM_MAX_CHARS])
{
	if (col >= row->ncells || row->cells[col].ch == 0)
		return 0;
	const term_cell *c = &row->cells[col];
	out[0] = c->ch;
	if (c->comb == 0)
		return 1;
	const uint32_t *p = row->comb + (c->comb - 1);
	unsigned n = p[0];
	memcpy(out + 1, p + 1, n * sizeof *p);
	return 1 + n;
}

void term_row_resize(term_row *row, unsigned ncells)
{
	if (ncells > TERM_ROW_MAX_CELLS)
		ncells = TERM_ROW_MAX_CELLS;
	if (ncells > row->cap) {
		unsigned cap = row->cap ? row->cap : 8;
		while (cap < ncells)
			cap *= 2;
		if (cap > TERM_ROW_MAX_CELLS)
			cap = TERM_ROW_MAX_CELLS;
		row->cells = xreallocarray(row->cells, cap, sizeof *row->cells);
		row->cap = (uint16_t)cap;
	}
	for (unsigned i = row->ncells; i < ncells; i++)
		row->cells[i] = term_cell_blank();
	row->ncells = (uint16_t)ncells;
	row->hash = 0;
}

/* Rebuilds the combining pool from the cells that still use it. */
static void compact_comb(term_row *row)
{
	uint32_t *pool = row->ncomb ? xmalloc(row->ncomb * sizeof *pool) : NULL;
	uint32_t used = 0;
	for (unsigned i = 0; i < row->ncells; i++) {
		term_cell *c = &row->cells[i];
		if (c->comb == 0)
			continue;
		const uint32_t *p = row->comb + (c->comb - 1);
		memcpy(pool + used, p, (p[0] + 1) * sizeof *p);
		c->comb = (uint16_t)(used + 1);
		used += p[0] + 1;
	}
	free(row->comb);
	row->comb = pool;
	row->ncomb = row->comb_cap = used;
}

/* Stores n combining code points; returns the cell's comb value, 0 if they cannot fit. */
static uint16_t store_comb(term_row *row, const uint32_t *marks, unsigned n)
{
	if (n == 0)
		return 0;
	if (row->ncomb + n + 1 > row->comb_cap) {
		compact_comb(row);
		uint32_t cap = row->comb_cap ? row->comb_cap * 2 : 16;
		while (cap < row->ncomb + n + 1)
			cap *= 2;
		row->comb = xreallocarray(row->comb, cap, sizeof *row->comb);
		row->comb_cap = cap;
	}
	if (row->ncomb + n + 1 > UINT16_MAX)
		return 0;
	uint32_t at = row->ncomb;
	row->comb[at] = n;
	memcpy(row->comb + at + 1, marks, n * sizeof *marks);
	row->ncomb += n + 1;
	return (uint16_t)(at + 1);
}

void term_row_set(term_row *row, unsigned col, const term_cell *cell, const uint32_t *chars,
		  unsigned nchars)
{
	if (col >= TERM_ROW_MAX_CELLS)
		return;
	if (col == row->ncells && col < row->cap)
		row->ncells++; /* text running on (most of a flood): the cell is written below */
	else if (col >= row->ncells)
		term_row_resize(row, col + 1);
	if (nchars > TERM_MAX_CHARS)
		nchars = TERM_MAX_CHARS;
	term_cell *c = &row->cells[col];
	*c = *cell;
	c->ch = nchars ? chars[0] : 0;
	c->comb = 0; /* the old marks become garbage for compact_comb */
	memset(c->pad_, 0, sizeof c->pad_);
	if (nchars > 1)
		c->comb = store_comb(row, chars + 1, nchars - 1);
	row->hash = 0;
}

void term_row_set_blank(term_row *row, unsigned col, term_colour bg)
{
	if (col >= row->ncells && bg == TERM_COLOUR_DEFAULT)
		return; /* already blank */
	term_cell c = term_cell_blank();
	c.bg = bg;
	term_row_set(row, col, &c, NULL, 0);
}

unsigned term_row_used(const term_row *row)
{
	unsigned n = row->ncells;
	while (n > 0 && term_cell_is_blank(&row->cells[n - 1]))
		n--;
	return n;
}

int term_row_cell_equal(const term_row *a, const term_row *b, unsigned col)
{
	term_cell ca = term_row_get(a, col), cb = term_row_get(b, col);
	if (ca.ch != cb.ch || !term_cell_same_pen(&ca, &cb) || ca.width != cb.width || (ca.comb == 0) != (cb.comb == 0))
		return 0;
	if (ca.comb == 0)
		return 1;
	uint32_t xa[TERM_MAX_CHARS], xb[TERM_MAX_CHARS];
	unsigned na = term_row_chars(a, col, xa), nb = term_row_chars(b, col, xb);
	return na == nb && memcmp(xa, xb, na * sizeof *xa) == 0;
}

int term_row_equal(const term_row *a, const term_row *b, unsigned cols)
{
	if (a == b)
		return 1;
	for (unsigned i = 0; i < cols; i++)
		if (!term_row_cell_equal(a, b, i))
			return 0;
	return 1;
}

/* FNV-1a over 32-bit words. */
static uint64_t mix(uint64_t h, uint32_t v)
{
	for (int i = 0; i < 4; i++) {
		h ^= (v >> (8 * i)) & 0xff;
		h *= 0x100000001b3ull;
	}
	return h;
}

uint64_t term_row_hash(term_row *row, unsigned cols)
{
	if (row->hash != 0 && row->hash_cols == cols)
		return row->hash;
	uint64_t h = 0xcbf29ce484222325ull;
	/* Trailing blanks within cols read the same as cells past ncells: leave both out. */
	unsigned used = row->ncells < cols ? row->ncells : cols;
	while (used > 0 && term_cell_is_blank(&row->cells[used - 1]))
		used--;
	for (unsigned i = 0; i < used; i++) {
		uint32_t chars[TERM_MAX_CHARS];
		unsigned n = term_row_chars(row, i, chars);
		const term_cell *c = &row->cells[i];
		h = mix(h, n);
		for (unsigned k = 0; k < n; k++)
			h = mix(h, chars[k]);
		h = mix(mix(mix(mix(h, c->fg), c->bg), c->ul), (uint32_t)c->attrs << 8 | c->width);
	}
	h = mix(h, cols);
	row->hash = h ? h : 1;
	row->hash_cols = (uint16_t)cols;
	return row->hash;
}
