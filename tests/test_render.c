/*
 * Views drawn by ncurses on a pty with TERM=xterm-256color, the bytes read back into the
 * project's emulator: its cells must be what the view says, cell for cell.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "client/colour.h"
#include "client/render.h"
#include "term/emulator.h"
#include "term/row.h"

#define COLS 30
#define ROWS 8
#define BLACK TERM_COLOUR_PALETTE(0)
#define YELLOW TERM_COLOUR_PALETTE(3)

/* Everything the master has to read now, into the emulator; how many bells were in it. */
static unsigned drain(int master, term_emulator *em)
{
	char buf[4096];
	struct pollfd p = { .fd = master, .events = POLLIN };
	unsigned bells = 0;
	ssize_t n, i;

	while (poll(&p, 1, 200) > 0 && (n = read(master, buf, sizeof buf)) > 0) {
		for (i = 0; i < n; i++)
			bells += buf[i] == '\a';
		term_emulator_write(em, buf, (size_t)n);
	}
	return bells;
}

/* Draws v and shows it; the terminal's screen as the emulator then has it, to unref. */
static term_snapshot *draw(render *r, const term_view *v, int master, term_emulator *em)
{
	render_view(r, v, "");
	render_flush(r);
	drain(master, em);
	return term_emulator_snapshot(em);
}

/* Draws v with a prompt over its message row; the terminal's screen then, to unref. */
static term_snapshot *draw_prompt(render *r, const term_view *v, const char *text,
				  int cursor, bool command, int master, term_emulator *em)
{
	render_view(r, v, "");
	render_prompt(r, v, text, cursor, command);
	render_flush(r);
	drain(master, em);
	return term_emulator_snapshot(em);
}

/* A copy of v where the server asked for rings more bells. */
static term_view *ring(const term_view *v, unsigned rings)
{
	term_view *w = term_view_clone(v);
	w->bells += rings;
	return w;
}

static void put(term_snapshot *s, unsigned y, unsigned x, const uint32_t *chars, unsigned n,
		unsigned width, term_colour fg, term_colour bg, uint16_t attrs)
{
	term_cell c = term_cell_blank();

	c.ch = chars[0];
	c.width = (uint8_t)width;
	c.fg = fg;
	c.bg = bg;
	c.attrs = attrs;
	/* A row shared with another snapshot is frozen (row.h): this one's own copy. */
	term_row *row = term_row_writable(&s->lines[y]);
	term_row_set(row, x, &c, chars, n);
	if (width == 2) { /* its right half, as the emulator makes it */
		c.ch = 0;
		c.width = 0;
		term_row_set(row, x + 1, &c, NULL, 0);
	}
}

static void expect_cell(const term_snapshot *got, unsigned y, unsigned x, uint32_t ch,
			term_colour fg, term_colour bg, uint16_t attrs)
{
	term_cell c = term_row_get(got->lines[y], x);
	uint32_t have = c.ch ? c.ch : ' ';

	CHECKF(have == (ch ? ch : ' '), "%u,%u: U+%04x, want U+%04x", y, x, have, ch);
	CHECKF(c.fg == fg && c.bg == bg, "%u,%u: fg %#x bg %#x, want %#x %#x", y, x, c.fg,
	       c.bg, fg, bg);
	CHECKF((c.attrs & attrs) == attrs, "%u,%u: attrs %#x, want %#x", y, x, c.attrs, attrs);
}

/* A ROWS x COLS pty: its slave as the terminal to draw on, its master to read back. */
static FILE *open_terminal(int *master)
{
	int slave;
	struct winsize ws = { .ws_row = ROWS, .ws_col = COLS };
	FILE *f;

	CHECK(openpty(master, &slave, NULL, NULL, NULL) == 0);
	CHECK(ioctl(slave, TIOCSWINSZ, &ws) == 0);
	f = fdopen(slave, "r+");
	CHECK(f);
	return f;
}

/*
 * COLORTERM=truecolor: an RGB cell is drawn in its own colour (xterm-256color's
 * -direct256 sibling), not the nearest of the 256, and a palette colour stays an index
 * (a themed palette survives). Read as bytes: the colon form (38:2::R:G:B) is what
 * ncurses writes. An RGB value that would read as an index has its green one step up.
 */
/* What the terminal got, as a string (reads until it has been quiet 200 ms). */
static size_t read_out(int master, char *out, size_t size)
{
	struct pollfd p = { .fd = master, .events = POLLIN };
	size_t len = 0;
	ssize_t n;
	while (len < size - 1 && poll(&p, 1, 200) > 0 &&
	       (n = read(master, out + len, size - 1 - len)) > 0)
		len += (size_t)n;
	out[len] = '\0';
	return len;
}

