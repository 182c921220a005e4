/*
 * Copy mode's parts in the client, without a network: send-keys -X's commands (names
 * checked, repeat counts, formats), the history cache (its window, a new epoch), and
 * the engine over a pane of 100 history lines: position and paging, lines
 * asked for, a search in the cache, one sent to the server and its answer, selections
 * by character, line and rectangle and what they copy.
 */
#include "client/copymode.h"

#include "check.h"
#include "term/keyname.h"
#include "client/copymode_lines.h"
#include "term/capture.h"
#include "term/search.h"

#define COLS 20
#define ROWS 5

static term_row *text_row(const char *s)
{
	term_row *row = term_row_new(0);
	term_cell c = term_cell_blank();
	for (unsigned i = 0; s[i] != '\0'; i++) {
		uint32_t ch = (uint8_t)s[i];
		term_row_set(row, i, &c, &ch, 1);
	}
	return row;
}

/* A view of one pane (id 7) with 100 lines of history in epoch ep, and a page of
 * lines [first, first + n) reading "line N". */
static term_view *make_view(uint32_t ep, uint64_t first, unsigned n)
{
	term_view *v = term_view_new(COLS, ROWS + 1, 1);
	v->mode_keys = 1; /* vi */
	term_snapshot *s = term_snapshot_new(ROWS, COLS);
	for (unsigned r = 0; r < ROWS; r++) {
		char text[32];
		snprintf(text, sizeof text, "screen %u", r);
		term_row_unref(s->lines[r]);
		s->lines[r] = text_row(text);
	}
	s->cursor.row = ROWS - 1;
	v->panes[0] = (term_view_pane){.id = 7, .screen = s, .hist_total = 100, .hist_len = 100,
				       .hist_epoch = ep, .hist_limit = 2000};
	if (n > 0) {
		term_histpage *p = term_histpage_new(7, ep, first, n);
		for (unsigned i = 0; i < n; i++) {
			char text[32];
			snprintf(text, sizeof text, "line %llu", (unsigned long long)(first + i));
			p->lines[i] = text_row(text);
		}
		term_view_set_page(v, p);
		term_histpage_unref(p);
	}
	return v;
}

static void test_cache(void)
{
	histcache *h = histcache_new(50);
	term_view *v = make_view(0, 0, 100);
	histcache_view(h, v);
	CHECK(histcache_line(h, 7, 49) == NULL); /* the window: the newest 50 */
	CHECK(histcache_line(h, 7, 50) == v->page->lines[50]);
	CHECK(histcache_line(h, 7, 99) != NULL && histcache_line(h, 7, 100) == NULL);
	CHECK(histcache_line(h, 8, 60) == NULL);
	term_view *w = make_view(1, 0, 0); /* a new epoch: every line goes */
	histcache_view(h, w);
	CHECK(histcache_line(h, 7, 60) == NULL);
	term_view_unref(v);
	term_view_unref(w);
	/* The pane's history-limit bounds its window below the cache's; a new limit starts it
	 * again. */
	v = make_view(1, 0, 100);
	v->panes[0].hist_limit = 30;
	histcache_view(h, v);
	CHECK(histcache_line(h, 7, 69) == NULL && histcache_line(h, 7, 70) != NULL);
	w = make_view(1, 0, 0);
	w->panes[0].hist_limit = 40;
	histcache_view(h, w);
	CHECK(histcache_line(h, 7, 90) == NULL);
	term_view_unref(v);
	term_view_unref(w);
	histcache_free(h);
}

struct sent {
	term_event ev[8];
	char text[8][64];
	unsigned n;
	char copied[256];
	char pipe[64]; /* the last copy's command, "-" for none */
	char prefix[TERM_EVENT_PREFIX_MAX + 1]; /* its buffer's name prefix */
	bool buffer;
};

static void on_send(void *arg, const term_event *ev)
{
	struct sent *s = arg;
	CHECK(s->n < 8);
	s->ev[s->n] = *ev;
	if (ev->type == TERM_EVENT_SEARCH) {
		memcpy(s->text[s->n], ev->search.text, ev->search.len);
		s->ev[s->n].search.text = s->text[s->n];
	}
	s->n++;
}

static void on_copied(void *arg, const struct copymode_copy *cp)
{
	struct sent *s = arg;
	snprintf(s->copied, sizeof s->copied, "%.*s", (int)cp->len, cp->text);
	snprintf(s->pipe, sizeof s->pipe, "%s", cp->pipe != NULL ? cp->pipe : "-");
	snprintf(s->prefix, sizeof s->prefix, "%s", cp->prefix);
	s->buffer = cp->buffer;
}

static void run(struct copymode *cm, struct copymode_io *io, const char *cmd, const char *arg)
{
	copymode_run(cm, io, cmd, arg);
}

