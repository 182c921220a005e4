/*
 * rsh's command line: each bad option or value is one line on stderr and exit 1, before
 * any server or ssh is involved; the first word is a command when a command is named in
 * full or by an alias, else a host, whose command is still checked here first. The same
 * for `rsh bootstrap` and `rsh client`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"

/* `rsh args...` (up to four) must exit code with one line on stderr holding want. */
static void expect(int code, const char *want, char *a0, char *a1, char *a2, char *a3)
{
	char *out = NULL;
	int got = harness_rsh(&out, a0, a1, a2, a3, (char *)NULL);
	const char *err = harness_rsh_stderr();
	const char *nl = strchr(err, '\n');
	if (got != code || *out != '\0' || strstr(err, want) == NULL || nl == NULL ||
	    nl[1] != '\0')
		harness_fail(NULL, "rsh %s %s: exit %d (want %d), stdout \"%s\", stderr \"%s\","
			     " want one line with \"%s\"", a0, a1 != NULL ? a1 : "", got, code, out,
			     err, want);
	free(out);
}

/* `rsh flag` prints the version on stdout and exits 0, as tmux -V. */
static void version(char *flag)
{
	char *out = NULL;
	int code = harness_rsh(&out, flag, (char *)NULL);
	char want[64];
	snprintf(want, sizeof want, "rsh %s\n", PACKAGE_VERSION);
	if (code != 0 || strcmp(out, want) != 0)
		harness_fail(NULL, "rsh %s: exit %d, \"%s\"", flag, code, out);
	free(out);
}

int main(void)
{
	harness_init();
	unsetenv("RSH_PREDICT");
	version("-V");
	version("--version");

	expect(1, "rsh: unknown option: -x", "-x", "ls", NULL, NULL);
	expect(1, "rsh: unknown option: --nope", "--nope", "ls", NULL, NULL);
	expect(1, "rsh: -p needs a value", "-p", NULL, NULL, NULL);
	expect(1, "rsh: --ssh needs a value", "--ssh", NULL, NULL, NULL);
	expect(1, "rsh: bad port: 70000", "-p", "70000", "ls", NULL);
	expect(1, "rsh: bad port: 10:", "-p", "10:", "ls", NULL);
	expect(1, "rsh: bad port: 2:1", "-p", "2:1", "ls", NULL);
	expect(1, "rsh: bad port: -5", "-p", "-5", "ls", NULL);
	expect(1, "rsh: bad --predict: soon (adaptive, always or never)", "--predict=soon", "ls",
	       NULL, NULL);
	setenv("RSH_PREDICT", "sometimes", 1);
	expect(1, "rsh: bad RSH_PREDICT: sometimes", "ls", NULL, NULL, NULL);
	setenv("RSH_PREDICT", "never", 1);
	expect(1, "no server running", "--predict=always", "-p", "61000:61010", "ls");
	unsetenv("RSH_PREDICT");

	/* A command named in full or by an alias runs here; a host's command is checked
	 * here, so a bad one never reaches ssh (which does not exist). */
	expect(1, "no server running", "list-sessions", NULL, NULL, NULL);
	expect(1, "no server running", "lsw", NULL, NULL, NULL);
	expect(1, "unknown command: frob", "--ssh=/nonexistent/ssh", "me@host", "frob", NULL);
	expect(1, "usage: kill-server", "--ssh=/nonexistent/ssh", "host", "kill-server", "x");
	/* A lone word that is no command nor could be a host is a mistyped command, said at
	 * once: no DNS lookup first (the old message quoted the resolver's error). */
	expect(1, "rsh: unknown command: typo (a host is user@host", "typo", NULL, NULL, NULL);
	expect(1, "rsh: open terminal failed", "--ssh=/nonexistent/ssh", "localhost", NULL, NULL);
	expect(1, "rsh: open terminal failed", "--ssh=/nonexistent/ssh", "127.0.0.2", NULL,
	       NULL);
	/* A command that does not attach goes to ssh, whose failure is ours. */
	expect(255, "rsh: cannot run /nonexistent/ssh", "--ssh=/nonexistent/ssh", "host", "ls",
	       NULL);
	/* One that attaches needs a terminal here before any ssh runs. */
	expect(1, "rsh: open terminal failed: not a terminal", "--ssh=/nonexistent/ssh",
	       "127.0.0.1", "attach", NULL);

	/* rsh bootstrap takes only commands that attach, and checks its values first. */
	const char *refuse = "rsh: bootstrap takes only a command that attaches";
	expect(1, refuse, "bootstrap", "ls", NULL, NULL);
	expect(1, refuse, "bootstrap", "new", "-d", NULL);
	expect(1, "unknown command: nosuch", "bootstrap", "nosuch", NULL, NULL);
	expect(1, "rsh: bad port: 0", "bootstrap", "-p", "0", NULL);
	expect(1, "rsh: unknown option: -L", "bootstrap", "-L", "x", NULL);
	setenv("SSH_CONNECTION", "127.0.0.1 5555 host.example 22", 1);
	expect(1, "server address host.example: not a numeric address", "bootstrap", NULL, NULL,
	       NULL);
	setenv("SSH_CONNECTION", "127.0.0.1 5555 ::1 22", 1);
	expect(1, "server address ::1: not a numeric IPv4 address", "bootstrap", "-4", NULL,
	       NULL);
	unsetenv("SSH_CONNECTION");

	/* rsh client: the token and the port. */
	char token[] = "AQIDBAUGBwgAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw";
	expect(1, "rsh: RSH_TOKEN is not set", "client", "127.0.0.1", "60000", NULL);
	setenv("RSH_TOKEN", "AAAA", 1);
	expect(1, "rsh: RSH_TOKEN is not a token", "client", "127.0.0.1", "60000", NULL);
	setenv("RSH_TOKEN", token, 1);
	expect(1, "usage: RSH_TOKEN=token rsh client", "client", "127.0.0.1", NULL, NULL);
	expect(1, "rsh: bad port: 0", "client", "127.0.0.1", "0", NULL);
	expect(1, "rsh: bad port: 6x", "client", "127.0.0.1", "6x", NULL);
	expect(1, "rsh: unknown option: -p", "client", "-p", "1", "127.0.0.1");
	expect(1, "rsh: bad --predict: soon", "client", "--predict=soon", "127.0.0.1", "1");
	return 0;
}
