/* Borders between panes, worked out from the view's rectangles. */
#include "borders.h"


#include <stdlib.h>

#include "util/xmalloc.h"

/* Marks the rectangle [x0, x1) x [y0, y1), clipped to the map, with bits. */
static void mark(uint8_t *map, unsigned cols, unsigned rows, long x0, long y0, long x1,
		 long y1, uint8_t bits)
{
	long x, y;

	for (y = y0 < 0 ? 0 : y0; y < y1 && y < (long)rows; y++)
		for (x = x0 < 0 ? 0 : x0; x < x1 && x < (long)cols; x++)
			map[(size_t)y * cols + (size_t)x] |= bits;
}

/* Internal mark for covered cells, cleared before the map is returned. */
#define COVERED 0x80u

/* Which of the four neighbours of (x, y) are border cells. */
static uint8_t neighbours(const uint8_t *map, unsigned cols, unsigned rows, unsigned x,
			  unsigned y)
{
	uint8_t bits = 0;

	if (y > 0 && map[(size_t)(y - 1) * cols + x] & BORDER_CELL)
		bits |= BORDER_UP;
	if (y + 1 < rows && map[(size_t)(y + 1) * cols + x] & BORDER_CELL)
		bits |= BORDER_DOWN;
	if (x > 0 && map[(size_t)y * cols + x - 1] & BORDER_CELL)
		bits |= BORDER_LEFT;
	if (x + 1 < cols && map[(size_t)y * cols + x + 1] & BORDER_CELL)
		bits |= BORDER_RIGHT;
	return bits;
}

/* Sets or clears bit of cell (x, y) when it is a border cell. */
static void set_bit(uint8_t *map, unsigned cols, unsigned rows, unsigned x, unsigned y,
		    uint8_t bit, bool on)
{
	if (x >= cols || y >= rows)
		return;
	uint8_t *b = &map[(size_t)y * cols + x];
	if (!(*b & BORDER_CELL))
		return;
	*b = (uint8_t)(on ? *b | bit : *b & ~bit);
}

/*
 * Two panes side by side or one above the other share the whole line between them, so
 * tmux (pane-border-indicators colour) colours half of it, the half next to the active
 * pane: the top half (rows up to half the left pane's height) for the left pane, the left
 * half (columns up to half the top pane's width) for the top one. bit is the active or
 * the marked one, of pane which.
 */
static void two_panes(uint8_t *map, unsigned cols, unsigned rows, const term_view *v,
		      uint8_t bit, unsigned which)
{
	const term_view_pane *a = &v->panes[0], *b = &v->panes[1];
	bool beside = a->y == b->y && a->screen->rows == b->screen->rows && a->x != b->x;
	bool above = a->x == b->x && a->screen->cols == b->screen->cols && a->y != b->y;
	const term_view_pane *first = beside ? (a->x < b->x ? a : b) : (a->y < b->y ? a : b);
	bool first_is = first == &v->panes[which];
	unsigned i, y = first->y - term_view_area_top(v); /* the map starts at the area's top */

	if (beside) {
		for (i = 0; i < first->screen->rows; i++)
			set_bit(map, cols, rows, first->x + first->screen->cols, y + i, bit,
				(i <= first->screen->rows / 2u) == first_is);
	} else if (above) {
		for (i = 0; i < first->screen->cols; i++)
			set_bit(map, cols, rows, first->x + i, y + first->screen->rows, bit,
				(i <= first->screen->cols / 2u) == first_is);
	}
}

