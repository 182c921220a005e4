/*
 * Copy mode's selection: which cells it covers (for drawing) and the text a copy takes,
 * as tmux 3.3's window_copy_get_selection and window_copy_copy_line make it: a line's
 * cells as they are (spaces inside kept), a newline after each line but where a line the
 * terminal wrapped (term_row.wrapped) is copied to its end (it runs on into the next),
 * and the last newline dropped unless a vi selection ends past its line's text.
 */
#include "copymode_lines.h"

#include <stdlib.h>
#include <string.h>

#include "term/capture.h"
#include "util/xmalloc.h"

struct copymode_pos copymode_selection_end(const struct copymode *cm)
{
	return cm->stopped ? cm->end : cm->cur;
}

static int pos_cmp(struct copymode_pos a, struct copymode_pos b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return a.col < b.col ? -1 : a.col > b.col;
}

/* The selection's ends in order: the anchor and the cursor (or where it stopped); for
 * select-line's whole lines tmux's (window_copy_synchronize_cursor_end, SEL_LINE): with
 * the cursor above the line select-line ran on, from the cursor's line to the end of the
 * logical line it took, else from that logical line's start to the cursor's line or
 * that line's end, whichever is further. */
static void ends(const struct copymode *cm, struct copymode_pos *a, struct copymode_pos *b)
{
	struct copymode_pos e = copymode_selection_end(cm);
	if (cm->lines) {
		bool above = e.line < cm->line_at;
		*a = (struct copymode_pos){above ? e.line : cm->line_first, 0};
		*b = (struct copymode_pos){above || e.line < cm->line_last ? cm->line_last : e.line,
					   e.col};
		return;
	}
	*a = cm->anchor;
	*b = e;
	if (pos_cmp(*a, *b) > 0) {
		*a = e;
		*b = cm->anchor;
	}
}

bool copymode_selected(const struct copymode *cm, unsigned cols, uint64_t line,
		       unsigned *from, unsigned *to)
{
	if (!cm->selecting)
		return false;
	struct copymode_pos a, b;
	ends(cm, &a, &b);
	if (line < a.line || line > b.line)
		return false;
	/* The cursor's cell is in a vi selection; emacs's ends before it (as tmux). */
	unsigned end_inclusive = cm->keys == COPYMODE_VI;
	if (cm->lines) {
		*from = 0;
		*to = cols;
	} else if (cm->rect) {
		unsigned c = copymode_selection_end(cm).col;
		*from = cm->anchor.col < c ? cm->anchor.col : c;
		*to = (cm->anchor.col > c ? cm->anchor.col : c) + end_inclusive;
	} else {
		*from = line == a.line ? a.col : 0;
		*to = line == b.line ? b.col + end_inclusive : cols;
	}
	if (*to > cols)
		*to = cols;
	return *from < *to;
}

bool copymode_wrapped(const struct copymode *cm, const struct copymode_lines *l, uint64_t n)
{
	const term_row *row = copymode_line(cm, l, n);
	return row != NULL && row->wrapped;
}

/* tmux's grid_line_length: the line's cells less its trailing spaces and blanks. */
static unsigned text_length(const term_row *row, unsigned cols)
{
	unsigned n = row != NULL ? term_row_used(row) : 0;
	if (n > cols)
		n = cols;
	for (; n > 0; n--) {
		term_cell c = term_row_get(row, n - 1);
		if (c.width == 0 || (c.ch != 0 && c.ch != ' '))
			break;
	}
	return n;
}

struct copy_out {
	char *p;
	size_t len, cap;
};

static void put(struct copy_out *o, const char *s, size_t n)
{
	o->p = xgrow(o->p, &o->cap, o->len + n + 1, 256);
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

/* tmux's window_copy_copy_line: cells [sx, ex) of line n. A wrapped line whose text all
 * fits the width counts to its last cell written and takes no newline when copied to
 * there. */
static void copy_line(struct copy_out *o, const struct copymode *cm,
		      const struct copymode_lines *l, uint64_t n, unsigned sx, unsigned ex)
{
	if (sx > ex)
		return;
	const term_row *row = copymode_line(cm, l, n);
	bool wrapped = copymode_wrapped(cm, l, n) && term_row_used(row) <= l->cols;
	unsigned xx = wrapped ? (row->ncells < l->cols ? row->ncells : l->cols)
			      : text_length(row, l->cols);
	ex = ex < xx ? ex : xx;
	sx = sx < xx ? sx : xx;
	if (sx < ex) {
		size_t tlen;
		char *t = term_capture_cells(row, l->cols, sx, ex, TERM_CAPTURE_KEEP_BLANKS, &tlen,
					     NULL);
		put(o, t, tlen);
		free(t);
	}
	if (!wrapped || ex != xx)
		put(o, "\n", 1);
}

char *copymode_selection_text(const struct copymode *cm, const struct copymode_lines *l,
			      size_t *len)
{
	struct copymode_pos a, b;
	ends(cm, &a, &b);
	bool vi = cm->keys == COPYMODE_VI;
	unsigned ey_last = text_length(copymode_line(cm, l, b.line), l->cols);
	unsigned firstsx, restsx, lastex, restex;
	if (cm->rect) {
		/* tmux's: the anchor's column is in when it is right of the cursor */
		unsigned selx = cm->anchor.col, cx = copymode_selection_end(cm).col;
		if (selx < cx) {
			lastex = restex = cx + vi;
			firstsx = restsx = selx;
		} else {
			lastex = restex = selx + 1;
			firstsx = restsx = cx;
		}
	} else {
		/* select-line: from the first line's start to the last line's end */
		unsigned sx = cm->lines ? 0 : a.col, ex = cm->lines ? l->cols : b.col;
		ex = ex < ey_last ? ex : ey_last;
		lastex = ex + vi;
		restex = l->cols;
		firstsx = sx;
		restsx = 0;
	}
	struct copy_out o = {0};
	put(&o, "", 0);
	for (uint64_t n = a.line; n <= b.line; n++)
		copy_line(&o, cm, l, n, n == a.line ? firstsx : restsx, n == b.line ? lastex : restex);
	/* The last newline goes, unless the selection ends past the text in vi (tmux keeps
	 * it then) or on a wrapped line's end. tmux drops a byte whatever it is; only a
	 * newline goes here (the text must stay UTF-8). */
	bool drop = (!vi || lastex <= ey_last) &&
		    (!copymode_wrapped(cm, l, b.line) || lastex != ey_last);
	if (drop && o.len > 0 && o.p[o.len - 1] == '\n')
		o.p[--o.len] = '\0';
	*len = o.len;
	return o.p;
}
