/*
 * The prediction engine against a scripted pane: the test plays the server, whose pane is
 * our emulator fed with what a program would echo (a shell's line editor, a password
 * prompt, a full-screen editor), and acknowledges keys when it likes. Checks what the
 * user would see: guesses at once, the server's cells exactly once it has spoken.
 */
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "client/predict.h"
#include "term/emulator.h"

struct sim {
	term_emulator *em;
	predict *p;
	term_view *view; /* the newest view "received" */
	uint64_t sent, applied;
	uint64_t now;
	unsigned rows, cols;
	bool tty_echo; /* the pane's terminal echoes (cooked mode) */
};

/* The server's view of its one pane, acknowledging the events applied. */
static void ship(struct sim *s)
{
	term_view *v = term_view_new(s->cols, s->rows, 1);
	v->panes[0].id = 7;
	v->panes[0].screen = term_emulator_snapshot(s->em);
	v->echo_events = s->applied;
	v->tty_echo = s->tty_echo;
	term_view_unref(s->view);
	s->view = v;
	predict_view(s->p, v, s->now);
}

static void sim_init(struct sim *s, unsigned rows, unsigned cols, enum predict_mode mode,
		     const char *prompt)
{
	memset(s, 0, sizeof *s);
	s->rows = rows;
	s->cols = cols;
	s->em = term_emulator_new(rows, cols, 0);
	s->p = predict_new(mode);
	s->now = 1000;
	term_emulator_write(s->em, prompt, strlen(prompt));
	ship(s);
}

static void sim_free(struct sim *s)
{
	term_view_unref(s->view);
	predict_free(s->p);
	term_emulator_free(s->em);
}

static term_key ch(uint32_t c)
{
	return (term_key){TERM_KEY_CHAR, 0, c};
}

static term_key code(uint8_t c)
{
	return (term_key){c, 0, 0};
}

/* The user types a key: it is event number sent. */
static void type(struct sim *s, term_key k)
{
	predict_key(s->p, s->view, &k, s->sent++, s->now);
}

/* The server applies the next event: the program echoes bytes; then ships. */
static void apply(struct sim *s, const char *echo)
{
	term_emulator_write(s->em, echo, strlen(echo));
	s->applied++;
	ship(s);
}

/* What the user sees: row r of the active pane as text, trailing blanks dropped. */
static void shown_row(struct sim *s, unsigned r, char *out, size_t size)
{
	term_view *o = predict_overlay(s->p, s->view, s->now);
	const term_snapshot *sc = o->panes[0].screen;
	size_t n = 0, end = 0;
	for (unsigned c = 0; c < sc->cols && n + 5 < size; c++) {
		uint32_t cps[TERM_MAX_CHARS];
		term_cell cell = term_row_get(sc->lines[r], c);
		if (cell.width == 0)
			continue;
		unsigned k = term_row_chars(sc->lines[r], c, cps);
		if (k == 0 || cps[0] == ' ') {
			out[n++] = ' ';
			continue;
		}
		n += (size_t)wcrtomb(out + n, (wchar_t)cps[0], NULL);
		end = n;
	}
	out[end] = '\0';
	term_view_unref(o);
}

static term_cursor shown_cursor(struct sim *s)
{
	term_view *o = predict_overlay(s->p, s->view, s->now);
	term_cursor c = o->panes[0].screen->cursor;
	term_view_unref(o);
	return c;
}

#define ROW_IS(s, r, text)                                                       \
	do {                                                                     \
		char row_[512];                                                  \
		shown_row(s, r, row_, sizeof row_);                              \
		CHECKF(strcmp(row_, text) == 0, "row %u: \"%s\", want \"%s\"", r, row_, \
		       text);                                                    \
	} while (0)

#define CURSOR_AT(s, r, c)                                                              \
	do {                                                                            \
		term_cursor cur_ = shown_cursor(s);                                     \
		CHECKF(cur_.row == (r) && cur_.col == (c), "cursor %u,%u want %u,%u",    \
		       cur_.row, cur_.col, (unsigned)(r), (unsigned)(c));               \
	} while (0)

/* The user sees exactly the server's screen. */
static void check_exact(struct sim *s)
{
	term_view *o = predict_overlay(s->p, s->view, s->now);
	char why[256];
	term_snapshot_describe_difference(o->panes[0].screen, s->view->panes[0].screen, why,
					  sizeof why);
	CHECKF(why[0] == '\0', "overlay differs from the server's screen: %s", why);
	term_view_unref(o);
}

