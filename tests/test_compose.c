/*
 * Composed views of real sessions: panes at their layout places with their own screens,
 * the zoomed pane alone, clipping to a smaller client (cropped screens equal the real
 * ones' top-left part, a wide character cut at the edge blanked), padding for a larger
 * one, the status line's text and attributes, and a property test over random splits,
 * zooms and client sizes. Output is fed to the panes' emulators directly, so screens are
 * known without waiting on the programs (which run cat and print nothing).
 */
#include <time.h>

#include "check.h"
#include "server/compose.h"
#include "server/options.h"
#include "server/status.h"
#include "term/view_wire.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

static struct session *new_session(const char *name, unsigned cols, unsigned rows)
{
	char *argv[] = {"cat", NULL}, *error = NULL;
	struct spawn sp = {.argc = 1, .argv = argv, .cwd = "/"};
	struct session *s = session_create(name, cols, rows, &sp, &error);
	CHECKF(s != NULL, "%s", error);
	return s;
}

static struct pane *split(struct window *w, struct pane *p, enum layout_split how)
{
	char *argv[] = {"cat", NULL}, *error = NULL;
	struct spawn sp = {.argc = 1, .argv = argv, .cwd = "/"};
	struct layout_place where = {.how = how};
	struct pane *q = window_split(w, p, &where, &sp, &error);
	free(error);
	return q;
}

static void put(term_emulator *em, const char *text)
{
	term_emulator_write(em, text, strlen(text));
}

/* Fills a pane's screen with text that tells its cells apart. */
static void fill(struct pane *p, unsigned seed)
{
	char line[64];
	put(p->em, "\033[2J\033[H");
	for (unsigned r = 0; r < p->rows; r++) {
		int n = snprintf(line, sizeof line, "\033[%u;1H\033[3%um%u:%u abcdefghijklmnop",
				 r + 1, (seed + r) % 8, p->id, r);
		term_emulator_write(p->em, line, (size_t)n);
	}
}

static void check_valid(const term_view *v)
{
	const char *err = "";
	CHECKF(term_view_check(v, &err), "%s", err);
}

/* Every cell of the view's pane equals the pane's real screen at the same place, but for
 * a wide character cut at the right edge, which reads blank. */
static void check_screen(const term_view_pane *vp, struct pane *p)
{
	term_snapshot *real = term_emulator_snapshot(p->em);
	const term_snapshot *got = vp->screen;
	CHECK(got->rows <= real->rows && got->cols <= real->cols);
	for (unsigned r = 0; r < got->rows; r++) {
		for (unsigned c = 0; c < got->cols; c++) {
			term_cell want = term_row_get(real->lines[r], c);
			if (c == got->cols - 1u && got->cols < real->cols && want.width == 2) {
				term_cell cut = term_row_get(got->lines[r], c);
				CHECKF(cut.ch == 0 && cut.width == 1, "wide cut at %u,%u", r, c);
				continue;
			}
			CHECKF(term_row_cell_equal(got->lines[r], real->lines[r], c),
			       "pane %u cell %u,%u", p->id, r, c);
		}
	}
	bool inside = real->cursor.row < got->rows && real->cursor.col < got->cols;
	CHECK(got->cursor.visible == (real->cursor.visible && inside));
	if (inside)
		CHECK(term_cursor_equal(&got->cursor, &real->cursor));
	CHECK(got->modes == real->modes && got->bells == real->bells);
	CHECK(strcmp(got->title, real->title) == 0);
	term_snapshot_unref(real);
}

/*
 * Checks v against window w for a client of cols x rows: the visible panes inside the
 * window area are there at their layout places, cropped to it, the others left out.
 */
static void check_view(const term_view *v, const struct window *w, unsigned cols,
		       unsigned rows)
{
	struct layout_geom g[TERM_VIEW_MAX_PANES];
	size_t n = layout_list(w->layout, g, TERM_VIEW_MAX_PANES);
	unsigned k = 0;
	check_valid(v);
	CHECK(v->cols == cols && v->rows == rows);
	for (size_t i = 0; i < n; i++) {
		if (!g[i].visible || g[i].x >= cols || g[i].y >= rows - 1)
			continue;
		CHECK(k < v->npanes);
		const term_view_pane *vp = &v->panes[k++];
		struct pane *p = window_find_pane(w, g[i].pane);
		CHECK(vp->id == g[i].pane && vp->x == g[i].x && vp->y == g[i].y);
		unsigned wc = cols - g[i].x < g[i].cols ? cols - g[i].x : g[i].cols;
		unsigned wr = rows - 1 - g[i].y < g[i].rows ? rows - 1 - g[i].y : g[i].rows;
		CHECK(vp->screen->cols == wc && vp->screen->rows == wr);
		check_screen(vp, p);
		if (p == w->active)
			CHECK(v->active == k - 1);
	}
	CHECK(k == v->npanes);
}

