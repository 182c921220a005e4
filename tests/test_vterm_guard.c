/*
 * Regression tests for the libvterm 0.1.4 bugs the emulator guards against (DESIGN.md):
 * each one fails when its guard is taken out.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "term/capture.h"
#include "term/emulator.h"
#include "term/vterm_guard.h"
#include "util/xmalloc.h"

#include "check.h"
#include "term_output.h"

static void write_split(term_emulator *em, const char *s, size_t at)
{
	term_emulator_write(em, s, at);
	term_emulator_write(em, s + at, strlen(s) - at);
}

static const char *title_of(term_emulator *em, char *buf, size_t size)
{
	term_snapshot *snap = term_emulator_snapshot(em);
	snprintf(buf, size, "%s", snap->title);
	term_snapshot_unref(snap);
	return buf;
}

/* libvterm alone dispatches this as an OSC of length SIZE_MAX. */
static void test_st_split(void)
{
	term_emulator *em = term_emulator_new(2, 10, 0);
	write_split(em, "\033]2;abc\033\\", 8);
	char title[16];
	CHECKF(strcmp(title_of(em, title, sizeof title), "abc") == 0, "title \"%s\"", title);
	term_emulator_free(em);
}

/* An OSC or DCS split across two writes, at every byte, with either terminator. */
static void test_string_split_anywhere(void)
{
	static const char *streams[] = {
		"x\033]2;hello\007y",
		"x\033]2;hello\033\\y",
		"x\033P+q544e\033\\\033]0;hello\033\\y",
		"x\033]2;old\033]2;hello\007y", /* a string restarted before its end */
		"x\033\033]2;hello\007y",
	};
	for (size_t k = 0; k < sizeof streams / sizeof *streams; k++) {
		for (size_t at = 0; at <= strlen(streams[k]); at++) {
			term_emulator *em = term_emulator_new(2, 10, 0);
			write_split(em, streams[k], at);
			char title[64];
			CHECKF(strcmp(title_of(em, title, sizeof title), "hello") == 0,
			       "stream %zu split at %zu: title \"%s\"", k, at, title);
			term_snapshot *snap = term_emulator_snapshot(em);
			CHECKF(term_row_get(snap->lines[0], 0).ch == 'x' &&
				       term_row_get(snap->lines[0], 1).ch == 'y' &&
				       term_row_get(snap->lines[0], 2).ch == 0,
			       "stream %zu split at %zu: text lost or leaked", k, at);
			term_snapshot_unref(snap);
			term_emulator_free(em);
		}
	}
}

/* A UTF-8 character split inside: libvterm alone shows U+FFFD replacement characters. */
static void test_utf8_split(void)
{
	const char *s = "a\xef\xbc\xa1" "b\xf0\x9f\x98\x80";
	for (size_t at = 0; at <= strlen(s); at++) {
		term_emulator *em = term_emulator_new(1, 8, 0);
		write_split(em, s, at);
		term_snapshot *snap = term_emulator_snapshot(em);
		CHECKF(term_row_get(snap->lines[0], 1).ch == 0xff21 &&
			       term_row_get(snap->lines[0], 4).ch == 0x1f600,
		       "split at %zu", at);
		term_snapshot_unref(snap);
		term_emulator_free(em);
	}
}

/* A control between the ESC and the backslash of an ST: libvterm alone reads past its
 * input (ASan reports it, the copy in the heap being exact). */
static void test_control_inside_st(void)
{
	static const char *streams[] = {"\033]2;ab\033\004\\Z", "\033]2;ab\033\n\177\\Z",
					"\033Pab\033\r\\Z", "\033\004]2;ab\033\004\\Z"};
	for (size_t k = 0; k < sizeof streams / sizeof *streams; k++) {
		size_t n = strlen(streams[k]);
		char *copy = xmemdup(streams[k], n);
		for (size_t at = 0; at <= n; at++) {
			term_emulator *em = term_emulator_new(2, 10, 0);
			term_emulator_write(em, copy, at);
			term_emulator_write(em, copy + at, n - at);
			term_snapshot *snap = term_emulator_snapshot(em);
			CHECKF(term_row_get(snap->lines[0], 0).ch == 'Z' &&
				       term_row_get(snap->lines[0], 1).ch == 0,
			       "stream %zu split at %zu", k, at);
			CHECK(k == 2 || strcmp(snap->title, "ab") == 0);
			term_snapshot_unref(snap);
			term_emulator_free(em);
		}
		free(copy);
	}
}

