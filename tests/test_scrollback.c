/*
 * The packed scrollback (src/term/scrollback.h): lines read back equal to the rows that left
 * the screen, wrapped flags included, through random pushes, pops, width changes and a
 * limit to overflow, across block boundaries; cells no fast path covers; memory a line
 * takes.
 */
#include <string.h>

#include "term/grid.h"

#include "check.h"
#include "random_screen.h"

#define MODEL_MAX 300

/* The lines as pushed, oldest first, each with the width it was pushed at. */
static term_row *model[MODEL_MAX];
static unsigned model_cols[MODEL_MAX], model_len;

static void check_line(const term_grid *g, unsigned i, unsigned long seed)
{
	term_row *line = term_grid_scrollback_line(g, i);
	CHECKF(line->ncells <= model_cols[i], "seed %lu: line %u has %u cells, pushed at %u",
	       seed, i, line->ncells, model_cols[i]);
	CHECKF(term_row_equal(line, model[i], model_cols[i]), "seed %lu: line %u of %u", seed, i,
	       model_len);
	CHECKF(line->wrapped == model[i]->wrapped, "seed %lu: line %u's wrapped flag", seed, i);
	term_row_unref(line);
}

static void check_lines(const term_grid *g, rng *r, bool all, unsigned long seed)
{
	CHECKF(g->sb.len == model_len, "seed %lu: %u lines, want %u", seed, g->sb.len, model_len);
	if (model_len == 0)
		return;
	if (!all) {
		check_line(g, model_len - 1, seed);
		check_line(g, rng_below(r, model_len), seed);
		return;
	}
	for (unsigned i = 0; i < model_len; i++)
		check_line(g, i, seed);
}

/* A random row scrolls off the top. The model keeps a reference (the row is then shared,
 * as with a snapshot) or a copy (the grid may reuse the row for its next blank line). */
static void push_line(term_grid *g, rng *r)
{
	term_row *row = random_row(r, g->cols);
	row->wrapped = rng_below(r, 3) == 0;
	term_row *kept = rng_below(r, 2) ? term_row_ref(row) : term_row_copy(row);
	term_row_unref(*term_grid_slot(g, 0));
	*term_grid_slot(g, 0) = row;
	term_grid_scroll(g, 0, g->rows, 1, TERM_COLOUR_DEFAULT);
	if (g->sb.limit == 0) {
		term_row_unref(kept);
		return;
	}
	if (model_len == g->sb.limit) {
		term_row_unref(model[0]);
		memmove(model, model + 1, (model_len - 1) * sizeof *model);
		memmove(model_cols, model_cols + 1, (model_len - 1) * sizeof *model_cols);
		model_len--;
	}
	model_cols[model_len] = g->cols;
	model[model_len++] = kept;
}

static void pop_line(term_grid *g, unsigned long seed)
{
	if (!term_grid_pop_scrollback(g)) {
		CHECKF(model_len == 0, "seed %lu: nothing popped from %u lines", seed, model_len);
		return;
	}
	CHECKF(model_len > 0, "seed %lu: popped from nothing", seed);
	model_len--;
	CHECKF(term_row_equal(term_grid_row(g, 0), model[model_len], model_cols[model_len]) &&
	       term_grid_row(g, 0)->wrapped == model[model_len]->wrapped,
	       "seed %lu: popped line", seed);
	term_row_unref(model[model_len]);
}

static void test_random_pushes_and_pops(void)
{
	unsigned long first = test_seed(), n = test_cases(150);
	for (unsigned long seed = first; seed < first + n; seed++) {
		rng r;
		rng_seed(&r, seed);
		unsigned limits[] = {0, 1, 2, 63, 64, 65, 1 + rng_below(&r, MODEL_MAX)};
		unsigned limit = limits[rng_below(&r, sizeof limits / sizeof *limits)];
		term_grid *g = term_grid_new(2, 1 + rng_below(&r, 120), limit);
		/* Long runs of pushes cross blocks and overflow the limit; pops then undo some. */
		unsigned pop_share = rng_below(&r, 5);
		for (unsigned step = 0; step < 400; step++) {
			unsigned op = rng_below(&r, 20);
			if (op == 0)
				term_grid_resize(g, 2, 1 + rng_below(&r, 120));
			else if (op <= pop_share * 2)
				pop_line(g, seed);
			else
				push_line(g, &r);
			check_lines(g, &r, step % 32 == 0, seed);
			/* Blocks are freed whole once their lines are gone. */
			unsigned blocks = g->sb.nblocks;
			CHECKF(blocks <= limit / TERM_SB_BLOCK_LINES + 1, "seed %lu: %u blocks for %u",
			       seed, blocks, limit);
		}
		check_lines(g, &r, true, seed);
		term_grid_free(g);
		while (model_len > 0)
			term_row_unref(model[--model_len]);
	}
}

