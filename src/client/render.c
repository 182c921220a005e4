/* Views on the local terminal with ncurses. */
#include "render.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <wchar.h>

/* term.h names terminfo capabilities as macros; this one is term_snapshot's field. */
#undef lines

#include "borders.h"
#include "colour.h"
#include "term/link.h"
#include "termcaps.h"
#include "termdesc.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* A cell drawn by curses as near as it can, then again by us (render_flush). */
struct extra {
	int y, x;
	term_cell cell;
	uint32_t chars[TERM_MAX_CHARS];
	unsigned n;
};

struct render {
	SCREEN *screen;
	FILE *out;
	int cursor_style, cursor_sent; /* DECSCUSR's parameter wanted and last sent (0: none) */
	unsigned direct_palette; /* direct colour: palette entries still sent as indices */
	int ncolours;
	bool strike;      /* terminfo smxx: SGR 9 */
	bool ul_styles;   /* terminfo Smulx: SGR 4:2 to 4:5 and underline colours (58) */
	struct extra *extras;
	size_t nextras, extras_size; /* extras_size in bytes (xgrow) */
	term_view *prev; /* the view drawn last: the bells rung since, the rows unchanged */
	uint8_t *borders; /* the border map drawn last (borders_map), NULL for none */
	bool full;        /* the screen holds more than prev drew: draw every cell next */
	bool covered;     /* a notice or prompt was drawn over the message row since */
	char *link;       /* the link state's text drawn last at the message row's end */
	term_clip *clip; /* a clipboard set since, to write after the next refresh */
	char *title;     /* the terminal title written last (set-titles), "" for none */
	bool title_due;  /* the view has another one: write it after the next refresh */
	const char *term;
	FILE *in;
	bool colorterm_rgb; /* $COLORTERM asked for direct colour */
	unsigned caps;      /* enum termcap: what the terminal lists give the terminal */
	bool rgb_feature;   /* the screen was opened for their RGB */
	/* terminal-overrides' string capabilities for the terminal, and the lists they and
	 * caps were decided from (set_caps decides again when the view's differ) */
	struct termcaps_strings *strings;
	char *features, *overrides;
	unsigned caps_serial; /* counts the lists taken after the first (render_caps_serial) */
};

/* A string capability: terminal-overrides' value for it (NULL when one takes it away),
 * else the terminfo entry's; NULL when it has none. */
static const char *cap_string(const render *r, const char *name)
{
	const char *value;
	if (termcaps_string(r->strings, name, &value))
		return value;
	value = tigetstr(name);
	return value != NULL && value != (char *)-1 ? value : NULL;
}

/* Whether the current terminfo entry has direct colour. */
static bool has_direct(void)
{
	return tigetflag("RGB") > 0 || COLORS >= 0x1000000;
}

/* How many palette entries a direct-colour entry's setaf still sends as indices:
 * 256 for "-direct256" (38;5;N), 16 for "-direct16", else 8. */
static unsigned direct_palette(void)
{
	const char *setaf = tigetstr("setaf");
	if (setaf == NULL || setaf == (char *)-1)
		return 8;
	if (strstr(tiparm(setaf, 200), "5;200") != NULL)
		return 256;
	return strstr(tiparm(setaf, 12), "94") != NULL ? 16 : 8;
}

/* Whether the terminfo entry name exists, without disturbing the current terminal. */
static bool terminfo_exists(const char *name)
{
	TERMINAL *saved = cur_term;
	int err = 0;
	bool ok;

	ok = setupterm(name, -1, &err) == OK;
	if (ok)
		del_curterm(cur_term);
	set_curterm(saved);
	return ok;
}

/*
 * The direct-colour sibling of a terminfo name that exists, or NULL: xterm-256color's is
 * xterm-direct256 (the palette still as indices), else xterm-direct.
 */
static char *direct_sibling(const char *term)
{
	static const char *const kinds[] = { "-direct256", "-direct" };
	const char *suffix = "-256color";
	size_t len = strlen(term), n = strlen(suffix);
	if (len > n && strcmp(term + len - n, suffix) == 0)
		len -= n;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		char *name;
		xasprintf(&name, "%.*s%s", (int)len, term, kinds[i]);
		if (terminfo_exists(name))
			return name;
		free(name);
	}
	return NULL;
}

/*
 * Starts curses on the terminal: on its own terminfo entry, or, when direct colour is
 * wanted and the entry lacks it, on its -direct sibling when there is one.
 */
