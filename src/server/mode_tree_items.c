/* The choosers' items: built, filtered, sorted and tagged as tmux 3.3's (mode_tree_items.h). */
#include "mode_tree_items.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "options.h"
#include "util/xmalloc.h"

static const char *const session_sorts[] = {"index", "name", "time"};
static const char *const client_sorts[] = {"name", "size", "creation", "activity"};
static const char *const buffer_sorts[] = {"time", "name", "size"};

const char *const *mode_tree_sorts(enum mode_tree_kind kind, unsigned *n)
{
	switch (kind) {
	case MODE_TREE_CLIENTS:
		*n = sizeof client_sorts / sizeof *client_sorts;
		return client_sorts;
	case MODE_TREE_BUFFERS:
		*n = sizeof buffer_sorts / sizeof *buffer_sorts;
		return buffer_sorts;
	default:
		*n = sizeof session_sorts / sizeof *session_sorts;
		return session_sorts;
	}
}

static bool default_expanded(const struct tree *t, uint8_t type)
{
	if (type == ITEM_SESSION)
		return t->start != MODE_TREE_SESSIONS_ONLY;
	return t->start == MODE_TREE_PANES;
}

static bool expanded(const struct tree *t, uint8_t type, uint32_t id)
{
	for (size_t i = 0; i < t->ntoggles; i++)
		if (t->toggles[i].type == type && t->toggles[i].id == id)
			return t->toggles[i].expanded;
	return default_expanded(t, type);
}

void tree_set_expanded(struct tree *t, uint8_t type, uint32_t id, bool on)
{
	for (size_t i = 0; i < t->ntoggles; i++)
		if (t->toggles[i].type == type && t->toggles[i].id == id) {
			t->toggles[i].expanded = on;
			return;
		}
	t->toggles = xreallocarray(t->toggles, t->ntoggles + 1, sizeof *t->toggles);
	t->toggles[t->ntoggles++] = (struct toggle){type, id, on};
}

static bool ref_is(const struct item_ref *r, const struct item *i)
{
	if (i->type != r->type)
		return false;
	if (i->type == ITEM_BUFFER)
		return r->buffer != NULL && strcmp(r->buffer, i->pb->name) == 0;
	return i->id == r->id;
}

static void ref_set(struct item_ref *r, const struct item *i)
{
	free(r->buffer);
	*r = (struct item_ref){.type = i->type, .id = i->id,
			       .buffer = i->pb != NULL ? xstrdup(i->pb->name) : NULL};
}

static bool is_tagged(const struct tree *t, const struct item *i)
{
	for (size_t k = 0; k < t->ntags; k++)
		if (ref_is(&t->tags[k], i))
			return true;
	return false;
}

