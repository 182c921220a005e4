/* A client's view: the type, its rules and equality. */
#include "view.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"

term_view *term_view_new(unsigned cols, unsigned rows, unsigned npanes)
{
	term_view *v = xcalloc(1, sizeof *v);
	v->refs = 1;
	v->cols = (uint16_t)cols;
	v->rows = (uint16_t)rows;
	v->npanes = (uint16_t)npanes;
	v->panes = xcalloc(npanes ? npanes : 1, sizeof *v->panes);
	v->status = term_snapshot_new(0, cols);
	v->borders = term_snapshot_new(0, cols);
	v->notice = xstrdup("");
	v->ended = xstrdup("");
	v->title = xstrdup("");
	for (unsigned i = 0; i < TERM_VIEW_NAMES; i++)
		v->names[i] = xstrdup("");
	term_view_default_pens(v->pens);
	v->term_features = xstrdup(TERM_VIEW_DEFAULT_FEATURES);
	v->term_overrides = xstrdup("");
	return v;
}

static char *copy_cut(const char *s, size_t max)
{
	size_t len = strlen(s);
	return xstrndup(s, len < max ? len : max);
}

void term_view_set_terminal(term_view *v, const char *features, const char *overrides)
{
	char *f = copy_cut(features, TERM_VIEW_MAX_TERMINAL);
	char *o = copy_cut(overrides, TERM_VIEW_MAX_TERMINAL);
	free(v->term_features);
	free(v->term_overrides);
	v->term_features = f;
	v->term_overrides = o;
}

static term_cell pen(term_colour fg, term_colour bg)
{
	term_cell c = {0};
	c.fg = fg;
	c.bg = bg;
	return c;
}

void term_view_default_pens(term_cell pens[TERM_VIEW_PENS])
{
	term_colour black = TERM_COLOUR_PALETTE(0), yellow = TERM_COLOUR_PALETTE(3);
	pens[TERM_VIEW_PEN_MESSAGE] = pen(black, yellow);
	pens[TERM_VIEW_PEN_COMMAND] = pen(yellow, black);
	pens[TERM_VIEW_PEN_MODE] = pen(black, yellow);
	pens[TERM_VIEW_PEN_BORDER] = pen(TERM_COLOUR_DEFAULT, TERM_COLOUR_DEFAULT);
	pens[TERM_VIEW_PEN_ACTIVE_BORDER] = pen(TERM_COLOUR_PALETTE(2), TERM_COLOUR_DEFAULT);
}

unsigned term_view_area_top(const term_view *v)
{
	return v->status_top ? v->status->rows : 0;
}

unsigned term_view_area_rows(const term_view *v)
{
	return v->rows > v->status->rows ? v->rows - v->status->rows : 0;
}

unsigned term_view_message_row(const term_view *v)
{
	if (v->status->rows > 0)
		return v->status_top ? 0 : v->rows - v->status->rows;
	if (v->rows == 0)
		return 0;
	return v->status_top ? 0 : v->rows - 1u;
}

void term_view_set_ranges(term_view *v, const term_view_range *ranges, size_t n)
{
	if (n > TERM_VIEW_MAX_RANGES)
		n = TERM_VIEW_MAX_RANGES;
	free(v->ranges);
	v->ranges = NULL;
	v->nranges = (uint16_t)n;
	if (n > 0) {
		v->ranges = xreallocarray(NULL, n, sizeof *v->ranges);
		memcpy(v->ranges, ranges, n * sizeof *v->ranges);
	}
}

const term_view_range *term_view_range_at(const term_view *v, unsigned line, unsigned x)
{
	for (unsigned i = 0; i < v->nranges; i++) {
		const term_view_range *r = &v->ranges[i];
		if (r->line == line && x >= r->x && x - r->x < r->width)
			return r;
	}
	return NULL;
}

term_view *term_view_ref(term_view *v)
{
	v->refs++;
	return v;
}

