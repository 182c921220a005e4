/*
 * How an attachment ends when the server is killed (the contract's point 5): the client
 * prints "[server exited]" and exits 0, and the server is gone (checked at exit).
 * kill-server returns only once the server is gone: the next command finds no server,
 * and a session made at once lives in a new one. It used to return while the old server
 * lingered for its clients, still running commands, and `rsh kill-server; rsh new -d -s
 * b` made b there, to vanish with it.
 */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	harness_wait_match(c, "work", "work");
	CHECK(harness_rsh(NULL, "kill-server", (char *)NULL) == 0);
	CHECKF(harness_rsh(NULL, "has-session", "-t", "work", (char *)NULL) == 1 &&
		       strstr(harness_rsh_stderr(), "no server running") != NULL,
	       "after kill-server: %s", harness_rsh_stderr());
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "b", (char *)NULL) == 0);
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	CHECKF(strstr(harness_client_output(c, NULL), "[server exited]\r\n") != NULL,
	       "no end line");
	/* Longer than the old server could linger for a client (CLIENT_LINGER_MS). */
	sleep(4);
	CHECKF(harness_rsh(NULL, "has-session", "-t", "b", (char *)NULL) == 0, "b is gone: %s",
	       harness_rsh_stderr());
	harness_client_free(c);
	return 0;
}
