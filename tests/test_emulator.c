/* The emulator: bytes in, snapshot cells, cursor, modes and replies out. */
#include <string.h>

#include "term/emulator.h"
#include "term/link.h"
#include "term/vterm_guard.h"

#include "check.h"
#include "random_screen.h"
#include "term_output.h"

static term_emulator *em;
static term_snapshot *snap;
static void start(unsigned rows, unsigned cols)
{
	term_snapshot_unref(snap);
	snap = NULL;
	term_emulator_free(em);
	em = term_emulator_new(rows, cols, 100);
	term_emulator_set_output(em, on_output, NULL);
	out_len = 0;
}

static void feed(const char *s)
{
	term_emulator_write(em, s, strlen(s));
	term_snapshot_unref(snap);
	snap = term_emulator_snapshot(em);
}

static term_cell cell(unsigned row, unsigned col)
{
	return term_row_get(snap->lines[row], col);
}

/* The row's characters as ASCII ('.' for blank, '_' for a continuation cell). */
static const char *text(unsigned row)
{
	static char buf[TERM_MAX_COLS + 1];
	unsigned c;
	for (c = 0; c < snap->cols; c++) {
		term_cell x = cell(row, c);
		buf[c] = x.width == 0 ? '_' : x.ch == 0 ? '.' : x.ch < 128 ? (char)x.ch : '?';
	}
	buf[c] = '\0';
	return buf;
}

#define CHECK_TEXT(row, want) \
	CHECKF(strcmp(text(row), want) == 0, "row %u is \"%s\"", (unsigned)(row), text(row))
#define CHECK_CURSOR(r, c) \
	CHECKF(snap->cursor.row == (r) && snap->cursor.col == (c), "cursor at %u,%u", \
	       snap->cursor.row, snap->cursor.col)

static void test_text_and_cursor(void)
{
	start(3, 6);
	feed("ab\r\ncd");
	CHECK_TEXT(0, "ab....");
	CHECK_TEXT(1, "cd....");
	CHECK_CURSOR(1, 2);
	feed("\033[3;5Hx\033[1;1H\033[2C");
	CHECK_TEXT(2, "....x.");
	CHECK_CURSOR(0, 2);
	uint64_t n = term_emulator_changes(em);
	feed("");
	CHECK(term_emulator_changes(em) == n);
	feed("y");
	CHECK(term_emulator_changes(em) > n);
}

static void test_combining_and_wide(void)
{
	start(2, 6);
	feed("e\xcc\x81\xe4\xb8\x80x"); /* e + U+0301, U+4E00 (wide), x */
	uint32_t chars[TERM_MAX_CHARS];
	CHECK(term_row_chars(snap->lines[0], 0, chars) == 2 && chars[1] == 0x301);
	CHECK(cell(0, 1).ch == 0x4e00 && cell(0, 1).width == 2 && cell(0, 2).width == 0);
	CHECK_TEXT(0, "e?_x..");
	CHECK_CURSOR(0, 4);
	/* Writing over one half of a wide character leaves the other as it was (as in
	 * VTermScreen); capture shows such a half blank. */
	feed("\033[1;3Hz");
	CHECK_TEXT(0, "e?zx..");
	feed("\033[1;2H\xe4\xb8\x80\033[1;2Hq");
	CHECK_TEXT(0, "eq_x..");
	/* A wide character that does not fit wraps to the next line. */
	feed("\033[1;6H\xe4\xb8\x80");
	CHECK_TEXT(0, "eq_x..");
	CHECK_TEXT(1, "?_....");
}

