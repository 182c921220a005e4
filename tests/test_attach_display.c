/*
 * display-panes (C-b q) and clock-mode (C-b t) through the real client: the pane numbers
 * in tmux's big digits, the active one in display-panes-active-colour, the others in
 * display-panes-colour, each pane's size at its top right; a digit selects that pane;
 * display-panes-time ends it; clock-mode's big clock in clock-mode-colour, any key leaving.
 * Checked on the client's screen (cells and colours) and against the server.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

#define PREFIX "\002"

static harness_client *c;

/* The background of the client's cell at x, y. */
static term_colour bg_at(unsigned x, unsigned y)
{
	term_snapshot *s = harness_snapshot(c);
	term_colour bg = term_row_get(s->lines[y], x).bg;
	term_snapshot_unref(s);
	return bg;
}

static bool has_bg(harness_client *h, void *arg)
{
	const unsigned *want = arg; /* x, y, colour */
	(void)h;
	return bg_at(want[0], want[1]) == want[2];
}

static void wait_bg(unsigned x, unsigned y, term_colour colour, const char *what)
{
	unsigned want[3] = {x, y, colour};
	harness_wait(c, has_bg, want, what);
}

int main(void)
{
	harness_init();
	c = harness_client_start(80, 25, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	CHECK(harness_rsh(NULL, "split-window", "-h", "-t", "work", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "set", "-g", "display-panes-time", "60000", (char *)NULL) == 0);
	harness_wait_match(c, "work", "work");

	/* Pane 0 (40x24) at x 0, pane 1 (39x24, active) at x 41: digits 5 x 5 around the
	 * middle, filled cells in the colour as background. */
	harness_send(c, PREFIX "q");
	harness_wait_text(c, "40x24");
	harness_wait_text(c, "39x24");
	wait_bg(17, 10, TERM_COLOUR_PALETTE(4), "pane 0's 0 in blue");
	wait_bg(41 + 19 - 3 + 4, 10, TERM_COLOUR_PALETTE(1), "pane 1's 1 in red");
	CHECK(bg_at(18, 11) == TERM_COLOUR_DEFAULT); /* the 0's hollow */
	/* 0 selects pane 0, and the numbers go. */
	harness_send(c, "0");
	harness_wait_rsh(c, "^0: .*\\(active\\)$", "list-panes", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");

	/* display-panes-colour; any other key leaves without selecting. */
	CHECK(harness_rsh(NULL, "set", "-g", "display-panes-colour", "green", (char *)NULL) == 0);
	harness_send(c, PREFIX "q");
	wait_bg(41 + 19 - 3 + 4, 10, TERM_COLOUR_PALETTE(2), "pane 1's 1 in green");
	harness_send(c, "x");
	harness_wait_match(c, "work", "work");
	harness_wait_rsh(c, "^0: .*\\(active\\)$", "list-panes", "-t", "work", (char *)NULL);

	/* display-panes-time ends it by itself. */
	CHECK(harness_rsh(NULL, "set", "-g", "display-panes-time", "300", (char *)NULL) == 0);
	harness_send(c, PREFIX "q");
	harness_wait_text(c, "40x24");
	harness_wait_match(c, "work", "work");

	/* C-b t: the clock over the active pane (0), in clock-mode-colour; a key leaves. */
	CHECK(harness_rsh(NULL, "set", "-g", "clock-mode-colour", "magenta", (char *)NULL) == 0);
	harness_send(c, PREFIX "t");
	wait_bg(20 - 15 + 4, 12 - 3, TERM_COLOUR_PALETTE(5), "the clock's first digit, its top right");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
	char *out = NULL;
	CHECK(harness_rsh(&out, "capture-pane", "-p", "-t", "work:0.0", (char *)NULL) == 0);
	CHECKF(strchr(out, 'q') == NULL && strchr(out, 'x') == NULL, "typed into the pane: %s", out);
	free(out);
	return 0;
}
