/* capture-pane: screen and scrollback as text, with and without SGR sequences. */
#include <stdlib.h>
#include <string.h>

#include "term/capture.h"
#include "term/emulator.h"

#include "check.h"

static char *capture(term_emulator *em, bool history, unsigned flags)
{
	term_snapshot *snap = term_emulator_snapshot(em);
	char *text = term_capture(snap, history ? term_emulator_main_grid(em) : NULL, flags, NULL);
	term_snapshot_unref(snap);
	return text;
}

#define CHECK_CAPTURE(em, history, flags, want)                                        \
	do {                                                                          \
		char *got_ = capture(em, history, flags);                             \
		CHECKF(strcmp(got_, want) == 0, "got \"%s\"", got_);                  \
		free(got_);                                                           \
	} while (0)

static void write_str(term_emulator *em, const char *s)
{
	term_emulator_write(em, s, strlen(s));
}

/* The screen's lines, scrolled into the (packed) scrollback, capture exactly as they did
 * on the screen: every attribute and colour kind, wide and combining characters, an
 * orphaned half, blanks with a background; at 10 columns and, once narrowed to 4, with the
 * cells the narrower screen hides cut. */
static void test_history_reads_as_shown(void)
{
	static const unsigned widths[] = {10, 4};
	for (unsigned w = 0; w < 2; w++) {
		unsigned cols = widths[w];
		term_emulator *em = term_emulator_new(6, 10, 100);
		write_str(em, "\033[1;3;5;7;9;4:2mab\033[0;38;5;100;48;2;9;8;7m\xe4\xb8\x80" "c\r\n"
			      "e\xcc\x81\xcc\xa3\033[4:3m x\033[0m\033[41m  \033[0m\r\n"
			      "\xe4\xb8\x80\xe4\xb8\x80\033[2Gz\r\n0123456789abc\r\n"
			      "\033[44m\033[K\033[0mq\xf0\x9f\x8d\x80");
		term_emulator_resize(em, 6, cols);
		char *shown[TERM_CAPTURE_ESCAPES + 1];
		for (unsigned flags = 0; flags <= TERM_CAPTURE_ESCAPES; flags++)
			shown[flags] = capture(em, false, flags);
		write_str(em, "\033[6H\n\n\n\n\n\n");
		CHECK(term_emulator_main_grid(em)->sb.len == 6);
		for (unsigned flags = 0; flags <= TERM_CAPTURE_ESCAPES; flags++) {
			char *history = capture(em, true, flags);
			CHECKF(strncmp(history, shown[flags], strlen(shown[flags])) == 0,
			       "%u columns: shown \"%s\", history \"%s\"", cols, shown[flags],
			       history);
			free(shown[flags]);
			free(history);
		}
		term_emulator_free(em);
	}
}

/* capture-pane -J: lines the terminal wrapped join (within one write or across two, at
 * the bottom where the screen scrolls, into the scrollback and back), a space at the
 * edge kept; a newline of the program's, a line erased or a wide character too wide for
 * the edge as tmux has them. */
static void test_joined(void)
{
	term_emulator *em = term_emulator_new(3, 8, 100);
	write_str(em, "abcdefghij\r\n1234567");
	write_str(em, "89");
	CHECK_CAPTURE(em, true, TERM_CAPTURE_JOIN, "abcdefghij\n123456789\n");
	CHECK_CAPTURE(em, true, 0, "abcdefgh\nij\n12345678\n9\n");
	write_str(em, "\r\nabcdefg hi\r\n12345678\r\n9"); /* scrolls: rows into history */
	CHECK_CAPTURE(em, true, TERM_CAPTURE_JOIN,
		      "abcdefghij\n123456789\nabcdefg hi\n12345678\n9\n");
	write_str(em, "\033[H\033[2J\033[Habcdefghij\033[1;1H\033[2K");
	CHECK_CAPTURE(em, false, TERM_CAPTURE_JOIN, "\nij\n\n");
	write_str(em, "\033[H\033[2Jabcdefg\xe4\xb8\x80"); /* wraps: the last column unused */
	CHECK_CAPTURE(em, false, TERM_CAPTURE_JOIN, "abcdefg\xe4\xb8\x80\n\n");
	write_str(em, "\033[H\033[2Jabcdefgh\033[2;1Hx"); /* moved there: no wrap */
	CHECK_CAPTURE(em, false, TERM_CAPTURE_JOIN, "abcdefgh\nx\n\n");
	/* A resize (no reflow) keeps a wrap whose text still fits, drops one cut at the
	 * narrower edge, and the last row's when the row below goes. */
	write_str(em, "\033[H\033[2Jabcdefghij\r\nabcd");
	term_emulator_resize(em, 3, 10);
	CHECK_CAPTURE(em, false, TERM_CAPTURE_JOIN, "abcdefghij\nabcd\n");
	term_emulator_resize(em, 3, 6);
	CHECK_CAPTURE(em, false, TERM_CAPTURE_JOIN, "abcdef\nij\nabcd\n");
	write_str(em, "\033[H\033[2Jabcdefghij\033[H");
	term_emulator_resize(em, 1, 6);
	CHECK_CAPTURE(em, false, TERM_CAPTURE_JOIN, "abcdef\n");
	term_emulator_free(em);
}

int main(void)
{
	test_history_reads_as_shown();
	test_joined();
	term_emulator *em = term_emulator_new(3, 8, 100);
	write_str(em, "one  \r\n\xe4\xb8\x80x e\xcc\x81 \r\nthree\r\nfour");
	CHECK_CAPTURE(em, false, 0, "\xe4\xb8\x80x e\xcc\x81\nthree\nfour\n");
	CHECK_CAPTURE(em, true, 0, "one\n\xe4\xb8\x80x e\xcc\x81\nthree\nfour\n");
	/* Half of an overwritten wide character shows as a space. */
	write_str(em, "\033[1;2Hy");
	CHECK_CAPTURE(em, false, 0, " yx e\xcc\x81\nthree\nfour\n");
	/* Attributes and colours, reset at the end of a line that used them. */
	write_str(em, "\033[2J\033[H\033[1;4:3;31;48;5;200mA\033[0;97mB\033[0m C\033[7m \033[0m\033[38;2;1;2;3mD");
	CHECK_CAPTURE(em, false, TERM_CAPTURE_ESCAPES,
		      "\033[0;1;4:3;31;48;5;200mA\033[0;97mB\033[0m C\033[0;7m \033[0;38;2;1;2;3mD\033[0m\n\n\n");
	CHECK_CAPTURE(em, false, 0, "AB C D\n\n\n");
	/* OSC 8 hyperlinks as tmux 3.4 writes them: after the SGR, ended where the link
	 * ends and at the end of the line. */
	write_str(em, "\033[0m\033[2J\033[H\033]8;;https://example.com\033\\link\033]8;;\033\\ "
		      "\033]8;id=x;file://h/a\a\033[1mB\033[0mC\r\n\033]8;;\aD");
	CHECK_CAPTURE(em, false, TERM_CAPTURE_ESCAPES,
		      "\033]8;;https://example.com\033\\link\033]8;;\033\\ "
		      "\033[0;1m\033]8;id=x;file://h/a\033\\B\033[0mC\033]8;;\033\\\n"
		      "D\n\n");
	CHECK_CAPTURE(em, false, 0, "link BC\nD\n\n");
	term_emulator_free(em);
	return 0;
}