static void typing_at_a_prompt(void)
{
	struct sim s;
	sim_init(&s, 5, 20, PREDICT_ALWAYS, "$ ");
	const char *word = "hello";
	for (const char *c = word; *c; c++)
		type(&s, ch((uint8_t)*c));
	ROW_IS(&s, 0, "$ hello"); /* at once, nothing applied yet */
	CURSOR_AT(&s, 0, 7);
	CHECK(predict_pending(s.p) == 5);
	for (const char *c = word; *c; c++) {
		char e[2] = {*c, 0};
		apply(&s, e);
	}
	CHECK(predict_pending(s.p) == 0);
	CHECK(predict_stats(s.p)->confirmed == 5 && predict_stats(s.p)->wrong == 0);
	check_exact(&s);

	/* Backspace at the end, Left, insert in the middle (bash: ESC [ @ then the char). */
	type(&s, code(TERM_KEY_BACKSPACE));
	ROW_IS(&s, 0, "$ hell");
	CURSOR_AT(&s, 0, 6);
	type(&s, code(TERM_KEY_LEFT));
	type(&s, code(TERM_KEY_LEFT));
	type(&s, ch('X'));
	ROW_IS(&s, 0, "$ heXll");
	CURSOR_AT(&s, 0, 5);
	type(&s, code(TERM_KEY_RIGHT));
	CURSOR_AT(&s, 0, 6);
	type(&s, code(TERM_KEY_BACKSPACE)); /* in the middle: the rest moves left */
	ROW_IS(&s, 0, "$ heXl");
	apply(&s, "\b \b");
	apply(&s, "\b");
	apply(&s, "\b");
	apply(&s, "\x1b[@X");
	apply(&s, "\x1b[C");
	apply(&s, "\b\x1b[P");
	CHECKF(predict_pending(s.p) == 0, "%u pending", predict_pending(s.p));
	CHECK(predict_stats(s.p)->wrong == 0);
	check_exact(&s);
	ROW_IS(&s, 0, "$ heXl");
	sim_free(&s);
}

static void wide_and_wrap(void)
{
	struct sim s;
	sim_init(&s, 3, 10, PREDICT_ALWAYS, "$ ");
	type(&s, ch(0x4e2d)); /* 中 */
	CURSOR_AT(&s, 0, 4);
	for (int i = 0; i < 6; i++)
		type(&s, ch('a' + i));
	ROW_IS(&s, 0, "$ \xe4\xb8\xad" "abcdef");
	type(&s, ch('g')); /* column 10 is past the edge: the next row */
	ROW_IS(&s, 1, "g");
	CURSOR_AT(&s, 1, 1);
	apply(&s, "\xe4\xb8\xad");
	for (int i = 0; i < 7; i++) {
		char e[2] = {(char)('a' + i), 0};
		apply(&s, e);
	}
	CHECK(predict_stats(s.p)->wrong == 0);
	CHECK(predict_pending(s.p) == 0);
	check_exact(&s);
	sim_free(&s);

	/* A wide character that does not fit at the edge goes to the next row whole. */
	sim_init(&s, 3, 10, PREDICT_ALWAYS, "$ abcdefg");
	type(&s, ch(0x4e2d));
	ROW_IS(&s, 0, "$ abcdefg");
	ROW_IS(&s, 1, "\xe4\xb8\xad");
	CURSOR_AT(&s, 1, 2);
	apply(&s, "\xe4\xb8\xad");
	CHECK(predict_stats(s.p)->wrong == 0 && predict_pending(s.p) == 0);
	check_exact(&s);
	sim_free(&s);
}

/*
 * Types "abcdefghijk" after a prompt at the left of a 10-column pane, its first key
 * confirmed first; row shows shown then. bash echoes each character but forces the wrap
 * after the one filling the row ("h \r"): the cursor goes to the next row at once.
 */
static void bash_wraps(unsigned rows, const char *prompt, unsigned row, const char *shown)
{
	const char *text = "abcdefghijk";
	struct sim s;
	sim_init(&s, rows, 10, PREDICT_ALWAYS, prompt);
	type(&s, ch('a'));
	apply(&s, "a");
	for (const char *c = text + 1; *c; c++)
		type(&s, ch((uint8_t)*c));
	ROW_IS(&s, row, shown);
	for (const char *c = text + 1; *c; c++) {
		char e[2] = {*c, 0};
		apply(&s, *c == 'h' ? "h \r" : e);
	}
	CHECK(predict_stats(s.p)->wrong == 0 && predict_pending(s.p) == 0);
	check_exact(&s);
	sim_free(&s);
}