/* The diff from `from` to `to`, applied to from on the other side, gives to: cropped rows
 * that store more cells than their screen's width ship as they read. */
static void check_ships(const term_view *from, const term_view *to)
{
	msgpack_sbuffer buf;
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
	term_view_diff(from, to, &pk);
	mp_reader r;
	const char *err = "";
	mp_reader_init(&r, buf.data, buf.size);
	term_view *got = term_view_apply(from, &r, &err);
	CHECKF(got != NULL && mp_finish(&r), "%s", got ? r.error : err);
	CHECK(term_view_equal(got, to));
	term_view_unref(got);
	msgpack_sbuffer_destroy(&buf);
}

/* The status row as UTF-8, every cell checked to be in tmux's status-style. */
static char *status_text(const term_view *v)
{
	const term_snapshot *st = v->status;
	char *text = xcalloc((size_t)st->cols * 4 + 1, 1);
	size_t len = 0;
	CHECK(st->rows == 1 && st->cols == v->cols);
	for (unsigned c = 0; c < st->cols; c++) {
		term_cell cell = term_row_get(st->lines[0], c);
		CHECKF(cell.attrs == 0 && cell.fg == TERM_COLOUR_PALETTE(0) &&
			       cell.bg == TERM_COLOUR_PALETTE(2),
		       "status cell %u", c);
		if (cell.width == 0)
			continue;
		len += utf8_encode(cell.ch ? cell.ch : ' ', text + len);
	}
	return text;
}

static void check_status(const term_view *v, const char *want)
{
	char *text = status_text(v);
	CHECKF(strcmp(text, want) == 0, "status \"%s\" != \"%s\"", text, want);
	free(text);
}

/* A row's first cols cells as UTF-8 (blank cells as spaces). */
static char *row_text(const term_row *row, unsigned cols)
{
	char *text = xcalloc((size_t)cols * 4 + 1, 1);
	size_t len = 0;
	for (unsigned c = 0; c < cols; c++) {
		term_cell cell = term_row_get(row, c);
		if (cell.width != 0)
			len += utf8_encode(cell.ch ? cell.ch : ' ', text + len);
	}
	return text;
}

/* text drawn by status_format_draw at cols from a blank base; the row, for its cells. */
static term_snapshot *drawn(const char *text, unsigned cols, const char *want)
{
	term_snapshot *snap = term_snapshot_new(1, cols);
	term_row *row = term_row_writable(&snap->lines[0]);
	term_cell base = term_cell_blank();
	for (unsigned c = 0; c < cols; c++)
		term_row_set(row, c, &base, NULL, 0);
	status_format_draw(row, cols, text, &base, NULL);
	char *got = row_text(row, cols);
	CHECKF(strcmp(got, want) == 0, "\"%s\": \"%s\" != \"%s\"", text, got, want);
	free(got);
	return snap;
}

/* The mouse ranges a status format marks: each cell's tag where it is drawn, the right
 * side's range moved with its text, a list cut around its focus keeping its windows'. */
static void status_ranges_drawn(void)
{
	term_snapshot *snap = term_snapshot_new(1, 12);
	term_row *row = term_row_writable(&snap->lines[0]);
	term_cell base = term_cell_blank();
	uint64_t tags[12];
	status_format_draw(row, 12, "#[range=left]ab#[norange] #[range=window|3]cd#[norange]"
			   "#[align=right range=right]xy", &base, tags);
	static const uint64_t left = STATUS_RANGE_TAG(TERM_VIEW_RANGE_LEFT, 0),
			      w3 = STATUS_RANGE_TAG(TERM_VIEW_RANGE_WINDOW, 3),
			      right = STATUS_RANGE_TAG(TERM_VIEW_RANGE_RIGHT, 0);
	const uint64_t want[12] = {left, left, 0, w3, w3, 0, 0, 0, 0, 0, right, right};
	for (unsigned i = 0; i < 12; i++)
		CHECKF(tags[i] == want[i], "cell %u: %llx", i, (unsigned long long)tags[i]);
	/* range=window without a number, or another kind, is a style error: nothing drawn */
	status_format_draw(row, 12, "#[range=window]ab", &base, tags);
	for (unsigned i = 0; i < 12; i++)
		CHECK(tags[i] == 0);
	term_snapshot_unref(snap);
}