static void test_engine(void)
{
	struct sent sent = {0};
	histcache *h = histcache_new(1000);
	term_view *v = make_view(0, 80, 20); /* only lines 80-99 cached */
	histcache_view(h, v);
	struct copymode cm;
	copymode_init(&cm, COPYMODE_VI);
	struct copymode_io io = {v, h, on_send, on_copied, &sent};
	CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, true, false));
	/* One page up (rows - 2 lines); what lies within 4 screens above is asked for. */
	CHECK(cm.top == 97 && cm.cur.line == 101);
	CHECK(sent.n == 1 && sent.ev[0].type == TERM_EVENT_HISTORY &&
	      sent.ev[0].history.first == 77 && sent.ev[0].history.count == 3);
	term_view *o = copymode_overlay(&cm, v, h);
	char *row0 = term_capture_row(o->panes[0].screen->lines[0], COLS, 0, COLS, &(size_t){0},
				      NULL);
	CHECKF(strcmp(row0, "line 97      [3/100]") == 0, "'%s'", row0);
	free(row0);
	term_view_unref(o);

	/* A search the cache answers: line 85, found going up (a regex, as tmux's). */
	run(&cm, &io, "search-backward", "l.ne 8[5]$");
	CHECK(cm.cur.line == 85 && cm.cur.col == 0 && cm.top <= 85);
	for (unsigned i = 0; i < sent.n; i++)
		CHECK(sent.ev[i].type == TERM_EVENT_HISTORY); /* more lines near the view */
	/* Not in the cache: the server searches; its answer moves the cursor. */
	run(&cm, &io, "search-backward", "line 3");
	CHECK(sent.n >= 2 && sent.ev[sent.n - 1].type == TERM_EVENT_SEARCH);
	term_event q = sent.ev[sent.n - 1];
	CHECK(q.search.flags == (TERM_SEARCH_BACKWARD | TERM_SEARCH_REGEX | TERM_SEARCH_ICASE) &&
	      q.search.line == 85 &&
	      strcmp(sent.text[sent.n - 1], "line 3") == 0 && cm.cur.line == 85);
	term_view *a = make_view(0, 30, 20);
	a->page->answer = a->page->found = true;
	a->page->serial = q.search.serial;
	a->page->line = 39;
	a->page->col = 0;
	histcache_view(h, a);
	io.view = a;
	copymode_view(&cm, &io);
	CHECK(cm.cur.line == 39 && cm.top <= 39 && 39 < cm.top + ROWS);

	/* Selections: characters (vi: the cursor's cell included), lines, a rectangle. */
	cm.cur.col = 2;
	run(&cm, &io, "begin-selection", NULL);
	run(&cm, &io, "cursor-down", NULL);
	run(&cm, &io, "copy-selection", NULL);
	CHECKF(strcmp(sent.copied, "ne 39\nlin") == 0, "'%s'", sent.copied);
	run(&cm, &io, "select-line", NULL);
	run(&cm, &io, "cursor-up", NULL);
	run(&cm, &io, "copy-selection", NULL);
	/* vi: a selection past its line's end keeps the last newline (tmux 3.3a) */
	CHECKF(strcmp(sent.copied, "line 39\nline 40\n") == 0, "'%s'", sent.copied);
	cm.cur.col = 5;
	run(&cm, &io, "begin-selection", NULL);
	run(&cm, &io, "rectangle-toggle", NULL);
	run(&cm, &io, "cursor-down", NULL);
	run(&cm, &io, "cursor-right", NULL);
	run(&cm, &io, "copy-selection-and-cancel", NULL);
	CHECKF(strcmp(sent.copied, "39\n40") == 0, "'%s'", sent.copied);
	CHECK(!cm.on);
	copymode_clear(&cm);
	term_view_unref(a);
	term_view_unref(v);
	histcache_free(h);
}

/* send-keys -X: names checked, repeat counts (-N, or a prefix the vi digits left), copy
 * mode's formats. */
static void test_commands(void)
{
	struct sent sent = {0};
	histcache *h = histcache_new(1000);
	term_view *v = make_view(0, 0, 100);
	histcache_view(h, v);
	struct copymode cm;
	copymode_init(&cm, COPYMODE_VI);
	struct copymode_io io = {v, h, on_send, on_copied, &sent};
	char *cause = NULL;
	CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, false, false) && cm.cur.line == 104);
	CHECK(copymode_command(&cm, &io, 0, 1, (char *[]){"nosuch"}, &cause) == -1);
	CHECKF(strcmp(cause, "unknown copy-mode command: nosuch") == 0, "%s", cause);
	free(cause);
	CHECK(copymode_command(&cm, &io, 0, 1, (char *[]){"goto-line"}, &cause) == -1);
	CHECKF(strcmp(cause, "copy-mode command goto-line takes 1 argument") == 0, "%s", cause);
	free(cause);
	CHECK(copymode_command(&cm, &io, 0, 3, (char *[]){"cursor-up", "a", "b"}, &cause) == -1);
	free(cause);
	CHECK(cm.cur.line == 104); /* refused: nothing ran */
	CHECK(copymode_command(&cm, &io, 3, 1, (char *[]){"cursor-up"}, &cause) == 0);
	CHECK(cm.cur.line == 101);
	cm.prefix = 4;
	CHECK(copymode_command(&cm, &io, 0, 1, (char *[]){"cursor-up"}, &cause) == 0);
	CHECK(cm.cur.line == 97 && cm.prefix == 0);
	CHECK(copymode_command(&cm, &io, 0, 1, (char *[]){"cursor-up"}, &cause) == 0);
	CHECK(cm.cur.line == 96);
	cm.cur.col = 2;
	char *t = copymode_expand(&cm, &io, "[#{copy_cursor_word}|#{copy_cursor_line}|"
					    "#{copy_cursor_x}|#{pane_in_mode}|#{other}]");
	CHECKF(strcmp(t, "[line|line 96|2|1|#{other}]") == 0, "%s", t);
	free(t);
	CHECK(copymode_command(&cm, &io, 0, 1, (char *[]){"cancel"}, &cause) == 0 && !cm.on);
	copymode_clear(&cm);
	term_view_unref(v);
	histcache_free(h);
}