/* Strings end where libvterm ends them: CAN aborts, C0 controls inside are skipped. */
static void test_string_ends(void)
{
	term_emulator *em = term_emulator_new(2, 10, 0);
	write_split(em, "\033]2;ab\030cd", 5);
	term_snapshot *snap = term_emulator_snapshot(em);
	CHECK(snap->title[0] == '\0' && term_row_get(snap->lines[0], 0).ch == 'c');
	term_snapshot_unref(snap);
	write_split(em, "\033]2;a\nb\007", 6);
	char title[16];
	CHECK(strcmp(title_of(em, title, sizeof title), "ab") == 0);
	term_emulator_free(em);
}

/* An endless string is dropped once too long; what follows its end still shows. */
static void test_flood_is_bounded(void)
{
	VTerm *vt = vterm_new(2, 10);
	vterm_set_utf8(vt, 1);
	term_vterm_guard guard = {0};
	char chunk[4096];
	memset(chunk, 'a', sizeof chunk);
	term_vterm_guard_write(&guard, vt, "\033]2;", 4);
	for (int i = 0; i < 2560; i++) { /* 10 MiB */
		term_vterm_guard_write(&guard, vt, chunk, sizeof chunk);
		CHECK(guard.len <= TERM_GUARD_MAX_STRING);
	}
	CHECK(guard.dropping && guard.cap <= TERM_GUARD_MAX_STRING);
	term_vterm_guard_write(&guard, vt, "\007", 1);
	CHECK(!guard.dropping && guard.len == 0);
	term_vterm_guard_free(&guard);
	vterm_free(vt);

	term_emulator *em = term_emulator_new(2, 10, 0);
	term_emulator_write(em, "\033]2;", 4);
	for (int i = 0; i < 100; i++)
		term_emulator_write(em, chunk, sizeof chunk);
	term_emulator_write(em, "\033\\ok", 4);
	term_snapshot *snap = term_emulator_snapshot(em);
	CHECK(snap->title[0] == '\0' && term_row_get(snap->lines[0], 0).ch == 'o');
	term_snapshot_unref(snap);
	term_emulator_free(em);
}

/* A CSI with too many parameters: libvterm alone writes past its array and crashes on
 * its next output. The first 16 parameters still count, split anywhere. */
static void test_many_parameters(void)
{
	char csi[256] = "\033[38;5;1;4";
	for (int i = 0; i < 40; i++)
		strcat(csi, i % 2 ? ";1" : ":3");
	strcat(csi, "mX\033[c");
	for (size_t at = 0; at <= strlen(csi); at += 7) {
		term_emulator *em = term_emulator_new(2, 10, 0);
		term_emulator_set_output(em, on_output, NULL);
		out_len = 0;
		write_split(em, csi, at);
		term_snapshot *snap = term_emulator_snapshot(em);
		term_cell x = term_row_get(snap->lines[0], 0);
		CHECKF(x.ch == 'X' && x.fg == TERM_COLOUR_PALETTE(1) && (x.attrs & TERM_ATTR_BOLD),
		       "split at %zu", at);
		CHECK(out_len > 0 && out[out_len - 1] == 'c'); /* the reply to DA */
		term_snapshot_unref(snap);
		term_emulator_free(em);
	}
}

/* Row r of a snapshot as text, blanks as spaces, trailing ones dropped. */
static void row_text(const term_snapshot *snap, unsigned r, char *text)
{
	unsigned n = 0, end = 0;
	for (unsigned c = 0; c < snap->cols; c++) {
		uint32_t ch = term_row_get(snap->lines[r], c).ch;
		text[n++] = ch ? (char)ch : ' ';
		end = ch ? n : end;
	}
	text[end] = '\0';
}

