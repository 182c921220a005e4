/*
 * The window keys through the real client: C-b l (last window), C-b . (move-window to the
 * index typed at its prompt), C-b ' (select-window by the index typed). Each step is
 * checked against list-windows, then the client's screen against the server's.
 */
#include <stdlib.h>

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
	harness_send(c, PREFIX "d");
	harness_client_wait_exit(c);
	harness_client_free(c);
	return 0;
}
