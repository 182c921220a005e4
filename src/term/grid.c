/* A pane's screen: a ring of shared rows, scroll regions and scrollback. */
#include "grid.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"

static term_row *blank_row(term_grid *grid, term_colour bg)
{
	if (bg == TERM_COLOUR_DEFAULT && grid->spare != NULL) {
		term_row *row = grid->spare;
		grid->spare = NULL;
		row->ncells = 0;
		row->ncomb = 0;
		row->hash = 0;
		row->wrapped = false;
		return row;
	}
	if (bg == TERM_COLOUR_DEFAULT)
		return term_row_new(0); /* reads blank at any width */
	term_row *row = term_row_new(grid->cols);
	for (unsigned c = 0; c < grid->cols; c++)
		row->cells[c].bg = bg;
	return row;
}

term_grid *term_grid_new(unsigned rows, unsigned cols, unsigned limit)
{
	term_grid *grid = xcalloc(1, sizeof *grid);
	grid->rows = rows;
	grid->cols = cols;
	term_sb_init(&grid->sb, limit);
	grid->ring = xcalloc(rows ? rows : 1, sizeof *grid->ring);
	for (unsigned r = 0; r < rows; r++)
		grid->ring[r] = blank_row(grid, TERM_COLOUR_DEFAULT);
	return grid;
}

void term_grid_free(term_grid *grid)
{
	if (grid == NULL)
		return;
	for (unsigned r = 0; r < grid->rows; r++)
		term_row_unref(grid->ring[r]);
	term_sb_free(&grid->sb);
	term_row_unref(grid->spare);
	free(grid->ring);
	free(grid);
}

/* Packs a row leaving the top of the screen into the scrollback, as shown (cells hidden
 * by a narrower screen go); the row itself becomes the next blank one if nobody shares it. */
static void push_scrollback(term_grid *grid, term_row *row)
{
	term_sb_push(&grid->sb, row, grid->cols);
	grid->sb_total++;
	if (row->refs == 1 && grid->spare == NULL)
		grid->spare = row;
	else
		term_row_unref(row);
}

/* Rows leaving the screen at the top of a region: scrollback for a region at row 0. */
static void drop_row(term_grid *grid, unsigned top, term_row *row, bool keep)
{
	if (keep && top == 0)
		push_scrollback(grid, row);
	else
		term_row_unref(row);
}

static void scroll_up(term_grid *grid, unsigned top, unsigned bottom, unsigned n,
		      term_colour bg)
{
	/* Like VTermScreen, keep scrolled-off lines only when some lines move. */
	bool keep = n < bottom - top;
	for (unsigned r = top; r < top + n; r++)
		drop_row(grid, top, *term_grid_slot(grid, r), keep);
	if (top == 0 && bottom == grid->rows) {
		/* The whole screen: turn the ring; the freed slots come round at the bottom. */
		for (unsigned r = 0; r < n; r++)
			*term_grid_slot(grid, r) = blank_row(grid, bg);
		grid->top = (grid->top + n) % grid->rows;
		return;
	}
	for (unsigned r = top; r + n < bottom; r++)
		*term_grid_slot(grid, r) = *term_grid_slot(grid, r + n);
	for (unsigned r = bottom - n; r < bottom; r++)
		*term_grid_slot(grid, r) = blank_row(grid, bg);
}

static void scroll_down(term_grid *grid, unsigned top, unsigned bottom, unsigned n,
			term_colour bg)
{
	for (unsigned r = bottom - n; r < bottom; r++)
		term_row_unref(*term_grid_slot(grid, r));
	if (top == 0 && bottom == grid->rows) {
		grid->top = (grid->top + grid->rows - n) % grid->rows;
		for (unsigned r = 0; r < n; r++)
			*term_grid_slot(grid, r) = blank_row(grid, bg);
		return;
	}
	for (unsigned r = bottom; r-- > top + n;)
		*term_grid_slot(grid, r) = *term_grid_slot(grid, r - n);
	for (unsigned r = top; r < top + n; r++)
		*term_grid_slot(grid, r) = blank_row(grid, bg);
}

void term_grid_scroll(term_grid *grid, unsigned top, unsigned bottom, int n, term_colour bg)
{
	if (bottom > grid->rows)
		bottom = grid->rows;
	if (top >= bottom || n == 0)
		return;
	unsigned k = (unsigned)(n > 0 ? n : -n);
	if (k > bottom - top)
		k = bottom - top;
	if (n > 0)
		scroll_up(grid, top, bottom, k, bg);
	else
		scroll_down(grid, top, bottom, k, bg);
}

void term_grid_erase(term_grid *grid, unsigned row, unsigned from, unsigned to, term_colour bg)
{
	if (row >= grid->rows || from >= grid->cols || from >= to)
		return;
	term_row *r = term_grid_writable(grid, row);
	if (to >= grid->cols) {
		if (from < r->ncells)
			term_row_resize(r, from);
		to = grid->cols;
		r->wrapped = false; /* its end is gone: nothing runs on into the next row */
	}
	for (unsigned c = from; c < to; c++)
		term_row_set_blank(r, c, bg);
}

void term_grid_resize(term_grid *grid, unsigned rows, unsigned cols)
{
	term_row **ring = xcalloc(rows ? rows : 1, sizeof *ring);
	for (unsigned r = 0; r < grid->rows; r++) {
		if (r < rows)
			ring[r] = *term_grid_slot(grid, r);
		else
			term_row_unref(*term_grid_slot(grid, r));
	}
	/* Wrapped flags that no longer hold (no reflow: rows keep their cells): a row whose
	 * text now goes past the narrower edge does not run on into the next row there, and
	 * the last row kept has lost the row it ran on into. */
	for (unsigned r = 0; r < rows && r < grid->rows; r++) {
		bool lost_next = r + 1 == rows && rows < grid->rows;
		if (ring[r]->wrapped && (lost_next || term_row_used(ring[r]) > cols))
			term_row_writable(&ring[r])->wrapped = false;
	}
	grid->cols = cols;
	for (unsigned r = grid->rows; r < rows; r++)
		ring[r] = blank_row(grid, TERM_COLOUR_DEFAULT);
	free(grid->ring);
	grid->ring = ring;
	grid->rows = rows;
	grid->top = 0;
}

bool term_grid_pop_scrollback(term_grid *grid)
{
	if (grid->sb.len == 0 || grid->rows == 0)
		return false;
	grid->sb_total--;
	grid->sb_epoch++;
	term_row_unref(*term_grid_slot(grid, grid->rows - 1));
	grid->top = (grid->top + grid->rows - 1) % grid->rows;
	*term_grid_slot(grid, 0) = term_sb_pop(&grid->sb);
	return true;
}

void term_grid_clear_scrollback(term_grid *grid)
{
	unsigned limit = grid->sb.limit;
	term_sb_free(&grid->sb);
	term_sb_init(&grid->sb, limit);
	grid->sb_epoch++;
}

bool term_grid_row_empty(const term_grid *grid, unsigned row)
{
	const term_row *r = term_grid_row(grid, row);
	unsigned n = r->ncells < grid->cols ? r->ncells : grid->cols;
	for (unsigned c = 0; c < n; c++)
		if (r->cells[c].ch != 0)
			return false;
	return true;
}

term_row *term_grid_scrollback_line(const term_grid *grid, unsigned i)
{
	return term_sb_line(&grid->sb, i);
}

size_t term_grid_scrollback_memory(const term_grid *grid)
{
	return term_sb_memory(&grid->sb);
}
