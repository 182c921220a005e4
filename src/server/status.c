/*
 * The status line, drawn from the session's options as tmux draws it: status-left, the
 * window list, status-right, each a format (format.h) whose #[style] changes the cells
 * that follow it.
 */
#include "status.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
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

/* A format option expanded for ctx and drawn in its style option's cells. */
static void draw_option(struct text *t, const struct options *oo, const char *format,
			const char *style, const struct format_ctx *ctx, const term_cell *base)
{
	term_cell cell = styled(oo, style, base), part = cell;
	char *s = format_expand(options_get_string(oo, format), ctx);
	text_draw(t, s, &cell, &part, true);
	free(s);
}

/* The window list: each window's format, in its style, separated. */
static void draw_windows(struct text *t, const struct session *s, const term_cell *base)
{
	for (size_t i = 0; i < s->nwindows; i++) {
		struct window *w = s->windows[i];
		const struct options *oo = w->options;
		if (i > 0) {
			term_cell sep = *base;
			text_draw(t, options_get_string(oo, "window-status-separator"), &sep, base, true);
		}
		term_cell cell = styled(oo, "window-status-style", base);
		if (w == s->current)
			cell = styled(oo, "window-status-current-style", &cell);
		else if (w == s->last)
			cell = styled(oo, "window-status-last-style", &cell);
		/* As tmux's default status-format: the bell's style over activity's. */
		if (w->alerts & WINDOW_ALERT_BELL)
			cell = styled(oo, "window-status-bell-style", &cell);
		else if (w->alerts & WINDOW_ALERT_ACTIVITY)
			cell = styled(oo, "window-status-activity-style", &cell);
		const char *format = w == s->current ? "window-status-current-format"
						     : "window-status-format";
		struct format_ctx ctx = {.s = (struct session *)s, .w = w};
		format_defaults(&ctx);
		term_cell part = cell;
		char *text = format_expand(options_get_string(oo, format), &ctx);
		text_draw(t, text, &cell, &part, true);
		free(text);
	}
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

/* Where the window list starts, as status-justify says, between left and right. */
static unsigned list_at(const struct options *oo, unsigned cols, unsigned left,
			unsigned right, unsigned width)
{
	unsigned room = cols - left - right;
	switch (options_get_number(oo, "status-justify")) {
	case 1: /* centre: of the room between */
		return left + (room - width) / 2;
	case 2: /* right */
		return left + room - width;
	case 3: /* absolute-centre: of the whole line, if it fits there */
		return (cols - width) / 2 >= left && (cols + width) / 2 <= cols - right
			       ? (cols - width) / 2
			       : left + (room - width) / 2;
	default:
		return left;
	}
}

/* Draws the session's first status line into row. */
static void draw_main(term_row *row, const struct session *s, unsigned cols,
		      const term_cell *base)
{
	const struct options *oo = s->options;
	struct format_ctx ctx = {.s = (struct session *)s, .time = true};
	format_defaults(&ctx);
	long long lmax = options_get_number(oo, "status-left-length");
	long long rmax = options_get_number(oo, "status-right-length");
	struct text left = {.max = (unsigned)(lmax < cols ? lmax : cols)};
	draw_option(&left, oo, "status-left", "status-left-style", &ctx, base);
	struct text right = {.max = (unsigned)(rmax < cols - left.width ? rmax
									 : cols - left.width)};
	draw_option(&right, oo, "status-right", "status-right-style", &ctx, base);
	struct text list = {.max = cols - left.width - right.width};
	draw_windows(&list, s, base);
	blit(row, 0, &left);
	blit(row, list_at(oo, cols, left.width, right.width, list.width), &list);
	blit(row, cols - right.width, &right);
	free(left.g);
	free(right.g);
	free(list.g);
}

/* tmux's default second line: the current window's panes, centred. */
static void draw_panes(term_row *row, const struct session *s, unsigned cols,
		       const term_cell *base)
{
	static const char each[] = "#{?pane_active,#[reverse],}#{pane_index}"
				   "[#{pane_width}x#{pane_height}]#[default] ";
	struct window *w = s->current;
	struct text t = {.max = cols};
	term_cell cell = *base;
	for (size_t i = 0; w != NULL && i < w->npanes; i++) {
		struct format_ctx ctx = {.s = (struct session *)s, .w = w, .p = w->panes[i]};
		format_defaults(&ctx);
		char *text = format_expand(each, &ctx);
		text_draw(&t, text, &cell, base, true);
		free(text);
	}
	blit(row, (cols - t.width) / 2, &t);
	free(t.g);
}

term_snapshot *status_lines(const struct session *s, unsigned cols, unsigned n)
{
	term_snapshot *snap = term_snapshot_new(n, cols);
	term_cell base = base_cell(s->options);
	for (unsigned y = 0; y < n; y++) {
		term_row *row = term_row_writable(&snap->lines[y]);
		for (unsigned c = 0; c < cols; c++)
			term_row_set(row, c, &base, NULL, 0);
		if (y == 0)
			draw_main(row, s, cols, &base);
		else if (y == 1)
			draw_panes(row, s, cols, &base);
	}
	snap->cursor.visible = false;
	return snap;
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
