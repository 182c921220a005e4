/*
 * The root table's mouse keys through the real client and server, with the mouse option
 * on: tmux's default bindings run as commands (MouseDown1Pane makes the pane under the
 * mouse active, MouseDown1Status selects the window whose name is clicked, WheelUpStatus
 * and WheelDownStatus go to the previous and next window), and a user's config changes
 * them: `unbind -n MouseDown1Pane` leaves the active pane alone, `bind -n WheelUpStatus
 * next-window` makes the wheel go the other way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

#define ROWS 24

/* The client's column (from 0) of text on its status line (the last row). */
static unsigned status_column(harness_client *c, const char *text)
{
	char *row = harness_row(c, ROWS - 1);
	const char *at = strstr(row, text);
	if (at == NULL)
		harness_fail(c, "'%s' not on the status line: '%s'", text, row);
	unsigned col = (unsigned)(at - row);
	free(row);
	return col;
}

/* An SGR mouse report: button b (64 wheel up, 65 down) pressed, or released, at the
 * client's cell (from 0). */
static void mouse(harness_client *c, unsigned b, unsigned row, unsigned col, bool press)
{
	char seq[32];
	snprintf(seq, sizeof seq, "\033[<%u;%u;%u%c", b, col + 1, row + 1, press ? 'M' : 'm');
	harness_send(c, seq);
}

/* A click of its own: pressed after the click timeout of the one before, else tmux makes
 * it SecondClick1..., which this test's keys do not bind. */
static void click(harness_client *c, unsigned row, unsigned col)
{
	harness_idle(c, HARNESS_CLICK_PAUSE_MS);
	mouse(c, 0, row, col, true);
	mouse(c, 0, row, col, false);
}

static void wait_window(harness_client *c, const char *index)
{
	char pattern[64];
	snprintf(pattern, sizeof pattern, "^%s: .*\\(active\\)", index);
	harness_wait_rsh(c, pattern, "list-windows", "-t", "work", (char *)NULL);
}

int main(void)
{
	harness_init();
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", "-n", "zero", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "new-window", "-d", "-t", "work:1", "-n", "one", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "new-window", "-d", "-t", "work:2", "-n", "two", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "split-window", "-h", "-t", "work:0", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "set", "-g", "mouse", "on", (char *)NULL) == 0);
	harness_client *c = harness_client_start(80, ROWS, "attach", "-t", "work", (char *)NULL);
	harness_wait_text(c, "2:two");
	harness_wait_rsh(c, "^1: \\[39x23\\] \\[at 41,0\\] %3 \\(active\\)$", "list-panes", "-t",
			 "work:0", (char *)NULL);

	/* MouseDown1Pane: select-pane -t = ; send-keys -M. */
	click(c, 3, 5);
	harness_wait_rsh(c, "^0: .* %0 \\(active\\)$", "list-panes", "-t", "work:0", (char *)NULL);
	click(c, 3, 50);
	harness_wait_rsh(c, "^1: .* %3 \\(active\\)$", "list-panes", "-t", "work:0", (char *)NULL);

	/* MouseDown1Status over a window's name in the status line: select-window -t =. */
	click(c, ROWS - 1, status_column(c, "1:one") + 2);
	wait_window(c, "1");
	harness_wait_text(c, "1:one*");
	/* WheelUpStatus: previous-window; WheelDownStatus: next-window (over a window's
	 * name: elsewhere the keys are WheelUpStatusDefault, WheelUpStatusRight..., bound
	 * to nothing). */
	mouse(c, 64, ROWS - 1, 79, true); /* status-right's: nothing */
	mouse(c, 64, ROWS - 1, status_column(c, "2:two"), true);
	wait_window(c, "0");
	harness_wait_text(c, "0:zero*");
	mouse(c, 65, ROWS - 1, status_column(c, "2:two"), true);
	wait_window(c, "1");
	harness_wait_text(c, "1:one*");

	/* A user's bindings: the wheel up the other way; a click on a pane not selecting. */
	CHECK(harness_rsh(NULL, "bind", "-n", "WheelUpStatus", "next-window", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "unbind", "-n", "MouseDown1Pane", (char *)NULL) == 0);
	char *out = NULL;
	CHECK(harness_rsh(&out, "list-keys", "-T", "root", "WheelUpStatus", (char *)NULL) == 0);
	CHECKF(strcmp(out, "bind-key -T root WheelUpStatus next-window\n") == 0, "%s", out);
	free(out);
	mouse(c, 64, ROWS - 1, status_column(c, "0:zero"), true);
	wait_window(c, "2");
	harness_wait_text(c, "2:two*");
	click(c, ROWS - 1, status_column(c, "0:zero"));
	wait_window(c, "0");
	harness_wait_text(c, "0:zero*");
	harness_wait_rsh(c, "^1: .* %3 \\(active\\)$", "list-panes", "-t", "work:0", (char *)NULL);
	/* The click on %0, then typing: the line reaches %3, still active (the input log
	 * keeps the order, so the click was applied first). */
	click(c, 3, 5);
	harness_send(c, "echo still-'right'\r");
	harness_wait_rsh(c, "^still-right$", "capture-pane", "-p", "-t", "%3", (char *)NULL);
	harness_wait_rsh(c, "^1: .* %3 \\(active\\)$", "list-panes", "-t", "work:0", (char *)NULL);
	harness_wait_match(c, "work", "work");
	harness_client_free(c);
	return 0;
}