static void line_editors_at_the_edge(void)
{
	bash_wraps(5, "$ ", 1, "ijk");
	/* On the bottom row that wrap scrolls the screen: the character filling the row is
	 * not guessed (it would be wrong after the scroll), nor what follows until applied. */
	bash_wraps(3, "\r\n\r\n$ ", 2, "$ abcdefg");

	/* A cooked tty (sh without line editing) echoes just the character: the terminal
	 * waits at the last column to wrap, which the screen does not tell. The next
	 * character is not guessed over the last one. */
	struct sim s;
	sim_init(&s, 5, 10, PREDICT_ALWAYS, "$ ");
	for (const char *c = "abcdefgh"; *c; c++) {
		char e[2] = {*c, 0};
		type(&s, ch((uint8_t)*c));
		apply(&s, e);
	}
	CHECK(predict_pending(s.p) == 0);
	type(&s, ch('i'));
	ROW_IS(&s, 0, "$ abcdefgh");
	apply(&s, "i");
	type(&s, ch('j'));
	apply(&s, "j");
	CHECK(predict_stats(s.p)->wrong == 0 && predict_pending(s.p) == 0);
	check_exact(&s);
	sim_free(&s);
}

static void mistakes_go_within_one_acknowledgement(void)
{
	struct sim s;
	sim_init(&s, 5, 20, PREDICT_ALWAYS, "$ ");
	type(&s, ch('a'));
	type(&s, ch('b'));
	ROW_IS(&s, 0, "$ ab");
	apply(&s, "A"); /* a program that upcases */
	check_exact(&s);
	CHECK(predict_stats(s.p)->wrong == 1 && predict_pending(s.p) == 0);
	/* b is still on its way: nothing is guessed until it is applied. */
	type(&s, ch('c'));
	check_exact(&s);
	apply(&s, "B");
	apply(&s, "C");
	check_exact(&s);
	/* After a mistake guesses are tentative again: shown once one is confirmed. */
	type(&s, ch('d'));
	ROW_IS(&s, 0, "$ ABC");
	apply(&s, "d");
	type(&s, ch('e'));
	ROW_IS(&s, 0, "$ ABCde");
	sim_free(&s);
}

/* Tab completes in the shell: not guessed, but what was typed before it stays shown, and
 * what is typed after it is guessed from the server's screen once the Tab is applied. */
static void typing_on_after_a_tab(void)
{
	struct sim s;
	sim_init(&s, 5, 20, PREDICT_ALWAYS, "$ ");
	type(&s, ch('e'));
	apply(&s, "e");
	type(&s, ch('c'));
	type(&s, ch('h'));
	type(&s, code(TERM_KEY_TAB));
	ROW_IS(&s, 0, "$ ech");
	type(&s, ch('x')); /* after the Tab nothing is guessed until it is applied */
	type(&s, ch('y'));
	ROW_IS(&s, 0, "$ ech");
	apply(&s, "c");
	apply(&s, "h");
	apply(&s, "o ");
	/* Guessed now, shown once the first of them is confirmed (the screen could have
	 * shown some already). */
	ROW_IS(&s, 0, "$ echo");
	type(&s, ch('z'));
	ROW_IS(&s, 0, "$ echo");
	apply(&s, "x");
	ROW_IS(&s, 0, "$ echo xyz");
	apply(&s, "y");
	apply(&s, "z");
	CHECK(predict_stats(s.p)->wrong == 0 && predict_pending(s.p) == 0);
	check_exact(&s);
	sim_free(&s);
}

/* Another client resized the window: the guesses go, and the next ones wait for a
 * confirmation (keys on their way may not show on the new screen yet). */
static void pane_resized(void)
{
	struct sim s;
	sim_init(&s, 5, 20, PREDICT_ALWAYS, "$ ");
	type(&s, ch('a'));
	ROW_IS(&s, 0, "$ a");
	term_emulator_resize(s.em, 6, 20);
	s.rows = 6;
	ship(&s);
	check_exact(&s);
	type(&s, ch('b')); /* guessed where a is going: wrong, but never shown */
	ROW_IS(&s, 0, "$");
	apply(&s, "a");
	apply(&s, "b");
	check_exact(&s);
	type(&s, ch('c'));
	ROW_IS(&s, 0, "$ ab");
	apply(&s, "c");
	type(&s, ch('d'));
	ROW_IS(&s, 0, "$ abcd");
	apply(&s, "d");
	CHECK(predict_stats(s.p)->wrong == 0 && predict_pending(s.p) == 0);
	check_exact(&s);
	sim_free(&s);
}