static void test_attributes_and_colours(void)
{
	start(2, 10);
	feed("\033[1;3;4;5;7;9;31;42ma\033[0m"
	     "\033[4:3;38;5;200;48;2;1;2;3mb\033[22;39;49;24mc\033[21md");
	term_cell a = cell(0, 0), b = cell(0, 1), c = cell(0, 2), d = cell(0, 3);
	CHECK(a.attrs == (TERM_ATTR_BOLD | TERM_ATTR_ITALIC | TERM_ATTR_BLINK |
			  TERM_ATTR_REVERSE | TERM_ATTR_STRIKE | 1u << TERM_ATTR_UNDERLINE_SHIFT));
	CHECK(a.fg == TERM_COLOUR_PALETTE(1) && a.bg == TERM_COLOUR_PALETTE(2));
	CHECK((b.attrs & TERM_ATTR_UNDERLINE_MASK) == 3u << TERM_ATTR_UNDERLINE_SHIFT);
	CHECK(b.fg == TERM_COLOUR_PALETTE(200) && b.bg == TERM_COLOUR_RGB(1, 2, 3));
	CHECK(c.attrs == 0 && c.fg == TERM_COLOUR_DEFAULT && c.bg == TERM_COLOUR_DEFAULT);
	CHECK((d.attrs & TERM_ATTR_UNDERLINE_MASK) == 2u << TERM_ATTR_UNDERLINE_SHIFT);
	/* An RGB colour equal to the default is still an RGB colour. */
	feed("\033[0;38;2;0;0;0;97me");
	CHECK(cell(0, 4).fg == TERM_COLOUR_PALETTE(15));
	feed("\033[38;2;0;0;0mf");
	CHECK(cell(0, 5).fg == TERM_COLOUR_RGB(0, 0, 0));
	/* Erasing keeps the background colour only. */
	feed("\033[0;1;44m\033[2;3H\033[K");
	CHECK(cell(1, 2).bg == TERM_COLOUR_PALETTE(4) && cell(1, 2).attrs == 0);
	CHECK(cell(1, 9).bg == TERM_COLOUR_PALETTE(4) && cell(1, 1).bg == TERM_COLOUR_DEFAULT);
}

/* The pen the last character written got: s then "X" at the top left. */
static term_cell pen_of(const char *s)
{
	start(2, 10);
	feed(s);
	feed("X");
	CHECKF(cell(0, 0).ch == 'X', "'%s' moved the cursor", s);
	return cell(0, 0);
}

#define UL(n) ((unsigned)(n) << TERM_ATTR_UNDERLINE_SHIFT)

