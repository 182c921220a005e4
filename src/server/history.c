/* Pages of history for one client: requests, searches, prefetch. */
#include "history.h"

#include <stdlib.h>

#include "term/capture.h"
#include "term/search.h"
#include "util/xmalloc.h"

/* A pane's lines by number: history first .. total - 1, then the screen's rows. */
struct source {
	const term_grid *g;
	term_snapshot *screen;
	uint64_t first, total;
	uint32_t epoch;
};

/* The lines of pane in epoch: a pane's, or f's text for TERM_VIEW_TEXT_PANE. */
static bool source_open(struct source *s, const struct history_feed *f, uint32_t pane,
			uint32_t epoch)
{
	struct window *w;
	term_emulator *em = NULL;
	if (pane == TERM_VIEW_TEXT_PANE) {
		if (f->text == NULL || f->text->em == NULL || f->text->epoch != epoch)
			return false;
		em = f->text->em;
		s->g = term_emulator_main_grid(em);
	} else {
		struct pane *p = pane_find_id(pane, &w);
		if (p == NULL)
			return false;
		em = p->em;
		s->g = term_emulator_main_grid(em);
		if (s->g->sb_epoch != epoch)
			return false;
	}
	s->epoch = epoch;
	s->total = s->g->sb_total;
	s->first = s->total - s->g->sb.len;
	s->screen = term_emulator_snapshot(em);
	return true;
}

static void source_close(struct source *s)
{
	term_snapshot_unref(s->screen);
}

/* Line n, first <= n < total + screen rows: a reference. */
static term_row *source_line(const struct source *s, uint64_t n)
{
	if (n < s->total)
		return term_grid_scrollback_line(s->g, (unsigned)(n - s->first));
	return term_row_ref(s->screen->lines[n - s->total]);
}

static term_row *line_ref(void *arg, uint64_t n)
{
	return source_line(arg, n);
}

void history_info(const struct pane *p, term_view_pane *vp)
{
	const term_grid *g = term_emulator_main_grid(p->em);
	vp->hist_total = g->sb_total;
	vp->hist_len = g->sb.len;
	vp->hist_epoch = g->sb_epoch;
	vp->hist_limit = g->sb.limit;
}

/*
 * History lines of [lo, hi) around anchor (inside it), taken alternately below and above
 * it until they hold budget cells or TERM_HISTPAGE_MAX_LINES lines: one contiguous page.
 */
static term_histpage *make_page(const struct source *s, uint32_t pane, uint64_t lo,
				uint64_t hi, uint64_t anchor, size_t budget)
{
	term_row *below[TERM_HISTPAGE_MAX_LINES], *above[TERM_HISTPAGE_MAX_LINES];
	unsigned nb = 0, na = 0;
	size_t cells = 0;
	uint64_t a = anchor, b = anchor; /* taken: a .. b - 1 */
	if (lo < s->first)
		lo = s->first;
	if (hi > s->total)
		hi = s->total;
	if (a < lo || a >= hi)
		a = b = hi;
	while (nb + na < TERM_HISTPAGE_MAX_LINES && (nb + na == 0 || cells < budget)) {
		bool down = a > lo && (b >= hi || nb <= na);
		if (!down && b >= hi)
			break;
		term_row *row = source_line(s, down ? a - 1 : b);
		cells += term_row_used(row) + 8;
		if (down) {
			below[nb++] = row;
			a--;
		} else {
			above[na++] = row;
			b++;
		}
	}
	term_histpage *page = term_histpage_new(pane, s->epoch, a, nb + na);
	for (unsigned i = 0; i < nb; i++)
		page->lines[nb - 1 - i] = below[i];
	for (unsigned i = 0; i < na; i++)
		page->lines[nb + i] = above[i];
	return page;
}

void history_request(struct history_feed *f, const term_event *ev)
{
	f->want = (struct history_range){ev->history.pane, ev->history.epoch, ev->history.first,
					 ev->history.first + ev->history.count};
}

/* The first match from (line, col) on, exclusive, wrapping round; false when none. */
static bool search_lines(const struct source *s, const term_event *ev, uint64_t *line,
			 int *col)
{
	bool back = ev->search.flags & TERM_SEARCH_BACKWARD;
	uint64_t end = s->total + s->screen->rows, n = s->total - s->first + s->screen->rows;
	uint64_t at = ev->search.line < s->first ? s->first : ev->search.line >= end ? end - 1
										   : ev->search.line;
	struct term_search ts;
	unsigned kind = (ev->search.flags & TERM_SEARCH_REGEX ? TERM_SEARCH_REGEX_TEXT : 0) |
			(ev->search.flags & TERM_SEARCH_ICASE ? TERM_SEARCH_NO_CASE : 0);
	term_search_init(&ts, ev->search.text, ev->search.len, kind);
	bool found = false;
	for (uint64_t k = 0; k <= n && !found; k++) {
		uint64_t off = (at - s->first + (back ? n - k % n : k)) % n;
		int from = k == 0 ? (back ? (int)ev->search.col - 1 : (int)ev->search.col + 1)
				  : back ? (int)s->screen->cols : 0;
		unsigned stop;
		*col = term_search_line(&ts, line_ref, (void *)s, s->first + off, end - 1,
					s->screen->cols, from, back, &stop);
		if (*col >= 0) {
			*line = s->first + off;
			found = true;
		}
	}
	term_search_free(&ts);
	return found;
}

