/*
 * A row of cells, shared by reference between a pane's grid and the snapshots taken of it.
 *
 * A row with more than one reference is frozen: whoever wants to change it first takes a
 * private copy (term_row_writable). So two snapshots holding the same row pointer hold the
 * same content, and unchanged rows compare in O(1).
 *
 * A row stores ncells cells; past them it reads as blank. That lets a blank row hold no
 * cells, and lets a row outlive a change of the screen's width.
 */
#ifndef RSH_TERM_ROW_H
#define RSH_TERM_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cell.h"

typedef struct term_row {
	uint32_t refs;
	uint16_t ncells;   /* cells stored */
	uint16_t cap;      /* cells allocated */
	uint32_t ncomb;    /* words of comb used */
	uint32_t comb_cap; /* words of comb allocated */
	uint32_t *comb;    /* combining marks: at offset k a count n, then n code points */
	uint64_t hash;     /* 0 until computed; any change resets it */
	uint16_t hash_cols; /* the width the cached hash covers */
	/* The terminal wrapped this line's text on into the next row (tmux's
	 * GRID_LINE_WRAPPED: capture-pane -J and copy mode join them). Not content:
	 * term_row_equal and hashes leave it out; snapshots compare it (term_snapshot_equal),
	 * screen diffs carry it by row index and history pages per line. */
	bool wrapped;
	term_cell *cells;
} term_row;

#define TERM_ROW_MAX_CELLS 4096

term_row *term_row_new(unsigned ncells);
term_row *term_row_ref(term_row *row);
void term_row_unref(term_row *row);
/* term_row_writable's copy of a shared row, in *slot; returns it. */
term_row *term_row_unshare(term_row **slot);
/* Makes *slot safe to change: copies it first when it is shared. Returns *slot. Inline:
 * the emulator asks for every character a pane prints. */
static inline term_row *term_row_writable(term_row **slot)
{
	if ((*slot)->refs > 1)
		return term_row_unshare(slot);
	(*slot)->hash = 0;
	return *slot;
}
term_row *term_row_copy(const term_row *row);

/* The cell at col (blank past ncells). */
term_cell term_row_get(const term_row *row, unsigned col);
/* Code points of the cell at col into out; returns how many (0 for a blank cell). */
unsigned term_row_chars(const term_row *row, unsigned col, uint32_t out[TERM_MAX_CHARS]);

/* Writable rows only. Columns past ncells grow the row (up to TERM_ROW_MAX_CELLS). */
void term_row_set(term_row *row, unsigned col, const term_cell *cell, const uint32_t *chars,
		  unsigned nchars);
void term_row_set_blank(term_row *row, unsigned col, term_colour bg);
void term_row_resize(term_row *row, unsigned ncells);

/* Cells up to and including the last non-blank one. */
unsigned term_row_used(const term_row *row);
/* The cells at col are equal, code points compared (not pool offsets). */
int term_row_cell_equal(const term_row *a, const term_row *b, unsigned col);
/* Equal in their first cols cells, code points compared (not pool offsets). */
int term_row_equal(const term_row *a, const term_row *b, unsigned cols);
/* Hash of the first cols cells' content, consistent with term_row_equal; cached. */
uint64_t term_row_hash(term_row *row, unsigned cols);

#endif