/* Writes the pieces (NULL-terminated) to a fresh 3x10 screen; checks rows 0 and 1. */
static void check_rep(const char *const *pieces, const char *row0, const char *row1)
{
	term_emulator *em = term_emulator_new(3, 10, 0);
	for (const char *const *p = pieces; *p != NULL; p++)
		term_emulator_write(em, *p, strlen(*p));
	term_snapshot *snap = term_emulator_snapshot(em);
	char got0[16], got1[16];
	row_text(snap, 0, got0);
	row_text(snap, 1, got1);
	CHECKF(strcmp(got0, row0) == 0 && strcmp(got1, row1) == 0, "%s: \"%s\" \"%s\"",
	       pieces[0], got0, got1);
	term_snapshot_unref(snap);
	term_emulator_free(em);
}

/*
 * REP: libvterm alone loops for ever before any character, and after a REP ending one
 * cell short of the margin it wraps the next character early. Ours prints the character
 * again, as xterm does.
 */
static void test_rep(void)
{
	check_rep((const char *[]){"\033[3bx\033[2b", NULL}, "xxx", "");
	check_rep((const char *[]){"abcd\033[5bY", NULL}, "abcddddddY", "");
	check_rep((const char *[]){"abcd\033[6bY", NULL}, "abcddddddd", "Y");
	check_rep((const char *[]){"ab\033[", "2", "b|", NULL}, "abbb|", "");
	check_rep((const char *[]){"ab\033[0b|", NULL}, "abb|", "");
	check_rep((const char *[]){"ab\033[14b", NULL}, "abbbbbbbbb", "bbbbbb");
	check_rep((const char *[]){"ab\033[?3b|", NULL}, "ab|", ""); /* not REP */
	/* Before any character, a REP with a control or DEL inside, or one that aborts a
	 * string, made libvterm loop for ever: the control runs, the REP repeats nothing. */
	check_rep((const char *[]){"\033[\nb", "x", NULL}, "", "x");
	check_rep((const char *[]){"\033[\177b", "\033[", "2b", "x", NULL}, "x", "");
	check_rep((const char *[]){"\033]0;t\033[b", "x", NULL}, "x", "");
	check_rep((const char *[]){"\033P\033[", "3bx", NULL}, "x", "");
	/* After one, the control runs where it comes and the REP repeats as usual. */
	check_rep((const char *[]){"ab\033[\r2b|", NULL}, "bb|", "");
	check_rep((const char *[]){"ab\033[2\n", "b|", NULL}, "ab", "  bb|");
	check_rep((const char *[]){"a\033]2;t\033[2b|", NULL}, "aaa|", "");
	/* A private mode number past the saturation point looped for ever (the emulator's
	 * reading of CSI ? Pm h, fuzz_emulator). */
	check_rep((const char *[]){"\033[?1062004h", "\033[?99999999999;1049lx", NULL}, "x",
		  "");
	/* At most a screenful: 30 more, so the screen scrolls once. */
	check_rep((const char *[]){"ab\033[99999999999999999999b", NULL},
		  "bbbbbbbbbb", "bbbbbbbbbb");
	/* A wide character repeated: three of them, two cells each. */
	term_emulator *em = term_emulator_new(2, 10, 0);
	term_emulator_write(em, "\xe4\xb8\xad\033[2b", 8);
	term_snapshot *snap = term_emulator_snapshot(em);
	for (unsigned c = 0; c < 6; c += 2)
		CHECK(term_row_get(snap->lines[0], c).ch == 0x4e2d);
	CHECK(snap->cursor.col == 6);
	term_snapshot_unref(snap);
	term_emulator_free(em);
}

/* C1 controls in UTF-8 (NEL, CSI) that libvterm prints as characters: a cell never
 * holds a control, which capture and the client's terminal would act on. */
static void test_c1_printed(void)
{
	term_emulator *em = term_emulator_new(2, 10, 0);
	term_emulator_write(em, "a\xc2\x85" "b", 4);
	term_snapshot *snap = term_emulator_snapshot(em);
	for (unsigned c = 0; c < snap->cols; c++) {
		uint32_t chars[TERM_MAX_CHARS];
		unsigned n = term_row_chars(snap->lines[0], c, chars);
		for (unsigned i = 0; i < n; i++)
			CHECKF(chars[i] >= 0xa0 || (chars[i] >= 0x20 && chars[i] < 0x7f),
			       "column %u holds U+%04X", c, chars[i]);
	}
	term_snapshot_unref(snap);
	term_emulator_free(em);
}

