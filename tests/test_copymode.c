/*
 * Copy mode's parts in the client, without a network: the key tables read from tmux's
 * list-keys lines (both tables), the history cache (its window, a new
 * epoch), and the engine over a pane of 100 history lines: position and paging, lines
 * asked for, a search in the cache, one sent to the server and its answer, selections
 * by character, line and rectangle and what they copy.
 */
#include "client/copymode.h"

#include "check.h"
#include "client/copymode_lines.h"
#include "term/capture.h"

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

static void test_tables(void)
{
	term_key k = {.code = TERM_KEY_CHAR, .ch = 'k'};
	const struct copykeys_binding *b = copykeys_lookup(COPYKEYS_VI, &k);
	CHECK(b != NULL && strcmp(b->command, "cursor-up") == 0);
	k = (term_key){.code = TERM_KEY_CHAR, .mods = TERM_MOD_ALT, .ch = 'w'};
	b = copykeys_lookup(COPYKEYS_EMACS, &k);
	CHECK(b != NULL && strcmp(b->command, "copy-pipe-and-cancel") == 0);
	k = (term_key){.code = TERM_KEY_CHAR, .ch = '/'};
	b = copykeys_lookup(COPYKEYS_VI, &k);
	CHECK(b != NULL && b->ask == COPYKEYS_ASK_LINE && strcmp(b->prompt, "(search down)") == 0 &&
	      strcmp(b->command, "search-forward") == 0 && strcmp(b->argument, "%%") == 0);
	k = (term_key){.code = TERM_KEY_CHAR, .mods = TERM_MOD_CTRL, .ch = ' '};
	b = copykeys_lookup(COPYKEYS_EMACS, &k);
	CHECK(b != NULL && strcmp(b->command, "begin-selection") == 0);
	k = (term_key){.code = TERM_KEY_PAGEUP};
	CHECK(strcmp(copykeys_lookup(COPYKEYS_EMACS, &k)->command, "page-up") == 0);
	k = (term_key){.code = TERM_KEY_CHAR, .ch = 'f'};
	CHECK(copykeys_lookup(COPYKEYS_VI, &k)->ask == COPYKEYS_ASK_KEY);
	k = (term_key){.code = TERM_KEY_CHAR, .ch = '1'};
	CHECK(copykeys_lookup(COPYKEYS_VI, &k) == NULL); /* a repeat count: not supported */
	struct copykeys_binding w;
	CHECK(copykeys_parse("bind-key -T copy-mode-vi WheelUpPane select-pane \\; send-keys "
			     "-X -N 5 scroll-up", &w) == false); /* a mouse key */
	CHECK(copykeys_parse("bind-key -T copy-mode-vi u select-pane \\; send-keys -X -N 5 "
			     "scroll-up", &w) && w.repeat == 5 && strcmp(w.command, "scroll-up") == 0);
	CHECK(copykeys_parse("bind-key -T copy-mode \\; send-keys -X jump-again", &w) &&
	      w.key.ch == ';');
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
				       .hist_epoch = ep};
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
	histcache_free(h);
}

struct sent {
	term_event ev[8];
	char text[8][64];
	unsigned n;
	char copied[256];
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

static void on_copied(void *arg, const char *text, size_t len)
{
	struct sent *s = arg;
	snprintf(s->copied, sizeof s->copied, "%.*s", (int)len, text);
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
	copymode_init(&cm, COPYKEYS_VI);
	struct copymode_io io = {v, h, on_send, on_copied, &sent};
	CHECK(copymode_enter(&cm, &io, true, false));
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

	/* A search the cache answers: line 85, found going up. */
	run(&cm, &io, "search-backward", "line 85");
	CHECK(cm.cur.line == 85 && cm.cur.col == 0 && cm.top <= 85);
	for (unsigned i = 0; i < sent.n; i++)
		CHECK(sent.ev[i].type == TERM_EVENT_HISTORY); /* more lines near the view */
	/* Not in the cache: the server searches; its answer moves the cursor. */
	run(&cm, &io, "search-backward", "line 3");
	CHECK(sent.n >= 2 && sent.ev[sent.n - 1].type == TERM_EVENT_SEARCH);
	term_event q = sent.ev[sent.n - 1];
	CHECK(q.search.flags == TERM_SEARCH_BACKWARD && q.search.line == 85 &&
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
	CHECKF(strcmp(sent.copied, "line 39\nline 40") == 0, "'%s'", sent.copied);
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

int main(void)
{
	test_tables();
	test_cache();
	test_engine();
	return 0;
}
