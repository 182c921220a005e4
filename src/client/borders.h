/*
 * The borders the client draws between panes: the view ships only the panes' rectangles
 * (term/view.h), so the cells around them are worked out here, apart from any drawing.
 */
#ifndef RSH_CLIENT_BORDERS_H
#define RSH_CLIENT_BORDERS_H

#include <stdint.h>
#include <wchar.h>

#include "term/view.h"

/* One cell of a border map: 0 for a cell a pane covers or that touches no pane. */
enum border_bits {
	BORDER_CELL = 1u << 0,   /* a border cell: no pane covers it, one touches it */
	BORDER_UP = 1u << 1,     /* the neighbouring cell that way is a border too */
	BORDER_DOWN = 1u << 2,
	BORDER_LEFT = 1u << 3,
	BORDER_RIGHT = 1u << 4,
	/* touches the active pane (diagonals count): drawn in pane-active-border-style; of
	 * the line between just
	 * two panes, only the half next to the active one (tmux's pane-border-indicators
	 * colour) */
	BORDER_ACTIVE = 1u << 5,
	/* touches the marked pane (select-pane -m), as the active bit: drawn in reverse */
	BORDER_MARKED = 1u << 6,
};

/*
 * The line-drawing character a border cell takes, from which neighbours are borders;
 * named as curses's ACS_ characters (LTEE is the tee whose stem points right).
 */
enum border_glyph {
	BORDER_HLINE, BORDER_VLINE, BORDER_CROSS,
	BORDER_TTEE, BORDER_BTEE, BORDER_LTEE, BORDER_RTEE,
	BORDER_ULCORNER, BORDER_URCORNER, BORDER_LLCORNER, BORDER_LRCORNER,
};

/*
 * The border map of the view's window area (term_view_area_top/rows: the rows its
 * status lines leave): cols x *rows bytes of enum border_bits, row by row from the
 * area's top; free it with free().
 */
uint8_t *borders_map(const term_view *v, unsigned *rows);

/* The glyph for a border cell's bits (a lone cell is a horizontal line). */
enum border_glyph borders_glyph(uint8_t bits);

/*
 * pane-border-lines number, as tmux draws it: the character of the border cell (x, y)
 * of the window area, the index (mod 10) of the pane whose border it is, the first
 * found from the active pane on in index order (wrapping), '*' for none. The view's
 * panes are in index order and the active one's index is the view's
 * TERM_VIEW_PANE_INDEX name, so the first visible pane's is that less its place.
 */
wchar_t borders_number(const term_view *v, unsigned x, unsigned y);
/* The character pane-border-lines number draws for the view's pane i (its index mod 10). */
wchar_t borders_pane_number(const term_view *v, unsigned i);

/*
 * Where the view's pane i has its border status line (term_view's borders): from cell
 * (*x, *y) of the window area (y from the area's top), *width cells, as tmux places it:
 * from the border row's third cell, the pane's width less 4, on the row above the pane
 * (pane-border-status top) or below it (bottom), cut at the view's edge. False when it
 * has none: the status is off, the pane is narrower than 5 cells or the row is not in the
 * area.
 */
bool borders_status_place(const term_view *v, unsigned i, unsigned *x, unsigned *y,
			  unsigned *width);

#endif