/*
 * Margins and a saved cursor past the edge of a smaller screen: libvterm alone memmoves a
 * negative size on the next scroll (ASan sees it) and restores the cursor outside. Here
 * the resize comes in the middle of a sequence, which must stay whole.
 */
static void test_margins_after_shrink(void)
{
	term_emulator *em = term_emulator_new(30, 40, 10);
	const char *before = "\033[20;30H\0337\033[?69h\033[25;35s\033[7;20r\033[";
	term_emulator_write(em, before, strlen(before));
	term_emulator_resize(em, 3, 10);
	const char *after = "1mX\n\n\n\n\0338Y\r\n\n\n\n";
	term_emulator_write(em, after, strlen(after));
	term_snapshot *snap = term_emulator_snapshot(em);
	char *text = term_capture(snap, term_emulator_main_grid(em), TERM_CAPTURE_ESCAPES, NULL);
	/* DECSTBM took the cursor home: X went there and scrolled away; DECRC brought back
	 * the pen saved before SGR 1 came and the cursor saved at 20,30, which moved up with
	 * its line as the shrink pushed lines away (to row 3) and is kept on the screen
	 * (column 10). */
	CHECKF(strcmp(text, "\033[0;1mX\033[0m\n\n\n\n         Y\n\n\n\n\n") == 0, "got %s",
	       text);
	CHECK(snap->cursor.row == 2 && snap->cursor.col == 0);
	free(text);
	term_snapshot_unref(snap);
	term_emulator_free(em);
}

/* Fewer rows with text below and the cursor near the top: it stays on its own line. */
static void test_cursor_after_shrink(void)
{
	term_emulator *em = term_emulator_new(10, 8, 100);
	const char *fill = "r0\r\nr1\r\nr2\r\nr3\r\nr4\r\nr5\r\nr6\r\nr7\r\nr8\r\nr9\033[2;2H";
	term_emulator_write(em, fill, strlen(fill));
	term_emulator_resize(em, 3, 8);
	term_emulator_write(em, "X", 1);
	term_snapshot *snap = term_emulator_snapshot(em);
	CHECKF(snap->cursor.row == 0 && snap->cursor.col == 2, "cursor %u,%u", snap->cursor.row,
	       snap->cursor.col);
	CHECK(term_row_get(snap->lines[0], 0).ch == 'r' && term_row_get(snap->lines[0], 1).ch == 'X');
	CHECK(term_emulator_main_grid(em)->sb.len == 1);
	term_snapshot_unref(snap);
	term_emulator_free(em);
}

/* screen's ESC k NAME: never printed, split anywhere; NAME ends at ESC (then ST), CAN or
 * SUB, its controls left out; the text around it stays in its place. */
static void test_rename_string(void)
{
	static const struct {
		const char *stream, *name;
	} cases[] = {
		{"x\033kvim\033\\y", "vim"},
		{"x\033kv\ai\rm\030y", "vim"},
		{"x\033k\033\\y", ""},
		{"x\033kmy name\032y", "my name"},
		{"x\033kold\033k\033\\y", ""}, /* the second one last */
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		for (size_t at = 0; at <= strlen(cases[k].stream); at++) {
			term_emulator *em = term_emulator_new(2, 10, 0);
			write_split(em, cases[k].stream, at);
			char *name = term_emulator_take_rename(em);
			CHECKF(name != NULL && strcmp(name, cases[k].name) == 0,
			       "case %zu split at %zu: \"%s\"", k, at, name ? name : "(none)");
			free(name);
			CHECK(term_emulator_take_rename(em) == NULL);
			term_snapshot *snap = term_emulator_snapshot(em);
			CHECKF(term_row_get(snap->lines[0], 0).ch == 'x' &&
				       term_row_get(snap->lines[0], 1).ch == 'y',
			       "case %zu split at %zu: the text around it", k, at);
			term_snapshot_unref(snap);
			term_emulator_free(em);
		}
	}
}

int main(void)
{
	alarm(60); /* a sequence that makes libvterm loop fails the test, not the suite */
	test_st_split();
	test_string_split_anywhere();
	test_string_ends();
	test_utf8_split();
	test_control_inside_st();
	test_rep();
	test_c1_printed();
	test_many_parameters();
	test_flood_is_bounded();
	test_cursor_after_shrink();
	test_margins_after_shrink();
	test_rename_string();
	return 0;
}
