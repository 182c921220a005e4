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

int main(void)
{
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
	term_emulator_free(em);
	return 0;
}
