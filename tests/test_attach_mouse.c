/*
 * The mouse through the real client and server. Over plain shells the client leaves its
 * terminal's mouse reporting off (the terminal keeps its own selection); once a pane's
 * program asks for clicks, the client turns reporting on with SGR coordinates; a click on
 * that pane, not the active one, reaches the program at the pane's own
 * coordinates (without making it active: the mouse option is off, so no mouse key's
 * binding runs); when the program turns its mouse mode off, so does the client.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

/* A byte string the client wrote, searched from an offset of its output. */
struct written {
	const char *bytes;
	size_t from;
};

static size_t find_written(harness_client *c, const char *bytes, size_t from)
{
	size_t len;
	const char *out = harness_client_output(c, &len);
	const char *at = from <= len ? memmem(out + from, len - from, bytes, strlen(bytes)) : NULL;
	return at != NULL ? (size_t)(at - out) : SIZE_MAX;
}

static bool has_written(harness_client *c, void *arg)
{
	const struct written *w = arg;
	return find_written(c, w->bytes, w->from) != SIZE_MAX;
}

/* Waits until the client wrote bytes after from; returns where. */
static size_t wait_written(harness_client *c, const char *bytes, size_t from, const char *what)
{
	struct written w = { bytes, from };
	harness_wait(c, has_written, &w, what);
	return find_written(c, bytes, from);
}

static void check_no_reporting(harness_client *c)
{
	static const char *const enables[] = { "\033[?1000h", "\033[?1002h", "\033[?1003h",
					       "\033[?1006h" };
	for (size_t i = 0; i < sizeof enables / sizeof enables[0]; i++)
		CHECKF(find_written(c, enables[i], 0) == SIZE_MAX, "reporting enabled (%s)",
		       enables[i] + 1);
}

int main(void)
{
	harness_init();
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", (char *)NULL) == 0);
	harness_client *c = harness_client_start(80, 24, "attach", "-t", "work", (char *)NULL);
	harness_wait_text(c, "$");
	/* Two plain shells: %1 on the right, active; the left one made active again. The
	 * client showing them has applied their views: reporting stays off. */
	CHECK(harness_rsh(NULL, "split-window", "-h", "-t", "work", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "select-pane", "-t", "%0", (char *)NULL) == 0);
	harness_wait_rsh(c, "^1: \\[39x23\\] \\[at 41,0\\] %1$", "list-panes", "-t", "work",
			 (char *)NULL);
	harness_wait_match(c, "work", "work");
	check_no_reporting(c);

	/* The right pane's program asks for clicks in SGR form, reads a press and a release
	 * and prints them with cat -v (no echo, so they show once), then turns its mouse mode
	 * off; the echoed command line shows mouse-'done', only the output mouse-done. */
	CHECK(harness_rsh(NULL, "send-keys", "-t", "%1",
			  "stty -echo -icanon; printf '\\033[?1000h\\033[?1006h'; head -c 18 | cat -v;"
			  " echo; printf '\\033[?1000l\\033[?1006l'; stty echo icanon;"
			  " echo mouse-'done'",
			  "Enter", (char *)NULL) == 0);
	size_t on = wait_written(c, "\033[?1000h\033[?1006h", 0, "mouse reporting on");

	/* Column 46 of the terminal is column 5 of %1 (from 1, at x 41). With the mouse
	 * option off the events go to the pane under them and nothing else, as tmux forwards
	 * mouse keys then: the program reads both (18 bytes), and %0 stays active. */
	harness_send(c, "\033[<0;46;3M\033[<0;46;3m");
	harness_wait_rsh(c, "^\\^\\[\\[<0;5;3M\\^\\[\\[<0;5;3m$", "capture-pane", "-p", "-t", "%1",
			 (char *)NULL);
	harness_wait_rsh(c, "^mouse-done$", "capture-pane", "-p", "-t", "%1", (char *)NULL);
	harness_wait_rsh(c, "^0: .* %0 \\(active\\)$", "list-panes", "-t", "work", (char *)NULL);
	wait_written(c, "\033[?1000l", on, "mouse reporting off");
	harness_wait_match(c, "work", "work");
	harness_client_free(c);
	return 0;
}
