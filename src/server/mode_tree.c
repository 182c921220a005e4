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
#include <strings.h>

#include "format.h"
#include "mode.h"
#include "mode_tree_items.h"
#include "options.h"
#include "paste.h"
#include "server_client.h"
#include "cmd/cmdlist.h"
#include "term/keyname.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

static const char *const default_format[] = {
	[ITEM_SESSION] = "#{session_windows} windows#{?session_attached, (attached),}",
	[ITEM_WINDOW] = "#{window_name}#{window_flags}",
	[ITEM_PANE] = "#{pane_current_command}#{?pane_active,*,}",
	[ITEM_CLIENT] = "session #{session_name}",
};

/* tmux 3.3's default -K: 0-9, then M-a to M-z, then none. */
#define DEFAULT_KEY_FORMAT \
	"#{?#{e|<:#{line},10},#{line},#{?#{e|<:#{line},36},M-#{a:#{e|+:97,#{e|-:#{line},10}}},}}"

/* The item's key: the key format expanded for it on line `line`, as its canonical name
 * ("" when it names no key), as tmux's window_tree_get_key. */
static void item_key(const struct tree *t, const struct item *i, size_t line,
		     char out[KEYNAME_MAX])
{
	char number[24];
	snprintf(number, sizeof number, "%zu", line);
	const char *const vars[] = {"line", number, NULL};
	struct format_ctx f = {.client = i->c, .s = i->s, .w = i->w, .p = i->p, .pb = i->pb,
			       .vars = vars};
	format_defaults(&f);
	char *text = format_expand(t->key_format != NULL ? t->key_format : DEFAULT_KEY_FORMAT, &f);
	term_key key;
	if (keyname_parse(text, &key) && !keyname_is_none(&key))
		keyname_print(&key, out);
	else
		out[0] = '\0';
	free(text);
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
	char key[KEYNAME_MAX];
	for (size_t i = 0; i < it->n; i++) {
		item_key(t, &it->v[i], i, key);
		if (key[0] != '\0' && strlen(key) + 3 > keylen)
			keylen = strlen(key) + 3;
	}
	term_cell plain = term_cell_blank();
	for (size_t i = t->offset; i < it->n && i < t->offset + height; i++) {
		const struct item *item = &it->v[i];
		unsigned row = (unsigned)(i - t->offset);
		term_cell pen = i == it->current ? *selected : plain;
		if (item->tagged)
			pen.attrs ^= TERM_ATTR_BOLD; /* tmux's bright */
		struct strbuf b = {0};
		item_key(t, item, i, key);
		char keytext[KEYNAME_MAX + 2] = "";
		if (key[0] != '\0')
			snprintf(keytext, sizeof keytext, "(%s)", key);
		char *part;
		xasprintf(&part, "%-*s", (int)keylen, keytext);
		strbuf_adds(&b, part);
		free(part);
		item_prefix(it, item, &b);
		char *text = item_text(t, item);
		xasprintf(&part, "%s%s: %s", item->name, item->tagged ? "*" : "", text);
		strbuf_adds(&b, part);
		free(part);
		free(text);
		mode_fill(scr, row, 0, cols, &pen);
		mode_text(scr, row, 0, cols, b.p != NULL ? b.p : "", &pen);
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

/* The box's title, as tmux's: " name (sort: order[, reversed])", then " (filter:
 * active) " or " (filter: no matches) " (that in mode-style) when filtering and it fits. */
static void draw_title(const struct tree *t, const struct item *i, term_snapshot *scr,
		       unsigned cols, unsigned top, const term_cell *selected)
{
	unsigned n;
	const char *const *sorts = mode_tree_sorts(t->kind, &n);
	term_cell plain = term_cell_blank();
	char *title;
	xasprintf(&title, " %s (sort: %s%s)", i->name, sorts[t->sort],
		  t->reversed ? ", reversed" : "");
	size_t len = strlen(title), state = t->no_matches ? 10 : 6;
	if (cols - 2 < len) {
		free(title);
		return;
	}
	unsigned x = 1 + mode_text(scr, top, 1, cols - 2, title, &plain);
	free(title);
	if (t->filter == NULL || cols - 2 < len + 10 + state + 2) {
		mode_text(scr, top, x, cols - 1 - x, " ", &plain);
		return;
	}
	x += mode_text(scr, top, x, cols - 1 - x, " (filter: ", &plain);
	x += mode_text(scr, top, x, cols - 1 - x, t->no_matches ? "no matches" : "active",
		       t->no_matches ? selected : &plain);
	mode_text(scr, top, x, cols - 1 - x, ") ", &plain);
}

static void draw_preview(const struct tree *t, const struct item *i, term_snapshot *scr,
			 unsigned cols, unsigned top, unsigned rows, const term_cell *selected)
{
	term_cell plain = term_cell_blank();
	mode_box(scr, 0, top, cols, rows, &plain);
	draw_title(t, i, scr, cols, top, selected);
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
	items_build(t, &it);
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
		draw_preview(t, &it.v[it.current], scr, cols, height, rows - height, &selected);
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

/* The chooser's own command: its prompts answer through it (mode_tree_change). */
static const char *const command_name[] = {
	[MODE_TREE_SESSIONS] = "choose-tree",
	[MODE_TREE_CLIENTS] = "choose-client",
	[MODE_TREE_BUFFERS] = "choose-buffer",
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

/* template with %% as item i's target, run as c's. */
static void run_template(struct client *c, const char *template, const struct item *i)
{
	char *target = item_target(i);
	char *line = cmdlist_fill(template, &target, 1);
	free(target);
	mode_run(c, line);
	free(line);
}

/* Runs the template for item i (the mode ended first: the command may start another). */
static void choose(struct client *c, struct tree *t, const struct item *i)
{
	static const char *const template[] = {
		[MODE_TREE_SESSIONS] = "switch-client -t '%%'",
		[MODE_TREE_CLIENTS] = "detach-client -t '%%'",
		[MODE_TREE_BUFFERS] = "paste-buffer -b '%%'",
	};
	char *own = xstrdup(t->template != NULL ? t->template : template[t->kind]);
	mode_end(c);
	run_template(c, own, i);
	free(own);
}

/* The words of a command asking c, on its status row, with confirm-before or
 * command-prompt; the error, if any, on its status row. */
static void ask(struct client *c, int argc, char **argv)
{
	char *cause = NULL;
	if (client_run_there(c, argc, argv, &cause) != 0) {
		client_notice(c, cause, 0);
		free(cause);
	}
}

/* x: the kill (or detach, or delete) asked for on the client's status row. */
static const char *const kill_command[] = {
	[ITEM_SESSION] = "kill-session -t", [ITEM_WINDOW] = "kill-window -t",
	[ITEM_PANE] = "kill-pane -t", [ITEM_CLIENT] = "detach-client -t",
	[ITEM_BUFFER] = "delete-buffer -b",
};

/* "kill-window -t @1" for item i, its target quoted; appended to b. */
static void kill_line(struct strbuf *b, const struct item *i)
{
	char *target = item_target(i), *quoted = cmdlist_quote(target);
	if (b->len > 0)
		strbuf_adds(b, " ; ");
	strbuf_adds(b, kill_command[i->type]);
	strbuf_adds(b, " ");
	strbuf_adds(b, quoted);
	free(target);
	free(quoted);
}

static void ask_kill(struct client *c, const struct item *i)
{
	struct strbuf b = {0};
	kill_line(&b, i);
	char *prompt;
	xasprintf(&prompt, kill_prompt[i->type], i->name);
	ask(c, 4, (char *[]){"confirm-before", "-p", prompt, b.p});
	free(prompt);
	free(b.p);
}

/* X: every tagged item killed, after one question. */
static void ask_kill_tagged(struct client *c, const struct items *it)
{
	size_t n = tree_tagged(it);
	if (n == 0)
		return;
	struct strbuf b = {0};
	for (size_t i = 0; i < it->n; i++)
		if (it->v[i].tagged)
			kill_line(&b, &it->v[i]);
	char *prompt;
	xasprintf(&prompt, "Kill %zu tagged? (y/n)", n);
	ask(c, 4, (char *[]){"confirm-before", "-p", prompt, b.p});
	free(prompt);
	free(b.p);
}

/* text for command-prompt's -I, which expands formats: each # doubled to stay one. */
static char *literal(const char *text)
{
	struct strbuf b = {0};
	strbuf_adds(&b, "");
	for (; *text != '\0'; text++) {
		if (*text == '#')
			strbuf_addc(&b, '#');
		strbuf_addc(&b, *text);
	}
	return b.p;
}

/* f: "(filter) " with the filter now; the answer (empty: none) comes back as
 * `choose-tree -f "answer"`, which changes this chooser (mode_tree_change). */
static void ask_filter(struct client *c, const struct tree *t)
{
	char *initial = literal(t->filter != NULL ? t->filter : ""), *template;
	xasprintf(&template, "%s -f \"%%%%%%\"", command_name[t->kind]);
	ask(c, 6, (char *[]){"command-prompt", "-p", "(filter)", "-I", initial, template});
	free(initial);
	free(template);
}

/* :, a command for the tagged items (else the current one), %% each one's target; the
 * answer comes back as `choose-tree "answer"` (mode_tree_change). */
static void ask_command(struct client *c, const struct tree *t, const struct items *it)
{
	size_t n = tree_tagged(it);
	char *prompt, *template;
	if (n > 0)
		xasprintf(&prompt, "(%zu tagged)", n);
	else
		prompt = xstrdup("(current)");
	xasprintf(&template, "%s \"%%%%%%\"", command_name[t->kind]);
	ask(c, 4, (char *[]){"command-prompt", "-p", prompt, template});
	free(prompt);
	free(template);
}

/* The first line whose item's key (item_key) is key, or SIZE_MAX. */
static size_t shortcut(const struct tree *t, const struct items *it, const char *key)
{
	char mine[KEYNAME_MAX];
	for (size_t i = 0; i < it->n; i++) {
		item_key(t, &it->v[i], i, mine);
		if (strcmp(mine, key) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* M-+ and M--: every top-level item expanded or collapsed. */
static void expand_all(struct tree *t, const struct items *it, bool on)
{
	for (size_t i = 0; i < it->n; i++)
		if (it->v[i].depth == 0 && it->v[i].children)
			tree_set_expanded(t, it->v[i].type, it->v[i].id, on);
}

/* m: the item's pane (a session's or window's active one) becomes the marked pane. */
static void mark(struct client *c, const struct item *i)
{
	struct window *w = i->w != NULL ? i->w : i->s != NULL ? i->s->current : NULL;
	struct pane *p = i->p != NULL ? i->p : w != NULL ? w->active : NULL;
	if (p == NULL || (server.marked_set && server.marked == p->id))
		return; /* select-pane -m would unmark it: tmux's m only marks */
	char *line;
	xasprintf(&line, "select-pane -m -t %%%u", p->id);
	mode_run(c, line);
	free(line);
}

/* The keys that change the list, not the current line: whether key was one. */
static bool list_key(struct client *c, struct tree *t, const struct items *it,
		     const char *key)
{
	unsigned nsorts;
	mode_tree_sorts(t->kind, &nsorts);
	if (mode_key_is(key, "O", NULL, NULL))
		t->sort = (t->sort + 1) % nsorts;
	else if (mode_key_is(key, "r", NULL, NULL))
		t->reversed = !t->reversed;
	else if (mode_key_is(key, "v", NULL, NULL))
		t->preview = !t->preview;
	else if (mode_key_is(key, "T", NULL, NULL))
		tree_tag_clear(t);
	else if (mode_key_is(key, "C-t", NULL, NULL))
		tree_tag_top(t, it);
	else if (mode_key_is(key, "f", NULL, NULL))
		ask_filter(c, t);
	else if (mode_key_is(key, ":", NULL, NULL))
		ask_command(c, t, it);
	else if (mode_key_is(key, "X", NULL, NULL))
		ask_kill_tagged(c, it);
	else if (mode_key_is(key, "M-+", "M--", NULL))
		expand_all(t, it, key[2] == '+');
	else if (mode_key_is(key, "m", NULL, NULL))
		mark(c, &it->v[it->current]);
	else if (mode_key_is(key, "M", NULL, NULL))
		mode_run(c, "select-pane -M");
	else
		return false;
	return true;
}

static bool tree_key(struct client *c, const char *key, uint64_t now)
{
	struct tree *t = c->mode_data;
	struct items it;
	items_build(t, &it);
	(void)now;
	/* an item's own key first, as tmux's mode_tree_key (a -K may give it q) */
	size_t pick = it.n > 0 ? shortcut(t, &it, key) : SIZE_MAX;
	if (it.n == 0 || (pick == SIZE_MAX && mode_key_is(key, "q", "Escape", "C-g"))) {
		items_free(&it);
		mode_end(c);
		return true;
	}
	size_t cur = it.current, n = it.n, page = c->in.rows > 3 ? c->in.rows / 2 : 1;
	struct item *i = &it.v[cur];
	if (pick < n || mode_key_is(key, "Enter", NULL, NULL)) {
		choose(c, t, pick < n ? &it.v[pick] : i);
		items_free(&it);
		return true;
	}
	if (list_key(c, t, &it, key)) {
		items_free(&it);
		return true;
	}
	if (mode_key_is(key, "Up", "k", "C-p"))
		cur = (cur + n - 1) % n;
	else if (mode_key_is(key, "Down", "j", "C-n"))
		cur = (cur + 1) % n;
	else if (mode_key_is(key, "PageUp", "C-b", NULL))
		cur = cur > page ? cur - page : 0;
	else if (mode_key_is(key, "PageDown", "C-f", NULL))
		cur = cur + page < n ? cur + page : n - 1;
	else if (mode_key_is(key, "Home", "g", NULL))
		cur = 0;
	else if (mode_key_is(key, "End", "G", NULL))
		cur = n - 1;
	else if (mode_key_is(key, "Right", "l", "+") && i->children)
		tree_set_expanded(t, i->type, i->id, true);
	else if (mode_key_is(key, "Left", "h", "-") && i->expanded)
		tree_set_expanded(t, i->type, i->id, false);
	else if (mode_key_is(key, "Left", "h", "-") && i->depth > 0)
		cur = i->parent;
	else if (mode_key_is(key, "t", NULL, NULL)) {
		tree_tag_toggle(t, &it, cur);
		cur = cur + 1 < n ? cur + 1 : cur; /* tmux moves on, never wrapping */
	} else if (mode_key_is(key, "x", NULL, NULL))
		ask_kill(c, i);
	items_select(t, &it, cur);
	items_free(&it);
	return true;
}

static void tree_free(void *data)
{
	tree_free_state(data);
	free(data);
}

static const struct mode_ops tree_ops = {
	.name = "tree-mode",
	.draw = tree_draw,
	.key = tree_key,
	.free = tree_free,
};

/* -O's order by name (tmux ignores an unknown one: the default stays). */
static unsigned sort_index(enum mode_tree_kind kind, const char *name)
{
	unsigned n;
	const char *const *sorts = mode_tree_sorts(kind, &n);
	for (unsigned i = 0; name != NULL && i < n; i++)
		if (strcasecmp(name, sorts[i]) == 0)
			return i;
	return 0;
}

static void set_filter(struct tree *t, const char *filter)
{
	free(t->filter);
	t->filter = filter != NULL && *filter != '\0' ? xstrdup(filter) : NULL;
}

bool mode_tree_change(struct client *c, const struct mode_tree_args *a)
{
	struct tree *t = mode_data(c, &tree_ops);
	if (t == NULL || t->kind != a->kind)
		return false;
	if (a->filter != NULL)
		set_filter(t, a->filter);
	if (a->sort != NULL)
		t->sort = sort_index(t->kind, a->sort);
	t->reversed |= a->reversed;
	if (a->template == NULL)
		return true;
	/* The items are looked up by target as each command runs: one may kill another. */
	struct items it;
	items_build(t, &it);
	size_t n = tree_tagged(&it);
	for (size_t i = 0; i < it.n; i++)
		if (n == 0 ? i == it.current : it.v[i].tagged)
			run_template(c, a->template, &it.v[i]);
	items_free(&it);
	return true;
}

void mode_tree_start(struct client *c, const struct mode_tree_args *a)
{
	struct tree *t = xcalloc(1, sizeof *t);
	t->kind = a->kind;
	t->start = a->start;
	t->preview = a->preview;
	t->format = a->format != NULL ? xstrdup(a->format) : NULL;
	t->key_format = a->key_format != NULL ? xstrdup(a->key_format) : NULL;
	t->template = a->template != NULL ? xstrdup(a->template) : NULL;
	set_filter(t, a->filter);
	t->sort = sort_index(a->kind, a->sort);
	t->reversed = a->reversed;
	/* The current item: the client's own session, window or pane; its own line. */
	struct session *s = session_find_id(c->in.session);
	if (a->kind == MODE_TREE_CLIENTS) {
		t->sel = (struct item_ref){.type = ITEM_CLIENT, .id = c->id};
		t->sel_set = true;
	} else if (a->kind == MODE_TREE_SESSIONS && s != NULL) {
		struct window *w = s->current;
		t->sel_set = true;
		if (a->start == MODE_TREE_SESSIONS_ONLY || w == NULL)
			t->sel = (struct item_ref){.type = ITEM_SESSION, .id = s->id};
		else if (a->start == MODE_TREE_WINDOWS || w->npanes < 2 || w->active == NULL)
			t->sel = (struct item_ref){.type = ITEM_WINDOW, .id = w->id};
		else
			t->sel = (struct item_ref){.type = ITEM_PANE, .id = w->active->id};
	}
	mode_start(c, &tree_ops, t);
}