/*
 * Status formats drawn as tmux 3.3a draws them (each compared with a real tmux's status
 * line at the same width, by hand): alignments, the list placed and cut around its focus with
 * its markers, push-default and pop-default, fill, ## and an unterminated style.
 */
static void status_formats(void)
{
	term_snapshot_unref(drawn("#[align=left]A#[align=centre]C#[align=right]R", 9, "A   C   R"));
	term_snapshot_unref(drawn("L#[align=absolute-centre]abs", 9, "L  abs   "));
	/* A list of 12 cells in 8: around the focus ("ccc"), markers where it was cut. */
	const char *list = "#[list=on align=left]#[list=left-marker]<#[list=right-marker]>"
			   "#[list=on]aaa bbb #[list=focus]ccc#[list=on] ddd#[nolist]";
	term_snapshot_unref(drawn(list, 8, "<b ccc >"));
	term_snapshot_unref(drawn(list, 20, "aaa bbb ccc ddd     "));
	/* The list with status-left and -right: the centre goes first, then the list. */
	term_snapshot_unref(drawn("LL#[list=on align=right]xxxxxx#[nolist align=right]RR", 12,
				  "LL  xxxxxxRR"));
	/* #[default] after push-default is the pushed style, after pop-default the base. */
	term_snapshot *snap = drawn("#[fg=red]#[push-default]#[bold]a#[default]b#[pop-default]"
				    "#[default]c", 3, "abc");
	CHECK(term_row_get(snap->lines[0], 0).fg == TERM_COLOUR_PALETTE(1) &&
	      (term_row_get(snap->lines[0], 0).attrs & TERM_ATTR_BOLD));
	CHECK(term_row_get(snap->lines[0], 1).fg == TERM_COLOUR_PALETTE(1) &&
	      !(term_row_get(snap->lines[0], 1).attrs & TERM_ATTR_BOLD));
	CHECK(term_row_get(snap->lines[0], 2).fg == TERM_COLOUR_DEFAULT);
	term_snapshot_unref(snap);
	snap = drawn("#[fill=blue]x", 3, "x  ");
	CHECK(term_row_get(snap->lines[0], 2).bg == TERM_COLOUR_PALETTE(4));
	term_snapshot_unref(snap);
	term_snapshot_unref(drawn("a##b ##[c #", 9, "a#b #[c #"));
	term_snapshot_unref(drawn("ab#[fg=red", 4, "    ")); /* no end: nothing, as tmux */
	term_snapshot_unref(drawn("#[bogus=1]x", 2, "x ")); /* a style it cannot read: skipped */
}

/* A custom status-format takes effect; unchanged lines are the ones drawn before (the
 * cache), a change draws them anew. */
static void status_cache(void)
{
	struct session *s = new_session("cache", 30, 23);
	char *cause = NULL;
	const struct option_entry *sf = options_find("status-format", &cause);
	options_array_set(options_global_session, sf, 0, "#[align=right]#S:#{window_index}", false);
	term_snapshot *a = status_lines(s, 30, 1), *b = status_lines(s, 30, 1);
	char *text = row_text(a->lines[0], 30);
	CHECKF(strcmp(text, "                       cache:0") == 0, "%s", text);
	free(text);
	CHECK(a == b); /* nothing changed: the same lines */
	term_snapshot_unref(b);
	window_set_name(s->current, "other", false); /* no option changed: the name alone */
	b = status_lines(s, 30, 1);
	CHECK(a != b);
	term_snapshot_unref(a);
	term_snapshot_unref(b);
	options_unset(options_global_session, sf);
	a = status_lines(s, 30, 1);
	text = row_text(a->lines[0], 30);
	CHECKF(strcmp(text, "[cache] 0:other*              ") == 0, "%s", text);
	free(text);
	term_snapshot_unref(a);
	session_destroy(s);
	status_cache_free();
}