/* Paragraphs, brackets, the mark, words, stop-selection, copy-line, -no-clear, the
 * -and-cancel motions, pipes. */
static void test_structure(void)
{
	static const char *const text[] = {"a (b [c] d) e", "", "para two", "still two", "",
					   "x"};
	struct sent sent = {0};
	histcache *h = histcache_new(1000);
	term_view *v = make_view(0, 90, 10);
	for (unsigned i = 0; i < 6; i++) {
		term_row_unref(v->page->lines[i]);
		v->page->lines[i] = text_row(text[i]);
	}
	histcache_view(h, v);
	struct copymode cm;
	copymode_init(&cm, COPYMODE_VI);
	struct copymode_io io = {v, h, on_send, on_copied, &sent};
	char *cause = NULL;
	CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, false, false));
	cm.cur = (struct copymode_pos){90, 0};
	cm.top = 90;
	run(&cm, &io, "next-paragraph", NULL);
	CHECK(cm.cur.line == 91);
	run(&cm, &io, "next-paragraph", NULL);
	CHECK(cm.cur.line == 94 && cm.cur.col == 0);
	run(&cm, &io, "previous-paragraph", NULL);
	CHECK(cm.cur.line == 91);
	/* vi's %: the first bracket on the line, its match; back again. */
	cm.cur = (struct copymode_pos){90, 0};
	run(&cm, &io, "next-matching-bracket", NULL);
	CHECK(cm.cur.line == 90 && cm.cur.col == 10);
	run(&cm, &io, "next-matching-bracket", NULL);
	CHECK(cm.cur.col == 2);
	cm.cur.col = 5;
	run(&cm, &io, "next-matching-bracket", NULL);
	CHECK(cm.cur.col == 7);
	/* The mark: jump-to-mark swaps it with the cursor; drawn as tmux's (its line black on
	 * red, its cell red on black), over the line's blanks too. */
	CHECK(!cm.marked);
	run(&cm, &io, "set-mark", NULL);
	cm.cur = (struct copymode_pos){92, 1};
	run(&cm, &io, "jump-to-mark", NULL);
	CHECK(cm.cur.line == 90 && cm.cur.col == 7 && cm.mark.line == 92 && cm.marked);
	term_view *o = copymode_overlay(&cm, v, h);
	const term_row *marked = o->panes[0].screen->lines[2], *plain = o->panes[0].screen->lines[1];
	CHECK(term_row_get(marked, 0).bg == TERM_COLOUR_PALETTE(1) &&
	      term_row_get(marked, 0).fg == TERM_COLOUR_PALETTE(0));
	CHECK(term_row_get(marked, 1).bg == TERM_COLOUR_PALETTE(0) &&
	      term_row_get(marked, 1).fg == TERM_COLOUR_PALETTE(1));
	CHECK(term_row_get(marked, COLS - 1).bg == TERM_COLOUR_PALETTE(1));
	CHECK(term_row_get(plain, 0).bg == TERM_COLOUR_DEFAULT);
	term_view_unref(o);
	/* select-word, stop-selection (the cursor moves on alone), copy -no-clear keeps it. */
	cm.cur = (struct copymode_pos){92, 1};
	run(&cm, &io, "select-word", NULL);
	run(&cm, &io, "stop-selection", NULL);
	run(&cm, &io, "cursor-down", NULL);
	run(&cm, &io, "copy-selection-no-clear", NULL);
	CHECKF(strcmp(sent.copied, "para") == 0, "'%s'", sent.copied);
	CHECK(cm.selecting);
	run(&cm, &io, "copy-line", NULL);
	CHECKF(strcmp(sent.copied, "still two\n") == 0, "'%s'", sent.copied);
	CHECK(!cm.selecting && cm.on);
	CHECK(strcmp(sent.pipe, "-") == 0 && sent.buffer && strcmp(sent.prefix, "buffer") == 0);
	/* A copy's last argument names its buffer (tmux's prefix, formats expanded). */
	CHECK(copymode_command(&cm, &io, 0, 2, (char *[]){"copy-line", "L#{copy_cursor_x}-"},
			       &cause) == 0);
	CHECKF(strcmp(sent.prefix, "L3-") == 0 && strcmp(sent.copied, "still two\n") == 0,
	       "%s", sent.prefix);
	CHECK(copymode_command(&cm, &io, 0, 2, (char *[]){"copy-end-of-line", ""}, &cause) == 0);
	CHECKF(sent.prefix[0] == '\0' && strcmp(sent.copied, "ll two\n") == 0, "%s", sent.copied);
	CHECKF(cm.cur.col == 3, "%llu,%u", (unsigned long long)cm.cur.line, cm.cur.col); /* tmux puts the cursor back */
	CHECK(copymode_command(&cm, &io, 0, 3, (char *[]){"copy-pipe-line", "cat", "pp"},
			       &cause) == 0);
	CHECK(strcmp(sent.prefix, "pp") == 0 && strcmp(sent.pipe, "cat") == 0 && sent.buffer);
	static char longprefix[TERM_EVENT_PREFIX_MAX + 2];
	memset(longprefix, 'p', TERM_EVENT_PREFIX_MAX + 1);
	sent.copied[0] = '\0';
	CHECK(copymode_command(&cm, &io, 0, 2, (char *[]){"copy-line", longprefix}, &cause) == -1);
	CHECKF(strcmp(cause, "copy-line: prefix too long") == 0 && sent.copied[0] == '\0', "%s",
	       cause);
	free(cause);
	/* copy-pipe: the copy to a buffer and the command, copy mode's formats expanded. */
	run(&cm, &io, "begin-selection", NULL);
	CHECK(copymode_command(&cm, &io, 0, 2,
			       (char *[]){"copy-pipe-and-cancel", "cat >#{copy_cursor_x}"},
			       &cause) == 0);
	CHECKF(!cm.on && strcmp(sent.copied, "l") == 0, "%s", sent.copied); /* "still"[3] */
	CHECKF(strcmp(sent.pipe, "cat >3") == 0 && sent.buffer, "%s", sent.pipe);
	CHECK(strcmp(sent.prefix, "buffer") == 0);
	CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, false, false));
	run(&cm, &io, "begin-selection", NULL);
	CHECK(copymode_command(&cm, &io, 0, 2, (char *[]){"copy-selection-and-cancel", "my"},
			       &cause) == 0);
	CHECK(!cm.on && strcmp(sent.prefix, "my") == 0 && sent.buffer);
	/* pipe: no buffer; with nothing selected the command still runs, on nothing (tmux). */
	CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, false, false));
	run(&cm, &io, "begin-selection", NULL);
	run(&cm, &io, "pipe-no-clear", "wc");
	CHECK(strcmp(sent.pipe, "wc") == 0 && !sent.buffer && cm.selecting && cm.on);
	run(&cm, &io, "clear-selection", NULL);
	run(&cm, &io, "copy-pipe", NULL); /* no command: the server's copy-command */
	CHECK(strcmp(sent.pipe, "") == 0 && !sent.buffer && sent.copied[0] == '\0' && cm.on);
	sent.pipe[0] = 'x';
	run(&cm, &io, "copy-selection", NULL); /* nothing selected: nothing copied */
	CHECK(sent.pipe[0] == 'x' && cm.on);
	run(&cm, &io, "copy-selection-and-cancel", NULL); /* tmux leaves all the same */
	CHECK(sent.pipe[0] == 'x' && !cm.on);
	CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, false, false));
	static char longcmd[TERM_EVENT_PIPE_MAX + 2];
	memset(longcmd, 'x', TERM_EVENT_PIPE_MAX + 1);
	CHECK(copymode_command(&cm, &io, 0, 2, (char *[]){"pipe", longcmd}, &cause) == -1);
	CHECKF(strcmp(cause, "pipe: command too long") == 0, "%s", cause);
	free(cause);
	copymode_clear(&cm);
	/* page-down-and-cancel leaves once at the bottom. */
	CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, true, false));
	run(&cm, &io, "page-down-and-cancel", NULL);
	CHECK(!cm.on);
	copymode_clear(&cm);
	term_view_unref(v);
	histcache_free(h);
}

