/* Windows: panes in a layout, one of them active. */
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "server.h"
#include "util/printable.h"
#include "util/xmalloc.h"

/* The name a window gets from what it runs: the command's first word's last part, its
 * control characters escaped (a command is any bytes; the name shows in listings). */
static char *default_name(const struct spawn *sp)
{
	const char *cmd = NULL;
	if (sp != NULL && sp->argc > 0)
		cmd = sp->argv[0];
	else if (sp != NULL && sp->command != NULL && *sp->command != '\0')
		cmd = sp->command;
	else if (sp != NULL)
		cmd = sp->shell;
	if (cmd == NULL || *cmd == '\0')
		cmd = getenv("SHELL");
	if (cmd == NULL || *cmd == '\0')
		cmd = "sh";
	size_t len = strcspn(cmd, " \t");
	char *word = xstrndup(cmd, len), *slash = strrchr(word, '/');
	const char *last = slash != NULL && slash[1] != '\0' ? slash + 1 : word;
	char *name = printable_copy(last, strlen(last), "");
	free(word);
	return name;
}

static void add_pane(struct window *w, struct pane *p)
{
	w->panes = xreallocarray(w->panes, w->npanes + 1, sizeof *w->panes);
	w->panes[w->npanes++] = p;
	p->window = w;
	if (p->options == NULL)
		p->options = options_create(w->options);
	else
		options_set_parent(p->options, w->options);
}

struct window *window_create(unsigned index, unsigned cols, unsigned rows,
			     const struct spawn *sp, const char *name, char **error)
{
	struct pane *p = pane_create(server.next_pane++, cols, rows, sp, error);
	if (p == NULL)
		return NULL;
	char *dflt = name == NULL ? default_name(sp) : NULL;
	struct window *w = window_create_with(index, p, cols, rows, name != NULL ? name : dflt);
	free(dflt);
	if (name != NULL)
		window_set_name(w, name, true);
	return w;
}

void window_set_name(struct window *w, const char *name, bool by_user)
{
	char *copy = xstrdup(name);
	free(w->name);
	w->name = copy;
	char *cause = NULL;
	if (by_user && options_set(w->options, options_find("automatic-rename", &cause), "off",
				   false, &cause) != 0)
		abort(); /* the table has it, and off is a flag's value */
}

struct window *window_create_with(unsigned index, struct pane *p, unsigned cols, unsigned rows,
				  const char *name)
{
	struct window *w = xcalloc(1, sizeof *w);
	w->id = server.next_window++;
	w->index = index;
	w->name = xstrdup(name);
	w->layout = layout_create(cols, rows, p->id);
	w->cols = cols;
	w->rows = rows;
	w->options = options_create(options_global_window);
	w->name_due = true; /* automatic-rename names it at the first check */
	add_pane(w, p);
	w->active = p;
	window_apply_layout(w);
	return w;
}

void window_destroy(struct window *w)
{
	for (size_t i = 0; i < w->npanes; i++)
		pane_destroy(w->panes[i]);
	free(w->panes);
	layout_free(w->layout);
	options_free(w->options);
	free(w->name);
	free(w);
}

struct pane *window_find_pane(const struct window *w, uint32_t id)
{
	for (size_t i = 0; i < w->npanes; i++)
		if (w->panes[i]->id == id)
			return w->panes[i];
	return NULL;
}

struct pane *window_pane_at(const struct window *w, size_t index)
{
	struct layout_geom geom[w->npanes];
	if (index >= layout_list(w->layout, geom, w->npanes))
		return NULL;
	return window_find_pane(w, geom[index].pane);
}

size_t window_pane_index(const struct window *w, const struct pane *p)
{
	struct layout_geom geom[w->npanes];
	size_t n = layout_list(w->layout, geom, w->npanes), i = 0;
	while (i < n && geom[i].pane != p->id)
		i++;
	return i;
}

void window_apply_layout(struct window *w)
{
	struct layout_geom g;
	layout_set_border(w->layout,
			  (enum layout_border)options_get_number(w->options, "pane-border-status"));
	for (size_t i = 0; i < w->npanes; i++)
		if (layout_geometry(w->layout, w->panes[i]->id, &g))
			pane_resize(w->panes[i], g.cols, g.rows);
}

void window_resize(struct window *w, unsigned cols, unsigned rows)
{
	cols = cols < LAYOUT_MIN ? LAYOUT_MIN : cols > LAYOUT_MAX ? LAYOUT_MAX : cols;
	rows = rows < LAYOUT_MIN ? LAYOUT_MIN : rows > LAYOUT_MAX ? LAYOUT_MAX : rows;
	if (cols == w->cols && rows == w->rows)
		return;
	layout_resize(w->layout, cols, rows);
	w->cols = cols;
	w->rows = rows;
	window_apply_layout(w);
}

