/*
 * Bad input that tests/test_server_cli.sh does not cover already: the commands that attach
 * refuse a stdin that is not a terminal, before sending anything, and the server carries on.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

#define REFUSAL "rsh: open terminal failed: not a terminal\n"

/* harness_rsh's stdin is /dev/null. */
static void refused(const char *what, int code)
{
	CHECKF(code == 1, "%s exited %d", what, code);
	CHECKF(strcmp(harness_rsh_stderr(), REFUSAL) == 0, "%s said '%s'", what,
	       harness_rsh_stderr());
}

int main(void)
{
	harness_init();
	refused("new", harness_rsh(NULL, "new", "-s", "work", (char *)NULL));
	/* Nothing was sent: no server was started for it. */
	CHECK(harness_rsh(NULL, "has-session", "-t", "work", (char *)NULL) != 0);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", (char *)NULL) == 0);
	refused("attach", harness_rsh(NULL, "attach", "-t", "work", (char *)NULL));
	refused("rsh alone", harness_rsh(NULL, (char *)NULL));
	char *out;
	CHECK(harness_rsh(&out, "list-clients", (char *)NULL) == 0);
	CHECKF(out[0] == '\0', "a client is listed: '%s'", out);
	free(out);
	CHECK(harness_rsh(NULL, "has-session", "-t", "work", (char *)NULL) == 0);
	return 0;
}