/* term_search: plain, smart case, regex (anchors, the last match going back), a bad
 * regex, columns of wide text. */
static void test_search(void)
{
	struct term_search s;
	unsigned end;
	term_row *row = text_row("ab Line line lines");
	term_search_init(&s, "line", 4, TERM_SEARCH_NO_CASE);
	CHECK(term_search_row(&s, row, COLS, 0, false, &end) == 3 && end == 7);
	CHECK(term_search_row(&s, row, COLS, 4, false, &end) == 8);
	CHECK(term_search_row(&s, row, COLS, COLS, true, &end) == 13);
	term_search_free(&s);
	term_search_init(&s, "Line", 4, TERM_SEARCH_PLAIN_TEXT);
	CHECK(term_search_row(&s, row, COLS, 4, false, &end) == -1);
	term_search_free(&s);
	CHECK(term_search_icase("line 8") && !term_search_icase("Line"));
	term_search_init(&s, "l[a-z]+s$", 9, TERM_SEARCH_REGEX_TEXT);
	CHECK(term_search_row(&s, row, COLS, 0, false, &end) == 13 && end == 18);
	term_search_free(&s);
	term_search_init(&s, "^ab", 3, TERM_SEARCH_REGEX_TEXT);
	CHECK(term_search_row(&s, row, COLS, 0, false, &end) == 0);
	CHECK(term_search_row(&s, row, COLS, 1, false, &end) == -1); /* ^ is the line's start */
	term_search_free(&s);
	term_search_init(&s, "li(ne", 5, TERM_SEARCH_REGEX_TEXT); /* does not compile */
	CHECK(term_search_row(&s, row, COLS, 0, false, &end) == -1);
	term_search_free(&s);
	term_search_init(&s, "x*", 2, TERM_SEARCH_REGEX_TEXT); /* only empty matches */
	CHECK(term_search_row(&s, row, COLS, 0, false, &end) == -1);
	term_search_free(&s);
	term_row_unref(row);
}