/* Each SGR form libvterm 0.1.4 mis-parses or lacks, read by us (sgr.h). */
static void test_sgr_forms(void)
{
	term_cell c;
	/* The colon forms: `38:2::R:G:B` was magenta 255,10,200 from libvterm. */
	c = pen_of("\033[38:2::10:200:30m");
	CHECKF(c.fg == TERM_COLOUR_RGB(10, 200, 30), "fg %#x", c.fg);
	CHECK(pen_of("\033[38:2:10:200:30m").fg == TERM_COLOUR_RGB(10, 200, 30));
	CHECK(pen_of("\033[48:2:0:1:2:3m").bg == TERM_COLOUR_RGB(1, 2, 3));
	CHECK(pen_of("\033[38:5:100;48:5:7m").fg == TERM_COLOUR_PALETTE(100));
	CHECK(pen_of("\033[38:5:100;48:5:7m").bg == TERM_COLOUR_PALETTE(7));
	/* Semicolon forms, and what follows them still read. */
	c = pen_of("\033[1;38;2;1;2;3;4;48;5;9;7m");
	CHECK(c.fg == TERM_COLOUR_RGB(1, 2, 3) && c.bg == TERM_COLOUR_PALETTE(9));
	CHECK(c.attrs == (TERM_ATTR_BOLD | TERM_ATTR_REVERSE | UL(1)));
	/* Underline colour: `4;58;5;196` was underline + blink. */
	c = pen_of("\033[4;58;5;196m");
	CHECKF(c.attrs == UL(1) && c.ul == TERM_COLOUR_PALETTE(196), "attrs %#x ul %#x",
	       c.attrs, c.ul);
	CHECK(pen_of("\033[4;58:2::1:2:3m").ul == TERM_COLOUR_RGB(1, 2, 3));
	CHECK(pen_of("\033[4;58:2::1:2:3;59m").ul == TERM_COLOUR_DEFAULT);
	CHECK(pen_of("\033[4;58:2::1:2:3;0m").ul == TERM_COLOUR_DEFAULT);
	/* Underline styles, 4:4 and 4:5 included; 4:0 and 24 end it. */
	for (unsigned st = 0; st < TERM_UNDERLINE_STYLES; st++) {
		char seq[16];
		snprintf(seq, sizeof seq, "\033[4:%um", st);
		CHECKF(pen_of(seq).attrs == UL(st), "4:%u: %#x", st, pen_of(seq).attrs);
	}
	CHECK(pen_of("\033[4:3;24m").attrs == 0);
	CHECK(pen_of("\033[4:9m").attrs == 0); /* no such style: ignored */
	/* Dim and conceal (libvterm has neither); 22 ends bold and dim. */
	CHECK(pen_of("\033[2m").attrs == TERM_ATTR_DIM);
	CHECK(pen_of("\033[8m").attrs == TERM_ATTR_CONCEAL);
	CHECK(pen_of("\033[8;28m").attrs == 0);
	CHECK(pen_of("\033[1;2;22m").attrs == 0);
	/* Out of range: ignored, the rest read. */
	c = pen_of("\033[38;5;300;1m");
	CHECK(c.fg == TERM_COLOUR_DEFAULT && c.attrs == TERM_ATTR_BOLD);
	CHECK(pen_of("\033[38:2::1:2:999m").fg == TERM_COLOUR_DEFAULT);
	/* Split anywhere, and after an aborted CSI. */
	start(2, 10);
	term_emulator_write(em, "\033[38:2:", 7);
	term_emulator_write(em, ":10:200:3", 9);
	feed("0mX");
	CHECK(cell(0, 0).fg == TERM_COLOUR_RGB(10, 200, 30));
	CHECK(pen_of("\033[1;\033[3m").attrs == TERM_ATTR_ITALIC);
	/* A cursor save keeps all of the pen: DECSC/DECRC, CSI s/u, 1049. */
	c = pen_of("\033[2;4:3;58:5:9;38:2::1:2:3m\0337\033[0m\0338");
	CHECK(c.attrs == (TERM_ATTR_DIM | UL(3)) && c.ul == TERM_COLOUR_PALETTE(9) &&
	      c.fg == TERM_COLOUR_RGB(1, 2, 3));
	CHECK(pen_of("\033[8m\033[s\033[0m\033[u").attrs == TERM_ATTR_CONCEAL);
	CHECK(pen_of("\033[2m\033[?1049h\033[0m\033[?1049l").attrs == TERM_ATTR_DIM);
	/* RIS and DECSTR reset the pen. */
	CHECK(pen_of("\033[2;4:5m\033c").attrs == 0);
	CHECK(pen_of("\033[2;4:5m\033[!p").attrs == 0);
	/* More than 16 parameters (sub-parameters counted): all apply, as in xterm and tmux
	 * (the guard's cut for libvterm left out the background). */
	c = pen_of("\033[1;2;3;4;5;6;7;8;9;31;42;38;5;100;48;2;1;2;3;4mX");
	CHECKF(c.attrs == (TERM_ATTR_BOLD | TERM_ATTR_DIM | TERM_ATTR_ITALIC | UL(1) |
			   TERM_ATTR_BLINK | TERM_ATTR_REVERSE | TERM_ATTR_CONCEAL |
			   TERM_ATTR_STRIKE) &&
	       c.fg == TERM_COLOUR_PALETTE(100) && c.bg == TERM_COLOUR_RGB(1, 2, 3),
	       "attrs %#x fg %#x bg %#x", c.attrs, c.fg, c.bg);
	c = pen_of("\033[1:2:3:4:5:6:7:8:9:1:2:3:4:5:6:7:8;0;33;58:5:9;4:3m");
	CHECK(c.attrs == UL(3) && c.fg == TERM_COLOUR_PALETTE(3) && c.ul == TERM_COLOUR_PALETTE(9));
	/* Split across writes past the 16th; beyond what the guard keeps, whole ones. */
	const char *head = "\033[0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0";
	term_emulator_write(em, head, strlen(head));
	feed(";1;32mX");
	CHECK(cell(0, 1).attrs == TERM_ATTR_BOLD && cell(0, 1).fg == TERM_COLOUR_PALETTE(2));
	char big[TERM_GUARD_SGR_REST + 64];
	size_t n = (size_t)snprintf(big, sizeof big, "\033[0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;1");
	while (n < TERM_GUARD_SGR_REST + 40)
		n += (size_t)snprintf(big + n, sizeof big - n, ";23");
	snprintf(big + n, sizeof big - n, ";3mX");
	c = pen_of(big);
	CHECKF(c.attrs == TERM_ATTR_BOLD, "attrs %#x", c.attrs);
	/* A CSI other than SGR still loses them (libvterm's array). */
	c = pen_of("\033[31m\033[0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0J");
	CHECK(c.fg == TERM_COLOUR_PALETTE(1));
}