static bool open_screen(render *r, bool want)
{
	r->screen = newterm(r->term, r->out, r->in);
	if (!r->screen)
		return false;
	/* tmux's Tc flag says the terminal takes 24-bit SGR, as COLORTERM does. */
	want = want || tigetflag("Tc") > 0;
	char *direct_name = want && !has_direct() ? direct_sibling(r->term) : NULL;
	if (direct_name != NULL) {
		/* The entry lacks direct colour but its -direct sibling has it: use that. */
		endwin();
		delscreen(r->screen);
		r->screen = newterm(direct_name, r->out, r->in);
	}
	free(direct_name);
	if (!r->screen)
		return false;
	raw();
	noecho();
	nonl();
	keypad(stdscr, FALSE);
	/* The client reads the terminal itself: curses need not poll it (twice) at each
	 * refresh to see whether to stop drawing for typed keys. */
	typeahead(-1);
	r->ncolours = 0;
	r->direct_palette = 0;
	if (has_colors()) {
		start_color();
		use_default_colors();
		r->ncolours = COLORS;
		/* An entry with direct colour sends numbers as RGB whether asked for or not. */
		r->direct_palette = has_direct() ? direct_palette() : 0;
	}
	r->strike = cap_string(r, "smxx") != NULL;
	r->ul_styles = cap_string(r, "Smulx") != NULL;
	return true;
}

render *render_new(const char *term, const char *colorterm, FILE *in, FILE *out)
{
	render *r = xcalloc(1, sizeof *r);

	r->in = in;
	r->out = out;
	r->term = term;
	r->colorterm_rgb = colorterm && (strcmp(colorterm, "truecolor") == 0 ||
					 strcmp(colorterm, "24bit") == 0);
	r->caps = termcaps_decide(term, TERM_VIEW_DEFAULT_FEATURES, "");
	r->features = xstrdup(TERM_VIEW_DEFAULT_FEATURES);
	r->overrides = xstrdup("");
	if (!open_screen(r, r->colorterm_rgb)) {
		free(r->features);
		free(r->overrides);
		free(r);
		return NULL;
	}
	r->title = xstrdup("");
	r->link = xstrdup("");
	return r;
}

/*
 * The view's terminal lists give the terminal other abilities: take them. Direct colour
 * gained or lost means curses on another terminfo entry: the screen is made again and
 * drawn whole.
 */
static void set_caps(render *r, const term_view *v)
{
	/* The same lists decide the same (their patterns are matched for each view else). */
	if (r->features != NULL && strcmp(r->features, v->term_features) == 0 &&
	    strcmp(r->overrides, v->term_overrides) == 0)
		return;
	free(r->features);
	free(r->overrides);
	r->features = xstrdup(v->term_features);
	r->overrides = xstrdup(v->term_overrides);
	r->caps_serial++;
	termcaps_strings_free(r->strings);
	r->strings = termcaps_strings(r->term, v->term_overrides);
	r->strike = cap_string(r, "smxx") != NULL;
	r->ul_styles = cap_string(r, "Smulx") != NULL;
	unsigned caps = termcaps_decide(r->term, v->term_features, v->term_overrides);
	bool rgb = (caps & TERMCAP_RGB) != 0;
	r->caps = caps;
	if (rgb == r->rgb_feature)
		return;
	r->rgb_feature = rgb;
	endwin();
	delscreen(r->screen);
	if (!open_screen(r, r->colorterm_rgb || rgb) && !open_screen(r, r->colorterm_rgb))
		abort(); /* the terminal it had a moment ago: out of memory */
	clearok(curscr, TRUE);
	r->full = true; /* a new screen knows nothing of what was drawn */
}

/* Sets the outer terminal's cursor shape with Ss (DECSCUSR), as terminal-overrides or the
 * terminfo entry say: ncurses knows only visibility. The terminal's own shape again is
 * Ss 0, or Se when terminal-overrides gives one (tmux sends the entry's Se too, but
 * xterm's is a steady block, not the terminal's own shape). */
static void send_cursor_style(render *r, int style)
{
	const char *ss = cap_string(r, "Ss"), *se = NULL;
	if (style == 0 && termcaps_string(r->strings, "Se", &se) && se != NULL)
		fputs(se, r->out);
	else if (ss != NULL)
		fputs(tiparm(ss, style), r->out);
	else if (r->caps & TERMCAP_CSTYLE)
		fprintf(r->out, "\033[%d q", style); /* tmux's cstyle feature: DECSCUSR */
	fflush(r->out);
	r->cursor_sent = style;
}

/* DECSCUSR's parameter for a cursor: 0 the terminal's own, 1 blinking block, 2 steady
 * block, 3 and 4 underline, 5 and 6 bar. */
static int cursor_style(const term_cursor *c)
{
	if (c->shape == TERM_CURSOR_DEFAULT)
		return 0;
	int base = c->shape == TERM_CURSOR_UNDERLINE ? 3 : c->shape == TERM_CURSOR_BAR ? 5 : 1;
	return base + !c->blink;
}

unsigned render_caps_serial(const render *r)
{
	return r->caps_serial;
}

void render_describe(const render *r, void (*send)(void *arg, const term_event *ev), void *arg)
{
	termdesc_send(r->term, r->strings, r->caps, send, arg);
}

void render_free(render *r)
{
	if (!r)
		return;
	free(r->borders);
	if (r->cursor_sent != 0)
		send_cursor_style(r, 0); /* the terminal's own default again */
	endwin();
	delscreen(r->screen);
	if (r->prev)
		term_view_unref(r->prev);
	free(r->extras);
	term_clip_unref(r->clip);
	free(r->title);
	free(r->link);
	termcaps_strings_free(r->strings);
	free(r->features);
	free(r->overrides);
	free(r);
}

