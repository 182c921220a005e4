/*
 * Two clients on one session at different sizes: each sees its own (clipped or padded)
 * view of the server's panes; the window follows the client typed in last; one killed
 * with SIGKILL leaves the other, the session and the server working.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

int main(void)
{
	harness_init();
	harness_client *big = harness_client_start(100, 30, "new", "-s", "work", (char *)NULL);
	harness_wait_text(big, "$");
	harness_wait_rsh(big, "^0: \\[100x29\\]", "list-panes", "-t", "work", (char *)NULL);
	harness_send(big, "\002%");
	harness_wait_rsh(big, "^1: ", "list-panes", "-t", "work", (char *)NULL);
	harness_wait_match(big, "work", "work");

	/* Attaching makes the newcomer the latest client: the window takes its size. */
	harness_client *small = harness_client_start(70, 20, "attach", "-t", "work",
						     (char *)NULL);
	harness_wait_rsh(small, "\\[70x19\\]", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_match(small, "work", "work");
	harness_wait_match(big, "work", "work");

	/* Typing in the big one brings the window back to its size; the small one clips. */
	harness_send(big, "echo b'ig'\r");
	harness_wait_rsh(big, "\\[100x29\\]", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_text(big, "big");
	harness_wait_match(big, "work", "work");
	harness_wait_match(small, "work", "work");

	harness_send(small, "echo sm'all'\r");
	harness_wait_rsh(small, "\\[70x19\\]", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_text(small, "small");
	harness_wait_match(small, "work", "work");
	harness_wait_match(big, "work", "work");

	harness_client_kill(small, SIGKILL);
	harness_client_free(small);
	harness_send(big, "echo al'ive'\r");
	harness_wait_text(big, "alive");
	harness_wait_match(big, "work", "work");
	CHECK(harness_rsh(NULL, "has-session", "-t", "work", (char *)NULL) == 0);
	char *out;
	CHECK(harness_rsh(&out, "ls", (char *)NULL) == 0);
	CHECKF(strncmp(out, "work: 1 windows", 15) == 0, "ls said '%s'", out);
	free(out);
	harness_client_free(big);
	return 0;
}
