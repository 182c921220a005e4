/*
 * The difference between two screen snapshots, and applying it.
 *
 * A diff describes the new screen row by row in terms of the old one: runs of rows copied
 * from the old screen (which is how a scroll costs one run, whatever its size), runs of
 * blank rows, old rows with a few cell spans changed, and literal rows. Cursor, modes, bells,
 * title and clipboard travel only when they changed; so do the rows' wrapped flags
 * (term_row.wrapped), by row index: without TERM_DIFF_WRAPS new row i has old row i's flag
 * (none past the old rows), whatever op made it.
 *
 * Rows taken from the old screen read as the old screen showed them: blank past the old
 * width, whatever the row stores beyond it. A NULL old screen is a blank screen of the new
 * size with a visible block cursor at 0,0, no modes, no bells and no title
 * (term_snapshot_new), which is how a whole screen is sent.
 *
 * wire.h turns a diff into msgpack and back (docs/protocol.md, "Screen diff").
 */
#ifndef RSH_TERM_DIFF_H
#define RSH_TERM_DIFF_H

#include <stdbool.h>
#include <stdint.h>

#include "snapshot.h"

enum term_diff_kind {
	TERM_DIFF_COPY = 0,    /* count rows from the old screen, starting at src */
	TERM_DIFF_BLANK = 1,   /* count blank rows */
	TERM_DIFF_LITERAL = 2, /* one row: row's cells */
	TERM_DIFF_PATCH = 3,   /* one row: old row src with the spans' cells taken from row */
};

typedef struct term_diff_span {
	uint16_t col, len;
} term_diff_span;

typedef struct term_diff_op {
	uint8_t kind;    /* enum term_diff_kind */
	uint16_t src;    /* COPY, PATCH */
	uint16_t count;  /* rows the op makes: 1 for LITERAL and PATCH */
	term_row *row;   /* LITERAL, PATCH (only the cells inside spans count); else NULL */
	uint16_t nspans; /* PATCH: ascending, disjoint, none empty */
	term_diff_span *spans;
} term_diff_op;

/* What besides the cells a diff changes. */
enum term_diff_changes {
	TERM_DIFF_CURSOR = 1u << 0,
	TERM_DIFF_MODES = 1u << 1,
	TERM_DIFF_BELLS = 1u << 2,
	TERM_DIFF_TITLE = 1u << 3,
	TERM_DIFF_CLIP = 1u << 4,
	TERM_DIFF_WRAPS = 1u << 5,
};

/* The wrapped flags of a screen, bit r % 8 of byte r / 8 for row r. */
#define TERM_DIFF_WRAP_BYTES ((TERM_MAX_ROWS + 7) / 8)

typedef struct term_diff {
	uint16_t rows, cols; /* the new screen's size */
	uint16_t nops;       /* the ops' counts add up to rows */
	term_diff_op *ops;
	uint8_t changes;     /* enum term_diff_changes: which of the fields below count */
	term_cursor cursor;
	uint32_t modes;
	uint32_t bells;
	char *title;         /* NULL unless TERM_DIFF_TITLE */
	term_clip *clip;     /* a reference, NULL unless TERM_DIFF_CLIP (NULL then: none) */
	uint8_t wraps[TERM_DIFF_WRAP_BYTES]; /* TERM_DIFF_WRAPS: every new row's flag */
} term_diff;

/* Row r's flag in a wraps bitmap. */
static inline bool term_diff_wrapped(const uint8_t *wraps, unsigned r)
{
	return (wraps[r / 8] >> (r % 8)) & 1;
}

/*
 * The diff that turns old (NULL: blank) into new. It holds references to new's rows, so it
 * costs little beyond the rows that changed.
 */
term_diff *term_diff_compute(const term_snapshot *old, const term_snapshot *new);

/*
 * The new snapshot: old with d applied, sharing old's rows wherever d copies them. A diff
 * that does not fit old (rows it names are not there, sizes over TERM_MAX_ROWS or
 * TERM_MAX_COLS, spans or cursor outside the screen, counts that do not add up) gives NULL
 * and a reason in *err.
 */
term_snapshot *term_diff_apply(const term_snapshot *old, const term_diff *d, const char **err);

void term_diff_free(term_diff *d);

/* Same ops and changes, cells compared by content: decode(encode(d)) equals d. */
bool term_diff_equal(const term_diff *a, const term_diff *b);

#endif
