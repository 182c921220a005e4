/* Composing a client's view of its session. */
#include "compose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "history.h"
#include "options.h"
#include "status.h"
#include "style.h"
#include "util/xmalloc.h"

static unsigned min_u(unsigned a, unsigned b)
{
	return a < b ? a : b;
}

/*
 * The pane's screen as the client can show it at its place g in a window area of cols x
 * rows: its own snapshot (a reference, no cells copied) or, when it reaches past the area
 * (or past its place, while a resize is on its way), the part inside. NULL when none of it
 * is inside.
 */
static term_snapshot *pane_screen(struct pane *p, const struct layout_geom *g, unsigned cols,
				  unsigned rows)
{
	if (g->x >= cols || g->y >= rows)
		return NULL;
	cols = min_u(cols - g->x, g->cols);
	rows = min_u(rows - g->y, g->rows);
	term_snapshot *snap = term_emulator_snapshot(p->em);
	if (snap->cols <= cols && snap->rows <= rows)
		return snap;
	term_snapshot *crop = term_snapshot_crop(snap, rows, cols);
	term_snapshot_unref(snap);
	return crop;
}

/* Places the current window's visible panes in v, within cols x rows from row top. */
static void place_panes(term_view *v, const struct window *w, unsigned cols, unsigned top,
			unsigned rows)
{
	struct layout_geom geom[TERM_VIEW_MAX_PANES];
	size_t n = layout_list(w->layout, geom, TERM_VIEW_MAX_PANES);
	if (n > TERM_VIEW_MAX_PANES)
		n = TERM_VIEW_MAX_PANES;
	v->npanes = 0;
	v->marked = 0;
	for (size_t i = 0; i < n; i++) {
		struct pane *p = window_find_pane(w, geom[i].pane);
		if (!geom[i].visible || p == NULL)
			continue;
		term_snapshot *screen = pane_screen(p, &geom[i], cols, rows);
		if (screen == NULL)
			continue;
		if (p == w->active)
			v->active = v->npanes;
		if (server.marked_set && server.marked == p->id)
			v->marked = (uint8_t)(v->npanes + 1); /* its borders in reverse */
		term_view_pane *vp = &v->panes[v->npanes++];
		*vp = (term_view_pane){.id = p->id, .x = (uint16_t)geom[i].x,
				       .y = (uint16_t)(top + geom[i].y), .screen = screen};
		history_info(p, vp);
	}
	if (v->active >= v->npanes)
		v->active = 0;
}

/*
 * set-titles (tmux's, default off): the client's terminal title, set-titles-string
 * expanded for the session's current window and its active pane, strftime sequences
 * included, as tmux does (its default: "#S:#I:#W - \"#T\" #{session_alerts}").
 */
static void set_title(term_view *v, const struct session *s, const struct window *w)
{
	if (!options_get_number(s->options, "set-titles"))
		return;
	struct format_ctx ctx = {.s = (struct session *)s, .w = (struct window *)w,
				 .p = w->active, .time = true};
	char *title = format_expand(options_get_string(s->options, "set-titles-string"), &ctx);
	term_view_set_title(v, title, strlen(title));
	free(title);
}

/* The names the client's own prompts expand (term/view.h). */
static void set_names(term_view *v, const struct session *s, const struct window *w)
{
	char index[16];
	term_view_set_name(v, TERM_VIEW_SESSION_NAME, s->name, strlen(s->name));
	if (w == NULL)
		return;
	snprintf(index, sizeof index, "%u", w->index);
	term_view_set_name(v, TERM_VIEW_WINDOW_INDEX, index, strlen(index));
	term_view_set_name(v, TERM_VIEW_WINDOW_NAME, w->name, strlen(w->name));
	if (w->active != NULL) {
		/* with pane-base-index, as #P (and pane-border-lines number) reads it */
		snprintf(index, sizeof index, "%lld",
			 (long long)window_pane_index(w, w->active) +
				 options_get_number(w->options, "pane-base-index"));
		term_view_set_name(v, TERM_VIEW_PANE_INDEX, index, strlen(index));
	}
}

