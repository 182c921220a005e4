/*
 * How an attachment ends when the server is killed (the contract's point 5): the client
 * prints "[server exited]" and exits 0, and the server is gone (checked at exit).
 */
#include <string.h>
#include <sys/wait.h>

#include "attach_harness.h"
#include "check.h"

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	harness_wait_match(c, "work", "work");
	CHECK(harness_rsh(NULL, "kill-server", (char *)NULL) == 0);
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	CHECKF(strstr(harness_client_output(c, NULL), "[server exited]\r\n") != NULL,
	       "no end line");
	harness_client_free(c);
	return 0;
}
