/*
 * Alerts through the real server and client: with monitor-activity on, output in window 1
 * (not current) puts # in its flags on the client's status line, in
 * window-status-activity-style (reverse), and #{window_activity_flag} and
 * #{session_alerts} say so; a bell there adds ! and rings the client's terminal
 * (bell-action any, visual-bell off; activity there rang it too, as tmux's
 * activity-action other does); visual-bell on shows "Bell in window 1" instead;
 * selecting the window clears its flags; bell-action none keeps the flag but rings
 * nothing. monitor-silence 1: a window quiet for a second gets ~ and, with
 * visual-silence on, "Silence in window 0" (the current one neither); 0 stops it.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

#define rsh(...) \
	do { \
		if (harness_rsh(NULL, __VA_ARGS__, (char *)NULL) != 0) \
			harness_fail(NULL, "rsh %s: %s", #__VA_ARGS__, harness_rsh_stderr()); \
	} while (0)

static void type_in(const char *target, const char *line)
{
	rsh("send-keys", "-t", target, line, "Enter");
}

/* The column where text starts on the status row (ASCII only). */
static unsigned status_col(harness_client *c, const char *text)
{
	char *row = harness_row(c, 23);
	const char *at = strstr(row, text);
	CHECKF(at != NULL, "'%s' not on the status row '%s'", text, row);
	unsigned col = (unsigned)(at - row);
	free(row);
	return col;
}

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	rsh("new-window", "-d", "-t", "work");
	rsh("setw", "-g", "monitor-activity", "on");
	harness_wait_row(c, 23, "0:sh* 1:sh ");

	/* Activity in window 1 (activity-action other, visual-activity off: a bell too). */
	unsigned bells = harness_output_count(c, "\a");
	type_in("work:1", "echo some-output");
	harness_wait_row(c, 23, "1:sh#");
	CHECKF(harness_output_count(c, "\a") > bells, "activity rang no bell (%u)", bells);
	CHECK(harness_cell(c, 23, status_col(c, "1:sh#")).attrs & TERM_ATTR_REVERSE);
	CHECK(!(harness_cell(c, 23, status_col(c, "0:sh*")).attrs & TERM_ATTR_REVERSE));
	harness_wait_rsh(c, "^1 0 1#$", "display", "-p", "-t", "work:1",
			 "#{window_activity_flag} #{window_bell_flag} #{session_alerts}",
			 (char *)NULL);
	/* Output in the current window leaves no flag. */
	type_in("work:0", "echo here");
	harness_wait_text(c, "here");
	harness_wait_rsh(c, "^0$", "display", "-p", "-t", "work:0", "#{window_activity_flag}",
			 (char *)NULL);

	/* A bell in window 1: ! and the terminal's bell. */
	bells = harness_output_count(c, "\a");
	type_in("work:1", "printf '\\a'");
	harness_wait_row(c, 23, "1:sh#!");
	harness_wait_rsh(c, "^1#!$", "display", "-p", "-t", "work", "#{session_alerts}",
			 (char *)NULL);
	CHECKF(harness_output_count(c, "\a") > bells, "no bell rang (%u)", bells);

	/* visual-bell on: the message, no bell. */
	rsh("set", "-g", "visual-bell", "on");
	bells = harness_output_count(c, "\a");
	type_in("work:1", "printf '\\a'");
	harness_wait_row(c, 23, "Bell in window 1");
	CHECK(harness_output_count(c, "\a") == bells);

	/* Selecting the window clears its flags. */
	rsh("select-window", "-t", "work:1");
	harness_wait_row(c, 23, "0:sh- 1:sh*");
	harness_wait_rsh(c, "^$", "display", "-p", "-t", "work", "#{session_alerts}", (char *)NULL);

	/* bell-action none: window 0's flag, but neither bell nor message (activity, which
	 * rings too with activity-action other, is not monitored now). */
	rsh("setw", "-g", "monitor-activity", "off");
	rsh("set", "-g", "bell-action", "none");
	rsh("set", "-g", "visual-bell", "off");
	bells = harness_output_count(c, "\a");
	type_in("work:0", "printf '\\a'");
	harness_wait_row(c, 23, "0:sh!- 1:sh*");
	harness_settle(c, 300);
	CHECK(harness_output_count(c, "\a") == bells);
	CHECK(!harness_screen_has(c, "Bell in"));

	/* monitor-silence 1: window 0, quiet for a second, gets ~ and (visual-silence on)
	 * the message; the current window 1 no flag (silence-action other: no message). */
	rsh("set", "-g", "visual-silence", "on");
	rsh("setw", "-g", "monitor-silence", "1");
	harness_wait_row(c, 23, "Silence in window 0");
	harness_wait_row(c, 23, "0:sh!~- 1:sh*");
	harness_wait_rsh(c, "^1 0!~$", "display", "-p", "-t", "work:0",
			 "#{window_silence_flag} #{session_alerts}", (char *)NULL);
	harness_wait_rsh(c, "^0$", "display", "-p", "-t", "work:1", "#{window_silence_flag}",
			 (char *)NULL);
	/* Selecting it clears the flag; monitor-silence 0 stops the timer. */
	rsh("setw", "-g", "monitor-silence", "0");
	rsh("select-window", "-t", "work:0");
	harness_wait_row(c, 23, "0:sh* 1:sh-");
	rsh("select-window", "-t", "work:1");
	harness_settle(c, 1500);
	CHECK(!harness_screen_has(c, "0:sh~"));
	harness_client_free(c);
	return 0;
}