/* DECSC/DECRC keep the charset designations (libvterm's do not): vttest menu 2. The
 * restore also goes back to column 0, so the line characters overwrite the q's, as in
 * xterm (libvterm alone left "qqq|"). */
static void test_charset_save(void)
{
	start(2, 10);
	feed("\033(0\0337\033(Bqqq\0338qqq\033(B|");
	CHECK_TEXT(0, "???|......");
	CHECK(cell(0, 0).ch == 0x2500 && cell(0, 2).ch == 0x2500);
	start(2, 10);
	feed("\0337\033(0q\0338q\033(B");
	CHECK(cell(0, 0).ch == 'q'); /* restored to ASCII */
	/* SO shifts G1 (line drawing here) into GL, SI back; DECRC restores the shift saved
	 * (as xterm and tmux: libvterm alone left "qqq|"), in one write or byte by byte. */
	static const char so[] = "\033)0\016q\017q\016\0337\017qqq\0338qqq\017|q";
	for (int split = 0; split < 2; split++) {
		start(2, 10);
		for (size_t i = 0; split && i < sizeof so - 1; i++)
			term_emulator_write(em, so + i, 1);
		feed(split ? "" : so);
		CHECK_TEXT(0, "?q???|q...");
		CHECK(cell(0, 0).ch == 0x2500 && cell(0, 2).ch == 0x2500 && cell(0, 4).ch == 0x2500);
	}
	/* LS2 and RIS: ESC n shifts G2; a reset ends any shift. */
	start(2, 10);
	feed("\033*0\033nq\033cq");
	CHECK(cell(0, 0).ch == 'q');
}

/* DECCOLM (CSI ? 3 h and l) clears the screen and homes the cursor, the width kept, as
 * tmux 3.3 does (libvterm did nothing). */
static void test_deccolm(void)
{
	for (int set = 0; set < 2; set++) {
		start(3, 10);
		feed(set ? "ab\r\ncd\033[?3h" : "ab\r\ncd\033[?3l");
		CHECK_TEXT(0, "..........");
		CHECK_TEXT(1, "..........");
		CHECK_CURSOR(0, 0);
		CHECK(snap->cols == 10);
	}
}

/*
 * Resizing under the alternate screen (issue 11), as tmux: the hidden main screen shrinks
 * about the cursor 1049 saved, which moves with its line, so the shell's prompt is where
 * it was once the program leaves (it was cut off, and the cursor restored to where the
 * program's cursor was at the resize: row 0, over old text).
 */
static void test_resize_under_alternate(void)
{
	/* `seq 40; vim` at 100x30, shrunk to 80x24, `:qa!`: the prompt stays at the bottom. */
	start(30, 100);
	for (unsigned i = 1; i <= 40; i++) {
		char line[16];
		snprintf(line, sizeof line, "%u\r\n", i);
		feed(line);
	}
	feed("$ \033[?1049h\033[H\033[2Jvim screen\033[5;5H");
	term_emulator_resize(em, 24, 80);
	feed("\033[?1049l");
	CHECK_CURSOR(23, 2);
	CHECKF(cell(23, 0).ch == '$' && cell(22, 0).ch == '4' && cell(22, 1).ch == '0',
	       "rows 22-23: %s / %s", text(22), text(23));
	/* `echo one; tput smcup; tput cup 28 0; ...; tput rmcup; echo two` with a shrink to
	 * 100x21 meanwhile: one and two adjacent. */
	start(30, 100);
	feed("one\r\n\033[?1049h\033[29;1H");
	term_emulator_resize(em, 21, 100);
	feed("\033[?1049ltwo\r\n");
	CHECKF(cell(0, 0).ch == 'o' && cell(1, 0).ch == 't', "rows 0-1: %s / %s", text(0),
	       text(1));
	CHECK_CURSOR(2, 0);
}

