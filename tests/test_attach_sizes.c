/*
 * window-size and aggressive-resize with two real clients of different sizes (80x24 and
 * 100x30, the second the latest): latest (the default) sizes the windows as the second,
 * smallest and largest take the least and the most of each dimension, manual leaves the
 * size alone when a client resizes; the session's other windows follow too, unless
 * aggressive-resize keeps one at its size until it is made current. The second client's
 * attach-session brings its update-environment variables into the session's environment.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

#define rsh(...) \
	do { \
		if (harness_rsh(NULL, __VA_ARGS__, (char *)NULL) != 0) \
			harness_fail(NULL, "rsh %s: %s", #__VA_ARGS__, harness_rsh_stderr()); \
	} while (0)

static harness_client *a, *b;

/* Waits until the window's size is want ("100x29"), reading both clients meanwhile. */
static void wait_size(const char *window, const char *want)
{
	char *pattern;
	xasprintf(&pattern, "^%s$", want);
	harness_settle(b, 50);
	harness_wait_rsh(a, pattern, "display", "-p", "-t", window,
			 "#{window_width}x#{window_height}", (char *)NULL);
	harness_settle(b, 50);
	free(pattern);
}

int main(void)
{
	harness_init();
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", "-x", "60", "-y", "20",
			  (char *)NULL) == 0);
	rsh("new-window", "-d", "-t", "work");
	a = harness_client_start(80, 24, "attach", "-t", "work", (char *)NULL);
	harness_wait_text(a, "$");
	rsh("set", "-g", "update-environment", "DISPLAY RSH_ATTACH_*");
	setenv("DISPLAY", ":9", 1);
	setenv("RSH_ATTACH_VAR", "from-b", 1);
	b = harness_client_start(100, 30, "attach", "-t", "work", (char *)NULL);
	harness_wait_text(b, "$");
	harness_wait_rsh(b, "^DISPLAY=:9$", "showenv", "-t", "work", "DISPLAY", (char *)NULL);
	harness_wait_rsh(b, "^RSH_ATTACH_VAR=from-b$", "showenv", "-t", "work", "RSH_ATTACH_VAR",
			 (char *)NULL);

	/* latest: the second client's size, for the other window too. */
	wait_size("work:0", "100x29");
	wait_size("work:1", "100x29");

	rsh("setw", "-g", "window-size", "smallest");
	wait_size("work:0", "80x23");
	wait_size("work:1", "80x23");
	rsh("setw", "-g", "window-size", "largest");
	wait_size("work:0", "100x29");

	/* aggressive-resize: window 1 keeps its size until it is current. */
	rsh("setw", "-t", "work:1", "aggressive-resize", "on");
	rsh("setw", "-g", "window-size", "smallest");
	wait_size("work:0", "80x23");
	wait_size("work:1", "100x29");
	rsh("select-window", "-t", "work:1");
	wait_size("work:1", "80x23");
	rsh("select-window", "-t", "work:0");

	/* manual: a client's resize changes nothing, until latest again. */
	rsh("setw", "-g", "window-size", "manual");
	harness_client_resize(a, 70, 20);
	harness_send(a, "echo resized\r");
	harness_wait_text(a, "resized");
	wait_size("work:0", "80x23");
	rsh("setw", "-g", "window-size", "latest");
	wait_size("work:0", "70x19");
	harness_client_free(b);
	harness_client_free(a);
	return 0;
}