/* Cells the fast forms do not cover read back exactly: code points that are not scalar
 * values, a wide character whose right half has another pen or a character, a lone right
 * half, a character of width 2 with no right half, the most combining marks, a blank
 * with a background amid text, and more pens in a block than its table holds. */
static void test_odd_cells(void)
{
	term_row *row = term_row_new(0);
	term_cell pen = term_cell_blank();
	uint32_t odd[] = {0x1fffff, 0xd800, 0x110000, 0x7f, 0x1, 0xe9};
	unsigned col = 0;
	for (unsigned i = 0; i < sizeof odd / sizeof *odd; i++)
		term_row_set(row, col++, &pen, &odd[i], 1);
	term_cell wide = pen, half = pen;
	wide.width = 2;
	half.width = 0;
	half.fg = TERM_COLOUR_PALETTE(3);
	uint32_t cjk = 0x4e00, marks[TERM_MAX_CHARS] = {'a', 0x301, 0x302, 0x303, 0x304, 0x305};
	term_row_set(row, col++, &wide, &cjk, 1);
	term_row_set(row, col++, &half, NULL, 0);
	term_row_set(row, col++, &wide, &cjk, 1);
	term_row_set(row, col++, &half, &cjk, 1);
	term_row_set(row, col++, &half, NULL, 0);
	term_row_set(row, col++, &wide, &odd[0], 1);
	term_row_set(row, col++, &wide, &cjk, 1); /* no right half after it */
	term_row_set(row, col++, &pen, marks, TERM_MAX_CHARS);
	term_row_set_blank(row, col++, TERM_COLOUR_RGB(1, 2, 3));
	term_row_set(row, col++, &pen, marks, 1);
	unsigned fixed = col;
	term_grid *g = term_grid_new(2, TERM_ROW_MAX_CELLS, 200);
	rng r;
	rng_seed(&r, 1);
	/* 40 pens a line: the block's table fills after six lines. */
	for (unsigned line = 0; line < 100; line++) {
		term_row *x = term_row_copy(row);
		for (unsigned k = 0; k < 40; k++) {
			term_cell c = pen;
			c.fg = TERM_COLOUR_RGB(line, k, 7);
			c.attrs = (uint16_t)(k & TERM_ATTR_ALL);
			uint32_t ch = 'A' + k % 26;
			term_row_set(x, fixed + k, &c, &ch, 1);
		}
		model_cols[model_len] = TERM_ROW_MAX_CELLS;
		model[model_len++] = term_row_ref(x);
		term_row_unref(*term_grid_slot(g, 0));
		*term_grid_slot(g, 0) = x;
		term_grid_scroll(g, 0, 2, 1, TERM_COLOUR_DEFAULT);
	}
	check_lines(g, &r, true, 0);
	term_grid_free(g);
	while (model_len > 0)
		term_row_unref(model[--model_len]);
	term_row_unref(row);
}

/* 80-column lines of plain words take about a byte a column, all included. */
static void test_memory_per_line(void)
{
	term_grid *g = term_grid_new(24, 80, 10000);
	rng r;
	rng_seed(&r, 7);
	for (unsigned line = 0; line < 10000; line++) {
		term_row *row = term_grid_writable(g, 0);
		term_cell pen = term_cell_blank();
		for (unsigned col = 0; col < 80; col++) {
			uint32_t ch = rng_below(&r, 6) == 0 ? ' ' : 'a' + rng_below(&r, 26);
			term_row_set(row, col, &pen, &ch, 1);
		}
		term_grid_scroll(g, 0, 24, 1, TERM_COLOUR_DEFAULT);
	}
	size_t per_line = term_grid_scrollback_memory(g) / g->sb.len;
	CHECKF(per_line <= 90, "%zu bytes a line", per_line);
	term_grid_free(g);
}

int main(void)
{
	test_random_pushes_and_pops();
	test_odd_cells();
	test_memory_per_line();
	return 0;
}