static bool refuse_clip(void *arg, const char *text, size_t len)
{
	CHECK(term_clip_valid(text, len));
	return *(bool *)arg;
}

/* OSC 52 sets the clipboard the snapshots carry; queries and bad ones are dropped. */
static void test_clipboard(void)
{
	start(2, 10);
	feed("x");
	CHECK(snap->clip == NULL && term_snapshot_clip_seq(snap) == 0);
	feed("\033]52;c;aGVsbG8=\a");
	CHECK(snap->clip && snap->clip->seq == 1 && strcmp(snap->clip->text, "c;aGVsbG8=") == 0);
	/* Split across writes (the guard holds it), ST-terminated, no selection. */
	term_emulator_write(em, "\033]52;;d29y", 11);
	feed("bGQ=\033\\");
	CHECK(snap->clip->seq == 2 && strcmp(snap->clip->text, ";d29ybGQ=") == 0);
	/* A query is never answered, nor are bad selections or data kept. */
	feed("\033]52;c;?\a\033]52;x;aGk=\a\033]52;c;a b\a\033]52\a");
	CHECK(snap->clip->seq == 2 && out_len == 0);
	/* The same text again is a new set: a client writes it again. */
	feed("\033]52;c;aGVsbG8=\a\033]52;c;aGVsbG8=\a");
	CHECK(snap->clip->seq == 4);
	/* Refused while the check says so (set-clipboard off). */
	bool allow = false;
	term_emulator_set_clipboard_check(em, refuse_clip, &allow);
	feed("\033]52;c;Ynll\a");
	CHECK(snap->clip->seq == 4);
	allow = true;
	feed("\033]52;c;Ynll\a");
	CHECK(snap->clip->seq == 5 && strcmp(snap->clip->text, "c;Ynll") == 0);
}

/* The URI of the link at (row, col), "" for none. */
static const char *link_at(unsigned row, unsigned col)
{
	const char *id, *uri;
	return term_link_get(cell(row, col).link, &id, &uri) ? uri : "";
}

/* OSC 8 hyperlinks are part of the pen: kept in the cells written, through SGR 0, into
 * the scrollback; the same link is one number; hostile ones are refused. */
