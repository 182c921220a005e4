/* Keys, pastes and mouse events as the program receives them, in each mode. */
#include <string.h>

#include "term/input.h"

#include "check.h"
#include "term_output.h"

static term_emulator *em;

static void feed(const char *s)
{
	term_emulator_write(em, s, strlen(s));
}

static void check_sent(const char *want, int line)
{
	if (out_len != strlen(want) || memcmp(out, want, out_len) != 0) {
		fprintf(stderr, "line %d: sent \"", line);
		for (size_t i = 0; i < out_len; i++)
			fprintf(stderr, out[i] == 033 ? "\\e" : out[i] < 32 ? "\\x%02x" : "%c", out[i]);
		fprintf(stderr, "\"\n");
		exit(1);
	}
	out_len = 0;
}

static void key(uint8_t code, uint32_t ch, uint8_t mods, const char *want, int line)
{
	term_key k = {.code = code, .ch = ch, .mods = mods};
	CHECK(term_input_key(em, &k));
	check_sent(want, line);
}

#define KEY(code, mods, want) key(code, 0, mods, want, __LINE__)
#define CHAR(ch, mods, want) key(TERM_KEY_CHAR, ch, mods, want, __LINE__)

static void test_keys(void)
{
	CHAR('a', 0, "a");
	CHAR(0xe9, 0, "\xc3\xa9");
	CHAR('c', TERM_MOD_CTRL, "\x03");
	/* C-i, C-j, C-m and C-[ are their C0 bytes too (libvterm alone writes CSI u). */
	CHAR('j', TERM_MOD_CTRL, "\n");
	CHAR('i', TERM_MOD_CTRL, "\t");
	CHAR('m', TERM_MOD_CTRL, "\r");
	CHAR('[', TERM_MOD_CTRL, "\033");
	CHAR('j', TERM_MOD_CTRL | TERM_MOD_ALT, "\033\n");
	CHAR('j', TERM_MOD_CTRL | TERM_MOD_SHIFT, "\n"); /* as libvterm, shift aside */
	CHAR('x', TERM_MOD_ALT, "\033x");
	KEY(TERM_KEY_ENTER, 0, "\r");
	KEY(TERM_KEY_TAB, 0, "\t");
	KEY(TERM_KEY_TAB, TERM_MOD_SHIFT, "\033[Z");
	KEY(TERM_KEY_BACKSPACE, 0, "\x7f");
	KEY(TERM_KEY_ESCAPE, 0, "\033");
	KEY(TERM_KEY_UP, 0, "\033[A");
	KEY(TERM_KEY_UP, TERM_MOD_SHIFT, "\033[1;2A");
	KEY(TERM_KEY_RIGHT, TERM_MOD_CTRL, "\033[1;5C");
	KEY(TERM_KEY_HOME, 0, "\033[H");
	KEY(TERM_KEY_END, 0, "\033[F");
	KEY(TERM_KEY_PAGEUP, 0, "\033[5~");
	KEY(TERM_KEY_PAGEDOWN, TERM_MOD_ALT, "\033[6;3~");
	KEY(TERM_KEY_INSERT, 0, "\033[2~");
	KEY(TERM_KEY_DELETE, 0, "\033[3~");
	KEY(TERM_KEY_F1, 0, "\033OP");
	KEY(TERM_KEY_F1 + 4, 0, "\033[15~");
	KEY(TERM_KEY_F12, TERM_MOD_SHIFT, "\033[24;2~");
	feed("\033[?1h");
	KEY(TERM_KEY_UP, 0, "\033OA");
	KEY(TERM_KEY_LEFT, 0, "\033OD");
	feed("\033[?1l");
	KEY(TERM_KEY_LEFT, 0, "\033[D");
	term_key bad = {.code = TERM_KEY_F12 + 1};
	CHECK(!term_input_key(em, &bad));
	bad.code = TERM_KEY_CHAR;
	CHECK(!term_input_key(em, &bad));
	check_sent("", __LINE__);
}

static void test_paste(void)
{
	term_input_paste(em, "a\nb\033c", 5);
	check_sent("a\rb\033c", __LINE__);
	feed("\033[?2004h");
	term_input_paste(em, "a\nb\033[201~c", 10);
	check_sent("\033[200~a\rb[201~c\033[201~", __LINE__);
	feed("\033[?2004l");
}

static void mouse(uint8_t action, uint8_t button, uint16_t row, uint16_t col, const char *want,
		  int line)
{
	term_mouse m = {.action = action, .button = button, .row = row, .col = col};
	term_input_mouse(em, &m);
	check_sent(want, line);
}

static void test_mouse(void)
{
	mouse(TERM_MOUSE_PRESS, 1, 2, 3, "", __LINE__);
	feed("\033[?1000h");
	/* X10 encoding: 32 + button, 33 + column, 33 + row. */
	mouse(TERM_MOUSE_PRESS, 1, 2, 3, "\033[M $#", __LINE__);
	mouse(TERM_MOUSE_RELEASE, 1, 2, 3, "\033[M#$#", __LINE__);
	mouse(TERM_MOUSE_MOVE, 0, 4, 4, "", __LINE__); /* motion not asked for */
	feed("\033[?1006h\033[?1002h");
	mouse(TERM_MOUSE_PRESS, 3, 0, 9, "\033[<2;10;1M", __LINE__);
	mouse(TERM_MOUSE_MOVE, 0, 1, 9, "\033[<34;10;2M", __LINE__);
	mouse(TERM_MOUSE_RELEASE, 3, 1, 9, "\033[<2;10;2m", __LINE__);
	mouse(TERM_MOUSE_PRESS, 4, 5, 6, "\033[<64;7;6M", __LINE__);
	mouse(TERM_MOUSE_PRESS, 5, 5, 6, "\033[<65;7;6M", __LINE__);
}

int main(void)
{
	em = term_emulator_new(24, 80, 0);
	term_emulator_set_output(em, on_output, NULL);
	test_keys();
	test_paste();
	test_mouse();
	term_emulator_free(em);
	return 0;
}