/* A style option (a format, as pane-active-border-style's default) as a pen. */
static term_cell style_pen(const struct options *oo, const char *name,
			   const struct format_ctx *ctx)
{
	term_cell pen = {0}, blank = {0};
	const char *style = options_get_string(oo, name);
	if (strstr(style, "#{") == NULL) { /* most are plain: no expansion at each compose */
		style_apply(&pen, style, &blank);
		return pen;
	}
	char *text = format_expand(style, ctx);
	style_apply(&pen, text, &blank); /* one it cannot read leaves the default */
	free(text);
	return pen;
}

/*
 * Pane p's border status line (pane-border-status) into row, as tmux's
 * screen_redraw_make_pane_status: pane-border-format expanded for the pane (strftime
 * too) and drawn over width cells (the pane's less 4) of its border pen,
 * pane-active-border-style for the window's active pane, else pane-border-style, each
 * expanded for the pane. The cells the text leaves blank are the border's line.
 */
static void border_line(term_row *row, unsigned width, const struct session *s,
			const struct window *w, struct pane *p)
{
	struct format_ctx ctx = {.s = (struct session *)s, .w = (struct window *)w, .p = p,
				 .time = true};
	format_defaults(&ctx);
	const char *style = p == w->active ? "pane-active-border-style" : "pane-border-style";
	term_cell base = term_cell_blank(), pen = style_pen(w->options, style, &ctx);
	base.fg = pen.fg;
	base.bg = pen.bg;
	base.ul = pen.ul;
	base.attrs = pen.attrs;
	for (unsigned c = 0; c < width; c++)
		term_row_set(row, c, &base, NULL, 0);
	char *text = format_expand(options_get_string(p->options, "pane-border-format"), &ctx);
	status_format_draw(row, width, text, &base, NULL);
	free(text);
}

/* The border status lines of v's panes (term/view.h), when pane-border-status asks. */
static void set_borders(term_view *v, const struct session *s, const struct window *w)
{
	v->border_status = (uint8_t)options_get_number(w->options, "pane-border-status");
	if (v->border_status == TERM_VIEW_BORDER_OFF || v->npanes == 0)
		return;
	term_snapshot *snap = term_snapshot_new(v->npanes, v->cols);
	for (unsigned i = 0; i < v->npanes; i++) {
		unsigned cols = v->panes[i].screen->cols;
		struct pane *p = window_find_pane(w, v->panes[i].id);
		if (cols > 4 && p != NULL)
			border_line(term_row_writable(&snap->lines[i]), cols - 4, s, w, p);
	}
	snap->cursor.visible = false;
	term_view_set_borders(v, snap);
	term_snapshot_unref(snap);
}

/* The pens the client draws in and the border lines (term/view.h), from the options. */
static void set_look(term_view *v, const struct session *s, const struct window *w)
{
	struct format_ctx ctx = {.s = (struct session *)s, .w = (struct window *)w,
				 .p = w != NULL ? w->active : NULL};
	format_defaults(&ctx);
	const struct options *so = s->options;
	const struct options *wo = w != NULL ? w->options : options_global_window;
	const struct options *po = w != NULL && w->active != NULL ? w->active->options : wo;
	v->pens[TERM_VIEW_PEN_MESSAGE] = style_pen(so, "message-style", &ctx);
	v->pens[TERM_VIEW_PEN_COMMAND] = style_pen(so, "message-command-style", &ctx);
	v->pens[TERM_VIEW_PEN_MODE] = style_pen(wo, "mode-style", &ctx);
	v->pens[TERM_VIEW_PEN_BORDER] = style_pen(wo, "pane-border-style", &ctx);
	v->pens[TERM_VIEW_PEN_ACTIVE_BORDER] = style_pen(po, "pane-active-border-style", &ctx);
	v->border_lines = (uint8_t)options_get_number(wo, "pane-border-lines");
	v->status_top = status_at_top(so);
	term_view_set_terminal(v, options_get_string(options_server, "terminal-features"),
			       options_get_string(options_server, "terminal-overrides"));
}