static void test_hyperlinks(void)
{
	start(3, 20);
	feed("\033]8;;https://example.com\033\\link\033]8;;\033\\ x");
	CHECK(strcmp(link_at(0, 0), "https://example.com") == 0);
	CHECK(strcmp(link_at(0, 3), "https://example.com") == 0);
	CHECK(cell(0, 4).link == 0 && cell(0, 5).link == 0);
	/* An id, BEL-terminated, split across writes, through SGR 0 and colours. */
	const char *part = "\r\n\033]8;id=a1:x=y;file://h/p;q";
	term_emulator_write(em, part, strlen(part));
	feed("\a\033[1;31mA\033[0mB\033]8;;\a");
	const char *id, *uri;
	CHECK(term_link_get(cell(1, 0).link, &id, &uri) && strcmp(id, "a1") == 0 &&
	      strcmp(uri, "file://h/p;q") == 0);
	CHECK(cell(1, 1).link == cell(1, 0).link && cell(1, 1).attrs == 0);
	/* The same link again has the same number; another id is another link. */
	uint32_t first = cell(0, 0).link;
	feed("\r\n\033]8;;https://example.com\aC\033]8;id=b;https://example.com\aD\033]8;;\a");
	CHECK(cell(2, 0).link == first && cell(2, 1).link != first && cell(2, 1).link != 0);
	/* Refused: too long, controls or spaces; such a link ends the one before. */
	char long_uri[TERM_LINK_MAX_URI + 100];
	int n = snprintf(long_uri, sizeof long_uri, "\033[H\033]8;;https://example.com\aE"
			 "\033]8;;http://");
	memset(long_uri + n, 'a', TERM_LINK_MAX_URI);
	snprintf(long_uri + n + TERM_LINK_MAX_URI - 6, 40, "\aF\033]8;;a b\aG");
	feed(long_uri);
	CHECK(cell(0, 0).link == first && cell(0, 1).link == 0 && cell(0, 2).link == 0);
	/* A URI of the longest length is kept whole. */
	char longest[TERM_LINK_MAX_URI + 100];
	n = snprintf(longest, sizeof longest, "\033[H\033]8;;");
	memset(longest + n, 'u', TERM_LINK_MAX_URI);
	snprintf(longest + n + TERM_LINK_MAX_URI, 40, "\aH\033]8;;\a");
	feed(longest);
	CHECK(term_link_get(cell(0, 0).link, &id, &uri) && strlen(uri) == TERM_LINK_MAX_URI);
	/* Scrolled off into the packed scrollback, the link stays. */
	feed("\033[2;1H\r\n\r\n\r\n\r\n");
	const term_grid *g = term_emulator_main_grid(em);
	term_row *row = term_grid_scrollback_line(g, g->sb.len - 2);
	CHECK(term_link_get(term_row_get(row, 0).link, &id, &uri) && strcmp(id, "a1") == 0);
	term_row_unref(row);
	/* RIS ends it. */
	feed("\033]8;;https://example.com\a\033cZ");
	CHECK(cell(0, 0).link == 0);
}

/* The first character of scrollback line i. */
static uint32_t sb_char(const term_grid *g, unsigned i)
{
	term_row *row = term_grid_scrollback_line(g, i);
	uint32_t ch = term_row_get(row, 0).ch;
	term_row_unref(row);
	return ch;
}

static void test_scrolling_and_scrollback(void)
{
	start(4, 8);
	for (int i = 1; i <= 10; i++) {
		char line[16];
		snprintf(line, sizeof line, "%d\r\n", i);
		feed(line);
	}
	CHECK_TEXT(0, "8.......");
	CHECK_TEXT(2, "10......");
	CHECK_TEXT(3, "........");
	const term_grid *g = term_emulator_main_grid(em);
	CHECK(g->sb.len == 7);
	CHECK(sb_char(g, 0) == '1');
	CHECK(sb_char(g, 6) == '7');
	term_row *line = term_grid_scrollback_line(g, 6);
	CHECK(line->ncells == 1); /* trimmed */
	term_row_unref(line);
	/* A region not at the top scrolls without touching the scrollback. */
	feed("\033[H\033[2J\033[2;3rA\r\nB\r\nC\r\nD\033[3;1H\n\033[r");
	CHECK(g->sb.len == 7);
	CHECK_TEXT(0, "A.......");
	CHECK_TEXT(1, "D.......");
	CHECK_TEXT(2, "........");
	/* Insert and delete characters and lines. */
	feed("\033[H\033[2Jabcdef\033[1;2H\033[2@\033[1;7H\033[P");
	CHECK_TEXT(0, "a..bcdf.");
	feed("\033[2;1Hrow2\033[3;1Hrow3\033[2;1H\033[L");
	CHECK_TEXT(1, "........");
	CHECK_TEXT(2, "row2....");
	CHECK_TEXT(3, "row3....");
	feed("\033[M\033[M");
	CHECK_TEXT(1, "row3....");
	/* Scroll down (reverse index at the top) and scroll up (SU) of the whole screen. */
	feed("\033[H\033M");
	CHECK_TEXT(0, "........");
	CHECK_TEXT(1, "a..bcdf.");
	feed("\033[2S");
	CHECK_TEXT(0, "row3....");
	CHECK(g->sb.len == 9);
}