term_view *term_view_clone(const term_view *v)
{
	term_view *c = term_view_new(v->cols, v->rows, v->npanes);
	for (unsigned i = 0; i < v->npanes; i++) {
		c->panes[i] = v->panes[i];
		term_snapshot_ref(c->panes[i].screen);
	}
	c->active = v->active;
	term_view_set_status(c, v->status);
	c->status_top = v->status_top;
	memcpy(c->pens, v->pens, sizeof c->pens);
	c->border_lines = v->border_lines;
	c->border_status = v->border_status;
	term_view_set_borders(c, v->borders);
	term_view_set_terminal(c, v->term_features, v->term_overrides);
	c->bells = v->bells;
	c->marked = v->marked;
	c->hup = v->hup;
	term_view_set_ranges(c, v->ranges, v->nranges);
	c->echo_events = v->echo_events;
	c->echo_ms = v->echo_ms;
	c->tty_echo = v->tty_echo;
	c->mode_keys = v->mode_keys;
	c->mouse = v->mouse;
	c->clipboard = v->clipboard;
	term_view_set_notice(c, v->notice, strlen(v->notice));
	term_view_set_ended(c, v->ended, strlen(v->ended));
	term_view_set_page(c, v->page);
	term_view_set_title(c, v->title, strlen(v->title));
	term_view_set_keys(c, v->keys);
	term_view_set_run(c, v->run_serial, v->run_argc, v->run_argv);
	for (unsigned i = 0; i < TERM_VIEW_NAMES; i++)
		term_view_set_name(c, i, v->names[i], strlen(v->names[i]));
	return c;
}

void term_view_unref(term_view *v)
{
	if (v == NULL || --v->refs > 0)
		return;
	for (unsigned i = 0; i < v->npanes; i++)
		term_snapshot_unref(v->panes[i].screen);
	free(v->panes);
	term_snapshot_unref(v->status);
	term_snapshot_unref(v->borders);
	free(v->ranges);
	free(v->notice);
	free(v->ended);
	term_histpage_unref(v->page);
	free(v->title);
	free(v->term_features);
	free(v->term_overrides);
	key_tables_unref(v->keys);
	term_view_set_run(v, 0, 0, NULL);
	for (unsigned i = 0; i < TERM_VIEW_NAMES; i++)
		free(v->names[i]);
	free(v);
}

void term_view_set_status(term_view *v, term_snapshot *status)
{
	term_snapshot_unref(v->status);
	v->status = term_snapshot_ref(status);
}

void term_view_set_borders(term_view *v, term_snapshot *borders)
{
	term_snapshot_ref(borders);
	term_snapshot_unref(v->borders);
	v->borders = borders;
}

void term_view_set_page(term_view *v, term_histpage *page)
{
	term_histpage_unref(v->page);
	v->page = page != NULL ? term_histpage_ref(page) : NULL;
}

/* Cut to TERM_VIEW_MAX_NOTICE bytes on a character's boundary: a UTF-8 sequence cut in two
 * would read as bytes to escape on the other side, and the text would not come back the
 * same from its own diff. */
static void set_text(char **field, const char *text, size_t len)
{
	size_t n = len < TERM_VIEW_MAX_NOTICE ? len : TERM_VIEW_MAX_NOTICE;
	while (n > 0 && n < len && ((unsigned char)text[n] & 0xc0) == 0x80)
		n--;
	free(*field);
	*field = xstrndup(text, n);
}

void term_view_set_notice(term_view *v, const char *notice, size_t len)
{
	set_text(&v->notice, notice, len);
}

void term_view_set_ended(term_view *v, const char *ended, size_t len)
{
	set_text(&v->ended, ended, len);
}

void term_view_set_title(term_view *v, const char *title, size_t len)
{
	set_text(&v->title, title, len);
}

void term_view_set_name(term_view *v, enum term_view_name which, const char *text,
			size_t len)
{
	set_text(&v->names[which], text, len);
}

void term_view_set_keys(term_view *v, key_tables *keys)
{
	if (keys != NULL)
		key_tables_ref(keys);
	key_tables_unref(v->keys);
	v->keys = keys;
}

