/*
 * The pane keys through the real client: C-b ; (last pane), C-b { and } (swap), C-b C-o
 * and M-o (rotate), C-b C-Up repeated without the prefix (tmux's -r) and M-Left (resize),
 * C-b ! (break). Each step is checked against list-panes or list-windows, then the
 * client's screen against the server's.
 */
#include <stdlib.h>

#include "attach_harness.h"
#include "check.h"

#define PREFIX "\002"

static harness_client *c;

/* Types keys, waits for the listing of the window (or of the windows) to match. */
static void press(const char *keys, const char *list, const char *pattern)
{
	harness_send(c, keys);
	harness_wait_rsh(c, pattern, list, "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
}

int main(void)
{
	harness_init();
	c = harness_client_start(80, 25, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	press(PREFIX "%", "list-panes", "^1: \\[39x24\\] \\[at 41,0\\] %1 \\(active\\)$");
	press(PREFIX ";", "list-panes", "^0: \\[40x24\\] \\[at 0,0\\] %0 \\(active\\)$");
	press(PREFIX ";", "list-panes", "^1: .* %1 \\(active\\)$");
	press(PREFIX "{", "list-panes", "^0: \\[40x24\\] \\[at 0,0\\] %1 \\(active\\)$");
	press(PREFIX "}", "list-panes", "^1: \\[39x24\\] \\[at 41,0\\] %1 \\(active\\)$");
	press(PREFIX "\"", "list-panes", "^2: \\[39x11\\] \\[at 41,13\\] %2 \\(active\\)$");
	/* C-o moves each pane back one place: the third place, still active, holds %0. */
	press(PREFIX "\017", "list-panes", "^2: \\[39x11\\] \\[at 41,13\\] %0 \\(active\\)$");
	press(PREFIX "\033o", "list-panes", "^2: \\[39x11\\] \\[at 41,13\\] %2 \\(active\\)$");
	/* The second C-Up comes without the prefix, within tmux's 500 ms repeat time. */
	press(PREFIX "\033[1;5A\033[1;5A", "list-panes", "^2: \\[39x13\\] \\[at 41,11\\] %2");
	press(PREFIX "\033[1;3D", "list-panes", "^2: \\[44x13\\] \\[at 36,11\\] %2 \\(active\\)$");
	/* %2 goes to a window of its own; its rows go back to %1, the pane before it. */
	press(PREFIX "!", "list-windows", "^1: .*\\(1 panes\\).*\\(active\\)$");
	harness_wait_rsh(c, "^0: \\[80x24\\] \\[at 0,0\\] %2 \\(active\\)$", "list-panes", "-t",
			 "work:1", (char *)NULL);
	harness_wait_rsh(c, "^1: \\[44x24\\] \\[at 36,0\\] %1$", "list-panes", "-t", "work:0",
			 (char *)NULL);
	harness_send(c, PREFIX "d");
	harness_client_wait_exit(c);
	harness_client_free(c);
	return 0;
}
