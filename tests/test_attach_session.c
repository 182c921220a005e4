/*
 * A person's session through the real client: new -s work, type, split both ways, move,
 * zoom, a second window, detach, ls, attach again. After each step the client's screen
 * matches the server's own view of every pane, and the shell kept its variable.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"

#define PREFIX "\002"

/* Waits until the window has n panes (their last index n-1, none past it) and active. */
static void wait_panes(harness_client *c, unsigned n, int active)
{
	char pattern[64];
	if (active >= 0)
		snprintf(pattern, sizeof pattern, "^%u: .*\\(active\\)", (unsigned)active);
	else
		snprintf(pattern, sizeof pattern, "^%u: ", n - 1);
	harness_wait_rsh(c, pattern, "list-panes", "-t", "work", (char *)NULL);
	char *out;
	CHECK(harness_rsh(&out, "list-panes", "-t", "work", (char *)NULL) == 0);
	unsigned lines = 0;
	for (const char *p = out; *p != '\0'; p++)
		lines += *p == '\n';
	CHECKF(lines == n, "%u panes, not %u:\n%s", lines, n, out);
	free(out);
}

static void step(harness_client *c, const char *keys, unsigned panes, int active)
{
	harness_send(c, keys);
	wait_panes(c, panes, active);
	harness_wait_match(c, "work", "work");
}

static void check_detach(harness_client *c)
{
	harness_send(c, PREFIX "d");
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	const char *out = harness_client_output(c, NULL);
	CHECKF(strstr(out, "[detached (from session work)]\r\n") != NULL, "no detach line");
	CHECK(harness_client_cooked(c));
	CHECK(!harness_altscreen(c));
}

static void first_attachment(void)
{
	harness_client *c = harness_client_start(100, 30, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	harness_wait_match(c, "work", "work");
	harness_wait_rsh(c, "^0: \\[100x29\\]", "list-panes", "-t", "work", (char *)NULL);
	/* The echoed line shows re'ady', only the output "ready". */
	harness_send(c, "X=42; echo re'ady'\r");
	harness_wait_text(c, "ready");
	harness_wait_match(c, "work", "work");

	step(c, PREFIX "%", 2, 1);
	step(c, PREFIX "\"", 3, 2);
	step(c, PREFIX "o", 3, 0);
	/* Right of pane 0 lie panes 1 and 2: either may be chosen. */
	step(c, PREFIX "\033[C", 3, -1);
	harness_wait_rsh(c, "^[12]: .*\\(active\\)", "list-panes", "-t", "work", (char *)NULL);
	step(c, PREFIX "\033[D", 3, 0);
	step(c, PREFIX "z", 3, 0);
	harness_wait_rsh(c, "^2: .*\\(hidden\\)", "list-panes", "-t", "work", (char *)NULL);
	harness_wait_rsh(c, "^0: \\[100x29\\] \\[at 0,0\\]", "list-panes", "-t", "work",
			 (char *)NULL);
	harness_send(c, PREFIX "z");
	harness_wait_rsh(c, "^0: \\[[0-9]+x29\\] \\[at 0,0\\] %[0-9]+ \\(active\\)$",
			 "list-panes", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");

	harness_send(c, PREFIX "c");
	harness_wait_rsh(c, "^1: .*\\(active\\)", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_text(c, "1:");
	harness_wait_match(c, "work", "work");
	harness_send(c, PREFIX "n");
	harness_wait_rsh(c, "^0: .*\\(active\\)", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	harness_send(c, PREFIX "p");
	harness_wait_rsh(c, "^1: .*\\(active\\)", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	harness_send(c, PREFIX "n");
	harness_wait_rsh(c, "^0: .*\\(active\\)", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");

	check_detach(c);
	harness_client_free(c);
}

static void second_attachment(void)
{
	char *out;
	CHECK(harness_rsh(&out, "ls", (char *)NULL) == 0);
	CHECKF(strncmp(out, "work: 2 windows", 15) == 0, "ls said '%s'", out);
	free(out);

	harness_client *c = harness_client_start(100, 30, "attach", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	/* Pane 0 of window 0, where X was set, is active again. */
	harness_send(c, "echo \"<$X>\"\r");
	harness_wait_text(c, "<42>");
	harness_wait_match(c, "work", "work");
	check_detach(c);
	harness_client_free(c);
}

/*
 * detach-on-destroy, as tmux 3.3a: off switches the client of a killed session to the
 * session made current least lately (here "old", not "newer"); no-detached to one no
 * client is attached to; on (the default), and no-detached with none, end it ("exited").
 * destroy-unattached: a session goes when its last client leaves.
 */
static void destroyed_session(void)
{
	CHECK(harness_rsh(NULL, "kill-session", "-t", "work", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "old", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "newer", (char *)NULL) == 0);
	harness_client *c = harness_client_start(80, 24, "new", "-s", "gone", (char *)NULL);
	harness_wait_text(c, "[gone]");
	CHECK(harness_rsh(NULL, "set", "-g", "detach-on-destroy", "off", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "kill-session", "-t", "gone", (char *)NULL) == 0);
	harness_wait_text(c, "[old]");

	harness_client *d = harness_client_start(80, 24, "attach", "-t", "newer", (char *)NULL);
	harness_wait_text(d, "[newer]");
	CHECK(harness_rsh(NULL, "set", "-g", "detach-on-destroy", "no-detached", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "kill-session", "-t", "old", (char *)NULL) == 0);
	int status = harness_client_wait_exit(c); /* "newer" has a client: none to go to */
	CHECKF(WIFEXITED(status), "status %#x", status);
	CHECK(strstr(harness_client_output(c, NULL), "exited") != NULL);
	harness_client_free(c);

	CHECK(harness_rsh(NULL, "set", "-gu", "detach-on-destroy", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "spare", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "kill-session", "-t", "newer", (char *)NULL) == 0);
	status = harness_client_wait_exit(d);
	CHECKF(WIFEXITED(status), "status %#x", status);
	harness_client_free(d);

	/* destroy-unattached: the session goes as its last client detaches; "spare", with
	 * no client and no change of clients, stays. */
	harness_client *e = harness_client_start(80, 24, "new", "-s", "brief", (char *)NULL);
	harness_wait_text(e, "[brief]");
	CHECK(harness_rsh(NULL, "set", "-t", "brief", "destroy-unattached", "on", (char *)NULL) == 0);
	harness_send(e, PREFIX "d");
	status = harness_client_wait_exit(e);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	CHECK(strstr(harness_client_output(e, NULL), "[detached (from session brief)]") != NULL);
	harness_client_free(e);
	harness_wait_rsh(NULL, "^spare$", "ls", "-F", "#{session_name}", (char *)NULL);
	int tries = 0;
	while (harness_rsh(NULL, "has-session", "-t", "brief", (char *)NULL) == 0 && tries++ < 100)
		usleep(50000);
	CHECKF(tries <= 100, "session brief still there after its client left");
}

/* An unknown session: one error line, exit 1, and no client drew anything. */
static void no_such_session(void)
{
	harness_client *c = harness_client_start(80, 24, "attach", "-t", "nosuch", (char *)NULL);
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 1, "status %#x", status);
	size_t len;
	const char *out = harness_client_output(c, &len);
	CHECKF(strstr(out, "nosuch") != NULL && strchr(out, '\033') == NULL, "it said '%s'", out);
	CHECKF(len > 0 && strchr(out, '\n') == out + len - 1, "not one line: '%s'", out);
	harness_client_free(c);
}

int main(void)
{
	harness_init();
	first_attachment();
	second_attachment();
	no_such_session();
	destroyed_session();
	return 0;
}