static void direct_colour(void)
{
	const uint32_t a[] = { 'a' };
	int master;
	FILE *f = open_terminal(&master);
	term_view *v = term_view_new(COLS, ROWS, 1);
	char out[16384];
	size_t len;
	render *r;

	v->panes[0].id = 1;
	v->panes[0].screen = term_snapshot_new(ROWS, COLS);
	put(v->panes[0].screen, 0, 0, a, 1, 1, TERM_COLOUR_RGB(0xff, 0x80, 0x10),
	    TERM_COLOUR_RGB(0, 0, 0x40), 0);
	put(v->panes[0].screen, 0, 1, a, 1, 1, TERM_COLOUR_PALETTE(200), TERM_COLOUR_PALETTE(12),
	    0);
	r = render_new("xterm-256color", "truecolor", f, f);
	CHECK(r);
	render_view(r, v, "");
	render_flush(r);
	len = read_out(master, out, sizeof out);
	CHECKF(strstr(out, "38:2::255:128:16m") != NULL && strstr(out, "48:2::0:1:64m") != NULL,
	       "no direct colour in %zu bytes", len);
	CHECKF(strstr(out, "38;5;200m") != NULL && strstr(out, "[104m") != NULL,
	       "palette colours not as indices in %zu bytes", len);
	render_free(r);

	/* No COLORTERM: the nearest of the 256, until the view's terminal-overrides give
	 * xterm* Tc; without them again, the 256. */
	r = render_new("xterm-256color", NULL, f, f);
	render_view(r, v, "");
	render_flush(r);
	len = read_out(master, out, sizeof out);
	CHECKF(strstr(out, "38:2::") == NULL && strstr(out, "38;5;208m") != NULL,
	       "not the 256's nearest in %zu bytes", len);
	term_view *tc = term_view_clone(v);
	term_view_set_terminal(tc, TERM_VIEW_DEFAULT_FEATURES, "xterm*:Tc");
	render_view(r, tc, "");
	render_flush(r);
	len = read_out(master, out, sizeof out);
	CHECKF(strstr(out, "38:2::255:128:16m") != NULL, "no direct colour in %zu bytes: %s", len,
	       out);
	render_view(r, v, "");
	render_flush(r);
	len = read_out(master, out, sizeof out);
	CHECKF(strstr(out, "38:2::") == NULL && strstr(out, "38;5;208m") != NULL,
	       "not the 256's nearest again in %zu bytes", len);
	term_view_unref(tc);
	render_free(r);
	term_view_unref(v);
	fclose(f);
	close(master);
}

/*
 * Every attribute reaches the terminal: dim and conceal through curses, strike-through
 * written by the client itself; underline styles and colours only where terminfo has
 * Smulx (tmux-256color), else a plain underline, never blink. Read back through the
 * emulator, which parses every SGR form.
 */
static void attributes(const char *term, bool styles)
{
	const uint32_t a[] = { 'a' };
	const term_colour ul = TERM_COLOUR_RGB(0x10, 0x20, 0x30);
	int master;
	FILE *f = open_terminal(&master);
	term_view *v = term_view_new(COLS, ROWS, 1);
	term_emulator *em = term_emulator_new(ROWS, COLS, 0);
	term_snapshot *got;
	render *r;
	unsigned style;

	v->panes[0].id = 1;
	v->panes[0].screen = term_snapshot_new(ROWS, COLS);
	put(v->panes[0].screen, 0, 0, a, 1, 1, 0, 0, TERM_ATTR_DIM);
	put(v->panes[0].screen, 0, 1, a, 1, 1, 0, 0, TERM_ATTR_CONCEAL);
	put(v->panes[0].screen, 0, 2, a, 1, 1, TERM_COLOUR_PALETTE(3), 0, TERM_ATTR_STRIKE);
	put(v->panes[0].screen, 0, 3, a, 1, 1, 0, 0, TERM_ATTR_BOLD);
	for (style = 1; style < TERM_UNDERLINE_STYLES; style++) {
		put(v->panes[0].screen, 1, style, a, 1, 1, TERM_COLOUR_PALETTE(5), 0,
		    (uint16_t)(style << TERM_ATTR_UNDERLINE_SHIFT));
		term_cell c = term_row_get(v->panes[0].screen->lines[1], style);
		c.ul = ul;
		term_row_set(v->panes[0].screen->lines[1], style, &c, a, 1);
	}
	r = render_new(term, NULL, f, f);
	CHECK(r);
	got = draw(r, v, master, em);
	expect_cell(got, 0, 0, 'a', 0, 0, TERM_ATTR_DIM);
	expect_cell(got, 0, 1, 'a', 0, 0, TERM_ATTR_CONCEAL);
	expect_cell(got, 0, 2, 'a', TERM_COLOUR_PALETTE(3), 0, TERM_ATTR_STRIKE);
	CHECK(term_row_get(got->lines[0], 3).attrs == TERM_ATTR_BOLD);
	for (style = 1; style < TERM_UNDERLINE_STYLES; style++) {
		term_cell c = term_row_get(got->lines[1], style);
		unsigned want = styles ? style : 1;
		CHECKF(c.attrs == want << TERM_ATTR_UNDERLINE_SHIFT && c.fg == TERM_COLOUR_PALETTE(5),
		       "%s: underline %u drawn as attrs %#x fg %#x", term, style, c.attrs, c.fg);
		CHECKF(c.ul == (styles ? ul : TERM_COLOUR_DEFAULT), "%s: underline colour %#x",
		       term, c.ul);
	}
	term_snapshot_unref(got);
	/* Strike-through gone from a cell curses sees as unchanged: drawn again, plain. */
	term_cell c = term_row_get(v->panes[0].screen->lines[0], 2);
	c.attrs = 0;
	term_row_set(v->panes[0].screen->lines[0], 2, &c, a, 1);
	got = draw(r, v, master, em);
	CHECKF(term_row_get(got->lines[0], 2).attrs == 0, "%s: strike left: %#x", term,
	       term_row_get(got->lines[0], 2).attrs);
	term_snapshot_unref(got);
	render_free(r);
	term_view_unref(v);
	term_emulator_free(em);
	fclose(f);
	close(master);
}

/*
 * Widths the terminal sees otherwise than the pane: a character wcwidth makes wider than
 * its cell (U+1F90D: libvterm 1, glibc 2), or unknown (U+1FA77), shows as U+FFFD so the
 * rest of the row keeps its columns; a wide character whose right half was overwritten
 * shows as a space.
 */