/* The newest clipboard a pane shown before set since (OSC 52), or NULL. */
static term_clip *new_clip(const term_view *prev, const term_view *v)
{
	term_clip *newest = NULL;
	for (unsigned i = 0; prev && i < v->npanes; i++) {
		const term_view_pane *was = term_view_find(prev, v->panes[i].id);
		term_clip *clip = v->panes[i].screen->clip;
		if (was && clip != NULL && clip->seq != term_snapshot_clip_seq(was->screen))
			newest = clip;
	}
	return newest;
}

/*
 * Sets the terminal's title: terminfo tsl and fsl, else OSC 0 when the terminal lists
 * give it the title feature (tmux's default terminal-features give it xterm* and
 * screen*). Control characters are left out.
 */
static void write_title(render *r, const char *title)
{
	const char *tsl = cap_string(r, "tsl"), *fsl = cap_string(r, "fsl");
	bool caps = tsl != NULL && fsl != NULL;

	if (!caps && !(r->caps & TERMCAP_TITLE))
		return;
	fputs(caps ? tsl : "\033]0;", r->out);
	for (const char *p = title; *p != '\0'; p++)
		if ((unsigned char)*p >= 0x20 && *p != 0x7f)
			fputc(*p, r->out);
	fputs(caps ? fsl : "\a", r->out);
	fflush(r->out);
}

/* Sets the terminal's clipboard: terminfo Ms, else the xterm sequence when the terminal
 * lists give it the clipboard feature (tmux's default ones give it xterm*). */
/* Sets the terminal's selections sel to base64 data: through terminfo Ms when the entry
 * has it, else as xterm's OSC 52 when raw or tmux's clipboard feature says so. */
static void put_selection(render *r, const char *sel, const char *data, bool raw)
{
	const char *ms = cap_string(r, "Ms");

	if (ms != NULL)
		fputs(tiparm(ms, sel, data), r->out);
	else if (raw || (r->caps & TERMCAP_CLIPBOARD))
		fprintf(r->out, "\033]52;%s;%s\a", sel, data);
	fflush(r->out);
}

static void write_clip(render *r, const term_clip *clip)
{
	const char *semi = strchr(clip->text, ';');
	char *sel = xstrndup(clip->text, (size_t)(semi - clip->text));

	put_selection(r, sel, semi + 1, false);
	free(sel);
}

void render_copy(render *r, const char *base64)
{
	set_term(r->screen);
	put_selection(r, "c", base64, true);
}

void render_invalidate(render *r)
{
	set_term(r->screen);
	clearok(curscr, TRUE);
}

void render_suspend(render *r)
{
	set_term(r->screen);
	endwin();
}

bool render_resize(render *r, unsigned rows, unsigned cols)
{
	set_term(r->screen);
	if (resizeterm((int)rows, (int)cols) == ERR)
		return false;
	/* curses set the scroll region to the size it started from (terminfo's: it draws into
	 * a file, never asking the terminal) and keeps scrolling the whole screen with a line
	 * feed on the last row, which does nothing below the old region. The invalidation
	 * below homes the cursor absolutely after it. */
	if (change_scroll_region != NULL) {
		fputs(tiparm(change_scroll_region, 0, (int)rows - 1), r->out);
		fflush(r->out);
	}
	render_invalidate(r); /* what the terminal kept of the old screen varies */
	r->full = true;
	return true;
}

/* The curses attributes and colour pair of a cell. */
static attr_t cell_attrs(render *r, const term_cell *c, int *pair)
{
	attr_t a = A_NORMAL;
	int fg = colour_curses(c->fg, r->ncolours, r->direct_palette);
	int bg = colour_curses(c->bg, r->ncolours, r->direct_palette);

	if (c->attrs & TERM_ATTR_BOLD)
		a |= A_BOLD;
	if (c->attrs & TERM_ATTR_DIM)
		a |= A_DIM;
	if (c->attrs & TERM_ATTR_ITALIC)
		a |= A_ITALIC;
	if (c->attrs & TERM_ATTR_BLINK)
		a |= A_BLINK;
	if (c->attrs & TERM_ATTR_REVERSE)
		a |= A_REVERSE;
	if (c->attrs & TERM_ATTR_CONCEAL)
		a |= A_INVIS;
	if (c->attrs & TERM_ATTR_UNDERLINE_MASK)
		a |= A_UNDERLINE; /* curses has one underline: the others are extras */
	*pair = fg == -1 && bg == -1 ? 0 : alloc_pair(fg, bg);
	if (*pair < 0)
		*pair = 0;
	return a;
}

/* Whether curses cannot draw the cell as the terminal can show it: see render_sgr. A
 * hyperlink (OSC 8) it cannot draw at all. */
static bool needs_extra(const render *r, const term_cell *c)
{
	unsigned ul = (c->attrs & TERM_ATTR_UNDERLINE_MASK) >> TERM_ATTR_UNDERLINE_SHIFT;
	return c->link != 0 || (r->strike && (c->attrs & TERM_ATTR_STRIKE)) ||
	       colour_index_by_client(c->fg, r->direct_palette) ||
	       colour_index_by_client(c->bg, r->direct_palette) ||
	       (r->ul_styles && (ul >= 2 || (ul == 1 && c->ul != TERM_COLOUR_DEFAULT)));
}

