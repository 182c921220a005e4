/* Copy mode's lines: cache, frozen screen, live screen. */
#include "copymode_lines.h"

#include <string.h>


bool copymode_lines(const struct copymode *cm, const term_view *v, const histcache *h,
		    struct copymode_lines *l)
{
	const term_view_pane *p = cm->on ? term_view_find(v, cm->source) : NULL;
	const term_view_pane *shown = cm->on ? term_view_find(v, cm->pane) : NULL;
	if (p == NULL || shown == NULL)
		return false;
	l->pane = p;
	l->cache = h;
	l->total = p->hist_total;
	l->first = p->screen->modes & TERM_MODE_ALTSCREEN ? p->hist_total
							  : p->hist_total - p->hist_len;
	l->rows = shown->screen->rows;
	l->shown_cols = shown->screen->cols;
	l->screen_rows = p->screen->rows;
	l->cols = p->screen->cols;
	l->last = l->total + l->screen_rows - 1;
	/* total itself when both panes are one size (-s: the source's screen may be taller
	 * or shorter than the pane showing it) */
	l->bottom = l->last + 1 >= l->first + l->rows ? l->last + 1 - l->rows : l->first;
	return true;
}

const term_row *copymode_line(const struct copymode *cm, const struct copymode_lines *l,
			      uint64_t n)
{
	if (n >= l->total)
		return n - l->total < l->screen_rows ? l->pane->screen->lines[n - l->total] : NULL;
	const term_row *row = histcache_line(l->cache, cm->source, n);
	if (row != NULL)
		return row;
	if (cm->frozen != NULL && n >= cm->frozen_total && n - cm->frozen_total < cm->frozen->rows)
		return cm->frozen->lines[n - cm->frozen_total];
	return NULL;
}

/* The columns a line's text takes (its last character's end), 0 when it is empty. */
unsigned copymode_line_length(const struct copymode *cm, const struct copymode_lines *l,
			      uint64_t n)
{
	const term_row *row = copymode_line(cm, l, n);
	if (row == NULL)
		return 0;
	unsigned used = term_row_used(row);
	while (used > 0 && term_row_get(row, used - 1).ch == 0)
		used--;
	return used < l->cols ? used : l->cols;
}

/* 0 space, 1 separator (word-separators: the session's, as copy mode began), 2 word; with
 * spaces_only, separators count as word. Space and blank cells are a class of their own. */
int copymode_char_class(const struct copymode *cm, const struct copymode_lines *l,
			struct copymode_pos p, bool spaces_only)
{
	const term_row *row = copymode_line(cm, l, p.line);
	uint32_t ch = row != NULL ? term_row_get(row, p.col).ch : 0;
	if (ch == 0 || ch == ' ')
		return 0;
	if (!spaces_only && ch < 128 && strchr(cm->separators, (int)ch) != NULL)
		return 1;
	return 2;
}

/* One cell on (forward) or back; false at the ends of the lines. */
bool copymode_step(const struct copymode_lines *l, struct copymode_pos *p, bool forward)
{
	if (forward) {
		if (p->col + 1 < l->cols)
			return p->col++, true;
		if (p->line >= l->last)
			return false;
		p->line++;
		p->col = 0;
		return true;
	}
	if (p->col > 0)
		return p->col--, true;
	if (p->line <= l->first)
		return false;
	p->line--;
	p->col = l->cols - 1;
	return true;
}

struct line_source {
	const struct copymode *cm;
	const struct copymode_lines *l;
};

static term_row *line_ref(void *arg, uint64_t n)
{
	const struct line_source *src = arg;
	const term_row *row = copymode_line(src->cm, src->l, n);
	return row != NULL ? term_row_ref((term_row *)row) : NULL; /* dropped unchanged */
}

int copymode_search_line(const struct copymode *cm, const struct copymode_lines *l,
			 const struct term_search *ts, uint64_t n, int from, bool backward,
			 unsigned *end)
{
	struct line_source src = {cm, l};
	return term_search_line(ts, line_ref, &src, n, l->last, l->cols, from, backward, end);
}

void copymode_search_start(const struct copymode *cm, struct term_search *s)
{
	unsigned kind = cm->search_regex ? TERM_SEARCH_REGEX_TEXT : TERM_SEARCH_PLAIN_TEXT;
	if (term_search_icase(cm->search))
		kind |= TERM_SEARCH_NO_CASE;
	term_search_init(s, cm->search, cm->search_len, kind);
}

unsigned copymode_search_flags(const struct copymode *cm, bool backward)
{
	return (backward ? TERM_SEARCH_BACKWARD : 0) | (cm->search_regex ? TERM_SEARCH_REGEX : 0) |
	       (term_search_icase(cm->search) ? TERM_SEARCH_ICASE : 0);
}