/* A full scrollback drops its oldest lines; rows a snapshot holds are never reused. */
static void test_scrollback_limit(void)
{
	term_snapshot_unref(snap);
	snap = NULL;
	term_emulator_free(em);
	em = term_emulator_new(2, 4, 3);
	term_emulator_write(em, "a\r\nb\r\n", 6);
	term_snapshot *held = term_emulator_snapshot(em); /* rows "b" and blank */
	for (char c = 'c'; c <= 'z'; c++) {
		char line[3] = {c, '\r', '\n'};
		term_emulator_write(em, line, 3);
	}
	const term_grid *g = term_emulator_main_grid(em);
	CHECK(g->sb.len == 3);
	CHECK(sb_char(g, 0) == 'w' && sb_char(g, 2) == 'y');
	CHECK(term_row_get(held->lines[0], 0).ch == 'b' && term_row_get(held->lines[1], 0).ch == 0);
	term_snapshot_unref(held);
	snap = term_emulator_snapshot(em);
	CHECK_TEXT(0, "z...");
	CHECK_TEXT(1, "....");
	term_emulator_write(em, "1\r\n2\r\n", 6);
	CHECK(g->sb.len == 3);
	CHECK(sb_char(g, 0) == 'y' && sb_char(g, 1) == 'z' && sb_char(g, 2) == '1');
}

static void test_alternate_screen(void)
{
	start(3, 5);
	feed("main\033[?1049h");
	CHECK(snap->modes & TERM_MODE_ALTSCREEN);
	CHECK_TEXT(0, ".....");
	feed("alt\r\n\n\n\n");
	CHECK(term_emulator_main_grid(em)->sb.len == 0);
	feed("\033[?1049l");
	CHECK(!(snap->modes & TERM_MODE_ALTSCREEN));
	CHECK_TEXT(0, "main.");
	CHECK_CURSOR(0, 4);
}

static void test_title_bell_and_modes(void)
{
	start(3, 5);
	feed("\033]2;hello \xc3\xa9\007\a\a");
	CHECK(strcmp(snap->title, "hello \xc3\xa9") == 0);
	CHECK(snap->bells == 2);
	CHECK(snap->modes == 0);
	feed("\033[?1h\033=\033[?2004h\033[?5h\033[?1004h\033[?1002h");
	CHECK(snap->modes == (TERM_MODE_APP_CURSOR | TERM_MODE_APP_KEYPAD |
			      TERM_MODE_BRACKETED_PASTE | TERM_MODE_REVERSE_VIDEO |
			      TERM_MODE_FOCUS_REPORT | TERM_MODE_MOUSE_DRAG));
	feed("\033[?1003h");
	CHECK((snap->modes & (TERM_MODE_MOUSE_DRAG | TERM_MODE_MOUSE_MOVE)) == TERM_MODE_MOUSE_MOVE);
	feed("\033[?1l\033>\033[?2004l\033[?5l\033[?1004l\033[?1003l\033[?1000h");
	CHECK(snap->modes == TERM_MODE_MOUSE_CLICK);
	CHECK(out_len == 0); /* probing the modes sent the program nothing */
	feed("\033[?25l\033[4 q");
	CHECK(!snap->cursor.visible && snap->cursor.shape == TERM_CURSOR_UNDERLINE &&
	      !snap->cursor.blink);
	feed("\033[?25h\033[5 q");
	CHECK(snap->cursor.visible && snap->cursor.shape == TERM_CURSOR_BAR && snap->cursor.blink);
	/* The default shape (DECSCUSR 0 or no parameter, at the start, after RIS) stays the
	 * terminal's own: libvterm made it a blinking block. */
	feed("\033[0 q");
	CHECK(snap->cursor.shape == TERM_CURSOR_DEFAULT && !snap->cursor.blink);
	feed("\033[3 q\033[ q");
	CHECK(snap->cursor.shape == TERM_CURSOR_DEFAULT);
	feed("\033[1 q");
	CHECK(snap->cursor.shape == TERM_CURSOR_BLOCK && snap->cursor.blink);
	feed("\033c");
	CHECK(snap->cursor.shape == TERM_CURSOR_DEFAULT);
	/* DECRC and 1049 leave the style alone (libvterm's restored a blinking block: vim's
	 * exit forced one); att610 (?12) blinks it. */
	feed("\0337\033[6 q\0338");
	CHECK(snap->cursor.shape == TERM_CURSOR_BAR && !snap->cursor.blink);
	feed("\033[0 q\033[?1049h\033[?12h\033[?1049l");
	CHECK(snap->cursor.shape == TERM_CURSOR_DEFAULT && snap->cursor.blink);
	feed("\033[?12l\033[4 q\033[?5 q\033[7 q");
	CHECK(snap->cursor.shape == TERM_CURSOR_UNDERLINE && !snap->cursor.blink);
	start(2, 2);
	feed("");
	CHECK(snap->cursor.shape == TERM_CURSOR_DEFAULT && !snap->cursor.blink);
}

