/*
 * Borders from a view's rectangles: which cells, which line glyph, which are green.
 * Views are drawn below as the map would (# a covered or empty cell).
 */
#include "check.h"
#include "client/borders.h"

static void add_pane(term_view *v, unsigned i, unsigned x, unsigned y, unsigned cols,
		     unsigned rows)
{
	v->panes[i].id = i + 1;
	v->panes[i].x = (uint16_t)x;
	v->panes[i].y = (uint16_t)y;
	v->panes[i].screen = term_snapshot_new(rows, cols);
}

static uint8_t at(const uint8_t *map, unsigned cols, unsigned x, unsigned y)
{
	return map[(size_t)y * cols + x];
}

/*
 * AAAAAAAAA|BBBBBBBBBB
 * AAAAAAAAA|BBBBBBBBBB
 * AAAAAAAAA├----------
 * AAAAAAAAA|CCCCCCCCCC   C active
 * AAAAAAAAA|CCCCCCCCCC
 * [status]
 */
static void three_panes(void)
{
	term_view *v = term_view_new(20, 6, 3);
	term_snapshot *status = term_snapshot_new(1, 20);
	const char *err;
	unsigned rows, x, y;
	uint8_t *map;

	add_pane(v, 0, 0, 0, 9, 5);
	add_pane(v, 1, 10, 0, 10, 2);
	add_pane(v, 2, 10, 3, 10, 2);
	v->active = 2;
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	CHECKF(term_view_check(v, &err), "%s", err);
	map = borders_map(v, &rows);
	CHECK(rows == 5);
	for (y = 0; y < rows; y++)
		for (x = 0; x < 20; x++) {
			bool border = x == 9 || (y == 2 && x > 9);
			CHECKF(!!(at(map, 20, x, y) & BORDER_CELL) == border, "%u,%u", x, y);
		}
	CHECK(borders_glyph(at(map, 20, 9, 0)) == BORDER_VLINE);
	CHECK(borders_glyph(at(map, 20, 9, 2)) == BORDER_LTEE);
	CHECK(borders_glyph(at(map, 20, 9, 4)) == BORDER_VLINE);
	CHECK(borders_glyph(at(map, 20, 15, 2)) == BORDER_HLINE);
	CHECK(borders_glyph(at(map, 20, 19, 2)) == BORDER_HLINE);
	/* Green: the cells touching C, diagonals included, and no others. */
	for (y = 0; y < rows; y++)
		CHECKF(!!(at(map, 20, 9, y) & BORDER_ACTIVE) == (y >= 2), "9,%u", y);
	CHECK(at(map, 20, 12, 2) & BORDER_ACTIVE);
	free(map);
	term_view_unref(v);
}

/*
 * A window smaller than the client, no status row: its edge is a border, the padding
 * beyond is blank.
 * AAAAA|##
 * AAAAA|##
 * AAAAA|##
 * -----┘##
 * ########
 */
static void padded(void)
{
	term_view *v = term_view_new(8, 5, 1);
	unsigned rows, x, y;
	uint8_t *map;

	add_pane(v, 0, 0, 0, 5, 3);
	map = borders_map(v, &rows);
	CHECK(rows == 5);
	for (y = 0; y < rows; y++)
		for (x = 0; x < 8; x++) {
			bool border = (x == 5 && y <= 3) || (y == 3 && x <= 5);
			CHECKF(!!(at(map, 8, x, y) & BORDER_CELL) == border, "%u,%u", x, y);
			CHECK(!border || at(map, 8, x, y) & BORDER_ACTIVE);
		}
	CHECK(borders_glyph(at(map, 8, 5, 3)) == BORDER_LRCORNER);
	CHECK(borders_glyph(at(map, 8, 5, 0)) == BORDER_VLINE);
	CHECK(borders_glyph(at(map, 8, 0, 3)) == BORDER_HLINE);
	free(map);
	term_view_unref(v);
}

/*
 * Two panes: of the line between them only the half next to the active pane is green, as
 * tmux 3.3 draws it (read from its screen at 40x10: rows 0-4 of the line for the left
 * pane, 5-8 for the right; columns 0-20 for the top one, 21-39 for the bottom one).
 */
