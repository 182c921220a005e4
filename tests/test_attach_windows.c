/*
 * The window keys through the real client: C-b l (last window), C-b . (move-window to the
 * index typed at its prompt), C-b ' (select-window by the index typed), list-sessions'
 * "(attached)", C-b ( ) L switching sessions, attach -d taking the session from the client there. Each step is checked
 * against list-windows, then the client's screen against the server's.
 */
#include <stdlib.h>
#include <sys/wait.h>

#include "attach_harness.h"
#include "check.h"

#define PREFIX "\002"

static harness_client *c;

static void press(const char *keys, const char *pattern)
{
	harness_send(c, keys);
	harness_wait_rsh(c, pattern, "list-windows", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
}

/* Opens a binding's prompt, waits for it on the status row, answers. */
static void answer(const char *keys, const char *prompt, const char *line, const char *pattern)
{
	harness_send(c, keys);
	harness_wait_text(c, prompt);
	harness_send(c, line);
	harness_send(c, "\r");
	harness_wait_rsh(c, pattern, "list-windows", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
}

int main(void)
{
	harness_init();
	c = harness_client_start(80, 25, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	press(PREFIX "c", "^1: [^ ]+\\* ");
	press(PREFIX "c", "^2: [^ ]+\\* ");
	press(PREFIX "l", "^1: [^ ]+\\* ");
	harness_wait_rsh(c, "^2: [^ ]+- ", "list-windows", "-t", "work", (char *)NULL);
	press(PREFIX "l", "^2: [^ ]+\\* ");
	answer(PREFIX ".", "(move-window)", "7", "^7: [^ ]+\\* ");
	harness_wait_rsh(c, "^1: [^ ]+- ", "list-windows", "-t", "work", (char *)NULL);
	answer(PREFIX "'", "index", "0", "^0: [^ ]+\\* ");
	harness_wait_rsh(c, "^work: 3 windows \\(created .*\\) \\(attached\\)$", "ls", (char *)NULL);

	/* C-b ) and ( go round the sessions by name, C-b L back to the last one. */
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "other", (char *)NULL) == 0);
	harness_send(c, PREFIX ")");
	harness_wait_rsh(c, "^[0-9]+: other ", "list-clients", (char *)NULL);
	harness_wait_match(c, "other", "other");
	harness_send(c, PREFIX "L");
	harness_wait_rsh(c, "^[0-9]+: work ", "list-clients", (char *)NULL);
	harness_send(c, PREFIX "(");
	harness_wait_rsh(c, "^[0-9]+: other ", "list-clients", (char *)NULL);
	harness_send(c, PREFIX "L");
	harness_wait_rsh(c, "^[0-9]+: work ", "list-clients", (char *)NULL);
	harness_wait_match(c, "work", "work");

	/* attach -d: the new client takes the session, the old one is detached. */
	harness_client *d = harness_client_start(80, 25, "attach", "-d", "-t", "work", (char *)NULL);
	harness_wait_match(d, "work", "work");
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	harness_client_free(c);
	harness_wait_rsh(d, "^[0-9]+: work ", "list-clients", (char *)NULL);
	harness_send(d, PREFIX "d");
	harness_client_wait_exit(d);
	harness_client_free(d);
	harness_wait_rsh(NULL, "^work: 3 windows \\(created [^)]*\\)$", "ls", (char *)NULL);
	return 0;
}