static void widths(void)
{
	const uint32_t newer[] = { 0x1f90d }, unknown[] = { 0x1fa77 }, b[] = { 'b' },
		       wide[] = { 0x4e2d };
	int master;
	FILE *f = open_terminal(&master);
	term_view *v = term_view_new(COLS, ROWS, 1);
	term_emulator *em = term_emulator_new(ROWS, COLS, 0);

	v->panes[0].id = 1;
	v->panes[0].screen = term_snapshot_new(ROWS, COLS);
	put(v->panes[0].screen, 0, 0, newer, 1, 1, 0, 0, 0);
	put(v->panes[0].screen, 0, 1, b, 1, 1, 0, 0, 0);
	put(v->panes[0].screen, 0, 2, unknown, 1, 1, 0, 0, 0);
	put(v->panes[0].screen, 0, 3, b, 1, 1, 0, 0, 0);
	put(v->panes[0].screen, 0, 4, wide, 1, 2, 0, 0, 0); /* its right half: a 'b' */
	put(v->panes[0].screen, 0, 5, b, 1, 1, 0, 0, 0);
	render *r = render_new("xterm-256color", NULL, f, f);
	CHECK(r);
	term_snapshot *got = draw(r, v, master, em);
	expect_cell(got, 0, 0, 0xfffd, 0, 0, 0);
	expect_cell(got, 0, 1, 'b', 0, 0, 0);
	expect_cell(got, 0, 2, 0xfffd, 0, 0, 0);
	expect_cell(got, 0, 3, 'b', 0, 0, 0);
	expect_cell(got, 0, 4, ' ', 0, 0, 0);
	expect_cell(got, 0, 5, 'b', 0, 0, 0);
	term_snapshot_unref(got);
	render_free(r);
	term_view_unref(v);
	term_emulator_free(em);
	fclose(f);
	close(master);
}

/*
 * What the view's look says: the status line at the top, the panes below it, borders in
 * heavy lines, pane-border-style red and pane-active-border-style blue on the halves,
 * a notice on the top row, and without status lines on the last row.
 */
static void look(render *r, int master, term_emulator *em)
{
	term_view *v = term_view_new(COLS, ROWS, 2);
	term_snapshot *status = term_snapshot_new(1, COLS), *got;
	uint32_t s = 'S';
	put(status, 0, 0, &s, 1, 1, 0, TERM_COLOUR_PALETTE(2), 0);
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	v->status_top = true;
	v->panes[0] = (term_view_pane){.id = 1, .y = 1, .screen = term_snapshot_new(7, 14)};
	v->panes[1] = (term_view_pane){.id = 2, .x = 15, .y = 1,
				       .screen = term_snapshot_new(7, 15)};
	v->active = 1;
	v->border_lines = TERM_VIEW_LINES_HEAVY;
	v->pens[TERM_VIEW_PEN_BORDER].fg = TERM_COLOUR_PALETTE(1);
	v->pens[TERM_VIEW_PEN_ACTIVE_BORDER].fg = TERM_COLOUR_PALETTE(4);
	const char *err;
	CHECKF(term_view_check(v, &err), "%s", err);
	got = draw(r, v, master, em);
	expect_cell(got, 0, 0, 'S', 0, TERM_COLOUR_PALETTE(2), 0);
	for (unsigned y = 1; y < ROWS; y++) /* the right pane's half (rows 4-7) is active */
		expect_cell(got, y, 14, 0x2503, y > 4 ? TERM_COLOUR_PALETTE(4) : TERM_COLOUR_PALETTE(1),
			    0, 0);
	term_snapshot_unref(got);
	term_view_set_notice(v, "hi", 2);
	got = draw(r, v, master, em);
	expect_cell(got, 0, 0, 'h', BLACK, YELLOW, 0);
	term_snapshot_unref(got);
	/* Status off (at the bottom): the notice on the last row; simple lines. */
	term_snapshot *none = term_snapshot_new(0, COLS);
	term_view_set_status(v, none);
	term_snapshot_unref(none);
	v->status_top = false;
	v->border_lines = TERM_VIEW_LINES_SIMPLE;
	v->panes[0].y = v->panes[1].y = 0;
	got = draw(r, v, master, em);
	expect_cell(got, ROWS - 1, 0, 'h', BLACK, YELLOW, 0);
	expect_cell(got, 0, 14, '|', TERM_COLOUR_PALETTE(1), 0, 0);
	term_snapshot_unref(got);
	term_view_unref(v);
}

/*
 * Views drawn one after another, each made from the last as the client makes them (clones
 * sharing the rows, a few rows written, lines scrolled, the active pane moved, now and then
 * another layout or a list over the screen): whatever render_view leaves undrawn as
 * unchanged, the terminal must still show every pane's cells as the newest view has them.
 */
static unsigned long rnd(unsigned long *state)
{
	*state = *state * 6364136223846793005ul + 1442695040888963407ul;
	return *state >> 33;
}

/* A view of two panes side by side, the border at column split. */
static term_view *split_view(unsigned split)
{
	term_view *v = term_view_new(COLS, ROWS, 2);
	v->panes[0].id = 1;
	v->panes[0].screen = term_snapshot_new(ROWS - 1, split);
	v->panes[1].id = 2;
	v->panes[1].x = (uint16_t)(split + 1);
	v->panes[1].screen = term_snapshot_new(ROWS - 1, COLS - split - 1);
	term_snapshot *status = term_snapshot_new(1, COLS);
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	return v;
}

/* Writes a few random cells of row y of s (a clone: the row is copied first). */
static void scribble(term_snapshot *s, unsigned y, unsigned long *state)
{
	term_row *row = term_row_writable(&s->lines[y]);
	for (unsigned n = 1 + rnd(state) % 4; n > 0; n--) {
		term_cell c = term_cell_blank();
		uint32_t ch = 'a' + (uint32_t)(rnd(state) % 26);
		c.ch = ch;
		c.fg = rnd(state) % 3 ? 0 : TERM_COLOUR_PALETTE(1 + rnd(state) % 255);
		c.attrs = rnd(state) % 4 ? 0 : rnd(state) % 2 ? TERM_ATTR_BOLD : TERM_ATTR_STRIKE;
		term_row_set(row, (unsigned)(rnd(state) % s->cols), &c, &ch, 1);
	}
}

/* Scrolls s up by k lines: the rows move (shared), new blank ones come in below. */
static void scroll_up(term_snapshot *s, unsigned k)
{
	for (unsigned y = 0; y < k; y++)
		term_row_unref(s->lines[y]);
	memmove(s->lines, s->lines + k, (s->rows - k) * sizeof *s->lines);
	for (unsigned y = s->rows - k; y < s->rows; y++)
		s->lines[y] = term_row_new(0);
}

