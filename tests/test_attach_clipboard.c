/*
 * OSC 52 from a program in a pane reaches the attached client's terminal (issue 11: remote
 * vim's yank on the laptop's clipboard), through terminfo Ms (xterm-256color's is the
 * xterm sequence); set-clipboard off drops it, external and on pass it, on also makes it a
 * paste buffer (as tmux). A query is never answered.
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
	unsigned n = harness_output_count(c, seq);
	free(seq);
	return n;
}

int main(void)
{
	harness_init();
	/* Sets the clipboard to each line's first word (base64), then asks for it. */
	harness_client *c =
		harness_pane_loop(80, 24, "printf '\\033]52;c;%s\\a\\033]52;c;?\\a' \"$arg\"");

	/* The default (external): passed, once. */
	harness_pane_step(c, "aGVsbG8=", "one-done");
	CHECKF(written(c, "aGVsbG8=") == 1, "written %u times", written(c, "aGVsbG8="));
	CHECK(written(c, "?") == 0);
	char *out;
	CHECK(harness_rsh(&out, "list-buffers", (char *)NULL) == 0);
	CHECKF(strcmp(out, "") == 0, "external made a buffer: %s", out); /* as tmux */
	free(out);

	/* off: dropped. */
	CHECK(harness_rsh(NULL, "set-option", "-s", "set-clipboard", "off", (char *)NULL) == 0);
	harness_pane_step(c, "b2Zm", "two-done");
	CHECK(written(c, "b2Zm") == 0);

	/* on: passed again, and the same text set twice is written twice. */
	CHECK(harness_rsh(NULL, "set-option", "-s", "set-clipboard", "on", (char *)NULL) == 0);
	harness_pane_step(c, "aGVsbG8=", "three-done");
	CHECKF(written(c, "aGVsbG8=") == 2, "written %u times", written(c, "aGVsbG8="));
	/* on also makes it a paste buffer, as tmux's. */
	CHECK(harness_rsh(&out, "show-buffer", (char *)NULL) == 0);
	CHECKF(strcmp(out, "hello\n") == 0, "the buffer holds '%s'", out);
	free(out);

	/* A second client attached later does not get the old clipboard, only new ones. */
	harness_client *d = harness_client_start(80, 24, "attach", "-t", "work", (char *)NULL);
	harness_wait_text(d, "three-done");
	harness_settle(d, 300);
	CHECK(written(d, "aGVsbG8=") == 0);
	harness_pane_step(c, "bmV3", "four-done");
	harness_wait_text(d, "four-done");
	harness_settle(d, 300);
	CHECK(written(c, "bmV3") == 1 && written(d, "bmV3") == 1);
	harness_detach(d);
	harness_detach(c);
	return 0;
}