static void mouse_is(struct copymode_mouse *ms, term_mouse m, uint64_t now, const char *want,
		     uint16_t row, uint16_t col)
{
	term_key key;
	term_mouse at;
	char name[KEYNAME_MAX];
	CHECK(copymode_mouse_key(ms, &m, now, &key, &at));
	keyname_print(&key, name);
	CHECKF(strcmp(name, want) == 0 && at.row == row && at.col == col, "%s at %u,%u, want %s",
	       name, at.row, at.col, want);
}

/* The mouse's keys as tmux makes them (clicks counted within 300 ms, DoubleClick once a
 * third did not come, a drag from the press's cell); a drag copy mode follows, scrolling
 * into history at the pane's top row. */
static void test_mouse(void)
{
	struct copymode_mouse ms = {0};
	term_key key;
	term_mouse at;
	term_mouse press = {.action = TERM_MOUSE_PRESS, .button = 1, .row = 2, .col = 0};
	term_mouse move = {.action = TERM_MOUSE_MOVE, .row = 2, .col = 2};
	term_mouse release = {.action = TERM_MOUSE_RELEASE, .button = 1, .row = 2, .col = 2};
	CHECK(!copymode_mouse_key(&ms, &move, 900, &key, &at)); /* no button held */
	mouse_is(&ms, press, 1000, "MouseDown1Pane", 2, 0);
	mouse_is(&ms, move, 1010, "MouseDrag1Pane", 2, 0); /* where it went down */
	mouse_is(&ms, move, 1020, "MouseDrag1Pane", 2, 2);
	mouse_is(&ms, release, 1030, "MouseDragEnd1Pane", 2, 2);
	CHECK(!copymode_mouse_key(&ms, &release, 1040, &key, &at));
	mouse_is(&ms, press, 2000, "MouseDown1Pane", 2, 0);
	mouse_is(&ms, release, 2010, "MouseUp1Pane", 2, 2);
	mouse_is(&ms, press, 2100, "SecondClick1Pane", 2, 0);
	CHECK(!copymode_mouse_due(&ms, 2399, &key, &at));
	CHECK(copymode_mouse_due(&ms, 2400, &key, &at) && key.ch ==
	      TERM_MOUSE_KEY(TERM_MOUSE_DOUBLECLICK, 1) && at.row == 2);
	CHECK(!copymode_mouse_due(&ms, 2500, &key, &at));
	mouse_is(&ms, press, 3000, "MouseDown1Pane", 2, 0);
	mouse_is(&ms, press, 3100, "SecondClick1Pane", 2, 0);
	mouse_is(&ms, press, 3200, "TripleClick1Pane", 2, 0);
	CHECK(!copymode_mouse_due(&ms, 3500, &key, &at)); /* the third came */
	mouse_is(&ms, press, 3300, "MouseDown1Pane", 2, 0);
	press.button = 3;
	mouse_is(&ms, press, 3350, "MouseDown3Pane", 2, 0); /* another button: a new click */
	mouse_is(&ms, (term_mouse){.action = TERM_MOUSE_PRESS, .button = 4, .mods = TERM_MOD_ALT},
		 3400, "M-WheelUpPane", 0, 0);
	mouse_is(&ms, (term_mouse){.action = TERM_MOUSE_PRESS, .button = 5}, 3400,
		 "WheelDownPane", 0, 0);

	struct sent sent = {0};
	histcache *h = histcache_new(1000);
	term_view *v = make_view(0, 80, 20);
	histcache_view(h, v);
	struct copymode cm;
	copymode_init(&cm, COPYMODE_VI);
	struct copymode_io io = {v, h, on_send, on_copied, &sent};
	CHECK(copymode_enter(&cm, &io, 7, COPYMODE_OWN, false, false));
	cm.mouse = (term_mouse){.action = TERM_MOUSE_MOVE, .row = 1, .col = 3};
	cm.mouse_pending = true;
	CHECK(copymode_command(&cm, &io, 0, 1, (char *[]){"begin-selection"}, NULL) == 0);
	CHECK(cm.dragging && !cm.mouse_pending && cm.selecting && cm.cur.line == 101 &&
	      cm.cur.col == 3);
	/* On the top row the cursor goes a line further (scrolling) and the drag timer
	 * starts; the same cell again is nothing; the timer scrolls every 50 ms while the
	 * cursor stays on the row; along the row, or off the pane, stops it. */
	term_mouse top = {.action = TERM_MOUSE_MOVE, .row = 0, .col = 3};
	copymode_drag(&cm, &io, &top, 5000);
	CHECK(cm.top == 99 && cm.cur.line == 99 && cm.drag_ms == 5050);
	copymode_drag(&cm, &io, &top, 5010);
	CHECK(cm.top == 99 && cm.drag_ms == 5050);
	CHECK(!copymode_drag_tick(&cm, &io, 5049) && cm.top == 99);
	CHECK(copymode_drag_tick(&cm, &io, 5050) && cm.top == 98 && cm.cur.line == 98);
	CHECK(cm.drag_ms == 5100);
	CHECK(copymode_drag_tick(&cm, &io, 5100) && cm.top == 97 && cm.cur.line == 97);
	top.col = 5; /* along the row: the cursor moves, no line more, the timer stops */
	copymode_drag(&cm, &io, &top, 5120);
	CHECK(cm.top == 97 && cm.cur.col == 5 && cm.drag_ms == 0);
	CHECK(!copymode_drag_tick(&cm, &io, 5200) && cm.top == 97);
	top.col = 4;
	top.row = ROWS - 1; /* the bottom row: down a line */
	copymode_drag(&cm, &io, &top, 5300);
	CHECK(cm.top == 98 && cm.cur.line == 102 && cm.drag_ms == 5350);
	top.row = ROWS + 1; /* off the pane: nothing, the timer stopped */
	copymode_drag(&cm, &io, &top, 5310);
	CHECK(cm.drag_ms == 0 && !copymode_drag_tick(&cm, &io, 5400));
	top = (term_mouse){.action = TERM_MOUSE_MOVE, .row = 0, .col = 3};
	copymode_drag(&cm, &io, &top, 5500);
	CHECK(cm.top == 97 && cm.cur.line == 97);
	run(&cm, &io, "copy-selection", NULL);
	CHECKF(strcmp(sent.copied, "e 97\nline 98\nline 99\nscreen 0\nscre") == 0, "'%s'",
	       sent.copied);
	copymode_clear(&cm);
	term_view_unref(v);
	histcache_free(h);
}