static void test_replies(void)
{
	start(5, 10);
	feed("\033[2;3H\033[6n");
	CHECK(out_len == 6 && memcmp(out, "\033[2;3R", 6) == 0);
	out_len = 0;
	feed("\033[c");
	CHECK(out_len > 3 && memcmp(out, "\033[?", 3) == 0 && out[out_len - 1] == 'c');
	out_len = 0;
	feed("\033[?2004h\033[?2004$p");
	CHECK(out_len == 11 && memcmp(out, "\033[?2004;1$y", 11) == 0);
}

static void test_resize(void)
{
	start(4, 6);
	feed("1\r\n2\r\n3\r\n4");
	/* Fewer rows with the cursor at the bottom: top lines go to the scrollback. */
	term_emulator_resize(em, 2, 6);
	feed("");
	CHECK_TEXT(0, "3.....");
	CHECK_TEXT(1, "4.....");
	CHECK_CURSOR(1, 1);
	CHECK(term_emulator_main_grid(em)->sb.len == 2);
	/* More rows: they come back from the scrollback. */
	term_emulator_resize(em, 5, 6);
	feed("");
	CHECK_TEXT(0, "1.....");
	CHECK_TEXT(3, "4.....");
	CHECK_CURSOR(3, 1);
	CHECK(term_emulator_main_grid(em)->sb.len == 0);
	/* Narrower keeps the cells, wider shows them again. */
	feed("\033[1;1Habcdef");
	term_emulator_resize(em, 5, 3);
	feed("");
	CHECK_TEXT(0, "abc");
	CHECK_CURSOR(0, 2);
	term_emulator_resize(em, 5, 6);
	feed("");
	CHECK_TEXT(0, "abcdef");
	/* Fewer rows with the cursor high and blank lines below: nothing is pushed. */
	feed("\033[H\033[2Jtop\033[1;1H");
	term_emulator_resize(em, 2, 6);
	feed("");
	CHECK_TEXT(0, "top...");
	CHECK_CURSOR(0, 0);
	/* Sizes are clamped. */
	term_emulator_resize(em, 0, 100000);
	feed("");
	CHECK(snap->rows == 1 && snap->cols == TERM_MAX_COLS);
}

static void test_snapshot_shares_rows(void)
{
	start(3, 4);
	feed("ab\r\ncd");
	term_snapshot *old = term_snapshot_ref(snap);
	feed("\r\nef");
	CHECK(old->lines[0] == snap->lines[0]); /* untouched row: shared */
	CHECK(old->lines[2] != snap->lines[2]);
	CHECK(term_row_get(old->lines[2], 0).ch == 0); /* the old snapshot did not change */
	term_snapshot_unref(old);
}

int main(void)
{
	test_text_and_cursor();
	test_combining_and_wide();
	test_attributes_and_colours();
	test_sgr_forms();
	test_charset_save();
	test_deccolm();
	test_resize_under_alternate();
	test_clipboard();
	test_hyperlinks();
	test_scrolling_and_scrollback();
	test_scrollback_limit();
	test_alternate_screen();
	test_title_bell_and_modes();
	test_replies();
	test_resize();
	test_snapshot_shares_rows();
	term_snapshot_unref(snap);
	term_emulator_free(em);
	return 0;
}
