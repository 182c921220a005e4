/*
 * What the look options do to the real client's screen (read through its emulator), each
 * set at run time with `rsh set` as a user's config would: status-position top (the
 * status line on row 0, the pane below it, a click still lands on the pane under it),
 * status off (the pane takes every row), status 2 (tmux's second line: the panes and
 * their sizes), message-style (a display message's colours), pane-border-style and
 * pane-active-border-style with pane-border-lines double, mode-style (copy mode's
 * position indicator), and terminal-overrides / terminal-features: with TERM
 * xterm-256color a 24-bit colour reaches the terminal as the nearest of the 256 until
 * `set -as terminal-overrides ',xterm*:Tc'` (or terminal-features RGB) says the terminal
 * takes 24-bit SGR. status-keys vi: in C-b :'s prompt Escape goes to command mode, drawn
 * in message-command-style, where 0 x deletes the first character and i inserts again.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

#define RED TERM_COLOUR_PALETTE(1)
#define BLUE TERM_COLOUR_PALETTE(4)
#define MAGENTA TERM_COLOUR_PALETTE(5)
#define CYAN TERM_COLOUR_PALETTE(6)

/* Runs `rsh WORDS...`, which must succeed. */
#define rsh(...) \
	do { \
		if (harness_rsh(NULL, __VA_ARGS__, (char *)NULL) != 0) \
			harness_fail(NULL, "rsh %s: %s", #__VA_ARGS__, harness_rsh_stderr()); \
	} while (0)

struct want_cell {
	unsigned row, col;
	uint32_t ch; /* 0: any */
	term_colour fg, bg;
};

static bool cell_is(harness_client *c, void *arg)
{
	const struct want_cell *w = arg;
	term_cell cell = harness_cell(c, w->row, w->col);
	return (w->ch == 0 || cell.ch == w->ch) && cell.fg == w->fg && cell.bg == w->bg;
}

static void wait_cell(harness_client *c, struct want_cell w, const char *what)
{
	harness_wait(c, cell_is, &w, what);
}

/* The pane's height as the server has it, once it is want. */
static void wait_height(harness_client *c, const char *want)
{
	harness_wait_rsh(c, want, "display", "-p", "-t", "work", "#{pane_height}", (char *)NULL);
}

static void status_position_and_lines(harness_client *c)
{
	rsh("set", "-g", "status-position", "top");
	harness_wait_row(c, 0, "[work] 0:");
	harness_wait_row(c, 1, "$");
	wait_height(c, "^23$");

	rsh("set", "-g", "status", "off");
	wait_height(c, "^24$");
	harness_wait_row(c, 0, "$");
	CHECK(!harness_screen_has(c, "[work]"));

	/* Two lines at the bottom: the second is tmux's pane list, the active one reversed. */
	rsh("set", "-g", "status-position", "bottom");
	rsh("set", "-g", "status", "2");
	wait_height(c, "^22$");
	harness_wait_row(c, 22, "[work] 0:");
	harness_wait_row(c, 23, "0[80x22]");
	char *row = harness_row(c, 23);
	const char *at = strstr(row, "0[80x22]");
	unsigned col = (unsigned)(at - row);
	free(row);
	CHECK(harness_cell(c, 23, col).attrs & TERM_ATTR_REVERSE);
	CHECK(harness_cell(c, 23, col).bg == TERM_COLOUR_PALETTE(2)); /* status-style's */

	/* A message in message-style, on the first status line. */
	rsh("set", "-g", "message-style", "bg=blue,fg=white");
	rsh("display", "-t", "work", "hello there");
	harness_wait_row(c, 22, "hello there");
	wait_cell(c, (struct want_cell){22, 0, 'h', TERM_COLOUR_PALETTE(7), BLUE},
		  "the message in white on blue");
	rsh("set", "-g", "status", "on");
	wait_height(c, "^23$");
}

static void borders(harness_client *c)
{
	/* The right pane (active) takes columns 41-79, the border is column 40: its top half
	 * in pane-border-style, the half next to the active pane in the active style. */
	rsh("split-window", "-h", "-t", "work");
	rsh("set", "-g", "pane-border-style", "fg=red");
	rsh("set", "-g", "pane-active-border-style", "fg=magenta");
	rsh("setw", "-g", "pane-border-lines", "double");
	wait_cell(c, (struct want_cell){0, 40, 0x2551, RED, 0}, "a red double line at the top");
	wait_cell(c, (struct want_cell){20, 40, 0x2551, MAGENTA, 0},
		  "a magenta double line next to the active pane");
}

struct cursor_want {
	unsigned row, col;
};

static bool cursor_is(harness_client *c, void *arg)
{
	const struct cursor_want *w = arg;
	unsigned row, col;
	harness_cursor(c, &row, &col);
	return row == w->row && col == w->col;
}

/* Copy mode's position indicator, top right of the pane, in mode-style. */
static void mode_style(harness_client *c)
{
	rsh("setw", "-g", "mode-style", "bg=cyan,fg=red");
	harness_send(c, "\002[");
	harness_wait_row(c, 0, "[0/");
	wait_cell(c, (struct want_cell){0, 79, ']', RED, CYAN}, "the indicator in mode-style");
	harness_send(c, "q");
}

/*
 * With the status line on top, the terminal's row 0 is the status line and row 1 the
 * panes' first: a click on row 0 over the left pane changes nothing (the keys typed after
 * it still reach the right pane), a click on row 1 makes the left pane active.
 */
static void click_below_top_status(harness_client *c)
{
	rsh("set", "-g", "mouse", "on");
	rsh("set", "-g", "status-position", "top");
	harness_wait_row(c, 0, "[work] 0:");
	harness_send(c, "\033[<0;5;1M\033[<0;5;1mecho on-r''ight\r");
	harness_wait_rsh(c, "^on-right$", "capture-pane", "-p", "-t", "work:0.1", (char *)NULL);
	harness_wait_rsh(c, "^1$", "display", "-p", "-t", "work", "#{pane_index}", (char *)NULL);
	harness_idle(c, HARNESS_CLICK_PAUSE_MS);
	harness_send(c, "\033[<0;5;2M\033[<0;5;2m");
	harness_wait_rsh(c, "^0$", "display", "-p", "-t", "work", "#{pane_index}", (char *)NULL);
}

static void says(const char *want, const char *w0, const char *w1, const char *w2)
{
	char *out = NULL;
	if (harness_rsh(&out, w0, w1, w2, (char *)NULL) != 0 || strcmp(out, want) != 0)
		harness_fail(NULL, "%s %s %s: \"%s\", want \"%s\" (%s)", w0, w1, w2, out, want,
			     harness_rsh_stderr());
	free(out);
}

struct colour_want {
	unsigned row, col;
	bool rgb; /* the exact 24-bit colour, else an entry of the 256 */
};

static bool colour_is(harness_client *c, void *arg)
{
	const struct colour_want *w = arg;
	term_cell cell = harness_cell(c, w->row, w->col);
	if (cell.ch != 'R')
		return false;
	return w->rgb ? cell.fg == TERM_COLOUR_RGB(10, 20, 200)
		      : TERM_COLOUR_KIND(cell.fg) == 1 && TERM_COLOUR_INDEX(cell.fg) >= 16;
}

static void wait_colour(harness_client *c, unsigned row, unsigned col, bool rgb,
			const char *what)
{
	struct colour_want w = {row, col, rgb};
	harness_wait(c, colour_is, &w, what);
}

static void terminal_lists(harness_client *c)
{
	rsh("kill-pane", "-a", "-t", "work:0.0");
	rsh("set", "-g", "status-position", "bottom");
	rsh("send-keys", "-t", "work", "clear; printf '\\033[38;2;10;20;200mRGB\\033[m\\n'",
	    "Enter");
	wait_colour(c, 0, 0, false, "the 256-colour approximation");
	rsh("set", "-as", "terminal-overrides", ",xterm*:Tc");
	says("terminal-overrides[0] xterm*:Tc\n", "show", "-s", "terminal-overrides");
	wait_colour(c, 0, 0, true, "24-bit colour after terminal-overrides Tc");
	rsh("set", "-su", "terminal-overrides");
	says("terminal-overrides\n", "show", "-s", "terminal-overrides");
	wait_colour(c, 0, 0, false, "the approximation again without the override");
	rsh("set", "-as", "terminal-features", ",xterm*:RGB");
	says("xterm*:clipboard:ccolour:cstyle:focus:title\nscreen*:title\nxterm*:RGB\n", "show",
	     "-sv", "terminal-features");
	wait_colour(c, 0, 0, true, "24-bit colour after terminal-features RGB");
}

static void vi_prompt(harness_client *c)
{
	rsh("set", "-g", "status-keys", "vi");
	rsh("set", "-g", "message-command-style", "bg=red,fg=white");
	harness_send(c, "\002:");
	harness_wait_row(c, 23, ":");
	harness_send(c, "rename-window viok");
	harness_wait_row(c, 23, ":rename-window viok");
	wait_cell(c, (struct want_cell){23, 1, 'r', TERM_COLOUR_PALETTE(7), BLUE},
		  "the prompt in message-style (white on blue here)");
	harness_send(c, "\033");
	wait_cell(c, (struct want_cell){23, 1, 'r', TERM_COLOUR_PALETTE(7), RED},
		  "vi's command mode in message-command-style");
	harness_send(c, "0x");
	harness_wait_row(c, 23, ":ename-window viok");
	harness_send(c, "ir\r");
	harness_wait_row(c, 23, "0:viok*");
}

/* word-separators (the session's, shipped with the key tables): with only "-", copy
 * mode's next-word goes from aa.bb to the '-', not to the '.' as tmux's default does. */
static void word_separators(harness_client *c)
{
	rsh("send-keys", "-t", "work", "clear; printf 'aa.bb-cc dd\\n'", "Enter");
	harness_wait_line(c, "aa.bb-cc dd");
	rsh("set", "-g", "word-separators", "-");
	rsh("copy-mode", "-t", "work");
	harness_wait_row(c, 0, "[0/");
	rsh("send-keys", "-t", "work", "-X", "top-line");
	rsh("send-keys", "-t", "work", "-X", "start-of-line");
	rsh("send-keys", "-t", "work", "-X", "next-word");
	struct cursor_want w = {0, 5};
	harness_wait(c, cursor_is, &w, "the cursor on the '-' after next-word");
	rsh("send-keys", "-t", "work", "-X", "cancel");
}

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	status_position_and_lines(c);
	borders(c);
	mode_style(c);
	click_below_top_status(c);
	terminal_lists(c);
	vi_prompt(c);
	word_separators(c);
	harness_client_free(c);
	return 0;
}