/* copy-mode -s: pane 8 (10x3, at x 21) shows pane 7's lines: its history asked for as
 * 7's, the overlay in 8's place at 8's size (lines cut), scrolled to the bottom 7's last
 * screen rows; gone when the source leaves the view. */
static void test_source(void)
{
	struct sent sent = {0};
	histcache *h = histcache_new(1000);
	term_view *one = make_view(0, 80, 20);
	term_view *v = term_view_new(32, ROWS + 1, 2);
	v->mode_keys = 1;
	v->panes[0] = one->panes[0];
	v->panes[0].screen = term_snapshot_ref(one->panes[0].screen);
	term_view_set_page(v, one->page);
	term_snapshot *small = term_snapshot_new(3, 10);
	v->panes[1] = (term_view_pane){.id = 8, .x = 21, .screen = small, .hist_total = 0};
	histcache_view(h, v);
	struct copymode cm;
	copymode_init(&cm, COPYMODE_VI);
	struct copymode_io io = {v, h, on_send, on_copied, &sent};
	CHECK(!copymode_enter(&cm, &io, 8, 9, false, false)); /* no pane 9 in the view */
	CHECK(copymode_enter(&cm, &io, 8, 7, false, false) && cm.pane == 8 && cm.source == 7);
	CHECK(cm.cur.line == 104 && cm.top == 102); /* the source's cursor row, in view */
	term_view *o = copymode_overlay(&cm, v, h);
	CHECK(o->panes[1].screen->rows == 3 && o->panes[1].screen->cols == 10);
	char *row = term_capture_row(o->panes[1].screen->lines[2], 10, 0, 10, &(size_t){0}, NULL);
	CHECKF(strcmp(row, "screen 4") == 0, "'%s'", row);
	free(row);
	term_view_unref(o);
	run(&cm, &io, "page-up", NULL); /* a page of 3 rows: one line */
	CHECK(cm.top == 101 && sent.n == 0);
	run(&cm, &io, "history-top", NULL); /* lines 0-2, not cached: asked for as 7's */
	CHECK(cm.top == 0 && sent.n == 1 && sent.ev[0].type == TERM_EVENT_HISTORY &&
	      sent.ev[0].history.pane == 7);
	run(&cm, &io, "history-bottom", NULL);
	CHECK(cm.top == 102);
	v->npanes = 1; /* pane 8 gone: copy mode too */
	copymode_view(&cm, &io);
	CHECK(!cm.on);
	v->npanes = 2;
	copymode_clear(&cm);
	term_view_unref(v);
	term_view_unref(one);
	histcache_free(h);
}