static void add_extra(render *r, int y, int x, const term_cell *c, const wchar_t *w,
		      unsigned n)
{
	r->extras = xgrow(r->extras, &r->extras_size, (r->nextras + 1) * sizeof *r->extras,
			  16 * sizeof *r->extras);
	struct extra *e = &r->extras[r->nextras++];
	e->y = y;
	e->x = x;
	e->cell = *c;
	e->n = n;
	for (unsigned i = 0; i < n; i++)
		e->chars[i] = (uint32_t)w[i];
}

/* Draws one cell of row at (y, x); room is how many columns are left for it; flip holds
 * attributes to toggle (reverse, for a pane in DECSCNM). */
static void draw_cell(render *r, const term_row *row, unsigned col, int y, int x,
		      unsigned room, uint16_t flip)
{
	term_cell c = term_row_get(row, col);
	c.attrs ^= flip;
	uint32_t chars[TERM_MAX_CHARS];
	wchar_t w[CCHARW_MAX + 1];
	unsigned n = 0, i;
	cchar_t cc;
	int pair;
	attr_t a;

	if (c.width == 0)
		return; /* the right half of a wide character drawn on its left */
	a = cell_attrs(r, &c, &pair);
	/* A wide character without room, or whose right half was overwritten (capture.h),
	 * shows as a space. */
	if (c.ch != 0 && !(c.width == 2 && (room < 2 || term_row_get(row, col + 1).width != 0)))
		n = term_row_chars(row, col, chars);
	if (n > CCHARW_MAX)
		n = CCHARW_MAX;
	for (i = 0; i < n; i++)
		w[i] = (wchar_t)chars[i];
	/* The terminal measures with the locale's tables, the pane with libvterm's, which are
	 * older: a character the terminal would draw wider than its cell (a newer emoji), or
	 * not at all, shows as U+FFFD, so that the rest of the row stays in its columns. */
	if (n > 0 && wcwidth(w[0]) != (int)c.width && !(c.width == 2 && wcwidth(w[0]) == 1)) {
		w[0] = 0xfffd;
		n = 1;
	}
	if (n == 0)
		w[n++] = L' ';
	w[n] = L'\0';
	setcchar(&cc, w, a, 0, &pair);
	mvadd_wch(y, x, &cc);
	if (needs_extra(r, &c))
		add_extra(r, y, x, &c, w, n);
}

/* Draws the first cols cells of row at (y, x), flip as draw_cell's: cell by cell up to its
 * last non-blank one, the blank rest (most of a shell's row) as one line of spaces. */
static void draw_row(render *r, const term_row *row, unsigned cols, int y, int x,
		     uint16_t flip)
{
	unsigned used = term_row_used(row), col;
	for (col = 0; col < cols && col < used; col++)
		draw_cell(r, row, col, y, x + (int)col, cols - col, flip);
	if (col < cols) {
		attrset(flip & TERM_ATTR_REVERSE ? A_REVERSE : A_NORMAL);
		mvhline(y, x + (int)col, ' ', (int)(cols - col));
		attrset(A_NORMAL);
	}
}

/* DECSCNM (reverse video) shows every cell of the screen with reverse toggled, as xterm
 * does (tmux ignores it). */
static uint16_t screen_flip(const term_snapshot *s)
{
	return s->modes & TERM_MODE_REVERSE_VIDEO ? TERM_ATTR_REVERSE : 0;
}

/* Draws a pane's rows, all of them or (was: the pane as drawn last, at the same place and
 * size) those that changed since. Rows are shared between views until written (snapshot.h),
 * and prev keeps was's alive, so the same row is the same content; a row made anew with
 * the same cells (a guess confirmed by its echo, a blank row of a diff) is compared cell
 * by cell, which costs far less than drawing it. again[y] marks screen rows to draw
 * whatever they hold. */
static void draw_pane(render *r, const term_view_pane *p, const term_view_pane *was,
		      const bool *again)
{
	const term_snapshot *s = p->screen;
	uint16_t flip = screen_flip(s);
	if (was != NULL && screen_flip(was->screen) != flip)
		was = NULL; /* every row looks different */
	for (unsigned y = 0; y < s->rows; y++) {
		if (was != NULL && !again[p->y + y] &&
		    term_row_equal(was->screen->lines[y], s->lines[y], s->cols))
			continue;
		draw_row(r, s->lines[y], s->cols, p->y + (int)y, p->x, flip);
	}
}

/* Whether v has the panes prev had, in the same order, places and sizes, the status lines
 * where they were and the borders in the same lines and pens: then a cell of v's window
 * area is either a pane's, or the border map's, drawn as it was in prev. */
