/*
 * After the server is killed (SIGKILL: no end line ever comes), detaching still works
 * from the keyboard, and a local client says so: the status row reads "server gone?"
 * after a silence. C-b d did nothing: the client waited for the server's end line.
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "attach_harness.h"
#include "check.h"

static void detached(harness_client *c)
{
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	CHECKF(strstr(harness_client_output(c, NULL), "[detached (the server did not answer)]") !=
		       NULL,
	       "no end line");
	harness_client_free(c);
}

int main(void)
{
	harness_init();
	harness_client *a = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(a, "$");
	harness_wait_match(a, "work", "work");
	harness_client *b = harness_client_start(80, 24, "attach", "-t", "work", (char *)NULL);
	harness_wait_match(b, "work", "work");
	pid_t pid = harness_server_pid();
	CHECK(pid > 0 && kill(pid, SIGKILL) == 0);

	/* At once: it leaves after a short wait for an answer. */
	harness_send(a, "\002d");
	detached(a);
	/* After a silence: the status row says what a local client can tell. */
	harness_wait_text(b, "server gone?");
	harness_send(b, "\002d");
	detached(b);
	return 0;
}