struct pane *window_split(struct window *w, struct pane *p, const struct layout_place *where,
			  const struct spawn *sp, char **error)
{
	/* The layout first: a split it refuses starts no process and, as tmux, takes no id. */
	uint32_t id = server.next_pane;
	const char *why = layout_insert(w->layout, p->id, where, id);
	if (why != NULL) {
		*error = xstrdup(why);
		return NULL;
	}
	server.next_pane++;
	struct layout_geom g;
	layout_geometry(w->layout, id, &g);
	struct pane *np = pane_create(id, g.cols, g.rows, sp, error);
	if (np == NULL) {
		layout_remove(w->layout, id);
		return NULL;
	}
	add_pane(w, np);
	window_apply_layout(w);
	return np;
}

void window_set_active(struct window *w, struct pane *p)
{
	if (p == w->active)
		return;
	w->last = w->active;
	w->active = p;
	p->active_point = ++server.uses;
}

/*
 * p is leaving w: a leaving active pane gives way, as tmux's window_lost_pane, to the last
 * pane, else the one before it in order, else the one after.
 */
static void hand_off(struct window *w, struct pane *p)
{
	if (w->active == p) {
		struct pane *next = w->last;
		if (next == NULL) {
			size_t k = window_pane_index(w, p);
			next = window_pane_at(w, k > 0 ? k - 1 : k + 1);
		}
		w->active = next;
		w->last = NULL;
	} else if (w->last == p) {
		w->last = NULL;
	}
}

static void drop_from(struct window *w, struct pane *p)
{
	size_t i = 0;
	while (w->panes[i] != p)
		i++;
	memmove(&w->panes[i], &w->panes[i + 1], (w->npanes - i - 1) * sizeof *w->panes);
	w->npanes--;
	p->window = NULL;
}

/* Takes p out of w's panes and layout (w keeps others). */
static void lose_pane(struct window *w, struct pane *p)
{
	hand_off(w, p);
	layout_remove(w->layout, p->id);
	drop_from(w, p);
}

void window_remove_pane(struct window *w, struct pane *p)
{
	if (w->npanes == 1) {
		session_detach_window(w->session, w);
		return;
	}
	lose_pane(w, p);
	pane_destroy(p);
	window_apply_layout(w);
}

void window_take_pane(struct window *w, struct pane *p)
{
	lose_pane(w, p);
	window_apply_layout(w);
}

/* A cell id no pane has (ids count up from 0), held while a pane moves. */
#define PLACEHOLDER UINT32_MAX

const char *window_join_pane(struct pane *dst, struct pane *src, const struct layout_place *where)
{
	struct window *dw = dst->window, *sw = src->window;
	if (src == dst)
		return "source and target panes must be different";
	/* As tmux: the target splits first, then the source's cell closes. */
	const char *why = layout_insert(dw->layout, dst->id, where, PLACEHOLDER);
	if (why != NULL)
		return why;
	layout_unzoom(sw->layout);
	if (sw != dw)
		hand_off(sw, src);
	layout_swap(dw->layout, PLACEHOLDER, sw->layout, src->id);
	if (sw == dw) {
		layout_remove(dw->layout, PLACEHOLDER);
	} else {
		drop_from(sw, src);
		if (sw->npanes == 0) {
			session_detach_window(sw->session, sw);
		} else {
			layout_remove(sw->layout, PLACEHOLDER);
			window_apply_layout(sw);
		}
		add_pane(dw, src);
	}
	window_apply_layout(dw);
	return NULL;
}

void window_swap_panes(struct pane *a, struct pane *b)
{
	struct window *wa = a->window, *wb = b->window;
	layout_swap(wa->layout, a->id, wb->layout, b->id);
	if (wa != wb) {
		for (size_t i = 0; i < wa->npanes; i++)
			if (wa->panes[i] == a)
				wa->panes[i] = b;
		for (size_t i = 0; i < wb->npanes; i++)
			if (wb->panes[i] == b)
				wb->panes[i] = a;
		a->window = wb;
		b->window = wa;
		options_set_parent(a->options, wb->options);
		options_set_parent(b->options, wa->options);
		/* A pane that left its window is no longer that window's active or last one. */
		if (wa->active == a)
			wa->active = b;
		if (wb->active == b)
			wb->active = a;
		if (wa->last == a)
			wa->last = NULL;
		if (wb->last == b)
			wb->last = NULL;
		window_apply_layout(wb);
	}
	window_apply_layout(wa);
}