/* The next view: a clone of v with pane i's screen changed. */
static term_view *next_view(const term_view *v, unsigned long *state)
{
	term_view *w = term_view_clone(v);
	unsigned i = (unsigned)(rnd(state) % w->npanes);
	term_snapshot *s = term_snapshot_clone(w->panes[i].screen);
	term_snapshot_unref(w->panes[i].screen);
	w->panes[i].screen = s;
	if (rnd(state) % 4 == 0)
		scroll_up(s, 1 + (unsigned)(rnd(state) % (s->rows - 1)));
	for (unsigned n = (unsigned)(rnd(state) % 3); n > 0; n--)
		scribble(s, (unsigned)(rnd(state) % s->rows), state);
	if (rnd(state) % 5 == 0)
		w->active = (w->active + 1) % w->npanes;
	return w;
}

/* What the terminal shows once everything drawn so far has been read: a mark written after
 * it (an OSC the emulator ignores) says when, so no read waits for a timeout. */
static term_snapshot *drain_marked(FILE *f, int master, term_emulator *em)
{
	static const char mark[] = "\033]7777;drawn\a";
	char buf[4096 + sizeof mark];
	size_t kept = 0;

	fputs(mark, f);
	fflush(f);
	for (;;) {
		struct pollfd p = { .fd = master, .events = POLLIN };
		CHECK(poll(&p, 1, 10000) == 1);
		ssize_t n = read(master, buf + kept, sizeof buf - kept - 1);
		CHECK(n > 0);
		term_emulator_write(em, buf + kept, (size_t)n);
		kept += (size_t)n;
		buf[kept] = '\0';
		if (strstr(buf, mark) != NULL)
			return term_emulator_snapshot(em);
		/* Keep the tail, where a mark cut in two would start. */
		size_t tail = kept < sizeof mark - 1 ? kept : sizeof mark - 1;
		memmove(buf, buf + kept - tail, tail);
		kept = tail;
	}
}

/* The terminal (got) shows v's panes cell for cell, and the border between them (v is a
 * split_view). */
static void expect_view(const term_snapshot *got, const term_view *v, unsigned long seed,
			unsigned step)
{
	for (unsigned y = 0; y < v->panes[0].screen->rows; y++) {
		term_cell b = term_row_get(got->lines[y], v->panes[0].screen->cols);
		CHECKF(b.ch == 0x2502, "seed %lu step %u: border at row %u is U+%04x", seed, step, y,
		       b.ch);
	}
	for (unsigned i = 0; i < v->npanes; i++) {
		const term_view_pane *p = &v->panes[i];
		for (unsigned y = 0; y < p->screen->rows; y++)
			for (unsigned x = 0; x < p->screen->cols; x++) {
				term_cell want = term_row_get(p->screen->lines[y], x);
				term_cell have = term_row_get(got->lines[p->y + y], p->x + x);
				uint32_t w = want.ch ? want.ch : ' ', h = have.ch ? have.ch : ' ';
				CHECKF(w == h && want.fg == have.fg && want.attrs == have.attrs,
				       "seed %lu step %u pane %u %u,%u: U+%04x fg %#x attrs %#x, "
				       "want U+%04x fg %#x attrs %#x", seed, step, i, y, x, h,
				       have.fg, have.attrs, w, want.fg, want.attrs);
			}
	}
}

static void redraws(unsigned long seed, const char *term, const char *colorterm)
{
	unsigned long state = seed;
	int master;
	FILE *f = open_terminal(&master);
	term_emulator *em = term_emulator_new(ROWS, COLS, 0);
	render *r = render_new(term, colorterm, f, f);
	term_view *v = split_view(14);

	CHECK(r);
	for (unsigned step = 0; step < 60; step++) {
		term_view *w;
		unsigned what = (unsigned)(rnd(&state) % 20);
		if (what == 0) {
			w = split_view(8 + (unsigned)(rnd(&state) % 14)); /* another layout */
		} else {
			w = next_view(v, &state);
		}
		term_view_unref(v);
		v = w;
		render_view(r, v, "");
		render_flush(r);
		term_snapshot *got = drain_marked(f, master, em);
		expect_view(got, v, seed, step);
		term_snapshot_unref(got);
	}
	term_view_unref(v);
	render_free(r);
	term_emulator_free(em);
	fclose(f);
	close(master);
}

/*
 * A copy in copy mode goes to the terminal's clipboard through terminfo Ms when the entry
 * has it (here an entry of the test's own whose Ms ends in ST, not BEL, compiled by tic),
 * else as xterm's OSC 52 (screen-256color has no Ms).
 */
static void copy_to_clipboard(void)
{
	static const char entry[] = "rsh-ms|rsh test entry: Ms ends in ST,\n"
				    "\tMs=\\E]52;%p1%s;%p2%s\\E\\\\, use=xterm-256color,\n";
	const char *terms[] = { "rsh-ms", "screen-256color" };
	const char *want[] = { "\033]52;c;aGk=\033\\", "\033]52;c;aGk=\a" };
	char dir[] = "/tmp/rsh-terminfo-XXXXXX", path[64], cmd[256], out[16384];
	term_view *v = term_view_new(COLS, ROWS, 1);
	int master;
	FILE *f = open_terminal(&master), *src;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/rsh-ms.src", dir);
	CHECK((src = fopen(path, "w")) != NULL && fputs(entry, src) >= 0 && fclose(src) == 0);
	snprintf(cmd, sizeof cmd, "tic -x -o %s %s", dir, path);
	CHECK(system(cmd) == 0);
	v->panes[0].id = 1;
	v->panes[0].screen = term_snapshot_new(ROWS, COLS);
	for (unsigned i = 0; i < 2; i++) {
		if (i == 0)
			setenv("TERMINFO", dir, 1);
		else
			unsetenv("TERMINFO");
		render *r = render_new(terms[i], NULL, f, f);
		CHECK(r);
		render_view(r, v, "");
		render_flush(r);
		read_out(master, out, sizeof out);
		render_copy(r, "aGk=");
		read_out(master, out, sizeof out);
		CHECKF(strstr(out, want[i]) != NULL, "%s: no clipboard sequence in '%s'", terms[i],
		       out);
		render_free(r);
		read_out(master, out, sizeof out);
	}
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK(system(cmd) == 0);
	term_view_unref(v);
	fclose(f);
	close(master);
}

