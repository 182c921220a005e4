/*
 * set-titles (tmux's, default off): the client's terminal title is set-titles-string
 * expanded, by default "#S:#I:#W - \"#T\" " with no alerts: session, window index and
 * name, the active pane's title (the host's name until the program sets one); then a
 * string of the test's own. xterm-256color has no tsl: the title goes as OSC 0, as tmux's
 * terminal-features give xterm* titles.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

int main(void)
{
	harness_init();
	/* Sets the pane's title to each line's first word; "-" clears it. */
	harness_client *c = harness_pane_loop(
		80, 24, "[ \"$arg\" = - ] && arg=; printf '\\033]2;%s\\033\\\\' \"$arg\"");
	char *windows, name[64] = "";
	CHECK(harness_rsh(&windows, "list-windows", "-t", "work", (char *)NULL) == 0);
	CHECKF(sscanf(windows, "0: %63[^*]", name) == 1, "list-windows: %s", windows);
	free(windows);
	harness_pane_step(c, "first", "one-done");
	CHECK(harness_output_count(c, "\033]0;") == 0); /* off by default */

	CHECK(harness_rsh(NULL, "set-option", "-g", "set-titles", "on", (char *)NULL) == 0);
	harness_pane_step(c, "second", "two-done");
	char *want;
	xasprintf(&want, "\033]0;work:0:%s - \"second\" \a", name);
	CHECKF(harness_output_count(c, want) == 1, "no '%s' in: %s", want, harness_client_output(c, NULL));
	free(want);

	/* The title the program set clears: the host's name, as tmux's pane_title. */
	char host[256] = "";
	CHECK(gethostname(host, sizeof host - 1) == 0);
	harness_pane_step(c, "-", "three-done");
	xasprintf(&want, "\033]0;work:0:%s - \"%s\" \a", name, host);
	CHECK(harness_output_count(c, want) == 1);
	free(want);

	/* set-titles-string, a format as tmux's. */
	CHECK(harness_rsh(NULL, "set-option", "-g", "set-titles-string", "#S/#{window_index}/#T!",
			  (char *)NULL) == 0);
	harness_pane_step(c, "again", "five-done");
	CHECK(harness_output_count(c, "\033]0;work/0/again!\a") == 1);

	CHECK(harness_rsh(NULL, "set-option", "-g", "set-titles", "off", (char *)NULL) == 0);
	harness_pane_step(c, "fourth", "four-done");
	CHECK(harness_output_count(c, "fourth\" \a") == 0);
	harness_detach(c);
	return 0;
}
