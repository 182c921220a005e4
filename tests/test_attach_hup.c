/*
 * Through the real client: detach-client -P, attach-session -x and new-session -A -X
 * detach with tmux's "[detached and SIGHUP (from session work)]" and the client sends
 * SIGHUP to its parent (this test) as it leaves, once per client; the marked pane's
 * borders drawn in reverse as tmux 3.3a draws them (two panes: only the half of the line
 * next to it; more: every border cell around it), gone with select-pane -M.
 */
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "attach_harness.h"
#include "check.h"

static volatile sig_atomic_t hups;

static void on_hup(int sig)
{
	(void)sig;
	hups++;
}

static bool reversed(harness_client *c, unsigned row, unsigned col)
{
	return harness_cell(c, row, col).attrs & TERM_ATTR_REVERSE;
}

/* Waits for the cell's reverse attribute to be on (or off). */
static void wait_reversed(harness_client *c, unsigned row, unsigned col, bool on)
{
	for (int i = 0; reversed(c, row, col) != on; i++) {
		if (i == 300)
			harness_fail(c, "cell %u,%u is%s reversed", row, col, on ? " not" : "");
		harness_pump(c, 50);
	}
}

static void marked_borders(harness_client *c)
{
	CHECK(harness_rsh(NULL, "split-window", "-h", "-t", "work", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "select-pane", "-m", "-t", "work:0.0", (char *)NULL) == 0);
	/* Two panes (24 rows): the line's rows 0..12 are the left pane's half. */
	wait_reversed(c, 0, 40, true);
	CHECKF(reversed(c, 12, 40) && !reversed(c, 13, 40) && !reversed(c, 23, 40),
	       "two panes: not the marked half");
	CHECKF(!reversed(c, 0, 39) && !reversed(c, 0, 41), "a pane's cell reversed");
	/* Three: the whole line beside the marked pane; not the right panes' own line. */
	CHECK(harness_rsh(NULL, "split-window", "-v", "-t", "work:0.1", (char *)NULL) == 0);
	wait_reversed(c, 23, 40, true);
	CHECKF(reversed(c, 13, 40), "three panes: the line not all reversed");
	CHECK(harness_rsh(NULL, "select-pane", "-m", "-t", "work:0.1", (char *)NULL) == 0);
	wait_reversed(c, 23, 40, false);
	wait_reversed(c, 0, 40, true); /* beside the top right pane, and its bottom line */
	CHECKF(reversed(c, 12, 60) || reversed(c, 11, 60), "the line under the marked pane");
	CHECK(harness_rsh(NULL, "select-pane", "-M", (char *)NULL) == 0);
	wait_reversed(c, 0, 40, false);
}

/* c leaves with the SIGHUP line, exit status 0, and the test got one more SIGHUP. */
static void wait_hup(harness_client *c, sig_atomic_t before)
{
	harness_wait_text(c, "[detached and SIGHUP (from session work)]");
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	for (int i = 0; hups == before; i++) {
		CHECKF(i < 100, "no SIGHUP");
		poll(NULL, 0, 50);
	}
	CHECKF(hups == before + 1, "%d SIGHUPs", (int)(hups - before));
	harness_client_free(c);
}

int main(void)
{
	struct sigaction sa = {.sa_handler = on_hup};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	harness_init();
	harness_client *c = harness_client_start(80, 25, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	marked_borders(c);

	/* detach-client -P */
	CHECK(harness_rsh(NULL, "detach-client", "-P", "-t", "work", (char *)NULL) == 0);
	wait_hup(c, 0);

	/* attach -x: the other client goes, with SIGHUP; the new one stays. */
	c = harness_client_start(80, 25, "attach", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	harness_client *d = harness_client_start(80, 25, "attach", "-x", "-t", "work", (char *)NULL);
	wait_hup(c, 1);
	harness_wait_match(d, "work", "work");

	/* new-session -A -X: the same. */
	harness_client *e = harness_client_start(80, 25, "new", "-A", "-X", "-s", "work",
						 (char *)NULL);
	wait_hup(d, 2);
	harness_wait_match(e, "work", "work");
	/* plain detach: no SIGHUP */
	CHECK(harness_rsh(NULL, "detach-client", "-t", "work", (char *)NULL) == 0);
	harness_wait_text(e, "[detached (from session work)]");
	CHECK(harness_client_wait_exit(e) == 0);
	harness_client_free(e);
	CHECKF(hups == 3, "%d SIGHUPs", (int)hups);
	return 0;
}