/* The status row of v made again with the same cells, as the server does for each view. */
static term_view *remade(const term_view *v)
{
	term_view *w = term_view_clone(v);
	term_snapshot *status = term_snapshot_clone(v->status);
	for (unsigned y = 0; y < status->rows; y++)
		term_row_writable(&status->lines[y]);
	term_view_set_status(w, status);
	term_snapshot_unref(status);
	return w;
}

/* Text of row y of the terminal from column x, n cells. */
static void expect_text(const term_snapshot *got, unsigned y, unsigned x, const char *text)
{
	for (unsigned i = 0; text[i] != '\0'; i++) {
		term_cell c = term_row_get(got->lines[y], x + i);
		uint32_t have = c.ch ? c.ch : ' ';
		CHECKF(have == (uint32_t)text[i], "%u,%u: U+%04x, want '%c'", y, x + i, have, text[i]);
	}
}

/*
 * What is skipped as unchanged still shows right: a status row made again with the same
 * cells (not drawn again) under a shorter link state, a notice gone, a prompt gone, the
 * same view object drawn again, and a pane row whose text got shorter (its blank end one
 * line of spaces).
 */
static void message_row(void)
{
	const uint32_t a[] = { 'a' };
	int master;
	FILE *f = open_terminal(&master);
	term_emulator *em = term_emulator_new(ROWS, COLS, 0);
	term_view *v = term_view_new(COLS, ROWS, 1), *w;
	term_snapshot *status = term_snapshot_new(1, COLS), *got;
	render *r = render_new("xterm-256color", NULL, f, f);

	CHECK(r);
	v->panes[0].id = 1;
	v->panes[0].screen = term_snapshot_new(ROWS - 1, COLS);
	for (unsigned x = 0; x < 20; x++)
		put(v->panes[0].screen, 0, x, a, 1, 1, 0, 0, 0);
	for (unsigned x = 0; x < COLS; x++) {
		uint32_t ch = x < 6 ? (uint32_t)"[work]"[x] : ' ';
		put(status, 0, x, &ch, 1, 1, 0, 0, TERM_ATTR_REVERSE);
	}
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	render_view(r, v, "rtt 12 ms");
	render_flush(r);
	drain(master, em);
	got = term_emulator_snapshot(em);
	expect_text(got, ROWS - 1, COLS - 9, "rtt 12 ms");
	term_snapshot_unref(got);

	w = remade(v);
	render_view(r, w, "rtt 5 ms");
	render_flush(r);
	drain(master, em);
	got = term_emulator_snapshot(em);
	expect_text(got, ROWS - 1, COLS - 9, " rtt 5 ms");
	expect_text(got, ROWS - 1, 0, "[work]");
	term_snapshot_unref(got);
	term_view_unref(v);

	v = remade(w);
	term_view_set_notice(v, "hi", 2);
	term_view_unref(w);
	got = draw(r, v, master, em);
	expect_cell(got, ROWS - 1, 0, 'h', BLACK, YELLOW, 0);
	term_snapshot_unref(got);
	w = remade(v);
	term_view_set_notice(w, "", 0);
	term_view_unref(v);
	got = draw(r, w, master, em);
	expect_cell(got, ROWS - 1, 0, '[', 0, 0, TERM_ATTR_REVERSE);
	expect_text(got, ROWS - 1, 0, "[work]  ");
	term_snapshot_unref(got);

	render_view(r, w, "");
	render_prompt(r, w, "(rename-window) vim", 17, false);
	render_flush(r);
	drain(master, em);
	v = remade(w);
	term_view_unref(w);
	got = draw(r, v, master, em);
	expect_text(got, ROWS - 1, 0, "[work]                ");
	term_snapshot_unref(got);

	/* The same object again, then a shorter row in a clone. */
	got = draw(r, v, master, em);
	expect_text(got, 0, 0, "aaaaaaaaaaaaaaaaaaaa");
	term_snapshot_unref(got);
	w = term_view_clone(v);
	term_snapshot *screen = term_snapshot_clone(w->panes[0].screen);
	term_row *row = term_row_writable(&screen->lines[0]);
	for (unsigned x = 2; x < 20; x++)
		term_row_set_blank(row, x, TERM_COLOUR_DEFAULT);
	term_snapshot_unref(w->panes[0].screen);
	w->panes[0].screen = screen;
	got = draw(r, w, master, em);
	expect_text(got, 0, 0, "aa                  ");
	term_snapshot_unref(got);

	term_view_unref(v);
	term_view_unref(w);
	render_free(r);
	term_emulator_free(em);
	fclose(f);
	close(master);
}

/*
 * A plain -direct entry (tmux-256color's sibling tmux-direct, taken for COLORTERM) sends
 * only palette colours 0-7 as indices: the client writes 8-255 as indices itself, in a
 * pane, the status line, the borders, a notice and a prompt, while a 24-bit colour stays
 * exact. Read back through the emulator: curses's RGB for a palette colour must not be
 * what the terminal keeps.
 */