uint8_t *borders_map(const term_view *v, unsigned *rows)
{
	unsigned cols = v->cols, h = term_view_area_rows(v), top = term_view_area_top(v), x, y, i;
	uint8_t *map;

	*rows = h;
	map = xcalloc((size_t)cols * h + 1, 1);
	/* Every cell around a pane is a border candidate; the panes then cover theirs. */
	for (i = 0; i < v->npanes; i++) {
		const term_view_pane *p = &v->panes[i];
		uint8_t bits = BORDER_CELL | (i == v->active ? BORDER_ACTIVE : 0) |
			       (i + 1 == v->marked ? BORDER_MARKED : 0);

		long py = (long)p->y - top;

		mark(map, cols, h, (long)p->x - 1, py - 1, (long)p->x + p->screen->cols + 1,
		     py + p->screen->rows + 1, bits);
	}
	for (i = 0; i < v->npanes; i++) {
		const term_view_pane *p = &v->panes[i];

		long py = (long)p->y - top;

		mark(map, cols, h, p->x, py, (long)p->x + p->screen->cols, py + p->screen->rows,
		     COVERED);
	}
	for (i = 0; i < cols * h; i++)
		if (map[i] & COVERED)
			map[i] = 0;
	if (v->npanes == 2)
		two_panes(map, cols, h, v, BORDER_ACTIVE, v->active);
	if (v->npanes == 2 && v->marked > 0)
		two_panes(map, cols, h, v, BORDER_MARKED, v->marked - 1u);
	for (y = 0; y < h; y++)
		for (x = 0; x < cols; x++)
			if (map[(size_t)y * cols + x] & BORDER_CELL)
				map[(size_t)y * cols + x] |= neighbours(map, cols, h, x, y);
	return map;
}

enum border_glyph borders_glyph(uint8_t bits)
{
	bool up = bits & BORDER_UP, down = bits & BORDER_DOWN;
	bool left = bits & BORDER_LEFT, right = bits & BORDER_RIGHT;

	if ((up || down) && !left && !right)
		return BORDER_VLINE;
	if (!up && !down)
		return BORDER_HLINE;
	if (up && down)
		return left && right ? BORDER_CROSS : left ? BORDER_RTEE : BORDER_LTEE;
	if (left && right)
		return up ? BORDER_BTEE : BORDER_TTEE;
	if (down)
		return right ? BORDER_ULCORNER : BORDER_URCORNER;
	return right ? BORDER_LLCORNER : BORDER_LRCORNER;
}

/* Whether the area's cell (x, y) is on the border around p (top at area row py). */
static bool on_border(const term_view_pane *p, long py, long x, long y)
{
	long px = p->x, ex = px + p->screen->cols, ey = py + p->screen->rows;
	if (y >= py - 1 && y <= ey && (x == px - 1 || x == ex))
		return true;
	return x >= px - 1 && x <= ex && (y == py - 1 || y == ey);
}

wchar_t borders_pane_number(const term_view *v, unsigned i)
{
	long active_index = strtol(v->names[TERM_VIEW_PANE_INDEX], NULL, 10);
	long index = active_index - (long)v->active + (long)i;
	return index >= 0 ? (wchar_t)(L'0' + index % 10) : L'*';
}

wchar_t borders_number(const term_view *v, unsigned x, unsigned y)
{
	unsigned top = term_view_area_top(v);
	for (unsigned k = 0; k < v->npanes; k++) {
		unsigned i = (v->active + k) % v->npanes;
		const term_view_pane *p = &v->panes[i];
		if (on_border(p, (long)p->y - top, x, y))
			return borders_pane_number(v, i);
	}
	return L'*';
}

bool borders_status_place(const term_view *v, unsigned i, unsigned *x, unsigned *y,
			  unsigned *width)
{
	if (v->border_status == TERM_VIEW_BORDER_OFF || i >= v->npanes)
		return false;
	const term_view_pane *p = &v->panes[i];
	long row = (long)p->y - (long)term_view_area_top(v);
	row += v->border_status == TERM_VIEW_BORDER_TOP ? -1 : (long)p->screen->rows;
	if (p->screen->cols <= 4 || row < 0 || row >= (long)term_view_area_rows(v) ||
	    p->x + 2u >= v->cols)
		return false;
	*x = p->x + 2u;
	*y = (unsigned)row;
	*width = p->screen->cols - 4u;
	if (*width > v->cols - *x)
		*width = v->cols - *x;
	return true;
}