static struct item *add(struct items *it, uint8_t type, uint32_t id, unsigned depth,
			size_t parent, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static struct item *add(struct items *it, uint8_t type, uint32_t id, unsigned depth,
			size_t parent, const char *fmt, ...)
{
	it->v = xreallocarray(it->v, it->n + 1, sizeof *it->v);
	struct item *i = &it->v[it->n++];
	*i = (struct item){.type = type, .id = id, .depth = depth, .parent = parent};
	va_list ap;
	va_start(ap, fmt);
	xvasprintf(&i->name, fmt, ap);
	va_end(ap);
	return i;
}

/* A run of siblings from first on: the last one marked, flat when none has children. */
static void siblings(struct items *it, size_t first, size_t last, bool any_children)
{
	if (first >= it->n)
		return;
	it->v[last].last = true;
	for (size_t i = first; i < it->n; i++)
		if (it->v[i].depth == it->v[first].depth)
			it->v[i].flat = !any_children;
}

/* Comparisons for qsort_r: a's place before b's by the tree's order, reversed by -r. */
static int order(const struct tree *t, int result)
{
	return t->reversed ? -result : result;
}

static int by_number(uint64_t a, uint64_t b)
{
	return a < b ? -1 : a > b;
}

static int cmp_session(const void *a0, const void *b0, void *arg)
{
	const struct tree *t = arg;
	const struct session *a = *(struct session *const *)a0, *b = *(struct session *const *)b0;
	int r = 0;
	if (t->sort == 0)
		r = by_number(a->id, b->id);
	else if (t->sort == 2)
		r = by_number(b->used, a->used); /* the most recently used first */
	if (r == 0)
		r = strcmp(a->name, b->name);
	return order(t, r);
}

static int cmp_window(const void *a0, const void *b0, void *arg)
{
	const struct tree *t = arg;
	const struct window *a = *(struct window *const *)a0, *b = *(struct window *const *)b0;
	int r = 0;
	if (t->sort == 0)
		r = by_number(a->index, b->index);
	else if (t->sort == 2)
		r = by_number(b->activity, a->activity);
	if (r == 0)
		r = strcmp(a->name, b->name);
	return order(t, r);
}

/* Panes have no names: by id but for time (the order they were last active), as tmux. */
static int cmp_pane(const void *a0, const void *b0, void *arg)
{
	const struct tree *t = arg;
	const struct pane *a = *(struct pane *const *)a0, *b = *(struct pane *const *)b0;
	if (t->sort == 2)
		return order(t, by_number(a->active_point, b->active_point));
	return order(t, by_number(a->id, b->id));
}

static int cmp_client(const void *a0, const void *b0, void *arg)
{
	const struct tree *t = arg;
	const struct client *a = *(struct client *const *)a0, *b = *(struct client *const *)b0;
	int r = 0;
	if (t->sort == 1) {
		r = by_number(a->in.cols, b->in.cols);
		if (r == 0)
			r = by_number(a->in.rows, b->in.rows);
	} else if (t->sort == 2) {
		r = by_number(b->created_ms, a->created_ms);
	} else if (t->sort == 3) {
		r = by_number(b->active_ms, a->active_ms);
	}
	if (r == 0)
		r = by_number(a->id, b->id); /* a client's name is its id */
	return order(t, r);
}

static int cmp_buffer(const void *a0, const void *b0, void *arg)
{
	const struct tree *t = arg;
	const struct paste_buffer *a = *(struct paste_buffer *const *)a0;
	const struct paste_buffer *b = *(struct paste_buffer *const *)b0;
	int r = 0;
	if (t->sort == 0)
		r = by_number(b->order, a->order);
	else if (t->sort == 2)
		r = by_number(b->size, a->size);
	if (r == 0)
		r = strcmp(a->name, b->name);
	return order(t, r);
}

/* Whether the filter (when filtering) is true for these objects. */
static bool keeps(const char *filter, struct format_ctx f)
{
	if (filter == NULL)
		return true;
	format_defaults(&f);
	return format_true_for(filter, &f);
}

/* The panes of w the filter keeps, sorted, into out (w->npanes long); returns how many. */
static size_t kept_panes(const struct tree *t, const char *filter, struct window *w,
			 struct pane **out)
{
	size_t n = 0;
	for (size_t k = 0; k < w->npanes; k++)
		if (keeps(filter, (struct format_ctx){.s = w->session, .w = w, .p = w->panes[k]}))
			out[n++] = w->panes[k];
	qsort_r(out, n, sizeof *out, cmp_pane, (void *)t);
	return n;
}

static void build_panes(struct items *it, struct window *w, struct pane **panes, size_t n,
			size_t parent)
{
	size_t first = it->n;
	long long base = options_get_number(w->options, "pane-base-index");
	for (size_t k = 0; k < n; k++) {
		struct item *i = add(it, ITEM_PANE, panes[k]->id, 2, parent, "%lld",
				     (long long)window_pane_index(w, panes[k]) + base);
		i->s = w->session;
		i->w = w;
		i->p = panes[k];
	}
	siblings(it, first, it->n - 1, false);
}

/* A window the filter keeps (one of its panes), with its panes when expanded. */
static bool build_window(struct tree *t, struct items *it, const char *filter,
			 struct window *w, size_t parent, bool last)
{
	struct pane **panes = xcalloc(w->npanes + 1, sizeof *panes);
	size_t n = kept_panes(t, filter, w, panes);
	if (n > 0) {
		size_t wi = it->n;
		struct item *i = add(it, ITEM_WINDOW, w->id, 1, parent, "%u", w->index);
		i->s = w->session;
		i->w = w;
		i->children = w->npanes > 1;
		i->expanded = i->children && expanded(t, ITEM_WINDOW, w->id);
		i->last = last; /* before its panes need it */
		if (i->expanded)
			build_panes(it, w, panes, n, wi);
	}
	free(panes);
	return n > 0;
}

/* Whether the filter keeps any pane of s (to list s collapsed). */
static bool session_kept(const struct tree *t, const char *filter, struct session *s)
{
	for (size_t b = 0; b < s->nwindows; b++) {
		struct window *w = s->windows[b];
		for (size_t k = 0; k < w->npanes; k++)
			if (keeps(filter, (struct format_ctx){.s = s, .w = w, .p = w->panes[k]}))
				return true;
	}
	return false;
}

static void build_windows(struct tree *t, struct items *it, const char *filter,
			  struct session *s, size_t si)
{
	struct window **ws = xmemdup(s->windows, s->nwindows * sizeof *ws);
	qsort_r(ws, s->nwindows, sizeof *ws, cmp_window, t);
	size_t first = it->n, last = first;
	bool any = false;
	for (size_t b = 0; b < s->nwindows; b++) {
		size_t at = it->n;
		if (build_window(t, it, filter, ws[b], si, false)) {
			last = at;
			any |= ws[b]->npanes > 1;
		}
	}
	if (it->n > first) {
		it->v[last].last = true;
		siblings(it, first, last, any);
	}
	free(ws);
}

static void build_sessions(struct tree *t, struct items *it, const char *filter)
{
	struct session **ss = xmemdup(server.sessions, server.nsessions * sizeof *ss);
	qsort_r(ss, server.nsessions, sizeof *ss, cmp_session, t);
	size_t last = 0;
	for (size_t a = 0; a < server.nsessions; a++) {
		struct session *s = ss[a];
		if (!session_kept(t, filter, s))
			continue;
		last = it->n;
		struct item *i = add(it, ITEM_SESSION, s->id, 0, 0, "%s", s->name);
		i->s = s;
		i->children = s->nwindows > 0;
		i->expanded = i->children && expanded(t, ITEM_SESSION, s->id);
		if (i->expanded)
			build_windows(t, it, filter, s, last);
	}
	siblings(it, 0, last, true);
	free(ss);
}

static void build_clients(struct tree *t, struct items *it, const char *filter)
{
	struct client **cs = xcalloc(nclients + 1, sizeof *cs);
	size_t n = 0;
	for (size_t a = 0; a < nclients; a++)
		if (clients[a]->ended == NULL && session_find_id(clients[a]->in.session) != NULL)
			cs[n++] = clients[a];
	qsort_r(cs, n, sizeof *cs, cmp_client, t);
	for (size_t a = 0; a < n; a++) {
		struct session *s = session_find_id(cs[a]->in.session);
		if (!keeps(filter, (struct format_ctx){.client = cs[a], .s = s}))
			continue;
		struct item *i = add(it, ITEM_CLIENT, cs[a]->id, 0, 0, "%u", cs[a]->id);
		i->c = cs[a];
		i->s = s;
	}
	siblings(it, 0, it->n > 0 ? it->n - 1 : 0, false);
	free(cs);
}

static void build_buffers(struct tree *t, struct items *it, const char *filter)
{
	size_t n;
	struct paste_buffer **list = paste_list(&n);
	qsort_r(list, n, sizeof *list, cmp_buffer, t);
	for (size_t a = 0; a < n; a++) {
		if (!keeps(filter, (struct format_ctx){.pb = list[a]}))
			continue;
		struct item *i = add(it, ITEM_BUFFER, 0, 0, 0, "%s", list[a]->name);
		i->pb = list[a];
	}
	free(list);
	siblings(it, 0, it->n > 0 ? it->n - 1 : 0, false);
}

static void build_with(struct tree *t, struct items *it, const char *filter)
{
	*it = (struct items){0};
	if (t->kind == MODE_TREE_CLIENTS)
		build_clients(t, it, filter);
	else if (t->kind == MODE_TREE_BUFFERS)
		build_buffers(t, it, filter);
	else
		build_sessions(t, it, filter);
}

void items_select(struct tree *t, const struct items *it, size_t index)
{
	ref_set(&t->sel, &it->v[index]);
	t->sel_index = index;
	t->sel_set = true;
}

void items_build(struct tree *t, struct items *it)
{
	build_with(t, it, t->filter);
	t->no_matches = t->filter != NULL && it->n == 0;
	if (t->no_matches) /* as tmux: everything, and the box says "no matches" */
		build_with(t, it, NULL);
	if (it->n == 0)
		return;
	size_t cur = t->sel_index < it->n ? t->sel_index : it->n - 1;
	for (size_t i = 0; i < it->n; i++) {
		it->v[i].tagged = is_tagged(t, &it->v[i]);
		if (t->sel_set && ref_is(&t->sel, &it->v[i]))
			cur = i;
	}
	it->current = cur;
	items_select(t, it, cur);
}

void items_free(struct items *it)
{
	for (size_t i = 0; i < it->n; i++)
		free(it->v[i].name);
	free(it->v);
}

static void untag(struct tree *t, const struct item *i)
{
	for (size_t k = 0; k < t->ntags; k++)
		if (ref_is(&t->tags[k], i)) {
			free(t->tags[k].buffer);
			t->tags[k] = t->tags[--t->ntags];
			return;
		}
}

static void tag(struct tree *t, const struct item *i)
{
	t->tags = xreallocarray(t->tags, t->ntags + 1, sizeof *t->tags);
	t->tags[t->ntags] = (struct item_ref){0};
	ref_set(&t->tags[t->ntags++], i);
}

/* Whether the object r names lies inside item i's: a session's window or pane, a
 * window's pane (lines or not: a collapsed item's children are no lines). */
static bool within(const struct item_ref *r, const struct item *i)
{
	if (r->type == ITEM_PANE && (i->type == ITEM_SESSION || i->type == ITEM_WINDOW)) {
		struct window *w = NULL;
		if (pane_find_id(r->id, &w) == NULL || w == NULL)
			return false;
		return i->type == ITEM_WINDOW ? w == i->w : w->session == i->s;
	}
	if (r->type == ITEM_WINDOW && i->type == ITEM_SESSION)
		for (size_t b = 0; b < i->s->nwindows; b++)
			if (i->s->windows[b]->id == r->id)
				return true;
	return false;
}

/* Untags i's parents (lines above it) and everything inside it. */
static void untag_kin(struct tree *t, const struct items *it, size_t index)
{
	for (size_t d = index; it->v[d].depth > 0;) {
		d = it->v[d].parent;
		untag(t, &it->v[d]);
	}
	for (size_t k = t->ntags; k-- > 0;)
		if (within(&t->tags[k], &it->v[index]))
			t->tags[k] = t->tags[--t->ntags];
}

void tree_tag_toggle(struct tree *t, const struct items *it, size_t index)
{
	const struct item *i = &it->v[index];
	if (i->tagged) {
		untag(t, i);
		return;
	}
	untag_kin(t, it, index);
	tag(t, i);
}

void tree_tag_clear(struct tree *t)
{
	for (size_t k = 0; k < t->ntags; k++)
		free(t->tags[k].buffer);
	t->ntags = 0;
}

void tree_tag_top(struct tree *t, const struct items *it)
{
	tree_tag_clear(t);
	for (size_t i = 0; i < it->n; i++)
		if (it->v[i].depth == 0)
			tag(t, &it->v[i]);
}

size_t tree_tagged(const struct items *it)
{
	size_t n = 0;
	for (size_t i = 0; i < it->n; i++)
		n += it->v[i].tagged;
	return n;
}

void tree_free_state(struct tree *t)
{
	tree_tag_clear(t);
	free(t->tags);
	free(t->format);
	free(t->key_format);
	free(t->template);
	free(t->filter);
	free(t->sel.buffer);
	free(t->toggles);
}