static void plain_direct(void)
{
	const uint32_t a[] = { 'a' };
	const term_colour rgb = TERM_COLOUR_RGB(0x10, 0x80, 0xf0);
	int master;
	FILE *f = open_terminal(&master);
	term_emulator *em = term_emulator_new(ROWS, COLS, 0);
	term_view *v = term_view_new(COLS, ROWS, 2);
	term_snapshot *status = term_snapshot_new(1, COLS), *got;
	render *r = render_new("tmux-256color", "truecolor", f, f);

	CHECK(r);
	v->panes[0] = (term_view_pane){ .id = 1, .screen = term_snapshot_new(ROWS - 1, 14) };
	v->panes[1] = (term_view_pane){ .id = 2, .x = 15, .screen = term_snapshot_new(ROWS - 1, 15) };
	put(v->panes[0].screen, 0, 0, a, 1, 1, TERM_COLOUR_PALETTE(200), TERM_COLOUR_PALETTE(12), 0);
	put(v->panes[0].screen, 0, 1, a, 1, 1, rgb, TERM_COLOUR_PALETTE(3), 0);
	put(v->panes[0].screen, 0, 2, a, 1, 1, TERM_COLOUR_PALETTE(9), 0, TERM_ATTR_BOLD);
	put(v->panes[1].screen, 2, 0, a, 1, 1, TERM_COLOUR_PALETTE(240), 0, 0);
	put(status, 0, 0, a, 1, 1, TERM_COLOUR_PALETTE(100), TERM_COLOUR_PALETTE(17), 0);
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	v->pens[TERM_VIEW_PEN_BORDER].fg = TERM_COLOUR_PALETTE(130);
	v->pens[TERM_VIEW_PEN_ACTIVE_BORDER].fg = TERM_COLOUR_PALETTE(2);
	got = draw(r, v, master, em);
	expect_cell(got, 0, 0, 'a', TERM_COLOUR_PALETTE(200), TERM_COLOUR_PALETTE(12), 0);
	expect_cell(got, 0, 1, 'a', rgb, TERM_COLOUR_PALETTE(3), 0);
	expect_cell(got, 0, 2, 'a', TERM_COLOUR_PALETTE(9), 0, TERM_ATTR_BOLD);
	expect_cell(got, 2, 15, 'a', TERM_COLOUR_PALETTE(240), 0, 0);
	expect_cell(got, ROWS - 1, 0, 'a', TERM_COLOUR_PALETTE(100), TERM_COLOUR_PALETTE(17), 0);
	expect_cell(got, 6, 14, 0x2502, TERM_COLOUR_PALETTE(130), 0, 0);
	term_snapshot_unref(got);

	/* A pane row written again (the cells written by us there too), a notice in
	 * message-style colour208 on colour17 under the link state. */
	term_view *w = term_view_clone(v);
	term_snapshot *s = term_snapshot_clone(w->panes[1].screen);
	put(s, 0, 0, a, 1, 1, TERM_COLOUR_PALETTE(33), 0, 0);
	term_snapshot_unref(w->panes[1].screen);
	w->panes[1].screen = s;
	w->pens[TERM_VIEW_PEN_MESSAGE].fg = TERM_COLOUR_PALETTE(208);
	w->pens[TERM_VIEW_PEN_MESSAGE].bg = TERM_COLOUR_PALETTE(17);
	term_view_set_notice(w, "hi", 2);
	render_view(r, w, "rtt 5 ms");
	render_flush(r);
	drain(master, em);
	got = term_emulator_snapshot(em);
	expect_cell(got, 0, 0, 'a', TERM_COLOUR_PALETTE(200), TERM_COLOUR_PALETTE(12), 0);
	expect_cell(got, 0, 15, 'a', TERM_COLOUR_PALETTE(33), 0, 0);
	expect_cell(got, ROWS - 1, 0, 'h', TERM_COLOUR_PALETTE(208), TERM_COLOUR_PALETTE(17), 0);
	expect_cell(got, ROWS - 1, 5, ' ', TERM_COLOUR_PALETTE(208), TERM_COLOUR_PALETTE(17), 0);
	expect_text(got, ROWS - 1, COLS - 8, "rtt 5 ms");
	expect_cell(got, ROWS - 1, COLS - 8, 'r', 0, 0, TERM_ATTR_REVERSE);
	term_snapshot_unref(got);

	/* A prompt in message-command-style colour130. */
	w->pens[TERM_VIEW_PEN_COMMAND].fg = TERM_COLOUR_PALETTE(130);
	w->pens[TERM_VIEW_PEN_COMMAND].bg = TERM_COLOUR_DEFAULT;
	got = draw_prompt(r, w, ":kill", 5, true, master, em);
	expect_cell(got, ROWS - 1, 1, 'k', TERM_COLOUR_PALETTE(130), 0, 0);
	term_snapshot_unref(got);
	term_view_unref(w);
	term_view_unref(v);
	render_free(r);
	term_emulator_free(em);
	fclose(f);
	close(master);
}

/*
 * terminal-overrides' values change the bytes the client writes, as tmux applies them
 * over the terminfo entry: Ms for the clipboard (here ending in ST, where xterm's entry
 * has none and rsh would write BEL), Ss and Se for the cursor's shape (new overrides
 * taken from a later view).
 */
static void overrides_change_bytes(void)
{
	char out[16384];
	int master;
	FILE *f = open_terminal(&master);
	term_view *v = term_view_new(COLS, ROWS, 1);
	v->panes[0].id = 1;
	v->panes[0].screen = term_snapshot_new(ROWS, COLS);
	v->panes[0].screen->cursor.visible = true;
	v->panes[0].screen->cursor.shape = TERM_CURSOR_BAR; /* steady: DECSCUSR 6 */
	term_view_set_terminal(v, TERM_VIEW_DEFAULT_FEATURES,
			       "xterm*:Ms=\\E]52;%p1%s;%p2%s\\E\\\\\nxterm*:Ss=<Ss %p1%d>:Se=<Se>");
	render *r = render_new("xterm-256color", NULL, f, f);
	CHECK(r);
	render_view(r, v, "");
	render_flush(r);
	read_out(master, out, sizeof out);
	CHECKF(strstr(out, "<Ss 6>") != NULL, "no overridden Ss in '%s'", out);
	render_copy(r, "aGk=");
	read_out(master, out, sizeof out);
	CHECKF(strstr(out, "\033]52;c;aGk=\033\\") != NULL, "no overridden Ms in '%s'", out);
	term_view_set_terminal(v, TERM_VIEW_DEFAULT_FEATURES, "xterm*:Ss=<Ss %p1%d>:Se=<Se>");
	render_view(r, v, "");
	render_flush(r);
	read_out(master, out, sizeof out);
	render_free(r);
	read_out(master, out, sizeof out);
	CHECKF(strstr(out, "<Se>") != NULL, "no overridden Se at the end in '%s'", out);
	term_view_unref(v);
	fclose(f);
	close(master);
}