void term_view_set_run(term_view *v, uint64_t serial, uint32_t argc, char *const argv[])
{
	char **words = argc > 0 ? xreallocarray(NULL, argc, sizeof *words) : NULL;
	for (uint32_t i = 0; i < argc; i++)
		words[i] = xstrdup(argv[i]);
	for (uint32_t i = 0; i < v->run_argc; i++)
		free(v->run_argv[i]);
	free(v->run_argv);
	v->run_serial = serial;
	v->run_argc = argc;
	v->run_argv = words;
}

/* Key tables are compared by generation: a new one is made for every change. */
static bool keys_equal(const key_tables *a, const key_tables *b)
{
	return a == b || (a != NULL && b != NULL && a->gen == b->gen);
}

const term_view_pane *term_view_find(const term_view *v, uint32_t id)
{
	for (unsigned i = 0; i < v->npanes; i++)
		if (v->panes[i].id == id)
			return &v->panes[i];
	return NULL;
}

static bool overlap(const term_view_pane *a, const term_view_pane *b)
{
	return a->x < b->x + b->screen->cols && b->x < a->x + a->screen->cols &&
	       a->y < b->y + b->screen->rows && b->y < a->y + a->screen->rows;
}

static bool check_pane(const term_view *v, unsigned i, const char **err)
{
	const term_view_pane *p = &v->panes[i];
	if (p->screen == NULL || p->screen->rows == 0 || p->screen->cols == 0)
		return *err = "empty pane", false;
	if (p->hist_len > p->hist_total || p->hist_total > INT64_MAX)
		return *err = "history longer than its numbering", false;
	if (p->x + p->screen->cols > v->cols || p->y < term_view_area_top(v) ||
	    p->y + p->screen->rows > term_view_area_top(v) + term_view_area_rows(v))
		return *err = "pane outside the view", false;
	for (unsigned j = 0; j < i; j++) {
		if (v->panes[j].id == p->id)
			return *err = "duplicate pane id", false;
		if (overlap(&v->panes[j], p))
			return *err = "panes overlap", false;
	}
	return true;
}

/* Ranges on the status lines, each in its line, in order of line and cell, none
 * overlapping the one before. */
static bool check_ranges(const term_view *v, const char **err)
{
	if (v->nranges > TERM_VIEW_MAX_RANGES)
		return *err = "too many ranges", false;
	for (unsigned i = 0; i < v->nranges; i++) {
		const term_view_range *r = &v->ranges[i];
		if (r->line >= v->status->rows || r->width == 0 || r->x >= v->cols ||
		    r->width > v->cols - r->x || r->type < TERM_VIEW_RANGE_LEFT ||
		    r->type > TERM_VIEW_RANGE_WINDOW ||
		    (r->type != TERM_VIEW_RANGE_WINDOW && r->window != 0))
			return *err = "range out of the status lines", false;
		const term_view_range *q = i > 0 ? &v->ranges[i - 1] : NULL;
		if (q != NULL && (q->line > r->line || (q->line == r->line && q->x + q->width > r->x)))
			return *err = "ranges out of order", false;
	}
	return true;
}