static void password_prompt_shows_nothing(void)
{
	struct sim s;
	sim_init(&s, 5, 30, PREDICT_ALWAYS, "$ ");
	type(&s, ch('s'));
	type(&s, ch('u'));
	apply(&s, "s");
	apply(&s, "u");
	type(&s, code(TERM_KEY_ENTER));
	const char *secret = "hunter2";
	for (const char *c = secret; *c; c++) {
		type(&s, ch((uint8_t)*c));
		ROW_IS(&s, 1, ""); /* after Enter nothing is shown before a confirmation */
	}
	apply(&s, "\r\nPassword: ");
	for (const char *c = secret; *c; c++) {
		apply(&s, ""); /* no echo */
		ROW_IS(&s, 1, "Password:");
	}
	CHECK(predict_pending(s.p) == 0);
	CHECK(predict_stats(s.p)->wrong == 0); /* never shown, so never wrong */
	check_exact(&s);
	sim_free(&s);
}

/* Where the terminal echoes (a shell without a line editor, cat), a line's first keys
 * after Enter show at once once the server has applied everything before them; typed
 * while the Enter is on its way they wait, as anywhere. */
static void kernel_echo_needs_no_confirmation(void)
{
	struct sim s;
	sim_init(&s, 5, 30, PREDICT_ALWAYS, "$ ");
	s.tty_echo = true;
	ship(&s);
	type(&s, ch('l'));
	type(&s, code(TERM_KEY_ENTER));
	type(&s, ch('x'));
	ROW_IS(&s, 1, ""); /* the Enter not applied yet: where the prompt goes is unknown */
	apply(&s, "l");
	apply(&s, "\r\n$ ");
	apply(&s, "x");
	ROW_IS(&s, 1, "$ x");
	check_exact(&s);
	type(&s, code(TERM_KEY_ENTER));
	apply(&s, "\r\n$ ");
	type(&s, ch('w'));
	ROW_IS(&s, 2, "$ w"); /* at once: settled, and the terminal echoes */
	CURSOR_AT(&s, 2, 3);
	/* Off (a line editor, a password prompt): tentative again after Enter. */
	apply(&s, "w");
	type(&s, code(TERM_KEY_ENTER));
	apply(&s, "\r\nPassword: ");
	s.tty_echo = false;
	ship(&s);
	type(&s, ch('p'));
	ROW_IS(&s, 3, "Password:");
	apply(&s, "");
	ROW_IS(&s, 3, "Password:");
	CHECK(predict_stats(s.p)->wrong == 0);
	check_exact(&s);
	sim_free(&s);
}

/* A line editor (ECHO off, it echoes itself): after Enter the next line is trusted at
 * once only after the very prompt whose line was confirmed before; another prompt (a
 * password's), or the same one before the Enter is applied, waits for a confirmation. */
static void known_prompt_is_trusted(void)
{
	struct sim s;
	sim_init(&s, 6, 30, PREDICT_ALWAYS, "$ ");
	type(&s, ch('l'));
	ROW_IS(&s, 0, "$ l"); /* the first epoch since attaching counts as confirmed */
	apply(&s, "l");
	type(&s, ch('s')); /* mid-line, all confirmed: the prompt is still "$ " */
	apply(&s, "s");
	type(&s, code(TERM_KEY_ENTER));
	apply(&s, "\r\n$ ");
	type(&s, ch('x'));
	ROW_IS(&s, 1, "$ x"); /* "$ " was confirmed: at once */
	type(&s, ch('y'));
	apply(&s, "x");
	apply(&s, "y");
	type(&s, code(TERM_KEY_ENTER));
	type(&s, ch('y'));
	ROW_IS(&s, 2, ""); /* the Enter not applied: the screen is not settled */
	apply(&s, "\r\n$ ");
	apply(&s, "y");
	ROW_IS(&s, 2, "$ y");
	type(&s, code(TERM_KEY_ENTER));
	apply(&s, "\r\nPassword: ");
	type(&s, ch('p'));
	ROW_IS(&s, 3, "Password:"); /* never confirmed there */
	apply(&s, "");
	type(&s, code(TERM_KEY_ENTER));
	apply(&s, "\r\n$ ");
	type(&s, ch('z'));
	ROW_IS(&s, 4, "$ z");
	apply(&s, "z");
	CHECK(predict_stats(s.p)->wrong == 0);
	check_exact(&s);
	sim_free(&s);
}

