/*
 * attach -r through the real client: a read-only client's typing never reaches the pane,
 * its bindings run only the read-only commands ("client is read-only" otherwise), it
 * sizes no window, list-clients says "(read-only)", and C-b d still detaches it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "attach_harness.h"
#include "check.h"

#define PREFIX "\002"

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(80, 25, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	harness_client *r = harness_client_start(100, 30, "attach", "-r", "-t", "work",
						 (char *)NULL);
	harness_wait_text(r, "[work]");
	harness_wait_rsh(c, "\\(read-only\\)$", "list-clients", (char *)NULL);

	harness_send(r, "echo typed-by-ro\r");
	harness_send(r, PREFIX "c");
	harness_wait_text(r, "client is read-only");
	harness_send(c, "echo mark\"er\"\r");
	harness_wait_line(c, "marker");
	char *out = NULL;
	CHECK(harness_rsh(&out, "capture-pane", "-p", "-t", "work", (char *)NULL) == 0);
	CHECKF(strstr(out, "typed-by-ro") == NULL, "a read-only client typed: %s", out);
	free(out);
	harness_wait_rsh(c, "^work: 1 windows", "ls", (char *)NULL);
	/* the window keeps the size of the client that may type */
	harness_wait_rsh(c, "^80x24$", "display", "-p", "-t", "work",
			 "#{window_width}x#{window_height}", (char *)NULL);
	harness_wait_match(r, "work", "work");

	/* switch-client -r: writable again, then its typing arrives. */
	CHECK(harness_rsh(&out, "list-clients", (char *)NULL) == 0);
	char *line = strstr(out, "(read-only)");
	CHECK(line != NULL);
	while (line > out && line[-1] != '\n')
		line--;
	char id[16];
	snprintf(id, sizeof id, "%u", (unsigned)strtoul(line, NULL, 10));
	free(out);
	CHECK(harness_rsh(NULL, "switch-client", "-r", "-c", id, (char *)NULL) == 0);
	CHECK(harness_rsh(&out, "list-clients", (char *)NULL) == 0);
	CHECKF(strstr(out, "(read-only)") == NULL, "%s", out);
	free(out);
	harness_send(r, "echo now-wr\"itable\"\r");
	harness_wait_line(c, "now-writable");

	harness_detach(r);
	harness_wait_match(c, "work", "work");
	return 0;
}
