/* Copy mode's lines: cache, frozen screen, live screen. */
#include "copymode_lines.h"

bool copymode_lines(const struct copymode *cm, const term_view *v, const histcache *h,
		    struct copymode_lines *l)
{
	const term_view_pane *p = cm->on ? term_view_find(v, cm->pane) : NULL;
	if (p == NULL)
		return false;
	l->pane = p;
	l->cache = h;
	l->total = p->hist_total;
	l->first = p->screen->modes & TERM_MODE_ALTSCREEN ? p->hist_total
							  : p->hist_total - p->hist_len;
	l->rows = p->screen->rows;
	l->cols = p->screen->cols;
	l->last = l->total + l->rows - 1;
	return true;
}

const term_row *copymode_line(const struct copymode *cm, const struct copymode_lines *l,
			      uint64_t n)
{
	if (n >= l->total)
		return n - l->total < l->rows ? l->pane->screen->lines[n - l->total] : NULL;
	const term_row *row = histcache_line(l->cache, cm->pane, n);
	if (row != NULL)
		return row;
	if (cm->frozen != NULL && n >= cm->frozen_total && n - cm->frozen_total < cm->frozen->rows)
		return cm->frozen->lines[n - cm->frozen_total];
	return NULL;
}
