/*
 * Copy mode is per client: two clients on one pane (both through tests/udpproxy at
 * 200 ms round trip with loss, the first one's address roaming every 2 s) scroll on their
 * own; a resize in copy mode keeps it; a client that detaches and a new one that attaches
 * rebuilds its cache from the server (history after a reattach).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "roam_link.h"
#include "util/xmalloc.h"

#define PREFIX "\002"
#define PAGEUP "\033[5~"

static bool top_has(harness_client *c, void *arg)
{
	char *top = harness_row(c, 0);
	bool ok = strstr(top, arg) != NULL;
	free(top);
	return ok;
}

static void wait_top(harness_client *c, const char *text)
{
	char *what;
	xasprintf(&what, "'%s' on the top row", text);
	harness_wait(c, top_has, (void *)text, what);
	free(what);
}

static void detach(harness_client *c)
{
	harness_send(c, PREFIX "d");
	harness_wait_text(c, "[detached (from session work)]");
	harness_client_wait_exit(c);
	harness_client_free(c);
}

int main(void)
{
	harness_init();
	setenv("EDITOR", "vi", 1);
	char seed[32];
	snprintf(seed, sizeof seed, "%lu", roam_seed());
	char *roaming[] = {"-s", seed, "-u", "delay=100,loss=5", "-d", "delay=100,loss=5",
			   "-r", "2000", NULL};
	char *plain[] = {"-s", seed, "-u", "delay=100", "-d", "delay=100", NULL};
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", "-x", "80", "-y", "23",
			  (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "send-keys", "-t", "work", "clear; seq 1 3000", "Enter",
			  (char *)NULL) == 0);
	harness_wait_rsh(NULL, "^3000$", "capture-pane", "-p", "-t", "work", (char *)NULL);

	struct roam_link la, lb;
	harness_client *a = roam_attach(&la, "work", 80, 24, roaming);
	harness_client *b = roam_attach(&lb, "work", 80, 24, plain);
	harness_wait_text(a, "3000");
	harness_wait_text(b, "3000");

	/* a pages up twice; b goes to the top of the history: each sees its own. */
	harness_send(a, PREFIX "[" PAGEUP PAGEUP);
	wait_top(a, "[42/");
	wait_top(a, "2937");
	harness_send(b, PREFIX "[g");
	wait_top(b, "[2000/2000]");
	wait_top(b, "979");
	CHECK(top_has(a, "[42/") && top_has(a, "2937"));
	harness_send(b, "q");
	harness_wait_match(b, "work", "work");
	harness_pump(a, 4500); /* a's address changes meanwhile (every 2 s) */
	CHECK(top_has(a, "[42/") && top_has(a, "2937"));

	/* A resize in copy mode: still in it, at the same line, the pane's new size. */
	harness_client_resize(a, 100, 30);
	harness_wait_rsh(a, "^0: \\[100x29\\]", "list-panes", "-t", "work", (char *)NULL);
	wait_top(a, "[");
	harness_send(a, "q");
	harness_wait_match(a, "work", "work");
	harness_client_resize(a, 80, 24);
	harness_wait_rsh(a, "^0: \\[80x23\\]", "list-panes", "-t", "work", (char *)NULL);
	harness_wait_match(a, "work", "work");

	/* Detached and attached again from a new client: its cache starts empty and fills. */
	detach(a);
	roam_proxy_stop(&la, "first client's proxy", NULL, NULL);
	struct roam_link lc;
	harness_client *c = roam_attach(&lc, "work", 80, 24, roaming);
	harness_wait_text(c, "3000");
	harness_send(c, PREFIX "[" PAGEUP PAGEUP PAGEUP);
	wait_top(c, "[63/");
	wait_top(c, "2916");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
	detach(c);
	detach(b);
	roam_proxy_stop(&lb, "second client's proxy", NULL, NULL);
	roam_proxy_stop(&lc, "third client's proxy", NULL, NULL);
	return 0;
}