void history_search(struct history_feed *f, const term_event *ev)
{
	struct source s;
	if (!source_open(&s, f, ev->search.pane, ev->search.epoch))
		return;
	uint64_t line = 0;
	int col = 0;
	bool found = search_lines(&s, ev, &line, &col);
	term_histpage *page;
	if (found)
		page = make_page(&s, ev->search.pane, s.first, s.total,
				 line < s.total ? line : s.total - 1, 4 * HISTORY_PAGE_CELLS);
	else
		page = term_histpage_new(ev->search.pane, ev->search.epoch, s.total, 0);
	page->answer = true;
	page->found = found;
	page->serial = ev->search.serial;
	page->line = line;
	page->col = (uint16_t)col;
	term_histpage_unref(f->answer);
	f->answer = page;
	source_close(&s);
}

/* What a delivered page tells of the client: the range asked for and the prefetch. */
static void delivered(struct history_feed *f)
{
	const term_histpage *p = f->page;
	uint64_t end = p->first + p->nlines;
	f->delivered = true;
	if (f->kind == HISTORY_WANTED && f->want.pane == p->pane && f->want.epoch == p->epoch &&
	    end >= f->want.hi)
		f->want.hi = p->first; /* pages go newest first */
	struct history_range *k = &f->known;
	if (k->pane != p->pane || k->epoch != p->epoch || p->first > k->hi || end < k->lo)
		*k = (struct history_range){p->pane, p->epoch, p->first, end};
	else {
		k->lo = p->first < k->lo ? p->first : k->lo;
		k->hi = end > k->hi ? end : k->hi;
	}
}

/* The next page of the range asked for, or NULL when it is done or cannot be. */
static term_histpage *wanted_page(struct history_feed *f)
{
	struct source s;
	if (f->want.lo >= f->want.hi || !source_open(&s, f, f->want.pane, f->want.epoch)) {
		f->want.lo = f->want.hi;
		return NULL;
	}
	uint64_t hi = f->want.hi < s.total ? f->want.hi : s.total;
	term_histpage *page = NULL;
	if (f->want.lo < hi && hi > s.first)
		page = make_page(&s, f->want.pane, f->want.lo, hi, hi - 1, HISTORY_PAGE_CELLS);
	else
		f->want.lo = f->want.hi;
	source_close(&s);
	return page;
}

static void send_page(struct history_feed *f, term_histpage *page, enum history_kind kind)
{
	term_histpage_unref(f->page);
	f->page = page;
	f->kind = kind;
	f->delivered = false;
}

void history_feed(struct history_feed *f, term_view *v, const term_view *acked)
{
	if (f->page != NULL && !f->delivered && acked != NULL && acked->page == f->page)
		delivered(f);
	if (f->answer != NULL) {
		send_page(f, f->answer, HISTORY_ANSWER);
		f->answer = NULL;
	} else if (f->page == NULL || f->delivered) {
		term_histpage *page = wanted_page(f);
		if (page != NULL)
			send_page(f, page, HISTORY_WANTED);
	}
	term_view_set_page(v, f->page);
}

void history_prefetch(struct history_feed *f, term_view *v, struct pane *p)
{
	struct source s;
	if (p == NULL || (f->page != NULL && !f->delivered) ||
	    !source_open(&s, f, p->id, term_emulator_main_grid(p->em)->sb_epoch))
		return;
	uint64_t depth = (uint64_t)HISTORY_PREFETCH_SCREENS * s.screen->rows;
	uint64_t lo = s.total - s.first > depth ? s.total - depth : s.first;
	struct history_range *k = &f->known;
	if (k->pane != p->id || k->epoch != s.g->sb_epoch || k->hi < lo || k->lo >= k->hi)
		*k = (struct history_range){p->id, s.g->sb_epoch, s.total, s.total};
	term_histpage *page = NULL;
	if (k->hi < s.total)
		page = make_page(&s, p->id, k->hi, s.total, s.total - 1, HISTORY_PAGE_CELLS);
	else if (k->lo > lo)
		page = make_page(&s, p->id, lo, k->lo, k->lo - 1, HISTORY_PAGE_CELLS);
	source_close(&s);
	if (page == NULL)
		return;
	send_page(f, page, HISTORY_PREFETCH);
	term_view_set_page(v, f->page);
}

void history_feed_clear(struct history_feed *f)
{
	term_histpage_unref(f->page);
	term_histpage_unref(f->answer);
	*f = (struct history_feed){0};
}
