/*
 * A pane's screen as rows of cells, plus the scrollback above it.
 *
 * The visible rows sit in a ring: scrolling the whole screen up by one line moves the
 * ring's start instead of every row pointer, so a `seq` flood costs O(columns) a line.
 * Rows are the shared copy-on-write rows of row.h, so a snapshot only takes references.
 *
 * A row may hold more cells than the screen is wide (kept when the screen narrows, shown
 * again when it widens); readers look at the first cols cells only.
 */
#ifndef RSH_TERM_GRID_H
#define RSH_TERM_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "row.h"
#include "scrollback.h"

#define TERM_SCROLLBACK_DEFAULT 10000

typedef struct term_grid {
	unsigned rows, cols;
	term_row **ring; /* rows slots; screen row r is ring[(top + r) % rows] */
	unsigned top;
	term_scrollback sb; /* lines pushed off the top, packed (scrollback.h) */
	/* History numbering for clients' caches: the line after the newest is number
	 * sb_total (lines pushed less lines popped), so line i is sb_total - sb.len + i.
	 * sb_epoch grows whenever a number may come to name other content (a pop, a clear):
	 * a client's cached lines are good only for the epoch they came in. */
	uint64_t sb_total;
	uint32_t sb_epoch;
	term_row *spare;    /* a row that left the screen, kept for the next blank line */
} term_grid;

/* limit is the scrollback length in lines; 0 keeps none (the alternate screen). */
term_grid *term_grid_new(unsigned rows, unsigned cols, unsigned limit);
void term_grid_free(term_grid *grid);

static inline term_row **term_grid_slot(term_grid *grid, unsigned row)
{
	unsigned i = grid->top + row;
	return &grid->ring[i >= grid->rows ? i - grid->rows : i];
}

static inline const term_row *term_grid_row(const term_grid *grid, unsigned row)
{
	return *term_grid_slot((term_grid *)grid, row);
}

/* The row, private to the grid and so safe to change. */
static inline term_row *term_grid_writable(term_grid *grid, unsigned row)
{
	return term_row_writable(term_grid_slot(grid, row));
}

/*
 * Scrolls rows [top, bottom) by n lines, the full width: n > 0 moves content up, n < 0
 * down. Rows scrolled off the top of a region starting at row 0 go to the scrollback (if
 * the grid keeps one); the rows scrolled in are blank with background bg.
 */
void term_grid_scroll(term_grid *grid, unsigned top, unsigned bottom, int n, term_colour bg);

/* Blanks cells [from, to) of a row with background bg; to >= cols also drops hidden cells. */
void term_grid_erase(term_grid *grid, unsigned row, unsigned from, unsigned to, term_colour bg);

/* Changes the size, keeping the top rows: rows are dropped or added at the bottom. Rows
 * keep their cells (no reflow); a wrapped flag that no longer holds goes (a row whose text
 * passes the narrower edge, the last row when the one below it was dropped). */
void term_grid_resize(term_grid *grid, unsigned rows, unsigned cols);

/* Takes back the newest scrollback line into the top row, scrolling the screen down by
 * one (its bottom row is lost). False when the scrollback is empty. */
bool term_grid_pop_scrollback(term_grid *grid);

/* Drops every scrollback line (clear-history); the epoch grows. */
void term_grid_clear_scrollback(term_grid *grid);

/* True when the first cols cells of the row hold no character. */
bool term_grid_row_empty(const term_grid *grid, unsigned row);

/* Scrollback line i, 0 the oldest (i < sb.len): a new row the caller releases
 * (term_row_unref). */
term_row *term_grid_scrollback_line(const term_grid *grid, unsigned i);
/* Bytes held by the scrollback (not malloc's overhead). */
size_t term_grid_scrollback_memory(const term_grid *grid);

#endif