bool term_view_check(const term_view *v, const char **err)
{
	if (v->cols > TERM_MAX_COLS || v->rows > TERM_MAX_ROWS)
		return *err = "view too large", false;
	if (v->npanes > TERM_VIEW_MAX_PANES)
		return *err = "too many panes", false;
	if (v->npanes ? v->active >= v->npanes : v->active != 0)
		return *err = "active pane out of range", false;
	if (v->status->rows > TERM_VIEW_MAX_STATUS || v->status->rows > v->rows ||
	    (v->status->rows > 0 && v->status->cols != v->cols))
		return *err = "status line does not fit the view", false;
	if (strlen(v->term_features) > TERM_VIEW_MAX_TERMINAL ||
	    strlen(v->term_overrides) > TERM_VIEW_MAX_TERMINAL)
		return *err = "terminal lists too long", false;
	if (v->border_lines > TERM_VIEW_LINES_NUMBER)
		return *err = "border lines out of range", false;
	if (v->border_status > TERM_VIEW_BORDER_BOTTOM ||
	    v->borders->rows != (v->border_status != TERM_VIEW_BORDER_OFF ? v->npanes : 0) ||
	    (v->borders->rows > 0 && v->borders->cols != v->cols))
		return *err = "border status lines do not fit the panes", false;
	for (unsigned i = 0; i < TERM_VIEW_PENS; i++)
		if (!TERM_COLOUR_IS_VALID(v->pens[i].fg) || !TERM_COLOUR_IS_VALID(v->pens[i].bg) ||
		    !TERM_COLOUR_IS_VALID(v->pens[i].ul) || v->pens[i].attrs > TERM_ATTR_ALL)
			return *err = "pen out of range", false;
	if (v->mode_keys > 1 || v->clipboard > 2)
		return *err = "client option out of range", false;
	if (strlen(v->notice) > TERM_VIEW_MAX_NOTICE || strlen(v->ended) > TERM_VIEW_MAX_NOTICE ||
	    strlen(v->title) > TERM_VIEW_MAX_NOTICE)
		return *err = "notice too long", false;
	if (v->run_argc > KEY_WORDS_MAX)
		return *err = "too many words to run", false;
	if (v->marked > v->npanes)
		return *err = "marked pane out of range", false;
	if (!check_ranges(v, err))
		return false;
	for (unsigned i = 0; i < v->npanes; i++)
		if (!check_pane(v, i, err))
			return false;
	return true;
}

bool term_view_ranges_equal(const term_view *a, const term_view *b)
{
	if (a->nranges != b->nranges)
		return false;
	for (unsigned i = 0; i < a->nranges; i++) {
		const term_view_range *p = &a->ranges[i], *q = &b->ranges[i];
		if (p->line != q->line || p->type != q->type || p->x != q->x ||
		    p->width != q->width || p->window != q->window)
			return false;
	}
	return true;
}

static bool screen_equal(const term_snapshot *a, const term_snapshot *b)
{
	return a == b || term_snapshot_equal(a, b);
}

bool term_view_equal(const term_view *a, const term_view *b)
{
	if (a == b)
		return true;
	if (a->cols != b->cols || a->rows != b->rows || a->npanes != b->npanes ||
	    a->active != b->active || a->echo_events != b->echo_events ||
	    a->echo_ms != b->echo_ms || a->tty_echo != b->tty_echo ||
	    a->mode_keys != b->mode_keys || a->mouse != b->mouse || a->clipboard != b->clipboard ||
	    strcmp(a->notice, b->notice) != 0 ||
	    strcmp(a->ended, b->ended) != 0 || strcmp(a->title, b->title) != 0 ||
	    strcmp(a->ended, b->ended) != 0 || !keys_equal(a->keys, b->keys) ||
	    a->run_serial != b->run_serial ||
	    !screen_equal(a->status, b->status) || !term_histpage_equal(a->page, b->page) ||
	    a->status_top != b->status_top || a->border_lines != b->border_lines ||
	    a->border_status != b->border_status || !screen_equal(a->borders, b->borders) ||
	    strcmp(a->term_features, b->term_features) != 0 ||
	    strcmp(a->term_overrides, b->term_overrides) != 0 || a->bells != b->bells ||
	    a->marked != b->marked || a->hup != b->hup || !term_view_ranges_equal(a, b))
		return false;
	for (unsigned i = 0; i < TERM_VIEW_PENS; i++)
		if (!term_cell_same_pen(&a->pens[i], &b->pens[i]))
			return false;
	for (unsigned i = 0; i < TERM_VIEW_NAMES; i++)
		if (strcmp(a->names[i], b->names[i]) != 0)
			return false;
	for (unsigned i = 0; i < a->npanes; i++) {
		const term_view_pane *p = &a->panes[i], *q = &b->panes[i];
		if (p->id != q->id || p->x != q->x || p->y != q->y ||
		    p->hist_total != q->hist_total || p->hist_len != q->hist_len ||
		    p->hist_epoch != q->hist_epoch || p->hist_limit != q->hist_limit ||
		    !screen_equal(p->screen, q->screen))
			return false;
	}
	return true;
}