static bool same_layout(const term_view *prev, const term_view *v)
{
	if (prev == NULL || prev->rows != v->rows || prev->cols != v->cols ||
	    prev->npanes != v->npanes || prev->status->rows != v->status->rows ||
	    prev->status_top != v->status_top || prev->border_lines != v->border_lines ||
	    !term_cell_same_pen(&prev->pens[TERM_VIEW_PEN_BORDER],
				&v->pens[TERM_VIEW_PEN_BORDER]) ||
	    !term_cell_same_pen(&prev->pens[TERM_VIEW_PEN_ACTIVE_BORDER],
		      &v->pens[TERM_VIEW_PEN_ACTIVE_BORDER]))
		return false;
	for (unsigned i = 0; i < v->npanes; i++) {
		const term_view_pane *a = &prev->panes[i], *b = &v->panes[i];
		if (a->id != b->id || a->x != b->x || a->y != b->y ||
		    a->screen->rows != b->screen->rows || a->screen->cols != b->screen->cols)
			return false;
	}
	return true;
}

/* The screen rows of v to draw whatever they hold: those with a cell written again by us
 * last time (draw_extras: curses was told it does not know them), and the message row
 * when the link state's text there changed or a notice or a prompt covered it since
 * (always with the status line off: it is a pane's last row then). */
static bool *rows_again(const render *r, const term_view *v, const char *link)
{
	bool *again = xcalloc(v->rows + 1u, sizeof *again);
	for (size_t i = 0; i < r->nextras; i++)
		if (r->extras[i].y >= 0 && r->extras[i].y < v->rows)
			again[r->extras[i].y] = true;
	if (v->rows > 0 && (v->status->rows == 0 || r->covered || strcmp(link, r->link) != 0))
		again[term_view_message_row(v)] = true;
	return again;
}

/* The glyph in pane-border-lines' set: single and heavy and double from curses, simple
 * as tmux's (| - and + for every joint). */
static const cchar_t *border_char(enum border_glyph g, unsigned lines)
{
	static cchar_t simple[3];
	if (lines == TERM_VIEW_LINES_SIMPLE) {
		int which = g == BORDER_HLINE ? 0 : g == BORDER_VLINE ? 1 : 2;
		if (simple[0].chars[0] == 0) {
			setcchar(&simple[0], L"-", A_NORMAL, 0, NULL);
			setcchar(&simple[1], L"|", A_NORMAL, 0, NULL);
			setcchar(&simple[2], L"+", A_NORMAL, 0, NULL);
		}
		return &simple[which];
	}
	bool d = lines == TERM_VIEW_LINES_DOUBLE, t = lines == TERM_VIEW_LINES_HEAVY;
	switch (g) {
	case BORDER_VLINE: return d ? WACS_D_VLINE : t ? WACS_T_VLINE : WACS_VLINE;
	case BORDER_CROSS: return d ? WACS_D_PLUS : t ? WACS_T_PLUS : WACS_PLUS;
	case BORDER_TTEE: return d ? WACS_D_TTEE : t ? WACS_T_TTEE : WACS_TTEE;
	case BORDER_BTEE: return d ? WACS_D_BTEE : t ? WACS_T_BTEE : WACS_BTEE;
	case BORDER_LTEE: return d ? WACS_D_LTEE : t ? WACS_T_LTEE : WACS_LTEE;
	case BORDER_RTEE: return d ? WACS_D_RTEE : t ? WACS_T_RTEE : WACS_RTEE;
	case BORDER_ULCORNER: return d ? WACS_D_ULCORNER : t ? WACS_T_ULCORNER : WACS_ULCORNER;
	case BORDER_URCORNER: return d ? WACS_D_URCORNER : t ? WACS_T_URCORNER : WACS_URCORNER;
	case BORDER_LLCORNER: return d ? WACS_D_LLCORNER : t ? WACS_T_LLCORNER : WACS_LLCORNER;
	case BORDER_LRCORNER: return d ? WACS_D_LRCORNER : t ? WACS_T_LRCORNER : WACS_LRCORNER;
	case BORDER_HLINE: break;
	}
	return d ? WACS_D_HLINE : t ? WACS_T_HLINE : WACS_HLINE;
}

/* A blank cell of a border status line: the border's own line (map's bits b; pane i's
 * number with pane-border-lines number) in the cell's pen, as tmux draws it under the
 * text. */
static void status_line_cell(render *r, const term_view *v, unsigned i, uint8_t b,
			     const term_cell *c, int y, int x)
{
	wchar_t w[CCHARW_MAX + 1] = L" ";
	attr_t a = A_NORMAL;
	short ignored;
	int pair;
	cchar_t cc;

	if ((b & BORDER_CELL) && v->border_lines == TERM_VIEW_LINES_NUMBER)
		w[0] = borders_pane_number(v, i);
	else if (b & BORDER_CELL)
		getcchar(border_char(borders_glyph(b), v->border_lines), w, &a, &ignored, NULL);
	a |= cell_attrs(r, c, &pair);
	setcchar(&cc, w, a, 0, &pair);
	mvadd_wch(y, x, &cc);
	if (needs_extra(r, c))
		add_extra(r, y, x, c, w, 1);
}

/* The panes' border status lines over the borders (pane-border-status): the text the
 * server drew, its blank cells the border's line. */
