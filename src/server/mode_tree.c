/*
 * The choosers (choose-tree, choose-client, choose-buffer), as tmux 3.3 draws them: a
 * list in the top part, one line per item,
 *
 *     (0) - work: 2 windows (attached)
 *     (1) ├─>   0: bash*
 *     (2) └─> + 1: vim-
 *
 * (its key, the tree, + collapsed / - expanded, name: text), the current line in
 * mode-style; below, a box titled "name (sort: ...)" with a preview of the current item:
 * a session's windows or a window's panes side by side with their labels, a buffer's
 * text. The items are rebuilt from the server's objects at every draw and key (the
 * chooser keeps only ids and what was expanded), so what it shows is never stale.
 */
#include "mode_tree.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "mode.h"
#include "options.h"
#include "paste.h"
#include "server_client.h"
#include "cmd/cmdlist.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

enum item_type { ITEM_SESSION, ITEM_WINDOW, ITEM_PANE, ITEM_CLIENT, ITEM_BUFFER };

static const char *const default_format[] = {
	[ITEM_SESSION] = "#{session_windows} windows#{?session_attached, (attached),}",
	[ITEM_WINDOW] = "#{window_name}#{window_flags}",
	[ITEM_PANE] = "#{pane_current_command}#{?pane_active,*,}",
	[ITEM_CLIENT] = "session #{session_name}",
};

/* An expansion the user changed (Right, Left) from the default. */
struct toggle {
	uint8_t type;
	uint32_t id;
	bool expanded;
};

struct tree {
	enum mode_tree_kind kind;
	enum mode_tree_start start;
	char *format, *template;
	bool preview;
	/* The current item, by identity; index: where it was, for when it goes. */
	uint8_t sel_type;
	uint32_t sel_id;
	char *sel_buffer;
	size_t sel_index;
	bool sel_set;
	size_t offset; /* the first line shown */
	struct toggle *toggles;
	size_t ntoggles;
};

/* One line of the list, for one draw or key: the pointers live as long as the call. */
struct item {
	uint8_t type;
	uint32_t id;
	unsigned depth;
	bool children, expanded, last, parent_last, flat;
	size_t parent; /* index of the parent line, for depth > 0 */
	struct session *s;
	struct window *w;
	struct pane *p;
	struct client *c;
	struct paste_buffer *pb;
	char *name;
};

struct items {
	struct item *v;
	size_t n;
	size_t current;
};

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

