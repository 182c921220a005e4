/*
 * A pane's scrollback: the lines that left the top of its screen, packed the moment they
 * leave into blocks of TERM_SB_BLOCK_LINES lines, one malloc a block, freed whole.
 *
 * Why: what a user pays is the process's resident memory, not the sum of its live
 * allocations. A line kept as a row costs 20 bytes a cell plus a row-sized heap piece, and
 * rows freed later (by packing when idle, as before) leave holes the heap never gives
 * back. Packed at once, a line never exists as a row-sized allocation after it leaves the
 * screen (its row is reused for the next blank line), and the heap holds a few similar
 * pieces of a few KB: resident size follows the packed size (docs/term.md, "Scrollback").
 *
 * Packed form: private to this file, never sent anywhere, so it may change freely. It is
 * generic over term_cell: a cell is its text (ch, width, combining marks) plus its "pen",
 * every other byte of the struct, stored raw in a per-block table and compared with memcmp.
 * A field added to term_cell is therefore kept without a change here.
 *
 * A line keeps its row's wrapped flag (a bit of the block's 64).
 *
 * Invariants: every block in the ring holds exactly TERM_SB_BLOCK_LINES lines; the open
 * block (the newest lines) holds fewer; the oldest `dead` lines of the first block (ring or
 * open) were dropped by the limit and wait for their block to be freed; len counts the
 * rest, never more than limit. Lines read back term_row_equal to what was pushed (cut to
 * the width given at push, trailing blanks dropped but for a wrapped line's).
 */
#ifndef RSH_TERM_SCROLLBACK_H
#define RSH_TERM_SCROLLBACK_H

#include <stddef.h>
#include <stdint.h>

#include "row.h"

#define TERM_SB_BLOCK_LINES 64
/* Pens a block's table holds; further ones are written in the line as changes. */
#define TERM_SB_PENS 255

typedef struct term_sb_block term_sb_block;

/* Lines being filled: as a block, with room to grow. */
typedef struct term_sb_open {
	uint32_t nlines, npens;
	uint64_t wrapped; /* bit k: line k wrapped into the next (term_row.wrapped) */
	uint32_t off[TERM_SB_BLOCK_LINES + 1]; /* line k is text[off[k], off[k + 1]) */
	term_cell pens[TERM_SB_PENS];
	uint8_t pen_hash[2 * TERM_SB_PENS + 1]; /* 1 + pen index, 0 for an empty slot */
	uint8_t *text;
	size_t text_cap;
} term_sb_open;

typedef struct term_scrollback {
	unsigned len;   /* lines held (read only) */
	unsigned limit; /* lines kept at most; 0 keeps none */
	unsigned dead;  /* dropped lines at the start of the first block */
	term_sb_block **ring;
	unsigned nblocks, ring_cap, ring_head;
	term_sb_open *open; /* NULL until the first push */
} term_scrollback;

void term_sb_init(term_scrollback *sb, unsigned limit);
void term_sb_free(term_scrollback *sb);

/* Packs the first cols cells of row (trailing blanks left out) as the newest line,
 * dropping the oldest when limit lines are held. The row is only read. */
void term_sb_push(term_scrollback *sb, const term_row *row, unsigned cols);

/* Line i, 0 the oldest, as a new row (refs 1) the caller owns. i < len. */
term_row *term_sb_line(const term_scrollback *sb, unsigned i);

/* Removes the newest line and returns it as a new row; NULL when there is none. */
term_row *term_sb_pop(term_scrollback *sb);

/* Bytes allocated for the scrollback (not malloc's own overhead). */
size_t term_sb_memory(const term_scrollback *sb);

#endif
