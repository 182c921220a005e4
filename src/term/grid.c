/* A pane's screen: a ring of shared rows, scroll regions and scrollback. */
#include "grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/msgpack_read.h"
#include "../util/xmalloc.h"
#include "wire_cells.h"

static term_row *blank_row(term_grid *grid, term_colour bg)
{
	if (bg == TERM_COLOUR_DEFAULT && grid->spare != NULL) {
		term_row *row = grid->spare;
		grid->spare = NULL;
		row->ncells = 0;
		row->ncomb = 0;
		row->hash = 0;
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
	grid->sb_limit = limit;
	grid->ring = xcalloc(rows ? rows : 1, sizeof *grid->ring);
	for (unsigned r = 0; r < rows; r++)
		grid->ring[r] = blank_row(grid, TERM_COLOUR_DEFAULT);
	return grid;
}

static term_sb_line *sb_line(const term_grid *grid, unsigned i)
{
	return &grid->sb[(grid->sb_head + i) % grid->sb_cap];
}

static void free_line(term_sb_line *line)
{
	if (line->packed_len != 0)
		free(line->packed);
	else
		term_row_unref(line->row);
}

/* A packed line as a new row. The bytes were packed here, so they always read back;
 * failing to is a bug worth stopping for. */
static term_row *unpack_line(const term_sb_line *line)
{
	mp_reader r;
	uint32_t n, lead;
	term_row *row = term_row_new(0);
	mp_reader_init(&r, line->packed, line->packed_len);
	if (mp_read_array(&r, 1, UINT32_MAX, &n) && mp_read_u32(&r, 0, &lead))
		wire_read_cells(&r, n - 1, row, 0, TERM_ROW_MAX_CELLS);
	if (!mp_finish(&r)) {
		fprintf(stderr, "scrollback line unreadable: %s\n", r.error);
		abort();
	}
	return row;
}

void term_grid_free(term_grid *grid)
{
	if (grid == NULL)
		return;
	for (unsigned r = 0; r < grid->rows; r++)
		term_row_unref(grid->ring[r]);
	for (unsigned i = 0; i < grid->sb_len; i++)
		free_line(sb_line(grid, i));
	term_row_unref(grid->spare);
	free(grid->ring);
	free(grid->sb);
	free(grid);
}

/* Keeps a row leaving the top of the screen, trimmed, dropping the oldest when full. */
static void push_scrollback(term_grid *grid, term_row *row)
{
	if (grid->sb_limit == 0) {
		term_row_unref(row);
		return;
	}
	/* Keep what was on show (cells hidden by a narrower screen go), trimmed; a little
	 * spare room is not worth a realloc. */
	term_row *r = term_row_writable(&row);
	unsigned used = term_row_used(r) < grid->cols ? term_row_used(r) : grid->cols;
	term_row_resize(r, used);
	if (r->cap > used + 8 || r->ncomb > 0)
		term_row_trim(r);
	term_sb_line line = {.row = row};
	if (grid->sb_len == grid->sb_limit) {
		/* The oldest line goes; its row becomes the next blank one if nobody shares it. */
		term_sb_line *old = sb_line(grid, 0);
		if (old->packed_len != 0)
			grid->sb_packed--;
		if (old->packed_len == 0 && old->row->refs == 1 && grid->spare == NULL)
			grid->spare = old->row;
		else
			free_line(old);
		*old = line;
		grid->sb_head = (grid->sb_head + 1) % grid->sb_cap;
		return;
	}
	if (grid->sb_len == grid->sb_cap) {
		/* Grow and unwrap: the ring is full, so its oldest line is at sb_head. */
		unsigned cap = grid->sb_cap ? grid->sb_cap * 2 : 64;
		if (cap > grid->sb_limit)
			cap = grid->sb_limit;
		term_sb_line *sb = xcalloc(cap, sizeof *sb);
		for (unsigned i = 0; i < grid->sb_len; i++)
			sb[i] = *sb_line(grid, i);
		free(grid->sb);
		grid->sb = sb;
		grid->sb_cap = cap;
		grid->sb_head = 0;
	}
	grid->sb_len++;
	*sb_line(grid, grid->sb_len - 1) = line;
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
	if (grid->sb_len == 0 || grid->rows == 0)
		return false;
	term_sb_line *line = sb_line(grid, grid->sb_len - 1);
	term_row *row = line->row;
	if (line->packed_len != 0) {
		row = unpack_line(line);
		free(line->packed);
		grid->sb_packed--;
	}
	grid->sb_len--;
	term_row_unref(*term_grid_slot(grid, grid->rows - 1));
	grid->top = (grid->top + grid->rows - 1) % grid->rows;
	*term_grid_slot(grid, 0) = row;
	return true;
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
	const term_sb_line *line = sb_line(grid, i);
	return line->packed_len != 0 ? unpack_line(line) : term_row_ref(line->row);
}

size_t term_grid_scrollback_memory(const term_grid *grid)
{
	size_t n = grid->sb_cap * sizeof *grid->sb;
	for (unsigned i = 0; i < grid->sb_len; i++) {
		const term_sb_line *line = sb_line(grid, i);
		n += line->packed_len != 0 ? line->packed_len : term_row_memory(line->row);
	}
	return n;
}

/* Packs a row-held line in place; out is scratch space for the packer. */
static void pack_line(term_grid *grid, term_sb_line *line, msgpack_sbuffer *out)
{
	msgpack_packer pk;
	msgpack_packer_init(&pk, out, msgpack_sbuffer_write);
	msgpack_sbuffer_clear(out);
	term_row *row = line->row;
	wire_pack_cells(&pk, 0, row, 0, term_row_used(row));
	line->packed = xmemdup(out->data, out->size);
	line->packed_len = (uint32_t)out->size;
	/* Keep the row for the next blank line, as a full scrollback does. */
	if (row->refs == 1 && grid->spare == NULL)
		grid->spare = row;
	else
		term_row_unref(row);
}

unsigned term_grid_compact(term_grid *grid, unsigned max_lines)
{
	unsigned n = 0;
	if (grid->sb_packed == grid->sb_len)
		return 0;
	msgpack_sbuffer out;
	msgpack_sbuffer_init(&out);
	for (; n < max_lines && grid->sb_packed < grid->sb_len; n++)
		pack_line(grid, sb_line(grid, grid->sb_packed++), &out);
	msgpack_sbuffer_destroy(&out);
	return n;
}