static void set_expanded(struct tree *t, uint8_t type, uint32_t id, bool on)
{
	for (size_t i = 0; i < t->ntoggles; i++)
		if (t->toggles[i].type == type && t->toggles[i].id == id) {
			t->toggles[i].expanded = on;
			return;
		}
	t->toggles = xreallocarray(t->toggles, t->ntoggles + 1, sizeof *t->toggles);
	t->toggles[t->ntoggles++] = (struct toggle){type, id, on};
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

static void build_panes(struct tree *t, struct items *it, struct window *w, size_t parent)
{
	size_t first = it->n, last = first;
	long long base = options_get_number(w->options, "pane-base-index");
	for (size_t k = 0; k < w->npanes; k++) {
		struct pane *p = window_pane_at(w, k);
		if (p == NULL)
			continue;
		last = it->n;
		struct item *i = add(it, ITEM_PANE, p->id, 2, parent, "%lld", (long long)k + base);
		i->s = w->session;
		i->w = w;
		i->p = p;
		i->parent_last = it->v[parent].last;
	}
	siblings(it, first, last, false);
}

static void build_sessions(struct tree *t, struct items *it)
{
	size_t first = it->n, slast = first;
	for (size_t a = 0; a < server.nsessions; a++) {
		struct session *s = server.sessions[a];
		slast = it->n;
		size_t si = it->n;
		struct item *i = add(it, ITEM_SESSION, s->id, 0, 0, "%s", s->name);
		i->s = s;
		i->children = s->nwindows > 0;
		i->expanded = i->children && expanded(t, ITEM_SESSION, s->id);
		if (!i->expanded)
			continue;
		size_t wfirst = it->n, wlast = wfirst;
		bool any = false;
		for (size_t b = 0; b < s->nwindows; b++)
			any |= s->windows[b]->npanes > 1;
		for (size_t b = 0; b < s->nwindows; b++) {
			struct window *w = s->windows[b];
			wlast = it->n;
			size_t wi = it->n;
			i = add(it, ITEM_WINDOW, w->id, 1, si, "%u", w->index);
			i->s = s;
			i->w = w;
			i->children = w->npanes > 1;
			i->expanded = i->children && expanded(t, ITEM_WINDOW, w->id);
			if (b + 1 == s->nwindows)
				i->last = true; /* before its panes need it */
			if (i->expanded)
				build_panes(t, it, w, wi);
		}
		siblings(it, wfirst, wlast, any);
	}
	siblings(it, first, slast, true);
}

static void build_clients(struct items *it)
{
	for (size_t a = 0; a < nclients; a++) {
		struct client *c = clients[a];
		struct session *s = session_find_id(c->in.session);
		if (c->ended != NULL || s == NULL)
			continue;
		struct item *i = add(it, ITEM_CLIENT, c->id, 0, 0, "%u", c->id);
		i->c = c;
		i->s = s;
	}
	siblings(it, 0, it->n > 0 ? it->n - 1 : 0, false);
}

static void build_buffers(struct items *it)
{
	size_t n;
	struct paste_buffer **list = paste_list(&n);
	for (size_t a = 0; a < n; a++) {
		struct item *i = add(it, ITEM_BUFFER, 0, 0, 0, "%s", list[a]->name);
		i->pb = list[a];
	}
	free(list);
	siblings(it, 0, it->n > 0 ? it->n - 1 : 0, false);
}

static bool is_selected(const struct tree *t, const struct item *i)
{
	if (i->type != t->sel_type)
		return false;
	if (i->type == ITEM_BUFFER)
		return t->sel_buffer != NULL && strcmp(t->sel_buffer, i->pb->name) == 0;
	return i->id == t->sel_id;
}

static void select_item(struct tree *t, const struct items *it, size_t index)
{
	const struct item *i = &it->v[index];
	t->sel_type = i->type;
	t->sel_id = i->id;
	free(t->sel_buffer);
	t->sel_buffer = i->pb != NULL ? xstrdup(i->pb->name) : NULL;
	t->sel_index = index;
	t->sel_set = true;
}

/* The items now, the current one found again (or the one now where it was). */
static void build(struct tree *t, struct items *it)
{
	*it = (struct items){0};
	if (t->kind == MODE_TREE_CLIENTS)
		build_clients(it);
	else if (t->kind == MODE_TREE_BUFFERS)
		build_buffers(it);
	else
		build_sessions(t, it);
	if (it->n == 0)
		return;
	size_t cur = t->sel_index < it->n ? t->sel_index : it->n - 1;
	for (size_t i = 0; t->sel_set && i < it->n; i++)
		if (is_selected(t, &it->v[i]))
			cur = i;
	it->current = cur;
	select_item(t, it, cur);
}

static void items_free(struct items *it)
{
	for (size_t i = 0; i < it->n; i++)
		free(it->v[i].name);
	free(it->v);
}

/* The item's key: 0-9, then M-a to M-z; "" past them. */
static void item_key(size_t index, char out[8])
{
	if (index < 10)
		snprintf(out, 8, "%zu", index);
	else if (index < 36)
		snprintf(out, 8, "M-%c", (char)('a' + index - 10));
	else
		out[0] = '\0';
}

static char *item_text(const struct tree *t, const struct item *i)
{
	if (i->type == ITEM_BUFFER) {
		char when[16], *sample = paste_sample(i->pb), *text;
		struct tm tm;
		localtime_r(&i->pb->created, &tm);
		strftime(when, sizeof when, "%H:%M", &tm);
		xasprintf(&text, "%s: %s", when, sample);
		free(sample);
		return text;
	}
	struct format_ctx f = {.client = i->c, .s = i->s, .w = i->w, .p = i->p};
	format_defaults(&f);
	return format_expand(t->format != NULL ? t->format : default_format[i->type], &f);
}

/* What goes before the name: the tree's lines and the +/- of an item with children. */
static void item_prefix(const struct items *it, const struct item *i, struct strbuf *b)
{
	const char *symbol = !i->children ? "  " : i->expanded ? "- " : "+ ";
	if (i->flat)
		symbol = "";
	if (i->depth > 0) {
		for (unsigned d = 1; d < i->depth; d++)
			strbuf_adds(b, it->v[i->parent].last ? "    " : "\xe2\x94\x82   ");
		strbuf_adds(b, i->last ? "\xe2\x94\x94\xe2\x94\x80> " : "\xe2\x94\x9c\xe2\x94\x80> ");
	}
	strbuf_adds(b, symbol);
}

static void draw_list(const struct tree *t, const struct items *it, term_snapshot *scr,
		      unsigned cols, unsigned height, const term_cell *selected)
{
	size_t keylen = 0;
	char key[8];
	for (size_t i = 0; i < it->n; i++) {
		item_key(i, key);
		if (key[0] != '\0' && strlen(key) + 3 > keylen)
			keylen = strlen(key) + 3;
	}
	term_cell plain = term_cell_blank();
	for (size_t i = t->offset; i < it->n && i < t->offset + height; i++) {
		const struct item *item = &it->v[i];
		unsigned row = (unsigned)(i - t->offset);
		const term_cell *pen = i == it->current ? selected : &plain;
		struct strbuf b = {0};
		item_key(i, key);
		char keytext[12] = "";
		if (key[0] != '\0')
			snprintf(keytext, sizeof keytext, "(%s)", key);
		char *part;
		xasprintf(&part, "%-*s", (int)keylen, keytext);
		strbuf_adds(&b, part);
		free(part);
		item_prefix(it, item, &b);
		char *text = item_text(t, item);
		xasprintf(&part, "%s: %s", item->name, text);
		strbuf_adds(&b, part);
		free(part);
		free(text);
		mode_fill(scr, row, 0, cols, pen);
		mode_text(scr, row, 0, cols, b.p != NULL ? b.p : "", pen);
		free(b.p);
	}
}

/* The label of a preview column: " text " in a box at the middle, when it fits. */
static void draw_label(term_snapshot *scr, unsigned x, unsigned y, unsigned w, unsigned h,
		       const char *text, bool current)
{
	size_t len = strlen(text) + 2;
	if (w < len + 2 || h < 3)
		return;
	unsigned bx = x + (unsigned)(w - len) / 2, by = y + h / 2 - 1;
	term_cell plain = term_cell_blank(), pen = plain;
	pen.fg = TERM_COLOUR_PALETTE(current ? 1 : 4);
	mode_box(scr, bx, by, (unsigned)len + 2, 3, &plain);
	mode_fill(scr, by + 1, bx + 1, (unsigned)len, &plain);
	char *padded;
	xasprintf(&padded, " %s ", text);
	mode_text(scr, by + 1, bx + 1, (unsigned)len, padded, &pen);
	free(padded);
}

/* One preview column: a pane's screen (its top-left) with its label. */
static void draw_column(term_snapshot *scr, unsigned x, unsigned y, unsigned w, unsigned h,
			struct pane *p, const char *label, bool current)
{
	term_snapshot *screen = term_emulator_snapshot(p->em);
	mode_blit(scr, x, y, w, h, screen);
	term_snapshot_unref(screen);
	draw_label(scr, x, y, w, h, label, current);
}

/* Columns side by side, as many as fit at 10 cells or more, the current one among them;
 * "│" between. */
struct column {
	struct pane *p;
	char label[64];
	bool current;
};

static void draw_columns(term_snapshot *scr, unsigned x, unsigned y, unsigned w, unsigned h,
			 const struct column *col, size_t n)
{
	size_t fit = (w + 1) / 11, cur = 0, from = 0;
	if (fit < 1)
		fit = 1;
	for (size_t i = 0; i < n; i++)
		if (col[i].current)
			cur = i;
	if (n > fit) {
		from = cur >= fit / 2 ? cur - fit / 2 : 0;
		if (from + fit > n)
			from = n - fit;
		n = fit;
	}
	unsigned each = (w - ((unsigned)n - 1)) / (unsigned)n;
	term_cell plain = term_cell_blank();
	for (size_t i = 0; i < n; i++) {
		unsigned cx = x + (unsigned)i * (each + 1);
		unsigned cw = i + 1 == n ? x + w - cx : each;
		draw_column(scr, cx, y, cw, h, col[from + i].p, col[from + i].label,
			    col[from + i].current);
		if (i + 1 < n)
			for (unsigned r = 0; r < h; r++) {
				mode_fill(scr, y + r, cx + cw, 1, &plain);
				mode_text(scr, y + r, cx + cw, 1, "\xe2\x94\x82", &plain);
			}
	}
}

static void preview_window(term_snapshot *scr, unsigned x, unsigned y, unsigned w, unsigned h,
			   struct window *w0)
{
	struct column *col = xcalloc(w0->npanes, sizeof *col);
	size_t n = 0;
	long long base = options_get_number(w0->options, "pane-base-index");
	for (size_t k = 0; k < w0->npanes; k++) {
		struct pane *p = window_pane_at(w0, k);
		if (p == NULL)
			continue;
		col[n].p = p;
		col[n].current = p == w0->active;
		snprintf(col[n++].label, sizeof col->label, "%lld", (long long)k + base);
	}
	if (n > 0)
		draw_columns(scr, x, y, w, h, col, n);
	free(col);
}

static void preview_session(term_snapshot *scr, unsigned x, unsigned y, unsigned w, unsigned h,
			    struct session *s)
{
	struct column *col = xcalloc(s->nwindows, sizeof *col);
	size_t n = 0;
	for (size_t k = 0; k < s->nwindows; k++) {
		struct window *win = s->windows[k];
		if (win->active == NULL)
			continue;
		col[n].p = win->active;
		col[n].current = win == s->current;
		snprintf(col[n++].label, sizeof col->label, "%u:%.40s", win->index, win->name);
	}
	if (n > 0)
		draw_columns(scr, x, y, w, h, col, n);
	free(col);
}

/* A buffer's text, a line a row, control characters as '?' (status_draw's rule). */
static void preview_buffer(term_snapshot *scr, unsigned x, unsigned y, unsigned w, unsigned h,
			   const struct paste_buffer *pb)
{
	term_cell plain = term_cell_blank();
	size_t at = 0;
	for (unsigned r = 0; r < h && at < pb->size; r++) {
		const char *nl = memchr(pb->data + at, '\n', pb->size - at);
		size_t len = nl != NULL ? (size_t)(nl - pb->data) - at : pb->size - at;
		char *line = xstrndup(pb->data + at, len);
		mode_text(scr, y + r, x, w, line, &plain);
		free(line);
		at += len + 1;
	}
}

static void draw_preview(const struct tree *t, const struct item *i, term_snapshot *scr,
			 unsigned cols, unsigned top, unsigned rows)
{
	term_cell plain = term_cell_blank();
	mode_box(scr, 0, top, cols, rows, &plain);
	char *title;
	xasprintf(&title, " %s (sort: %s) ", i->name, t->kind == MODE_TREE_BUFFERS ? "time"
									      : "index");
	mode_text(scr, top, 1, cols - 2, title, &plain);
	free(title);
	unsigned x = 1, y = top + 1, w = cols - 2, h = rows - 2;
	switch (i->type) {
	case ITEM_SESSION:
		preview_session(scr, x, y, w, h, i->s);
		break;
	case ITEM_WINDOW:
		preview_window(scr, x, y, w, h, i->w);
		break;
	case ITEM_PANE: {
		struct column col = {.p = i->p, .current = true};
		snprintf(col.label, sizeof col.label, "%s", i->name);
		draw_columns(scr, x, y, w, h, &col, 1);
		break;
	}
	case ITEM_CLIENT:
		if (i->s->current != NULL)
			preview_window(scr, x, y, w, h, i->s->current);
		break;
	case ITEM_BUFFER:
		preview_buffer(scr, x, y, w, h, i->pb);
		break;
	}
}

/* tmux's split: the list takes two thirds, or half when it is short, or all (no
 * preview) when that would leave it under 10 rows. */
static unsigned list_height(const struct tree *t, size_t n, unsigned rows)
{
	if (!t->preview)
		return rows;
	unsigned h = rows / 3 * 2;
	if (h > n)
		h = rows / 2;
	return h < 10 ? rows : h;
}

static void scroll_to_current(struct tree *t, const struct items *it, unsigned height)
{
	if (it->current < t->offset)
		t->offset = it->current;
	if (it->current >= t->offset + height)
		t->offset = it->current - height + 1;
	if (t->offset >= it->n)
		t->offset = 0;
}

static void tree_draw(struct client *c, term_view *v, unsigned cols, unsigned rows,
		      uint64_t now)
{
	struct tree *t = c->mode_data;
	struct items it;
	build(t, &it);
	if (it.n == 0) {
		items_free(&it);
		mode_end(c); /* nothing left to choose from, as tmux */
		return;
	}
	term_cell selected = v->pens[TERM_VIEW_PEN_MODE]; /* mode-style */
	term_snapshot *scr = term_snapshot_new(rows, cols);
	scr->cursor.visible = false;
	unsigned height = list_height(t, it.n, rows);
	scroll_to_current(t, &it, height);
	draw_list(t, &it, scr, cols, height, &selected);
	if (height < rows && rows - height > 4 && cols > 4)
		draw_preview(t, &it.v[it.current], scr, cols, height, rows - height);
	mode_cover(v, scr);
	term_snapshot_unref(scr);
	items_free(&it);
	(void)now;
}

static const char *const kill_prompt[] = {
	[ITEM_SESSION] = "Kill session %s? (y/n)",
	[ITEM_WINDOW] = "Kill window %s? (y/n)",
	[ITEM_PANE] = "Kill pane %s? (y/n)",
	[ITEM_CLIENT] = "Detach client %s? (y/n)",
	[ITEM_BUFFER] = "Delete buffer %s? (y/n)",
};

/* The item as a target: $N, @N, %N, a client's id, a buffer's name. */
static char *item_target(const struct item *i)
{
	static const char sigil[] = {[ITEM_SESSION] = '$', [ITEM_WINDOW] = '@', [ITEM_PANE] = '%'};
	char *s;
	if (i->type == ITEM_BUFFER)
		return xstrdup(i->pb->name);
	if (i->type == ITEM_CLIENT)
		xasprintf(&s, "%u", i->id);
	else
		xasprintf(&s, "%c%u", sigil[i->type], i->id);
	return s;
}

/* Runs the template for item i (the mode ended first: the command may start another). */
static void choose(struct client *c, struct tree *t, const struct item *i)
{
	static const char *const template[] = {
		[MODE_TREE_SESSIONS] = "switch-client -t '%%'",
		[MODE_TREE_CLIENTS] = "detach-client -t '%%'",
		[MODE_TREE_BUFFERS] = "paste-buffer -b '%%'",
	};
	char *target = item_target(i);
	char *line = cmdlist_fill(t->template != NULL ? t->template : template[t->kind],
				  &target, 1);
	free(target);
	mode_end(c);
	mode_run(c, line);
	free(line);
}

/* x: the kill (or detach, or delete) asked for on the client's status row. */
static void ask_kill(struct client *c, const struct item *i)
{
	static const char *const what[] = {
		[ITEM_SESSION] = "kill-session -t", [ITEM_WINDOW] = "kill-window -t",
		[ITEM_PANE] = "kill-pane -t", [ITEM_CLIENT] = "detach-client -t",
		[ITEM_BUFFER] = "delete-buffer -b",
	};
	char *target = item_target(i), *prompt, *command, *quoted = cmdlist_quote(target);
	xasprintf(&prompt, kill_prompt[i->type], i->name);
	xasprintf(&command, "%s %s", what[i->type], quoted);
	char *argv[] = {"confirm-before", "-p", prompt, command};
	char *cause = NULL;
	if (client_run_there(c, 4, argv, &cause) != 0)
		free(cause);
	free(target);
	free(quoted);
	free(prompt);
	free(command);
}

/* The index a shortcut key (0-9, M-a..M-z) stands for, or SIZE_MAX. */
static size_t shortcut(const char *key)
{
	if (key[0] >= '0' && key[0] <= '9' && key[1] == '\0')
		return (size_t)(key[0] - '0');
	if (strncmp(key, "M-", 2) == 0 && key[2] >= 'a' && key[2] <= 'z' && key[3] == '\0')
		return (size_t)(key[2] - 'a') + 10;
	return SIZE_MAX;
}

static bool is(const char *key, const char *a, const char *b, const char *c2)
{
	return strcmp(key, a) == 0 || (b != NULL && strcmp(key, b) == 0) ||
	       (c2 != NULL && strcmp(key, c2) == 0);
}

static bool tree_key(struct client *c, const char *key, uint64_t now)
{
	struct tree *t = c->mode_data;
	struct items it;
	build(t, &it);
	(void)now;
	if (it.n == 0 || is(key, "q", "Escape", "C-c")) {
		items_free(&it);
		mode_end(c);
		return true;
	}
	size_t cur = it.current, n = it.n, page = c->in.rows > 3 ? c->in.rows / 2 : 1;
	struct item *i = &it.v[cur];
	size_t pick = shortcut(key);
	if (is(key, "Up", "k", "C-p"))
		cur = (cur + n - 1) % n;
	else if (is(key, "Down", "j", "C-n"))
		cur = (cur + 1) % n;
	else if (is(key, "PageUp", "C-b", NULL))
		cur = cur > page ? cur - page : 0;
	else if (is(key, "PageDown", "C-f", NULL))
		cur = cur + page < n ? cur + page : n - 1;
	else if (is(key, "Home", "g", NULL))
		cur = 0;
	else if (is(key, "End", "G", NULL))
		cur = n - 1;
	else if (is(key, "Right", "l", NULL) && i->children)
		set_expanded(t, i->type, i->id, true);
	else if (is(key, "Left", "h", NULL) && i->expanded)
		set_expanded(t, i->type, i->id, false);
	else if (is(key, "Left", "h", NULL) && i->depth > 0)
		cur = i->parent;
	else if (is(key, "x", NULL, NULL))
		ask_kill(c, i);
	else if (is(key, "Enter", NULL, NULL) || pick < n) {
		choose(c, t, pick < n ? &it.v[pick] : i);
		items_free(&it);
		return true;
	}
	select_item(t, &it, cur);
	items_free(&it);
	return true;
}

static void tree_free(void *data)
{
	struct tree *t = data;
	free(t->format);
	free(t->template);
	free(t->sel_buffer);
	free(t->toggles);
	free(t);
}

static const struct mode_ops tree_ops = {
	.name = "tree-mode",
	.draw = tree_draw,
	.key = tree_key,
	.free = tree_free,
};

void mode_tree_start(struct client *c, const struct mode_tree_args *a)
{
	struct tree *t = xcalloc(1, sizeof *t);
	t->kind = a->kind;
	t->start = a->start;
	t->preview = a->preview;
	t->format = a->format != NULL ? xstrdup(a->format) : NULL;
	t->template = a->template != NULL ? xstrdup(a->template) : NULL;
	/* The current item: the client's own session, window or pane; its own line. */
	struct session *s = session_find_id(c->in.session);
	if (a->kind == MODE_TREE_CLIENTS) {
		t->sel_type = ITEM_CLIENT;
		t->sel_id = c->id;
		t->sel_set = true;
	} else if (a->kind == MODE_TREE_SESSIONS && s != NULL) {
		struct window *w = s->current;
		t->sel_set = true;
		if (a->start == MODE_TREE_SESSIONS_ONLY || w == NULL) {
			t->sel_type = ITEM_SESSION;
			t->sel_id = s->id;
		} else if (a->start == MODE_TREE_WINDOWS || w->npanes < 2 || w->active == NULL) {
			t->sel_type = ITEM_WINDOW;
			t->sel_id = w->id;
		} else {
			t->sel_type = ITEM_PANE;
			t->sel_id = w->active->id;
		}
	}
	mode_start(c, &tree_ops, t);
}