static void full_screen_editor(void)
{
	struct sim s;
	sim_init(&s, 6, 20, PREDICT_ALWAYS, "\x1b[?1049hline one\r\nline two\x1b[H");
	/* vi's normal mode: j moves down, x deletes; nothing is echoed. */
	type(&s, ch('j'));
	type(&s, ch('x'));
	apply(&s, "\x1b[2;1H");
	check_exact(&s);
	apply(&s, "\x1b[Pine two"); /* not what a guess would say */
	apply(&s, "");
	check_exact(&s);
	CHECK(predict_pending(s.p) == 0);
	/* Ctrl keys, Up, Tab and escapes are not guessed: nothing shows until applied. */
	term_key up = code(TERM_KEY_UP), ctrl = {TERM_KEY_CHAR, TERM_MOD_CTRL, 'w'};
	type(&s, up);
	type(&s, ctrl);
	type(&s, ch('z'));
	check_exact(&s);
	sim_free(&s);
}

static void adaptive_display(void)
{
	struct sim s;
	sim_init(&s, 5, 20, PREDICT_ADAPTIVE, "$ ");
	CHECK(predict_timeout_ms(s.p, s.now) == -1);
	predict_link(s.p, 5, s.now); /* fast link: the real echo comes in time */
	type(&s, ch('a'));
	term_view *o = predict_overlay(s.p, s.view, s.now);
	CHECK(o == s.view);
	term_view_unref(o);
	/* The client draws with the time its loop turn began: a key logged later in that
	 * turn is newer than the drawing's clock, not 2^64 ms old (a glitch). */
	o = predict_overlay(s.p, s.view, s.now - 1);
	CHECK(o == s.view);
	term_view_unref(o);
	/* ... unless it does not: shown after 250 ms, when the client must redraw */
	CHECKF(predict_timeout_ms(s.p, s.now) == 251, "%d", predict_timeout_ms(s.p, s.now));
	s.now += 300;
	ROW_IS(&s, 0, "$ a");
	apply(&s, "a");
	type(&s, ch('b'));
	ROW_IS(&s, 0, "$ ab"); /* and for a while after that glitch */
	apply(&s, "b");
	s.now += 10000;
	type(&s, ch('c'));
	o = predict_overlay(s.p, s.view, s.now);
	CHECK(o == s.view);
	term_view_unref(o);
	apply(&s, "c");

	predict_link(s.p, 40, s.now); /* slow: shown, not underlined */
	type(&s, ch('d'));
	o = predict_overlay(s.p, s.view, s.now);
	term_cell cell = term_row_get(o->panes[0].screen->lines[0], 5);
	CHECK(cell.ch == 'd' && (cell.attrs & TERM_ATTR_UNDERLINE_MASK) == 0);
	term_view_unref(o);
	predict_link(s.p, 25, s.now); /* hysteresis: still shown until below 20 ms */
	ROW_IS(&s, 0, "$ abcd");
	predict_link(s.p, 100, s.now); /* very slow: underlined */
	o = predict_overlay(s.p, s.view, s.now);
	cell = term_row_get(o->panes[0].screen->lines[0], 5);
	CHECK((cell.attrs & TERM_ATTR_UNDERLINE_MASK) == 1u << TERM_ATTR_UNDERLINE_SHIFT);
	term_view_unref(o);
	predict_link(s.p, 10, s.now);
	apply(&s, "d");
	check_exact(&s);
	/* Where the terminal itself echoes, its guess shows even on a fast link. */
	s.tty_echo = true;
	ship(&s);
	type(&s, ch('e'));
	ROW_IS(&s, 0, "$ abcde");
	apply(&s, "e");
	check_exact(&s);
	sim_free(&s);

	sim_init(&s, 5, 20, PREDICT_NEVER, "$ ");
	predict_link(s.p, 500, s.now);
	type(&s, ch('a'));
	s.now += 1000;
	check_exact(&s);
	CHECK(predict_pending(s.p) == 0);
	sim_free(&s);

	enum predict_mode m;
	CHECK(predict_mode_parse("always", &m) && m == PREDICT_ALWAYS);
	CHECK(predict_mode_parse("never", &m) && m == PREDICT_NEVER);
	CHECK(predict_mode_parse("adaptive", &m) && m == PREDICT_ADAPTIVE);
	CHECK(!predict_mode_parse("sometimes", &m));
}

int main(void)
{
	CHECK(setlocale(LC_CTYPE, "C.UTF-8") != NULL);
	typing_at_a_prompt();
	wide_and_wrap();
	line_editors_at_the_edge();
	mistakes_go_within_one_acknowledgement();
	typing_on_after_a_tab();
	pane_resized();
	password_prompt_shows_nothing();
	full_screen_editor();
	adaptive_display();
	kernel_echo_needs_no_confirmation();
	known_prompt_is_trusted();
	return 0;
}