static void one_pane(void)
{
	struct session *s = new_session("work", 80, 23);
	struct window *w = s->current;
	fill(w->active, 1);
	term_view *v = compose_view(s, 80, 24);
	CHECK(v->npanes == 1 && v->active == 0);
	check_view(v, w, 80, 24);
	/* Uncropped screens are the pane's own snapshot: only a reference was taken. */
	term_snapshot *snap = term_emulator_snapshot(w->active->em);
	CHECK(v->panes[0].screen->lines[0] == snap->lines[0]);
	term_snapshot_unref(snap);
	check_status(v, "[work] 0:cat*                                                                   ");
	term_view_unref(v);
	session_destroy(s);
}

static void splits_and_zoom(void)
{
	struct session *s = new_session("split", 80, 23);
	struct window *w = s->current;
	struct pane *a = w->active;
	struct pane *b = split(w, a, LAYOUT_SIDE_BY_SIDE);
	struct pane *c = split(w, b, LAYOUT_ABOVE_BELOW);
	CHECK(b != NULL && c != NULL);
	w->active = b;
	for (size_t i = 0; i < w->npanes; i++)
		fill(w->panes[i], (unsigned)i);
	term_view *v = compose_view(s, 80, 24);
	CHECK(v->npanes == 3 && v->panes[v->active].id == b->id);
	check_view(v, w, 80, 24);
	term_view_unref(v);

	CHECK(layout_toggle_zoom(w->layout, c->id));
	window_apply_layout(w);
	fill(c, 7);
	v = compose_view(s, 80, 24);
	CHECK(v->npanes == 1 && v->panes[0].id == c->id && v->panes[0].x == 0 &&
	      v->panes[0].y == 0 && v->panes[0].screen->cols == 80);
	check_view(v, w, 80, 24);
	term_view_unref(v);
	session_destroy(s);
}

static void clip_and_pad(void)
{
	struct session *s = new_session("clip", 80, 23);
	struct window *w = s->current;
	struct pane *a = w->active, *b = split(w, a, LAYOUT_SIDE_BY_SIDE);
	fill(a, 2);
	/* A wide character on columns 28 and 29 (1-based 29, 30): a 29-column client cuts it. */
	put(a->em, "\033[2;29H\xe4\xb8\xad");
	term_view *v = compose_view(s, 29, 10);
	check_view(v, w, 29, 10);
	CHECK(v->npanes == 1 && v->panes[0].screen->cols == 29 && v->panes[0].screen->rows == 9);
	CHECK(term_row_get(v->panes[0].screen->lines[1], 28).width == 1);
	/* A client one column wider keeps it whole; both ship, each from the other. */
	term_view *wider = compose_view(s, 30, 10), *blank = term_view_new(0, 0, 0);
	check_view(wider, w, 30, 10);
	CHECK(term_row_get(wider->panes[0].screen->lines[1], 28).width == 2);
	check_ships(blank, v);
	check_ships(v, wider);
	check_ships(wider, v);
	/* A change past the crop leaves the view as it was. */
	put(a->em, "\033[3;35Hbeyond");
	term_view *again = compose_view(s, 29, 10);
	CHECK(term_view_equal(again, v));
	put(a->em, "\033[3;20Hinside");
	term_view_unref(again);
	again = compose_view(s, 29, 10);
	CHECK(!term_view_equal(again, v));
	check_view(again, w, 29, 10);
	check_ships(v, again);
	term_view_unref(again);
	term_view_unref(blank);
	term_view_unref(wider);
	term_view_unref(v);
	/* Wide enough to show part of the right pane too. */
	v = compose_view(s, 50, 5);
	CHECK(v->npanes == 2 && v->panes[1].id == b->id);
	check_view(v, w, 50, 5);
	term_view_unref(v);
	/* Larger than the window: the panes as they are, the rest left blank. */
	v = compose_view(s, 120, 40);
	check_view(v, w, 120, 40);
	CHECK(v->npanes == 2 && v->status->cols == 120);
	term_view_unref(v);
	/* No room for the window: only a status line, or nothing in one row. */
	v = compose_view(s, 10, 1);
	check_valid(v);
	CHECK(v->npanes == 0 && v->status->rows == 1);
	check_status(v, "[clip] <a>"); /* as tmux: the list cut around the current window */
	term_view_unref(v);
	session_destroy(s);
}