static void two_panes(void)
{
	for (unsigned active = 0; active < 2; active++) {
		term_view *v = term_view_new(40, 9, 2);
		unsigned rows, i;
		add_pane(v, 0, 0, 0, 20, 9);
		add_pane(v, 1, 21, 0, 19, 9);
		v->active = (uint16_t)active;
		uint8_t *map = borders_map(v, &rows);
		for (i = 0; i < 9; i++)
			CHECKF(!!(at(map, 40, 20, i) & BORDER_ACTIVE) == ((i <= 4) == (active == 0)),
			       "beside, pane %u active: row %u", active, i);
		free(map);
		term_view_unref(v);

		v = term_view_new(40, 9, 2);
		add_pane(v, 0, 0, 0, 40, 4);
		add_pane(v, 1, 0, 5, 40, 4);
		v->active = (uint16_t)active;
		map = borders_map(v, &rows);
		for (i = 0; i < 40; i++)
			CHECKF(!!(at(map, 40, i, 4) & BORDER_ACTIVE) == ((i <= 20) == (active == 0)),
			       "above, pane %u active: column %u", active, i);
		free(map);
		term_view_unref(v);
	}
}

/* Every combination of neighbours has the glyph whose arms are exactly those. */
static void glyphs(void)
{
	static const uint8_t arms[] = {
		[BORDER_VLINE] = BORDER_UP | BORDER_DOWN,
		[BORDER_HLINE] = BORDER_LEFT | BORDER_RIGHT,
		[BORDER_CROSS] = BORDER_UP | BORDER_DOWN | BORDER_LEFT | BORDER_RIGHT,
		[BORDER_TTEE] = BORDER_DOWN | BORDER_LEFT | BORDER_RIGHT,
		[BORDER_BTEE] = BORDER_UP | BORDER_LEFT | BORDER_RIGHT,
		[BORDER_LTEE] = BORDER_UP | BORDER_DOWN | BORDER_RIGHT,
		[BORDER_RTEE] = BORDER_UP | BORDER_DOWN | BORDER_LEFT,
		[BORDER_ULCORNER] = BORDER_DOWN | BORDER_RIGHT,
		[BORDER_URCORNER] = BORDER_DOWN | BORDER_LEFT,
		[BORDER_LLCORNER] = BORDER_UP | BORDER_RIGHT,
		[BORDER_LRCORNER] = BORDER_UP | BORDER_LEFT,
	};
	unsigned bits;

	for (bits = 0; bits < 16; bits++) {
		uint8_t b = (uint8_t)(BORDER_CELL | bits << 1);
		enum border_glyph g = borders_glyph(b);
		uint8_t want = b & ~BORDER_CELL;

		/* One arm or none: the line through it. */
		if (want == 0 || want == BORDER_LEFT || want == BORDER_RIGHT)
			want = BORDER_LEFT | BORDER_RIGHT;
		if (want == BORDER_UP || want == BORDER_DOWN)
			want = BORDER_UP | BORDER_DOWN;
		CHECKF(arms[g] == want, "bits %#x glyph %d", b, g);
	}
}

/*
 * pane-border-lines number, the layout tmux 3.3a drew (compared by hand) at 20x6:
 *
 * 0000000000|1111111111        active 2 (bottom right): 000 2222222222 22
 * 0000000000|1111111111        active 0:                000 0111111111 00
 * 0000000000+----------        pane-base-index 1, active 0: 111 1222222222 11
 * 0000000000|2222222222
 * 0000000000|2222222222
 * 0000000000|2222222222
 */
static void numbers(void)
{
	term_view *v = term_view_new(20, 6, 3);
	add_pane(v, 0, 0, 0, 10, 6);
	add_pane(v, 1, 11, 0, 9, 3);
	add_pane(v, 2, 11, 4, 9, 2);
	static const struct {
		unsigned active;
		const char *index, *column, *row;
	} cases[] = {
		{2, "2", "000222", "2222222222"},
		{0, "0", "000000", "0111111111"},
		{0, "1", "111111", "1222222222"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		v->active = cases[i].active;
		term_view_set_name(v, TERM_VIEW_PANE_INDEX, cases[i].index, 1);
		for (unsigned y = 0; y < 6; y++)
			CHECKF(borders_number(v, 10, y) == (wchar_t)cases[i].column[y], "case %zu 10,%u",
			       i, y);
		for (unsigned x = 10; x < 20; x++)
			CHECKF(borders_number(v, x, 3) == (wchar_t)cases[i].row[x - 10], "case %zu %u,3",
			       i, x);
	}
	term_view_unref(v);
}

int main(void)
{
	three_panes();
	padded();
	two_panes();
	glyphs();
	numbers();
	return 0;
}
