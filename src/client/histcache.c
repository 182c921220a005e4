/* History lines by pane and number, a bounded ring each. */
#include "histcache.h"

#include <stdlib.h>

#include "util/xmalloc.h"

struct pane_lines {
	uint32_t id, epoch;
	unsigned limit;  /* the pane's history limit, within 1 .. the cache's */
	uint64_t hi;     /* one past the newest number held; slots hold hi - limit .. hi - 1 */
	term_row **ring; /* limit slots, line n at n % limit, NULL when not held */
};

struct histcache {
	unsigned limit; /* the most lines a pane, whatever its history limit */
	struct pane_lines *panes;
	size_t npanes;
	term_histpage *page; /* the last page taken, so a view repeating it costs nothing */
};

histcache *histcache_new(unsigned limit)
{
	histcache *h = xcalloc(1, sizeof *h);
	h->limit = limit ? limit : 1;
	return h;
}

static void clear_lines(struct pane_lines *p)
{
	for (unsigned i = 0; i < p->limit; i++) {
		term_row_unref(p->ring[i]);
		p->ring[i] = NULL;
	}
	p->hi = 0;
}

static void drop_pane(histcache *h, size_t i)
{
	clear_lines(&h->panes[i]);
	free(h->panes[i].ring);
	h->panes[i] = h->panes[--h->npanes];
}

void histcache_free(histcache *h)
{
	if (h == NULL)
		return;
	while (h->npanes > 0)
		drop_pane(h, h->npanes - 1);
	free(h->panes);
	term_histpage_unref(h->page);
	free(h);
}

static struct pane_lines *find(const histcache *h, uint32_t id)
{
	for (size_t i = 0; i < h->npanes; i++)
		if (h->panes[i].id == id)
			return &h->panes[i];
	return NULL;
}

/* The ring size for a pane whose history keeps limit lines. */
static unsigned ring_size(const histcache *h, uint32_t limit)
{
	return limit == 0 ? 1 : limit < h->limit ? limit : h->limit;
}

/* Keeps line n; moves the window up when n is past it. */
static void put(struct pane_lines *p, uint64_t n, term_row *row)
{
	if (n + p->limit < p->hi)
		return; /* older than the window */
	if (n >= p->hi + p->limit) {
		clear_lines(p); /* far past the window: nothing held stays in it */
		p->hi = n + 1 - p->limit;
	}
	for (; p->hi <= n; p->hi++) {
		term_row **slot = &p->ring[p->hi % p->limit];
		term_row_unref(*slot);
		*slot = NULL;
	}
	term_row **slot = &p->ring[n % p->limit];
	term_row_unref(*slot);
	*slot = term_row_ref(row);
}

/* Panes no longer in the view go, and those whose history limit changed (the ring is
 * made again at the new size); a pane in a new epoch starts empty. */
static void sync_panes(histcache *h, const term_view *v)
{
	for (size_t i = 0; i < h->npanes;) {
		const term_view_pane *vp = term_view_find(v, h->panes[i].id);
		if (vp == NULL || ring_size(h, vp->hist_limit) != h->panes[i].limit) {
			drop_pane(h, i);
			continue;
		}
		if (vp->hist_epoch != h->panes[i].epoch) {
			clear_lines(&h->panes[i]);
			h->panes[i].epoch = vp->hist_epoch;
		}
		i++;
	}
}

void histcache_view(histcache *h, const term_view *v)
{
	sync_panes(h, v);
	term_histpage *page = v->page;
	if (page == NULL || page == h->page)
		return;
	term_histpage_unref(h->page);
	h->page = term_histpage_ref(page);
	const term_view_pane *vp = term_view_find(v, page->pane);
	if (vp == NULL || vp->hist_epoch != page->epoch)
		return;
	struct pane_lines *p = find(h, page->pane);
	if (p == NULL) {
		h->panes = xreallocarray(h->panes, h->npanes + 1, sizeof *h->panes);
		p = &h->panes[h->npanes++];
		unsigned limit = ring_size(h, vp->hist_limit);
		*p = (struct pane_lines){.id = page->pane, .epoch = page->epoch, .limit = limit,
					 .ring = xcalloc(limit, sizeof *p->ring)};
	}
	for (uint32_t i = 0; i < page->nlines; i++)
		put(p, page->first + i, page->lines[i]);
}

const term_row *histcache_line(const histcache *h, uint32_t pane, uint64_t n)
{
	const struct pane_lines *p = find(h, pane);
	if (p == NULL || n >= p->hi || n + p->limit < p->hi)
		return NULL;
	return p->ring[n % p->limit];
}