static void draw_border_status(render *r, const term_view *v, const uint8_t *map)
{
	unsigned top = term_view_area_top(v), x, y, width;
	for (unsigned i = 0; i < v->npanes; i++) {
		if (!borders_status_place(v, i, &x, &y, &width))
			continue;
		const term_row *row = v->borders->lines[i];
		for (unsigned j = 0; j < width; j++) {
			term_cell c = term_row_get(row, j);
			if (c.ch != 0)
				draw_cell(r, row, j, (int)(top + y), (int)(x + j), width - j, 0);
			else if (c.width != 0)
				status_line_cell(r, v, i, map[(size_t)y * v->cols + x + j], &c,
						 (int)(top + y), (int)(x + j));
		}
	}
}

/* Whether the border status lines differ from those drawn last. */
static bool border_status_changed(const render *r, const term_view *v)
{
	const term_view *prev = r->prev;
	return prev == NULL || prev->border_status != v->border_status ||
	       (prev->borders != v->borders && !term_snapshot_equal(prev->borders, v->borders));
}

/* Borders in pane-border-style, those around the active pane in
 * pane-active-border-style; cells that touch no pane are blank; the border status lines
 * over them. Unless full, only the cells whose map changed since the last drawing (same
 * layout: same size and pens, and the same border status lines). */
static void draw_borders(render *r, const term_view *v, bool full)
{
	unsigned rows, x, y, top = term_view_area_top(v);
	int pairs[2];
	attr_t attrs[2];

	/* The map follows from the layout and the active and marked panes alone. */
	bool number = v->border_lines == TERM_VIEW_LINES_NUMBER;
	full = full || border_status_changed(r, v);
	if (!full && r->borders != NULL && r->prev->active == v->active &&
	    r->prev->marked == v->marked && !number)
		return;
	uint8_t *map = borders_map(v, &rows);

	const term_cell *pens[2] = { &v->pens[TERM_VIEW_PEN_BORDER],
				     &v->pens[TERM_VIEW_PEN_ACTIVE_BORDER] };
	attrs[0] = cell_attrs(r, pens[0], &pairs[0]);
	attrs[1] = cell_attrs(r, pens[1], &pairs[1]);
	/* Cells written again by us are drawn again each view (rows_again). */
	full = full || needs_extra(r, pens[0]) || needs_extra(r, pens[1]);
	for (y = 0; y < rows; y++)
		for (x = 0; x < v->cols; x++) {
			size_t at = (size_t)y * v->cols + x;
			uint8_t b = map[at];
			wchar_t w[CCHARW_MAX + 1] = L" ";
			int pair = 0, which = !!(b & BORDER_ACTIVE);
			attr_t a = A_NORMAL;
			short ignored;
			cchar_t cc;

			/* numbers follow the panes' order from the active one: all again */
			if (!full && r->borders != NULL && r->borders[at] == b && !number)
				continue;
			if ((b & BORDER_CELL) && number) {
				w[0] = borders_number(v, x, y);
				a |= attrs[which];
				pair = pairs[which];
			} else if (b & BORDER_CELL) {
				getcchar(border_char(borders_glyph(b), v->border_lines), w, &a,
					 &ignored, NULL);
				a |= attrs[which];
				pair = pairs[which];
			}
			if (b & BORDER_MARKED)
				a ^= A_REVERSE; /* tmux's marked pane */
			setcchar(&cc, w, a, 0, &pair);
			mvadd_wch((int)(top + y), (int)x, &cc);
			if ((b & BORDER_CELL) && needs_extra(r, pens[which])) {
				term_cell pen = *pens[which];
				if (b & BORDER_MARKED)
					pen.attrs ^= TERM_ATTR_REVERSE;
				add_extra(r, (int)(top + y), (int)x, &pen, w, 1);
			}
		}
	draw_border_status(r, v, map);
	free(r->borders);
	r->borders = map;
}

/* Row y from column x on is drawn over: the cells we were to write again there too. */
static void drop_extras(render *r, int y, int x)
{
	size_t kept = 0;
	for (size_t i = 0; i < r->nextras; i++)
		if (r->extras[i].y != y || r->extras[i].x < x)
			r->extras[kept++] = r->extras[i];
	r->nextras = kept;
}

/* The cells curses holds on row y up to column cols, as extras in pen. */
static void extras_from_screen(render *r, int y, int cols, const term_cell *pen)
{
	for (int x = 0; x < cols;) {
		wchar_t w[CCHARW_MAX + 1];
		attr_t a;
		short ignored;
		cchar_t cc;
		mvin_wch(y, x, &cc);
		getcchar(&cc, w, &a, &ignored, NULL);
		term_cell c = *pen;
		int width = wcwidth(w[0]);
		c.width = (uint8_t)(width == 2 && x + 1 < cols ? 2 : 1);
		add_extra(r, y, x, &c, w, (unsigned)wcslen(w));
		x += c.width;
	}
}