term_view *compose_view(const struct session *s, unsigned cols, unsigned rows)
{
	const struct window *w = s != NULL ? s->current : NULL;
	unsigned lines = s != NULL ? status_count(s->options) : 0;
	if (lines > rows)
		lines = rows;
	bool top = s != NULL && status_at_top(s->options);
	unsigned area = rows - lines;
	term_view *v = term_view_new(cols, rows, w != NULL && area > 0 ? TERM_VIEW_MAX_PANES : 0);
	if (w != NULL && area > 0) {
		place_panes(v, w, cols, top ? lines : 0, area);
		set_borders(v, s, w);
	}
	if (w != NULL && w->active != NULL && !w->active->exited)
		v->tty_echo = term_pty_echoes(&w->active->pty);
	if (w != NULL) {
		v->mode_keys = (uint8_t)options_get_number(w->options, "mode-keys");
		set_title(v, s, w);
	}
	if (s != NULL)
		v->mouse = options_get_number(s->options, "mouse") != 0;
	v->clipboard = (uint8_t)options_get_number(options_server, "set-clipboard");
	if (s != NULL && lines > 0) {
		term_snapshot *status = status_lines(s, cols, lines);
		size_t nranges;
		const term_view_range *ranges = status_ranges(&nranges);
		term_view_set_status(v, status);
		term_view_set_ranges(v, ranges, nranges);
		term_snapshot_unref(status);
	}
	if (s != NULL) {
		set_names(v, s, w);
		set_look(v, s, w);
	}
	return v;
}

/*
 * The view composed last for each session and size (at most COMPOSE_SHARE_MAX), and the
 * turn it was composed in: within that turn it is what compose_view_shared copies; in a
 * later one it is what the new view's screens are compared with.
 */
static struct {
	bool on;
	unsigned long long now; /* the current turn's number */
	unsigned n;
	struct composed {
		const struct session *s;
		uint32_t id;
		unsigned cols, rows;
		unsigned long long turn;
		term_view *v;
	} kept[COMPOSE_SHARE_MAX];
} share;

void compose_turn_begin(void)
{
	share.on = true;
	share.now++;
}

void compose_turn_end(void)
{
	share.on = false;
}

void compose_forget(void)
{
	for (unsigned i = 0; i < share.n; i++)
		term_view_unref(share.kept[i].v);
	share.n = 0;
	share.on = false;
}

/* Screens of v equal to those of the view composed before become those very screens:
 * the status line is drawn anew at each compose, and clients whose views then hold the
 * same snapshot compare and diff it in O(1) (and share the diff). */
static void reuse_screens(term_view *v, const term_view *before)
{
	if (v->status != NULL && before->status != NULL && v->status != before->status &&
	    term_snapshot_equal(v->status, before->status))
		term_view_set_status(v, before->status);
	if (v->borders != before->borders && term_snapshot_equal(v->borders, before->borders))
		term_view_set_borders(v, before->borders);
	for (unsigned i = 0; i < v->npanes; i++) {
		const term_view_pane *b = term_view_find(before, v->panes[i].id);
		term_view_pane *p = &v->panes[i];
		if (b != NULL && b->screen != p->screen && term_snapshot_equal(b->screen, p->screen)) {
			term_snapshot_unref(p->screen);
			p->screen = term_snapshot_ref(b->screen);
		}
	}
}

/* The entry for the session and size, or where a new one goes (NULL: every entry is
 * this turn's, none is to be replaced). */
static struct composed *entry(const struct session *s, unsigned cols, unsigned rows, bool *found)
{
	struct composed *oldest = NULL;
	*found = false;
	for (unsigned i = 0; i < share.n; i++) {
		struct composed *k = &share.kept[i];
		if (k->s == s && k->id == s->id && k->cols == cols && k->rows == rows) {
			*found = true;
			return k;
		}
		if (k->turn != share.now && (oldest == NULL || k->turn < oldest->turn))
			oldest = k;
	}
	if (share.n < COMPOSE_SHARE_MAX)
		return &share.kept[share.n++];
	if (oldest != NULL) {
		term_view_unref(oldest->v);
		oldest->v = NULL;
	}
	return oldest;
}

term_view *compose_view_shared(const struct session *s, unsigned cols, unsigned rows)
{
	if (!share.on)
		return compose_view(s, cols, rows);
	bool found;
	struct composed *k = entry(s, cols, rows, &found);
	if (found && k->turn == share.now)
		return term_view_clone(k->v);
	term_view *v = compose_view(s, cols, rows);
	if (k == NULL)
		return v;
	if (found) {
		reuse_screens(v, k->v);
		term_view_unref(k->v);
	}
	*k = (struct composed){s, s->id, cols, rows, share.now, v};
	return term_view_clone(v);
}