static void status_names(void)
{
	struct session *s = new_session("\xe4\xbd\x9c", 80, 23);
	struct window *w = s->current;
	char *argv[] = {"cat", NULL}, *error = NULL;
	struct spawn sp = {.argc = 1, .argv = argv, .cwd = "/"};
	struct window *w2 = window_create(session_free_index(s), 80, 23, &sp, "v\x01m\xff", &error);
	CHECKF(w2 != NULL, "%s", error);
	session_attach_window(s, w2);
	s->current = w;
	/* A name's controls and bad bytes come escaped from the format, as in listings. */
	term_view *v = compose_view(s, 30, 3);
	check_status(v, "[\xe4\xbd\x9c] 0:cat* 1:v\\001m\\377      ");
	CHECK(term_row_get(v->status->lines[0], 1).width == 2);
	CHECK(term_row_get(v->status->lines[0], 2).width == 0);
	term_view_unref(v);
	/* The window current before is the last one, marked -. */
	session_select_window(s, w2);
	v = compose_view(s, 30, 3);
	check_status(v, "[\xe4\xbd\x9c] 0:cat- 1:v\\001m\\377*     ");
	term_view_unref(v);
	session_select_window(s, w);
	v = compose_view(s, 30, 3);
	check_status(v, "[\xe4\xbd\x9c] 0:cat* 1:v\\001m\\377-     ");
	term_view_unref(v);
	/* status-left cut through the wide character: its half drawn as a space, never half
	 * a character; the list is trimmed first (tmux's order). */
	v = compose_view(s, 2, 3);
	check_status(v, "[ ");
	term_view_unref(v);
	v = compose_view(s, 3, 3);
	check_status(v, "[\xe4\xbd\x9c");
	term_view_unref(v);
	CHECK(status_width(0x4e2d) == 2 && status_width('a') == 1 && status_width(0x1f600) == 2);
	/* A format's own text is drawn with its controls and bad bytes as ?. */
	char *cause = NULL;
	const struct option_entry *left = options_find("status-left", &cause);
	CHECK(options_set(s->options, left, "<\x01\xff>", false, &cause) == 0);
	v = compose_view(s, 30, 3);
	check_status(v, "<?\?>0:cat* 1:v\\001m\\377-      "); /* not a ??> trigraph */
	term_view_unref(v);
	session_destroy(s);
}

/* The crop itself: shared rows where nothing is cut, cursor hidden outside. */
static void crop(void)
{
	term_emulator *em = term_emulator_new(5, 10, 0);
	put(em, "ab\xe4\xb8\xad" "cd\r\n\033[5;9H");
	term_snapshot *s = term_emulator_snapshot(em);
	term_snapshot *c = term_snapshot_crop(s, 3, 3);
	CHECK(c->rows == 3 && c->cols == 3 && !c->cursor.visible);
	CHECK(c->lines[1] == s->lines[1] && c->lines[0] != s->lines[0]);
	CHECK(term_row_get(c->lines[0], 2).width == 1 && term_row_get(c->lines[0], 2).ch == 0);
	term_snapshot *d = term_snapshot_crop(s, 5, 4);
	CHECK(d->lines[0] == s->lines[0] && d->cursor.visible == false);
	term_snapshot *e = term_snapshot_crop(s, 5, 9);
	CHECK(e->cursor.visible && e->cursor.row == 4 && e->cursor.col == 8);
	term_snapshot *same = term_snapshot_crop(s, 5, 10);
	CHECK(term_snapshot_equal(same, s));
	term_snapshot_unref(same);
	term_snapshot_unref(e);
	term_snapshot_unref(d);
	term_snapshot_unref(c);
	term_snapshot_unref(s);
	term_emulator_free(em);
}

static unsigned long rnd(unsigned long *state)
{
	*state = *state * 6364136223846793005ul + 1442695040888963407ul;
	return *state >> 33;
}