/*
 * The client draws into a file, not the terminal (ttyout.h), so curses starts from
 * terminfo's size (24 rows) and sets the scroll region to those rows; render_resize must
 * set it to the real size again. Else, on a taller terminal, moving the status row from the
 * top to the bottom (every row one up: curses scrolls the whole screen with a line feed on
 * its last row) leaves the screen as it was, the line feed outside the region.
 */
static void scroll_region_after_resize(void)
{
	enum { TALL = 30 };
	int p[2];
	CHECK(pipe(p) == 0);
	FILE *out = fdopen(p[1], "w"), *in = fopen("/dev/null", "r");
	CHECK(out && in);
	term_emulator *em = term_emulator_new(TALL, COLS, 0);
	render *r = render_new("xterm-256color", NULL, in, out);
	CHECK(r && render_resize(r, TALL, COLS));
	term_view *v = term_view_new(COLS, TALL, 1);
	v->panes[0].id = 1;
	v->panes[0].y = 1;
	v->panes[0].screen = term_snapshot_new(TALL - 1, COLS);
	for (unsigned y = 0; y < TALL - 1; y++) {
		char line[COLS + 1];
		snprintf(line, sizeof line, "row %u of the pane", y);
		for (unsigned x = 0; line[x] != '\0'; x++) {
			uint32_t ch = (uint8_t)line[x];
			put(v->panes[0].screen, y, x, &ch, 1, 1, 0, 0, 0);
		}
	}
	term_snapshot *status = term_snapshot_new(1, COLS);
	const uint32_t bar[] = { '[' };
	put(status, 0, 0, bar, 1, 1, 0, 0, TERM_ATTR_REVERSE);
	term_view_set_status(v, status);
	term_snapshot_unref(status);
	v->status_top = true;
	term_snapshot_unref(draw(r, v, p[0], em));

	term_view *w = term_view_clone(v);
	w->status_top = false;
	w->panes[0].y = 0;
	term_snapshot *got = draw(r, w, p[0], em);
	for (unsigned y = 0; y < TALL - 1; y++) {
		char line[COLS + 1];
		snprintf(line, sizeof line, "row %u of the pane", y);
		expect_text(got, y, 0, line);
	}
	expect_cell(got, TALL - 1, 0, '[', 0, 0, TERM_ATTR_REVERSE);
	term_snapshot_unref(got);
	term_view_unref(w);
	term_view_unref(v);
	render_free(r);
	term_emulator_free(em);
	fclose(out);
	fclose(in);
	close(p[0]);
}