/* Steps on a wrapped line, each copy what tmux 3.3a copies after the same steps in a
 * 20-column pane (printf 'abcdefghijklmnopqrstuvwxyz0123\nnext line\n'). */
struct wrap_case {
	enum copymode_keys keys;
	const char *steps[6];
	const char *copied;
};

static void test_wrapped(void)
{
	static const char *const text[] = {"abcdefghijklmnopqrst", "uvwxyz0123", "next line"};
	static const struct wrap_case cases[] = {
		{COPYMODE_VI, {"begin-selection", "cursor-down"}, "abcdefghijklmnopqrstu"},
		{COPYMODE_VI, {"begin-selection", "cursor-down", "cursor-down", "end-of-line"},
		 "abcdefghijklmnopqrstuvwxyz0123\nnext line\n"},
		{COPYMODE_VI, {"select-line"}, "abcdefghijklmnopqrstuvwxyz0123\n"},
		{COPYMODE_VI, {"cursor-down", "select-line"}, "abcdefghijklmnopqrstuvwxyz0123\n"},
		{COPYMODE_EMACS, {"select-line"}, "abcdefghijklmnopqrstuvwxyz0123"},
		{COPYMODE_EMACS, {"begin-selection", "cursor-down", "end-of-line"},
		 "abcdefghijklmnopqrstuvwxyz0123"},
		{COPYMODE_EMACS, {"begin-selection", "cursor-down", "cursor-down", "cursor-right"},
		 "abcdefghijklmnopqrstuvwxyz0123\nn"},
	};
	struct sent sent = {0};
	histcache *h = histcache_new(1000);
	term_view *v = make_view(0, 90, 10);
	for (unsigned i = 0; i < 3; i++) {
		term_row_unref(v->page->lines[i]);
		v->page->lines[i] = text_row(text[i]);
	}
	v->page->lines[0]->wrapped = true;
	histcache_view(h, v);
	struct copymode_io io = {v, h, on_send, on_copied, &sent};
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct copymode cm;
		copymode_init(&cm, cases[i].keys);
		v->mode_keys = cases[i].keys == COPYMODE_VI; /* what copy mode takes as it begins */
		CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, false, false));
		cm.cur = (struct copymode_pos){90, 0};
		cm.top = 90;
		sent.n = 0;
		for (unsigned k = 0; k < 6 && cases[i].steps[k] != NULL; k++)
			run(&cm, &io, cases[i].steps[k], NULL);
		run(&cm, &io, "copy-selection", NULL);
		CHECKF(strcmp(sent.copied, cases[i].copied) == 0, "case %u: '%s'", i, sent.copied);
		copymode_clear(&cm);
	}
	/* A search matches across the wrap (tmux 3.3a: "stuv" at 18,0), forward as back,
	 * and not a text that only the newline would join. */
	struct copymode sc;
	copymode_init(&sc, COPYMODE_VI);
	v->mode_keys = 1;
	CHECK(copymode_enter(&sc, &io, COPYMODE_ACTIVE, COPYMODE_OWN, false, false));
	sc.cur = (struct copymode_pos){90, 0};
	sc.top = 90;
	run(&sc, &io, "search-forward", "stuv");
	CHECKF(sc.cur.line == 90 && sc.cur.col == 18, "%llu,%u", (unsigned long long)sc.cur.line,
	       sc.cur.col);
	/* The match is painted on both rows it takes (tmux's marks): s t on the first, u v
	 * on the next; also with the first above the screen (no position indicator over
	 * the first row's end). */
	sc.hide_position = true;
	for (uint64_t top = 90; top <= 91; top++) {
		sc.top = top;
		term_view *o = copymode_overlay(&sc, v, h);
		const term_row *const *rows = o->panes[0].screen->lines;
		unsigned r = (unsigned)(91 - top); /* line 91's row */
		for (unsigned col = 0; col < COLS; col++) {
			bool in = col < 2;
			CHECKF((term_row_get(rows[r], col).bg == TERM_COLOUR_PALETTE(6)) == in,
			       "top %llu, line 91 col %u", (unsigned long long)top, col);
			if (r == 1)
				CHECKF((term_row_get(rows[0], col).bg == TERM_COLOUR_PALETTE(6)) ==
					       (col >= 18),
				       "line 90 col %u", col);
		}
		term_view_unref(o);
	}
	sc.top = 90;
	sc.cur = (struct copymode_pos){92, 0};
	run(&sc, &io, "search-backward-text", "3next");
	CHECK(sc.cur.line == 92); /* line 91 does not run on into 92 */
	run(&sc, &io, "search-backward-text", "tuvw");
	CHECK(sc.cur.line == 90 && sc.cur.col == 19);
	copymode_clear(&sc);
	/* end-of-line and start-of-line follow the wrap (tmux: copy_cursor_x 10, y 1) */
	struct copymode cm;
	copymode_init(&cm, COPYMODE_VI);
	v->mode_keys = 1;
	CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, false, false));
	cm.cur = (struct copymode_pos){90, 3};
	run(&cm, &io, "end-of-line", NULL);
	CHECK(cm.cur.line == 91 && cm.cur.col == 10);
	run(&cm, &io, "start-of-line", NULL);
	CHECK(cm.cur.line == 90 && cm.cur.col == 0);
	copymode_clear(&cm);
	term_view_unref(v);
	histcache_free(h);
}

