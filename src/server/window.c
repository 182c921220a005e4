/* Windows: panes in a layout, one of them active. */
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "server.h"
#include "util/xmalloc.h"

/* The name a window gets from what it runs: the command's first word's last part. */
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
	char *name = xstrdup(slash != NULL && slash[1] != '\0' ? slash + 1 : word);
	free(word);
	return name;
}

static void add_pane(struct window *w, struct pane *p)
{
	w->panes = xreallocarray(w->panes, w->npanes + 1, sizeof *w->panes);
	w->panes[w->npanes++] = p;
	p->window = w;
	p->options = options_create(w->options);
}

struct window *window_create(unsigned index, unsigned cols, unsigned rows,
			     const struct spawn *sp, const char *name, char **error)
{
	struct pane *p = pane_create(server.next_pane++, cols, rows, sp, error);
	if (p == NULL)
		return NULL;
	struct window *w = xcalloc(1, sizeof *w);
	w->id = server.next_window++;
	w->index = index;
	w->name = name != NULL ? xstrdup(name) : default_name(sp);
	w->layout = layout_create(cols, rows, p->id);
	w->cols = cols;
	w->rows = rows;
	w->options = options_create(options_global_window);
	add_pane(w, p);
	w->active = p;
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

struct pane *window_split(struct window *w, struct pane *p, enum layout_split how,
			  unsigned percent, const struct spawn *sp, char **error)
{
	/* The layout first: a split it refuses starts no process. */
	uint32_t id = server.next_pane++;
	const char *why = layout_split(w->layout, p->id, how, percent, id);
	if (why != NULL) {
		*error = xstrdup(why);
		return NULL;
	}
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

void window_remove_pane(struct window *w, struct pane *p)
{
	size_t i = 0;
	while (w->panes[i] != p)
		i++;
	if (w->npanes == 1) {
		session_detach_window(w->session, w);
		return;
	}
	if (w->active == p)
		w->active = window_find_pane(w, layout_next(w->layout, p->id, -1));
	layout_remove(w->layout, p->id);
	memmove(&w->panes[i], &w->panes[i + 1], (w->npanes - i - 1) * sizeof *w->panes);
	w->npanes--;
	pane_destroy(p);
	window_apply_layout(w);
}
