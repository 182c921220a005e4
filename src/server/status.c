/*
 * The status line, drawn from the session's options as tmux draws it: status-left, the
 * window list, status-right, each a format (format.h) whose #[style] changes the cells
 * that follow it.
 */
#include "status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "format.h"
#include "format_vars.h"
#include "options.h"
#include "style.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/*
 * Wide ranges (East Asian Wide and Fullwidth, emoji). A table of our own because the
 * server runs without a UTF-8 locale, where wcwidth says -1 for anything past ASCII.
 */
static const uint32_t wide[][2] = {
	{0x1100, 0x115f},   {0x2e80, 0x303e},   {0x3041, 0x33ff},   {0x3400, 0x4dbf},
	{0x4e00, 0x9fff},   {0xa000, 0xa4cf},   {0xac00, 0xd7a3},   {0xf900, 0xfaff},
	{0xfe30, 0xfe4f},   {0xff00, 0xff60},   {0xffe0, 0xffe6},   {0x1f300, 0x1f64f},
	{0x1f900, 0x1f9ff}, {0x20000, 0x2fffd}, {0x30000, 0x3fffd},
};

unsigned status_width(uint32_t cp)
{
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return 2;
	return 1;
}

/* One drawn character: its code point and cell (colours, attributes, width). */
struct glyph {
	uint32_t cp;
	term_cell cell;
};

/* A part of the line being built, at most max cells wide. */
struct text {
	struct glyph *g;
	size_t n;
	unsigned width, max;
	bool full; /* something did not fit: the rest is cut */
};

static void text_put(struct text *t, uint32_t cp, const term_cell *cell)
{
	if (utf8_is_control(cp))
		cp = '?';
	unsigned w = status_width(cp);
	if (t->full || t->width + w > t->max) {
		t->full = true;
		return;
	}
	t->g = xreallocarray(t->g, t->n + 1, sizeof *t->g);
	t->g[t->n] = (struct glyph){cp, *cell};
	t->g[t->n++].cell.width = (uint8_t)w;
	t->width += w;
}

/* Appends s drawn from *cell on; with styles, #[style] changes *cell, its "default" back
 * to base. */
static void text_draw(struct text *t, const char *s, term_cell *cell, const term_cell *base,
		      bool styles)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	while (p < end) {
		if (styles && p[0] == '#' && p + 1 < end && p[1] == '[') {
			const uint8_t *close = memchr(p, ']', (size_t)(end - p));
			if (close != NULL) {
				char *words = xstrndup((const char *)p + 2, (size_t)(close - p - 2));
				style_apply(cell, words, base); /* tmux skips what it cannot read */
				free(words);
				p = close + 1;
				continue;
			}
		}
		uint32_t cp;
		if (!utf8_decode(&p, end, &cp)) {
			cp = '?';
			p++;
		}
		text_put(t, cp, cell);
	}
}

/* A style option applied over base. */
static term_cell styled(const struct options *oo, const char *name, const term_cell *base)
{
	term_cell cell = *base;
	style_apply(&cell, options_get_string(oo, name), base);
	return cell;
}

/* The session's base cell: status-style, then the old status-fg and status-bg. */
static term_cell base_cell(const struct options *oo)
{
	term_cell blank = term_cell_blank(), cell = styled(oo, "status-style", &blank);
	term_colour fg = (term_colour)options_get_number(oo, "status-fg");
	term_colour bg = (term_colour)options_get_number(oo, "status-bg");
	if (fg != TERM_COLOUR_DEFAULT)
		cell.fg = fg;
	if (bg != TERM_COLOUR_DEFAULT)
		cell.bg = bg;
	return cell;
}

static void blit(term_row *row, unsigned at, const struct text *t)
{
	for (size_t i = 0; i < t->n; i++) {
		term_cell cell = t->g[i].cell;
		term_row_set(row, at++, &cell, &t->g[i].cp, 1);
		if (cell.width == 2) {
			cell.width = 0;
			term_row_set(row, at++, &cell, NULL, 0);
		}
	}
}

unsigned status_draw(term_row *row, unsigned at, unsigned max, const char *text,
		     const term_cell *base, bool styles)
{
	struct text t = {.max = max};
	term_cell cell = *base;
	text_draw(&t, text, &cell, base, styles);
	blit(row, at, &t);
	free(t.g);
	return t.width;
}

static const struct option_entry *status_format_entry(void)
{
	static const struct option_entry *oe;
	char *cause = NULL;
	if (oe == NULL)
		oe = options_find("status-format", &cause);
	return oe;
}

/* FNV-1a over bytes, folded into h. */
static uint64_t mix(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < len; i++)
		h = (h ^ p[i]) * 1099511628211u;
	return h;
}

static uint64_t mix_num(uint64_t h, unsigned long long n)
{
	return mix(h, &n, sizeof n);
}

static uint64_t mix_str(uint64_t h, const char *s)
{
	return mix(h, s, strlen(s) + 1);
}

/* What a window shows in the status line: its id, index, name, flags, active pane's
 * title and, for the current one, its panes' sizes (status-format[1]). */
static uint64_t mix_window(uint64_t h, const struct window *w, bool current)
{
	struct format_ctx ctx = {.s = w->session, .w = (struct window *)w, .p = w->active};
	char *flags = format_var("window_flags", &ctx);
	h = mix_str(mix_num(mix_num(mix_str(h, w->name), w->id), w->index), flags);
	free(flags);
	if (w->active != NULL)
		h = mix_str(mix_num(h, w->active->id), term_emulator_title(w->active->em));
	for (size_t i = 0; current && i < w->npanes; i++)
		h = mix_num(mix_num(mix_num(h, w->panes[i]->id), w->panes[i]->cols),
			    w->panes[i]->rows);
	return h;
}

