/*
 * OSC 52 from a program in a pane reaches the attached client's terminal (issue 11: remote
 * vim's yank on the laptop's clipboard), through terminfo Ms (xterm-256color's is the
 * xterm sequence); set-clipboard off drops it, on and external pass it. A query is never
 * answered.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

/* How many times the client wrote the clipboard set for text. */
static unsigned written(harness_client *c, const char *text)
{
	char *seq;
	xasprintf(&seq, "\033]52;c;%s\a", text);
	unsigned n = 0;
	for (const char *p = harness_client_output(c, NULL); (p = strstr(p, seq)) != NULL; p++)
		n++;
	free(seq);
	return n;
}

/* The pane sets the clipboard to text (base64) when a line is typed, then says so. */
static void yank(harness_client *c, const char *text, const char *done)
{
	char *line;
	xasprintf(&line, "%s %s\r", text, done);
	harness_send(c, line);
	harness_wait_text(c, done);
	harness_settle(c, 300);
	free(line);
}

int main(void)
{
	harness_init();
	const char *loop = "while read text done; do printf '\\033]52;c;%s\\a\\033]52;c;?\\a'"
			   " \"$text\"; echo \"$done\"; done";
	harness_client *c =
		harness_client_start(80, 24, "new", "-s", "work", "sh", "-c", loop, (char *)NULL);
	harness_wait_rsh(c, ".", "list-panes", "-t", "work", (char *)NULL);

	/* The default (external): passed, once. */
	yank(c, "aGVsbG8=", "one-done");
	CHECKF(written(c, "aGVsbG8=") == 1, "written %u times", written(c, "aGVsbG8="));
	CHECK(written(c, "?") == 0);

	/* off: dropped. */
	CHECK(harness_rsh(NULL, "set-option", "-s", "set-clipboard", "off", (char *)NULL) == 0);
	yank(c, "b2Zm", "two-done");
	CHECK(written(c, "b2Zm") == 0);

	/* on: passed again, and the same text set twice is written twice. */
	CHECK(harness_rsh(NULL, "set-option", "-s", "set-clipboard", "on", (char *)NULL) == 0);
	yank(c, "aGVsbG8=", "three-done");
	CHECKF(written(c, "aGVsbG8=") == 2, "written %u times", written(c, "aGVsbG8="));

	/* A second client attached later does not get the old clipboard, only new ones. */
	harness_client *d = harness_client_start(80, 24, "attach", "-t", "work", (char *)NULL);
	harness_wait_text(d, "three-done");
	harness_settle(d, 300);
	CHECK(written(d, "aGVsbG8=") == 0);
	yank(c, "bmV3", "four-done");
	harness_wait_text(d, "four-done");
	harness_settle(d, 300);
	CHECK(written(c, "bmV3") == 1 && written(d, "bmV3") == 1);
	harness_detach(d);
	harness_detach(c);
	return 0;
}