/* Random splits, zooms, active panes and client sizes. */
static void property(void)
{
	unsigned long cases = test_cases(40), seed = test_seed();
	for (unsigned long k = 0; k < cases; k++) {
		unsigned long st = seed + k;
		struct session *s = new_session("prop", 20 + rnd(&st) % 100, 5 + rnd(&st) % 40);
		struct window *w = s->current;
		for (unsigned i = rnd(&st) % 6; i > 0; i--)
			split(w, w->panes[rnd(&st) % w->npanes],
			      rnd(&st) % 2 ? LAYOUT_SIDE_BY_SIDE : LAYOUT_ABOVE_BELOW);
		w->active = w->panes[rnd(&st) % w->npanes];
		if (rnd(&st) % 4 == 0) {
			layout_toggle_zoom(w->layout, w->active->id);
			window_apply_layout(w);
		}
		for (size_t i = 0; i < w->npanes; i++) {
			fill(w->panes[i], (unsigned)(st + i));
			put(w->panes[i]->em, "\033[1;5H\xe4\xb8\xad\xe4\xb8\xad");
		}
		unsigned cols = 1 + rnd(&st) % 140, rows = 1 + rnd(&st) % 50;
		term_view *v = compose_view(s, cols, rows), *blank = term_view_new(0, 0, 0);
		if (rows >= 2)
			check_view(v, w, cols, rows);
		check_valid(v);
		check_ships(blank, v);
		/* Another client size, from this one: as when the client resizes. */
		term_view *u = compose_view(s, 1 + rnd(&st) % 140, 1 + rnd(&st) % 50);
		check_valid(u);
		check_ships(v, u);
		term_view_unref(u);
		term_view_unref(blank);
		term_view_unref(v);
		session_destroy(s);
		if (k == 0 || k + 1 == cases)
			fprintf(stderr, "property case %lu ok (RSH_TEST_SEED=%lu)\n", k, seed);
	}
}

/* Microseconds per compose of s for a client of cols x rows. */
static double compose_us(const struct session *s, unsigned cols, unsigned rows)
{
	struct timespec t0, t1;
	unsigned n = 2000;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (unsigned i = 0; i < n; i++)
		term_view_unref(compose_view(s, cols, rows));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return ((double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec)) / n /
	       1e3;
}

/* The cost of one compose of a 4-pane 200x50 window: figures, not checks. */
static void cost(void)
{
	struct session *s = new_session("bench", 200, 49);
	struct window *w = s->current;
	struct pane *b = split(w, w->active, LAYOUT_SIDE_BY_SIDE);
	split(w, w->active, LAYOUT_ABOVE_BELOW);
	split(w, b, LAYOUT_ABOVE_BELOW);
	for (size_t i = 0; i < w->npanes; i++)
		fill(w->panes[i], (unsigned)i);
	printf("compose_view 4 panes 200x50: %.2f us; clipped to 150x40: %.2f us\n",
	       compose_us(s, 200, 50), compose_us(s, 150, 40));
	session_destroy(s);
}

/* Style options become the view's pens: a plain style as it is (#FFFFFF is a colour,
 * not #F, window_flags: only a style with #{ is a format, as tmux), one with #{} expanded
 * for the active pane (the default active border: green, red with synchronize-panes). */
static void pens(void)
{
	char *cause = NULL;
	const struct option_entry *border = options_find("pane-border-style", &cause);
	CHECK(options_set(options_global_window, border, "fg=#FFFFFF,bold", false, &cause) == 0);
	struct session *s = new_session("pens", 80, 23);
	term_view *v = compose_view(s, 80, 24);
	CHECK(v->pens[TERM_VIEW_PEN_BORDER].fg == TERM_COLOUR_RGB(0xff, 0xff, 0xff));
	CHECK(v->pens[TERM_VIEW_PEN_BORDER].attrs == TERM_ATTR_BOLD);
	CHECK(v->pens[TERM_VIEW_PEN_ACTIVE_BORDER].fg == TERM_COLOUR_PALETTE(2));
	term_view_unref(v);
	CHECK(options_set(s->current->options, options_find("synchronize-panes", &cause), "on",
			  false, &cause) == 0);
	v = compose_view(s, 80, 24);
	CHECK(v->pens[TERM_VIEW_PEN_ACTIVE_BORDER].fg == TERM_COLOUR_PALETTE(1));
	CHECK(v->pens[TERM_VIEW_PEN_MESSAGE].bg == TERM_COLOUR_PALETTE(3));
	term_view_unref(v);
	options_unset(options_global_window, border);
	session_destroy(s);
}

int main(void)
{
	setenv("SHELL", "/bin/sh", 1);
	options_init();
	/* No clock or host name in the status lines compared here. */
	char *cause = NULL;
	CHECK(options_set(options_global_session, options_find("status-right", &cause), "", false,
			  &cause) == 0);
	crop();
	one_pane();
	splits_and_zoom();
	clip_and_pad();
	status_names();
	status_formats();
	status_ranges_drawn();
	status_cache();
	pens();
	property();
	cost();
	free(server.sessions);
	return 0;
}