/*
 * The status lines' key: what the status formats usually read (the options, the
 * session, its windows and panes, #() output, the clients attached) and the time in
 * steps of status-interval, which is when tmux redraws on its own. Equal keys: the lines
 * drawn before are shown again, not expanded anew.
 */
static uint64_t status_key(const struct session *s, unsigned cols, unsigned n)
{
	uint64_t h = 14695981039346656037u;
	long long interval = options_get_number(s->options, "status-interval");
	h = mix_num(mix_num(mix_num(h, options_changes), format_jobs_changed), cols * 8u + n);
	h = mix_num(h, interval > 0 ? (unsigned long long)(time(NULL) / interval) : 0);
	struct format_ctx ctx = {.s = (struct session *)s};
	char *attached = format_var("session_attached", &ctx);
	h = mix_str(mix_str(mix_num(h, s->id), s->name), attached);
	free(attached);
	h = mix_num(h, s->last != NULL ? s->last->id : 0);
	for (size_t i = 0; i < s->nwindows; i++)
		h = mix_window(h, s->windows[i], s->windows[i] == s->current);
	return h;
}

/* Drawn status lines, a few sessions' (or sizes') worth, with their mouse ranges. */
struct status_cached {
	unsigned session;
	uint64_t key, used;
	term_snapshot *snap;
	term_view_range *ranges;
	size_t nranges;
};

#define STATUS_CACHED 8

static struct status_cached cache[STATUS_CACHED];
static uint64_t cache_uses;

/* The entry for session with key, or the least recently used one emptied for it. */
static struct status_cached *cache_find(unsigned session, uint64_t key)
{
	struct status_cached *c = &cache[0];
	for (size_t i = 0; i < STATUS_CACHED; i++) {
		if (cache[i].snap != NULL && cache[i].session == session && cache[i].key == key) {
			c = &cache[i];
			c->used = ++cache_uses;
			return c;
		}
		if (cache[i].used < c->used)
			c = &cache[i];
	}
	term_snapshot_unref(c->snap);
	free(c->ranges);
	*c = (struct status_cached){.used = ++cache_uses};
	return c;
}

static const struct status_cached *last_drawn;

void status_cache_free(void)
{
	for (size_t i = 0; i < STATUS_CACHED; i++) {
		term_snapshot_unref(cache[i].snap);
		free(cache[i].ranges);
		cache[i] = (struct status_cached){0};
	}
	last_drawn = NULL;
}

const term_view_range *status_ranges(size_t *n)
{
	*n = last_drawn != NULL ? last_drawn->nranges : 0;
	return last_drawn != NULL ? last_drawn->ranges : NULL;
}

/* Line y's tags (status_format_draw) as ranges, appended to c's. */
static void add_ranges(struct status_cached *c, unsigned y, const uint64_t *tags, unsigned cols)
{
	for (unsigned x = 0; x < cols;) {
		unsigned end = x + 1;
		while (end < cols && tags[end] == tags[x])
			end++;
		if (tags[x] != 0 && c->nranges < TERM_VIEW_MAX_RANGES) {
			c->ranges = xreallocarray(c->ranges, c->nranges + 1, sizeof *c->ranges);
			c->ranges[c->nranges++] = (term_view_range){
				.line = (uint8_t)y, .type = (uint8_t)(tags[x] >> 32),
				.x = (uint16_t)x, .width = (uint16_t)(end - x),
				.window = (uint32_t)tags[x]};
		}
		x = end;
	}
}

/* Line y drawn from status-format[y] (none there: blank), expanded for the session. */
static void draw_line(term_row *row, const struct session *s, unsigned y, unsigned cols,
		      const term_cell *base, uint64_t *tags)
{
	const char *format = options_array_get(s->options, status_format_entry(), y);
	if (format == NULL)
		return;
	struct format_ctx ctx = {.s = (struct session *)s, .time = true};
	format_defaults(&ctx);
	char *text = format_expand(format, &ctx);
	status_format_draw(row, cols, text, base, tags);
	free(text);
}

static void draw_lines(struct status_cached *c, const struct session *s, unsigned cols,
		       unsigned n)
{
	term_snapshot *snap = term_snapshot_new(n, cols);
	term_cell base = base_cell(s->options);
	uint64_t *tags = xcalloc(cols ? cols : 1, sizeof *tags);
	for (unsigned y = 0; y < n; y++) {
		term_row *row = term_row_writable(&snap->lines[y]);
		for (unsigned x = 0; x < cols; x++)
			term_row_set(row, x, &base, NULL, 0);
		memset(tags, 0, (cols ? cols : 1) * sizeof *tags);
		draw_line(row, s, y, cols, &base, tags);
		add_ranges(c, y, tags, cols);
	}
	free(tags);
	snap->cursor.visible = false;
	c->snap = snap;
}

term_snapshot *status_lines(const struct session *s, unsigned cols, unsigned n)
{
	uint64_t key = status_key(s, cols, n);
	struct status_cached *c = cache_find(s->id, key);
	if (c->snap == NULL) {
		draw_lines(c, s, cols, n);
		c->session = s->id;
		c->key = key;
	}
	last_drawn = c;
	return term_snapshot_ref(c->snap);
}

unsigned status_count(const struct options *oo)
{
	return (unsigned)options_get_number(oo, "status"); /* the choice's index is the count */
}

bool status_at_top(const struct options *oo)
{
	return options_get_number(oo, "status-position") == 0;
}

unsigned status_area_rows(const struct options *oo, unsigned rows)
{
	unsigned lines = status_count(oo);
	return rows > lines + 1 ? rows - lines : 1;
}