/* select-line, then the cursor up and down past its line: tmux 3.3a's lineflag keeps
 * the whole logical line the selection began with and moves the cursor to each row's
 * start above it, to its end below. Each case measured on tmux in a 20-column pane
 * (printf 'short\nabcdefghijklmnopqrstuvwxyz0123\nnext line\n'): the cursor then
 * (copy_cursor_x, its line; tmux's x 20 at the end of a full row is 19 here, rsh's cursor
 * staying on the pane) and the copy. */
struct line_flag_case {
	enum copymode_keys keys;
	uint64_t line;
	const char *steps[4];
	unsigned x;
	uint64_t y;
	const char *copied;
};

static void test_line_flag(void)
{
	static const char *const text[] = {"short", "abcdefghijklmnopqrst", "uvwxyz0123",
					   "next line"};
	static const struct line_flag_case cases[] = {
		{COPYMODE_VI, 92, {"cursor-up"}, 0, 91, "uvwxyz0123\nnext line\n"},
		{COPYMODE_VI, 92, {"cursor-up", "cursor-up"}, 0, 90,
		 "abcdefghijklmnopqrstuvwxyz0123\nnext line\n"},
		{COPYMODE_VI, 92, {"cursor-up", "cursor-up", "cursor-up"}, 0, 89,
		 "short\nabcdefghijklmnopqrstuvwxyz0123\nnext line\n"},
		{COPYMODE_VI, 92, {"cursor-up", "cursor-down"}, 0, 92, "next line\n"},
		{COPYMODE_VI, 92, {"cursor-down", "cursor-up", "cursor-up"}, 0, 91,
		 "uvwxyz0123\nnext line\n"},
		{COPYMODE_VI, 90, {"cursor-up"}, 19, 90, "abcdefghijklmnopqrstuvwxyz0123\n"},
		{COPYMODE_VI, 90, {"cursor-up", "cursor-up"}, 0, 89,
		 "short\nabcdefghijklmnopqrstuvwxyz0123\n"},
		{COPYMODE_VI, 90, {"cursor-up", "cursor-down"}, 10, 91,
		 "abcdefghijklmnopqrstuvwxyz0123\n"},
		{COPYMODE_VI, 90, {"cursor-down", "cursor-up", "cursor-up"}, 19, 90,
		 "abcdefghijklmnopqrstuvwxyz0123\n"},
		{COPYMODE_EMACS, 92, {"cursor-up", "cursor-up"}, 0, 90,
		 "abcdefghijklmnopqrstuvwxyz0123\nnext line"},
		{COPYMODE_EMACS, 90, {"cursor-up", "cursor-up"}, 0, 89,
		 "short\nabcdefghijklmnopqrstuvwxyz0123"},
	};
	struct sent sent = {0};
	histcache *h = histcache_new(1000);
	term_view *v = make_view(0, 89, 11);
	for (unsigned i = 0; i < 4; i++) {
		term_row_unref(v->page->lines[i]);
		v->page->lines[i] = text_row(text[i]);
	}
	v->page->lines[1]->wrapped = true;
	histcache_view(h, v);
	struct copymode_io io = {v, h, on_send, on_copied, &sent};
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct copymode cm;
		copymode_init(&cm, cases[i].keys);
		v->mode_keys = cases[i].keys == COPYMODE_VI;
		CHECK(copymode_enter(&cm, &io, COPYMODE_ACTIVE, COPYMODE_OWN, false, false));
		cm.cur = (struct copymode_pos){cases[i].line, 0};
		cm.top = 89;
		sent.n = 0;
		run(&cm, &io, "select-line", NULL);
		for (unsigned k = 0; k < 4 && cases[i].steps[k] != NULL; k++)
			run(&cm, &io, cases[i].steps[k], NULL);
		CHECKF(cm.cur.col == cases[i].x && cm.cur.line == cases[i].y, "case %u: %u,%llu", i,
		       cm.cur.col, (unsigned long long)cm.cur.line);
		run(&cm, &io, "copy-selection", NULL);
		CHECKF(strcmp(sent.copied, cases[i].copied) == 0, "case %u: '%s'", i, sent.copied);
		copymode_clear(&cm);
	}
	term_view_unref(v);
	histcache_free(h);
}

int main(void)
{
	test_wrapped();
	test_line_flag();
	test_commands();
	test_mouse();
	test_source();
	test_search();
	test_structure();
	test_cache();
	test_engine();
	return 0;
}
