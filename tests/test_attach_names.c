/*
 * Window names through the real server and client (automatic-rename, on by default): the
 * window is named after the command running in its active pane (cat while cat runs, the
 * shell again after it), as the client's status line shows; automatic-rename-format
 * changes the name's form; rename-window turns automatic-rename off for that window, so
 * its name stays. screen's ESC k NAME ESC \ renames the window only with allow-rename on
 * (and is never printed); an empty one gives the window automatic-rename back.
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

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	harness_wait_row(c, 23, "0:sh*");

	rsh("send-keys", "-t", "work", "cat", "Enter");
	harness_wait_row(c, 23, "0:cat*");
	harness_wait_rsh(c, "^cat$", "display", "-p", "-t", "work", "#{window_name}", (char *)NULL);
	rsh("send-keys", "-t", "work", "C-c");
	harness_wait_row(c, 23, "0:sh*");

	rsh("setw", "-g", "automatic-rename-format", "<#{pane_current_command}>");
	rsh("send-keys", "-t", "work", "echo again", "Enter");
	harness_wait_row(c, 23, "0:<sh>*");

	/* A name given by hand stays: automatic-rename is off for that window. */
	rsh("rename-window", "-t", "work:0", "mine");
	harness_wait_rsh(c, "^off$", "show", "-wv", "-t", "work:0", "automatic-rename",
			 (char *)NULL);
	rsh("send-keys", "-t", "work", "cat", "Enter");
	harness_wait_text(c, "cat");
	harness_settle(c, 800); /* past a check's interval */
	harness_wait_row(c, 23, "0:mine*");
	harness_wait_rsh(c, "^mine$", "display", "-p", "-t", "work", "#{window_name}",
			 (char *)NULL);
	rsh("send-keys", "-t", "work", "C-c");

	/* allow-rename off (tmux's default): the first rename is dropped; on: the second
	 * names the window (so the first was read, and did nothing). */
	rsh("send-keys", "-t", "work", "printf '\\033k%s\\033\\\\' na''me1", "Enter");
	rsh("set", "-g", "allow-rename", "on");
	rsh("send-keys", "-t", "work", "printf '\\033k%s\\033\\\\' na''me2", "Enter");
	harness_wait_row(c, 23, "0:name2*");
	char *pane = NULL;
	CHECK(harness_rsh(&pane, "capture-pane", "-p", "-t", "work", (char *)NULL) == 0);
	CHECKF(strstr(pane, "name1") == NULL && strstr(pane, "name2") == NULL, "printed: %s",
	       pane);
	free(pane);
	harness_wait_rsh(c, "^off$", "show", "-wv", "-t", "work:0", "automatic-rename",
			 (char *)NULL);
	/* An empty name: automatic-rename as the global option says (on) again. */
	rsh("send-keys", "-t", "work", "printf '\\033k\\033\\\\'", "Enter");
	harness_wait_row(c, 23, "0:<sh>*");
	harness_client_free(c);
	return 0;
}
