/*
 * pane-border-status and pane-border-format through the real client (its screen read
 * through its emulator), against what tmux 3.3a draws and how it sizes the panes, taken
 * from a tmux client of 40x12 with the same commands: with top, each pane's line is the
 * row above it (the top pane gives its first row to it), with bottom the row below (the
 * bottom panes give their last row); the text starts at the border row's third cell, over
 * the border's own line, the active pane's in pane-active-border-style with its number
 * reversed; #[align=right] puts text at the end of the pane's width less 4.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

#define GREEN TERM_COLOUR_PALETTE(2)

/* Runs `rsh WORDS...`, which must succeed. */
#define rsh(...) \
	do { \
		if (harness_rsh(NULL, __VA_ARGS__, (char *)NULL) != 0) \
			harness_fail(NULL, "rsh %s: %s", #__VA_ARGS__, harness_rsh_stderr()); \
	} while (0)

/* The panes' places and sizes as the server has them, once they are want. */
static void wait_panes(harness_client *c, const char *want)
{
	harness_wait_rsh(c, want, "list-panes", "-t", "work", "-F",
			 "#{pane_index} #{pane_top} #{pane_left} #{pane_height} #{pane_width}",
			 (char *)NULL);
}

struct cell_want {
	unsigned row, col;
	uint32_t ch;
	term_colour fg;
	bool reverse;
};

static bool cell_is(harness_client *c, void *arg)
{
	const struct cell_want *w = arg;
	term_cell cell = harness_cell(c, w->row, w->col);
	return cell.ch == w->ch && cell.fg == w->fg &&
	       !!(cell.attrs & TERM_ATTR_REVERSE) == w->reverse;
}

static void wait_cell(harness_client *c, struct cell_want w, const char *what)
{
	harness_wait(c, cell_is, &w, what);
}

static void top(harness_client *c)
{
	rsh("select-pane", "-t", "work", "-T", "t0");
	rsh("set", "-g", "pane-border-status", "top");
	harness_wait_line(c, "──0 \"t0\"────────────────────────────────");
	wait_panes(c, "^0 1 0 10 40$");

	rsh("split-window", "-t", "work");
	rsh("select-pane", "-t", "work", "-T", "t1");
	rsh("split-window", "-h", "-t", "work");
	rsh("select-pane", "-t", "work", "-T", "t2");
	wait_panes(c, "^0 1 0 4 40\n1 6 0 5 20\n2 6 21 5 19$");
	harness_wait_row(c, 0, "──0 \"t0\"────────────────────────────────");
	harness_wait_row(c, 5, "──1 \"t1\"────────────┬──2 \"t2\"───────────");
	/* Pane 2 is active: its line in green, its number reversed; pane 1's in the default. */
	wait_cell(c, (struct cell_want){5, 23, '2', GREEN, true}, "the active number reversed");
	wait_cell(c, (struct cell_want){5, 30, 0x2500, GREEN, false}, "the active line green");
	wait_cell(c, (struct cell_want){5, 2, '1', TERM_COLOUR_DEFAULT, false},
		  "the other pane's number plain");
	wait_cell(c, (struct cell_want){5, 10, 0x2500, TERM_COLOUR_DEFAULT, false},
		  "the other pane's line plain");
}

static void bottom(harness_client *c)
{
	rsh("set", "-g", "pane-border-status", "bottom");
	wait_panes(c, "^0 0 0 5 40\n1 6 0 4 20\n2 6 21 4 19$");
	harness_wait_row(c, 5, "──0 \"t0\"────────────┬───────────────────");
	harness_wait_row(c, 10, "──1 \"t1\"────────────┴──2 \"t2\"───────────");

	rsh("set", "-g", "pane-border-format", "#{pane_index}:#{pane_width}#[align=right]R");
	harness_wait_row(c, 5, "──0:40──────────────┬────────────────R──");
	harness_wait_row(c, 10, "──1:20───────────R──┴──2:19──────────R──");
}

static void off(harness_client *c)
{
	rsh("set", "-g", "pane-border-status", "off");
	wait_panes(c, "^0 0 0 5 40\n1 6 0 5 20\n2 6 21 5 19$");
	harness_wait_row(c, 5, "────────────────────┬───────────────────");
	CHECK(!harness_screen_has(c, "R──"));
}

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(40, 12, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	top(c);
	bottom(c);
	off(c);
	harness_client_free(c);
	return 0;
}