/* text over the whole message row in the pen. */
static void message_text(render *r, const term_view *v, const char *text, const term_cell *pen)
{
	int pair, y = (int)term_view_message_row(v);
	attr_t a = cell_attrs(r, pen, &pair);

	attr_set(a, (short)pair, &pair);
	mvhline(y, 0, ' ', v->cols);
	mvaddnstr(y, 0, text, v->cols);
	attrset(A_NORMAL);
	drop_extras(r, y, 0);
	if (needs_extra(r, pen))
		extras_from_screen(r, y, v->cols, pen);
}

/* The status lines (unless full, only the rows that changed since prev or are to be
 * drawn again); the notice over the message row; the link state at its end whenever
 * the row under it was drawn. */
static void draw_status(render *r, const term_view *v, const char *link, bool full,
			const bool *again)
{
	const term_snapshot *s = v->status, *was = full ? NULL : r->prev->status;
	int top = v->status_top ? 0 : v->rows - (int)s->rows, y = (int)term_view_message_row(v);
	bool under = v->status->rows == 0 || full || again[y];
	int len;

	/* The server makes them again for each view: the same cells are the same row. */
	for (unsigned i = 0; i < s->rows && top + (int)i < v->rows; i++) {
		if (was != NULL && !again[top + (int)i] &&
		    term_row_equal(was->lines[i], s->lines[i], s->cols))
			continue;
		draw_row(r, s->lines[i], s->cols < v->cols ? s->cols : v->cols, top + (int)i, 0,
			 0);
		under = under || top + (int)i == y;
	}
	r->covered = v->notice[0] != '\0';
	if (r->covered)
		message_text(r, v, v->notice, &v->pens[TERM_VIEW_PEN_MESSAGE]);
	len = (int)strlen(link);
	if ((under || r->covered) && len > 0 && len <= v->cols) {
		drop_extras(r, y, v->cols - len);
		attrset(A_REVERSE);
		mvaddstr(y, v->cols - len, link);
		attrset(A_NORMAL);
	}
	free(r->link);
	r->link = xstrdup(link);
}

void render_view(render *r, const term_view *v, const char *link)
{
	const term_view_pane *active = v->npanes ? &v->panes[v->active] : NULL;
	unsigned i;

	set_caps(r, v);
	set_term(r->screen);
	/* Most views change a few rows of a pane (an echo, a line scrolled in): curses keeps
	 * the rest, so only those are drawn again. */
	bool full = r->full || v == r->prev || !same_layout(r->prev, v);
	bool *again = rows_again(r, v, link);
	if (full)
		erase();
	r->nextras = 0;
	r->full = false;
	draw_borders(r, v, full);
	for (i = 0; i < v->npanes; i++)
		draw_pane(r, &v->panes[i], full ? NULL : &r->prev->panes[i], again);
	if (v->rows > 0)
		draw_status(r, v, link, full, again);
	free(again);
	if (active && active->screen->cursor.visible) {
		move(active->y + active->screen->cursor.row, active->x + active->screen->cursor.col);
		curs_set(1);
		r->cursor_style = cursor_style(&active->screen->cursor);
	} else {
		curs_set(0);
	}
	if (r->prev && v->bells != r->prev->bells)
		beep(); /* once for any number: the server decided (bell-action, visual-bell) */
	if (v->title[0] != '\0' && strcmp(v->title, r->title) != 0) {
		free(r->title);
		r->title = xstrdup(v->title);
		r->title_due = true;
	}
	term_clip *clip = new_clip(r->prev, v);
	if (clip != NULL) {
		term_clip_unref(r->clip);
		r->clip = term_clip_ref(clip);
	}
	if (r->prev)
		term_view_unref(r->prev);
	r->prev = term_view_ref((term_view *)v); /* a reference count, not a change */
}

void render_prompt(render *r, const term_view *v, const char *text, int cursor, bool command)
{
	if (v->rows == 0)
		return;
	set_term(r->screen);
	message_text(r, v, text, &v->pens[command ? TERM_VIEW_PEN_COMMAND : TERM_VIEW_PEN_MESSAGE]);
	r->covered = true; /* the next view draws the row again */
	if (cursor >= 0 && cursor < v->cols)
		move((int)term_view_message_row(v), cursor);
	curs_set(cursor >= 0);
}

/* The SGR of palette entry n from base (30 foreground, 40 background), as a -256color
 * entry's setaf writes it. */
static int put_index(char *buf, size_t size, unsigned n, unsigned base)
{
	if (n < 8)
		return snprintf(buf, size, ";%u", base + n);
	if (n < 16)
		return snprintf(buf, size, ";%u", base + 60 + n - 8);
	return snprintf(buf, size, ";%u;5;%u", base + 8, n);
}

/* The SGR of colour c as curses would send it, or as an index where curses cannot (see
 * colour_index_by_client). */
static int put_colour(char *buf, size_t size, const render *r, term_colour c, unsigned base)
{
	if (colour_index_by_client(c, r->direct_palette))
		return put_index(buf, size, TERM_COLOUR_INDEX(c), base);
	int n = colour_curses(c, r->ncolours, r->direct_palette);
	if (n < 0)
		return 0;
	if (r->direct_palette && (unsigned)n >= r->direct_palette)
		return snprintf(buf, size, ";%u;2;%d;%d;%d", base + 8, n >> 16 & 0xff,
				n >> 8 & 0xff, n & 0xff);
	return put_index(buf, size, (unsigned)n, base);
}

