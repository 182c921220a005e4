/* Copy mode drawn over its pane: lines by number, selection, matches, position. */
#include "copymode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "copymode_lines.h"
#include "term/capture.h"

/* tmux's copy-mode-match-style (bg=cyan,fg=black); the selection and the position are
 * in mode-style, the view's mode pen. */
#define MATCH_FG TERM_COLOUR_PALETTE(0)
#define MATCH_BG TERM_COLOUR_PALETTE(6)
/* tmux's copy-mode-mark-style (bg=red,fg=black): the mark's line in it, the mark's cell
 * with the two colours the other way round. */
#define MARK_FG TERM_COLOUR_PALETTE(0)
#define MARK_BG TERM_COLOUR_PALETTE(1)

/* Gives cells [from, to) of the row the pen's colours and attributes, characters kept. */
static void paint(term_row *row, unsigned from, unsigned to, const term_cell *pen)
{
	for (unsigned col = from; col < to; col++) {
		term_cell c = term_row_get(row, col);
		uint32_t chars[TERM_MAX_CHARS];
		unsigned n = term_row_chars(row, col, chars);
		c.fg = pen->fg;
		c.bg = pen->bg;
		c.attrs = pen->attrs;
		term_row_set(row, col, &c, chars, n);
	}
}

/* Where the matches painted so far end: cells before (line, col) on the rows after a
 * match's first are the match's too, run on into where the terminal wrapped its line. */
struct match_end {
	uint64_t line;
	unsigned col;
};

/* Every match of the last search (ts) that starts on line n painted on its row (row NULL:
 * only *far moved), the rest of one that runs on into the next lines left in *far; first
 * the part of line n that a match from a line above takes. */
static void paint_matches(const struct copymode *cm, const struct copymode_lines *l,
			  const struct term_search *ts, uint64_t n, term_row *row,
			  struct match_end *far)
{
	term_cell match = {.fg = MATCH_FG, .bg = MATCH_BG};
	int col = 0;
	unsigned end, cols = l->cols;
	if (row != NULL && n <= far->line && far->line != UINT64_MAX)
		paint(row, 0, n < far->line ? cols : far->col, &match);
	while (col < (int)cols &&
	       (col = copymode_search_line(cm, l, ts, n, col, false, &end)) >= 0) {
		if (end <= (unsigned)col)
			end = (unsigned)col + 1;
		if (row != NULL)
			paint(row, (unsigned)col, end < cols ? end : cols, &match);
		if (end > cols) /* its last cell is end - 1 counted on from line n */
			*far = (struct match_end){n + (end - 1) / cols, (end - 1) % cols + 1};
		col = (int)end;
	}
}

/* The matches that start above the screen's first line and run on into it: from the
 * first line of the logical line it is part of (at most TERM_SEARCH_RUN above). */
static struct match_end matches_above(const struct copymode *cm, const struct copymode_lines *l,
				      const struct term_search *ts)
{
	struct match_end far = {UINT64_MAX, 0};
	uint64_t n = cm->top;
	while (n > l->first && cm->top - n < TERM_SEARCH_RUN && copymode_wrapped(cm, l, n - 1))
		n--;
	for (; n < cm->top; n++)
		paint_matches(cm, l, ts, n, NULL, &far);
	return far;
}

/* The mark, as tmux's window_copy_update_style draws it. */
static void paint_mark(const struct copymode *cm, uint64_t line, term_row *row, unsigned cols)
{
	term_cell pen = {.fg = MARK_FG, .bg = MARK_BG}, cell = {.fg = MARK_BG, .bg = MARK_FG};
	if (!cm->marked || line != cm->mark.line)
		return;
	paint(row, 0, cols, &pen);
	if (cm->mark.col < cols)
		paint(row, cm->mark.col, cm->mark.col + 1, &cell);
}

/* tmux's position indicator, [offset/history size], at the top row's right end. */
static void paint_position(const struct copymode *cm, const struct copymode_lines *l,
			  term_row *row, const term_cell *pen)
{
	char text[48];
	int n = snprintf(text, sizeof text, "[%llu/%llu]",
			 (unsigned long long)(cm->top < l->bottom ? l->bottom - cm->top : 0),
			 (unsigned long long)(l->total - l->first));
	if (n <= 0 || (unsigned)n > l->shown_cols)
		return;
	term_cell c = *pen;
	c.width = 1;
	for (int i = 0; i < n; i++) {
		uint32_t ch = (uint8_t)text[i];
		term_row_set(row, l->shown_cols - (unsigned)n + (unsigned)i, &c, &ch, 1);
	}
}

static term_snapshot *copy_screen(const struct copymode *cm, const struct copymode_lines *l,
				  const term_cell *pen)
{
	const term_snapshot *live = l->pane->screen;
	term_snapshot *s = term_snapshot_new(l->rows, l->shown_cols);
	struct term_search ts;
	copymode_search_start(cm, &ts);
	struct match_end far = matches_above(cm, l, &ts);
	for (unsigned r = 0; r < l->rows; r++) {
		uint64_t n = cm->top + r;
		const term_row *src = n <= l->last ? copymode_line(cm, l, n) : NULL;
		term_row *row = src != NULL ? term_row_copy(src) : term_row_new(0);
		unsigned from, to;
		paint_mark(cm, n, row, l->cols);
		paint_matches(cm, l, &ts, n, row, &far);
		if (copymode_selected(cm, l->cols, n, &from, &to))
			paint(row, from, to, pen);
		if (row->ncells > l->shown_cols) /* a wider source's line (-s), cut */
			term_row_resize(row, l->shown_cols);
		if (r == 0 && !cm->hide_position)
			paint_position(cm, l, row, pen);
		term_row_unref(s->lines[r]);
		s->lines[r] = row;
	}
	term_search_free(&ts);
	s->cursor = (term_cursor){.row = (uint16_t)(cm->cur.line - cm->top),
				  .col = (uint16_t)cm->cur.col, .visible = cm->cur.col < l->shown_cols,
				  .shape = TERM_CURSOR_BLOCK};
	if (!s->cursor.visible)
		s->cursor.col = (uint16_t)(l->shown_cols - 1);
	s->modes = live->modes;
	s->bells = live->bells;
	term_snapshot_set_title(s, live->title, strlen(live->title));
	return s;
}

term_view *copymode_overlay(const struct copymode *cm, term_view *v, const histcache *h)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, v, h, &l))
		return term_view_ref(v);
	term_view *o = term_view_clone(v);
	for (unsigned i = 0; i < o->npanes; i++)
		if (o->panes[i].id == cm->pane) {
			term_snapshot_unref(o->panes[i].screen);
			o->panes[i].screen = copy_screen(cm, &l, &v->pens[TERM_VIEW_PEN_MODE]);
		}
	return o;
}