int main(void)
{
	const uint32_t a[] = { 'a' }, wide[] = { 0x4e2d }, comb[] = { 'e', 0x301 };
	int master;
	FILE *f;
	term_view *v = term_view_new(COLS, ROWS, 2);
	term_snapshot *status = term_snapshot_new(1, COLS), *got;
	term_emulator *em = term_emulator_new(ROWS, COLS, 0);
	render *r;
	uint32_t text;
	unsigned x;

	CHECK(setlocale(LC_ALL, "C.UTF-8"));
	f = open_terminal(&master);

	/* Pane 1 at (0,0) 14x7, pane 2 (active) at (15,0) 15x7, a border between. */
	v->panes[0].id = 1;
	v->panes[0].screen = term_snapshot_new(7, 14);
	v->panes[1].id = 2;
	v->panes[1].x = 15;
	v->panes[1].screen = term_snapshot_new(7, 15);
	v->active = 1;
	put(v->panes[0].screen, 0, 0, a, 1, 1, TERM_COLOUR_PALETTE(1), 0, TERM_ATTR_BOLD);
	put(v->panes[0].screen, 0, 1, wide, 1, 2, 0, 0, 0);
	put(v->panes[0].screen, 1, 0, a, 1, 1, TERM_COLOUR_PALETTE(200), 0, TERM_ATTR_REVERSE);
	put(v->panes[0].screen, 2, 0, a, 1, 1, TERM_COLOUR_RGB(0xff, 0, 0), 0,
	    1u << TERM_ATTR_UNDERLINE_SHIFT);
	put(v->panes[0].screen, 3, 0, comb, 2, 1, 0, TERM_COLOUR_PALETTE(4), TERM_ATTR_ITALIC);
	put(v->panes[1].screen, 0, 0, a, 1, 1, 0, 0, 0);
	for (x = 0; x < COLS; x++) {
		text = (uint32_t)"[work] 0:bash*"[x < 14 ? x : 13];
		if (x >= 14)
			text = ' ';
		put(status, 0, x, &text, 1, 1, 0, 0, TERM_ATTR_REVERSE);
	}
	term_view_set_status(v, status);
	term_snapshot_unref(status);

	r = render_new("xterm-256color", NULL, f, f);
	CHECK(r);
	render_view(r, v, "last contact 3 s ago");
	render_flush(r);
	CHECK(drain(master, em) == 0);
	got = term_emulator_snapshot(em);

	expect_cell(got, 0, 0, 'a', TERM_COLOUR_PALETTE(1), 0, TERM_ATTR_BOLD);
	expect_cell(got, 0, 1, 0x4e2d, 0, 0, 0);
	expect_cell(got, 1, 0, 'a', TERM_COLOUR_PALETTE(200), 0, TERM_ATTR_REVERSE);
	expect_cell(got, 2, 0, 'a', TERM_COLOUR_PALETTE(196), 0,
		    1u << TERM_ATTR_UNDERLINE_SHIFT);
	expect_cell(got, 3, 0, 'e', 0, TERM_COLOUR_PALETTE(4), TERM_ATTR_ITALIC);
	{
		uint32_t cs[TERM_MAX_CHARS];
		CHECK(term_row_chars(got->lines[3], 0, cs) == 2 && cs[1] == 0x301);
	}
	/* The border, a vertical line: green in the half next to the active pane (the
	 * right one: rows 4-6), as tmux colours the line between two panes. */
	for (x = 0; x < 7; x++)
		expect_cell(got, x, 14, 0x2502, x > 3 ? TERM_COLOUR_PALETTE(2) : 0, 0, 0);
	expect_cell(got, 0, 15, 'a', 0, 0, 0);
	expect_cell(got, 7, 0, '[', 0, 0, TERM_ATTR_REVERSE);
	expect_cell(got, 7, 9, 'b', 0, 0, TERM_ATTR_REVERSE);
	expect_cell(got, 7, COLS - 20, 'l', 0, 0, TERM_ATTR_REVERSE);
	expect_cell(got, 7, COLS - 1, 'o', 0, 0, TERM_ATTR_REVERSE);

	/* The active pane's cursor shape goes to the terminal (DECSCUSR through Ss). */
	CHECK(got->cursor.shape == TERM_CURSOR_BLOCK && !got->cursor.blink);
	term_snapshot_unref(got);
	v->panes[1].screen->cursor.shape = TERM_CURSOR_BAR;
	v->panes[1].screen->cursor.blink = true;
	got = draw(r, v, master, em);
	CHECK(got->cursor.shape == TERM_CURSOR_BAR && got->cursor.blink);
	term_snapshot_unref(got);
	/* Back to the default: DECSCUSR 0, the terminal's own shape, not a blinking block. */
	v->panes[1].screen->cursor.shape = TERM_CURSOR_DEFAULT;
	v->panes[1].screen->cursor.blink = false;
	got = draw(r, v, master, em);
	CHECK(got->cursor.shape == TERM_CURSOR_DEFAULT);
	term_snapshot_unref(got);

	/* A notice is drawn over the status line, in message-style (black on yellow). */
	term_view_set_notice(v, "no such pane", 12);
	got = draw(r, v, master, em);
	expect_cell(got, 7, 0, 'n', BLACK, YELLOW, 0);
	expect_cell(got, 7, 11, 'e', BLACK, YELLOW, 0);
	expect_cell(got, 7, 12, ' ', 0, YELLOW, 0); /* curses erases: no foreground */
	term_snapshot_unref(got);

	/* Three bells since the last view: one beep; the same view again: none; a pane's
	 * own bells are the server's to pass on (bell-action), not the client's. */
	{
		term_view *rung = ring(v, 3);
		render_view(r, rung, "");
		render_flush(r);
		CHECK(drain(master, em) == 1);
		render_view(r, rung, "");
		render_flush(r);
		CHECK(drain(master, em) == 0);
		term_view *pane = term_view_clone(rung);
		term_snapshot *screen = term_snapshot_clone(pane->panes[1].screen);
		screen->bells += 2;
		term_snapshot_unref(pane->panes[1].screen);
		pane->panes[1].screen = screen;
		render_view(r, pane, "");
		render_flush(r);
		CHECK(drain(master, em) == 0);
		term_view_unref(pane);
		term_view_unref(rung);
	}

	/* A prompt over the status row, its cursor in the line, and a message, both in
	 * message-style (here bold white on blue); the list of bindings over the screen with
	 * its position. */
	{
		v->pens[TERM_VIEW_PEN_MESSAGE].fg = TERM_COLOUR_PALETTE(7);
		v->pens[TERM_VIEW_PEN_MESSAGE].bg = TERM_COLOUR_PALETTE(4);
		v->pens[TERM_VIEW_PEN_MESSAGE].attrs = TERM_ATTR_BOLD;
		got = draw_prompt(r, v, "(rename-window) vim", 17, false, master, em);
		expect_cell(got, 7, 0, '(', TERM_COLOUR_PALETTE(7), TERM_COLOUR_PALETTE(4),
			    TERM_ATTR_BOLD);
		expect_cell(got, 7, 18, 'm', TERM_COLOUR_PALETTE(7), TERM_COLOUR_PALETTE(4), 0);
		expect_cell(got, 7, 19, ' ', 0, TERM_COLOUR_PALETTE(4), 0);
		CHECK(got->cursor.row == 7 && got->cursor.col == 17 && got->cursor.visible);
		term_snapshot_unref(got);
		render_prompt(r, v, "unknown command: x", -1, false);
		render_flush(r);
		drain(master, em);
		got = term_emulator_snapshot(em);
		expect_cell(got, 7, 0, 'u', TERM_COLOUR_PALETTE(7), TERM_COLOUR_PALETTE(4),
			    TERM_ATTR_BOLD);
		term_snapshot_unref(got);
	}

	look(r, master, em);
	render_free(r);
	term_view_unref(v);
	term_emulator_free(em);
	fclose(f);
	close(master);
	direct_colour();
	attributes("xterm-256color", false);
	attributes("tmux-256color", true);
	widths();
	copy_to_clipboard();
	message_row();
	plain_direct();
	scroll_region_after_resize();
	overrides_change_bytes();
	for (unsigned long n = 0, seed = test_seed(); n < test_cases(20); n++, seed++)
		/* also where palette colours from 8 up are written by the client (plain_direct) */
		redraws(seed, n % 2 ? "tmux-256color" : "xterm-256color", n % 2 ? "truecolor" : NULL);
	return 0;
}