/* The underline colour (SGR 58), in the colon form terminals with Smulx take. */
static int put_ul_colour(char *buf, size_t size, term_colour c)
{
	if (TERM_COLOUR_KIND(c) == 1)
		return snprintf(buf, size, ";58:5:%u", TERM_COLOUR_INDEX(c));
	if (TERM_COLOUR_KIND(c) == 2)
		return snprintf(buf, size, ";58:2::%u:%u:%u", c >> 16 & 0xff, c >> 8 & 0xff,
				c & 0xff);
	return 0;
}

/* The whole SGR of an extra cell: everything curses drew, and what it could not. */
static void put_sgr(const render *r, const term_cell *c)
{
	static const struct { unsigned attr; const char *sgr; } plain[] = {
		{ TERM_ATTR_BOLD, ";1" }, { TERM_ATTR_DIM, ";2" }, { TERM_ATTR_ITALIC, ";3" },
		{ TERM_ATTR_BLINK, ";5" }, { TERM_ATTR_REVERSE, ";7" },
		{ TERM_ATTR_CONCEAL, ";8" },
	};
	unsigned ul = (c->attrs & TERM_ATTR_UNDERLINE_MASK) >> TERM_ATTR_UNDERLINE_SHIFT;
	char buf[128];
	size_t len = 0, i;

	len += (size_t)snprintf(buf, sizeof buf, "\033[0");
	for (i = 0; i < sizeof plain / sizeof plain[0]; i++)
		if (c->attrs & plain[i].attr)
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", plain[i].sgr);
	if (c->attrs & TERM_ATTR_STRIKE && r->strike)
		len += (size_t)snprintf(buf + len, sizeof buf - len, ";9");
	if (ul > 0)
		len += (size_t)snprintf(buf + len, sizeof buf - len, r->ul_styles ? ";4:%u" : ";4",
					ul);
	len += (size_t)put_colour(buf + len, sizeof buf - len, r, c->fg, 30);
	len += (size_t)put_colour(buf + len, sizeof buf - len, r, c->bg, 40);
	if (ul > 0 && r->ul_styles)
		len += (size_t)put_ul_colour(buf + len, sizeof buf - len, c->ul);
	snprintf(buf + len, sizeof buf - len, "m");
	fputs(buf, r->out);
}

static void put_link(const render *r, uint32_t link)
{
	char osc[TERM_LINK_OSC_MAX];
	fwrite(osc, 1, term_link_osc(link, osc), r->out);
}

/*
 * The cells curses could not draw in full (strike-through, underline styles and colours,
 * hyperlinks), written again by us over what it drew, then the attributes reset, a link
 * ended and the cursor put back where curses left it, so that its idea of the terminal
 * stays true. Cells that follow each other on a row go out as one run: a link's text
 * stays whole between its OSC 8s.
 */
static void draw_extras(render *r)
{
	const struct extra *prev = NULL;
	uint32_t link = 0;
	int cy, cx;
	size_t i;

	if (r->nextras == 0)
		return;
	getyx(stdscr, cy, cx);
	for (i = 0; i < r->nextras; i++) {
		const struct extra *e = &r->extras[i];
		if (e->cell.link != link)
			put_link(r, link = e->cell.link);
		if (prev == NULL || prev->y != e->y || prev->x + prev->cell.width != e->x)
			fprintf(r->out, "\033[%d;%dH", e->y + 1, e->x + 1);
		if (prev == NULL || !term_cell_same_look(&prev->cell, &e->cell))
			put_sgr(r, &e->cell);
		for (unsigned k = 0; k < e->n; k++) {
			char u[4];
			fwrite(u, 1, utf8_encode(e->chars[k], u), r->out);
		}
		prev = e;
	}
	if (link != 0)
		put_link(r, 0);
	fprintf(r->out, "\033[0m\033[%d;%dH", cy + 1, cx + 1);
	fflush(r->out);
	/* curses takes these cells for what it drew: make it believe otherwise, so that it
	 * draws them again when they change in what it cannot see (strike-through gone). */
	for (i = 0; i < r->nextras; i++) {
		cchar_t unknown;
		setcchar(&unknown, L"\x7f", A_STANDOUT | A_BLINK | A_DIM, 0, NULL);
		mvwadd_wch(curscr, r->extras[i].y, r->extras[i].x, &unknown);
	}
	wmove(curscr, cy, cx);
}

void render_flush(render *r)
{
	set_term(r->screen);
	refresh();
	draw_extras(r);
	if (r->title_due) {
		write_title(r, r->title);
		r->title_due = false;
	}
	if (r->clip != NULL) {
		write_clip(r, r->clip);
		term_clip_unref(r->clip);
		r->clip = NULL;
	}
	if (r->cursor_style != r->cursor_sent)
		send_cursor_style(r, r->cursor_style);
}
