/*
 * Copy mode over a slow link, the figures side by side, through the real server
 * and client and tests/udpproxy:
 *   - PageUp in copy mode at 500 ms round trip (250 ms each way): the older page shown
 *     from the client's cache, beside a keystroke's echo by the shell (a round trip);
 *   - a search over 10000 lines of history at 500 ms round trip, after an idle second;
 *   - `seq 1 1000000` at 100 ms round trip: time until the client shows its end, and the
 *     datagrams and bytes to the client until the link is quiet (3 s after), with the
 *     history prefetch and without it (the server started with RSH_NO_PREFETCH=1),
 *     runs alternating.
 * Run from the build directory: bench/copy_mode [runs].
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/roam_link.h"
#include "util/xmalloc.h"

#define PREFIX "\002"

static bool shows(harness_client *c, void *arg)
{
	return harness_screen_has(c, arg);
}

/* ms until the screen shows text on some row. */
static long long until_shown(harness_client *c, const char *text, long long t0)
{
	char *what;
	xasprintf(&what, "'%s' on the screen", text);
	harness_wait(c, shows, (void *)text, what);
	free(what);
	return roam_now_ms() - t0;
}

static void start_session(const char *lines)
{
	char *cmd;
	xasprintf(&cmd, "clear; seq 1 %s", lines);
	/* A server first, so the history limit (a session's, tmux's 2000 by default) is
	 * 10000 for the session the lines go to. */
	if (harness_rsh(NULL, "new", "-d", "-s", "first", (char *)NULL) != 0 ||
	    harness_rsh(NULL, "set", "-g", "history-limit", "10000", (char *)NULL) != 0 ||
	    harness_rsh(NULL, "new", "-d", "-s", "work", "-x", "80", "-y", "23", (char *)NULL) != 0 ||
	    harness_rsh(NULL, "send-keys", "-t", "work", cmd, "Enter", (char *)NULL) != 0)
		harness_fail(NULL, "no session");
	free(cmd);
	char *pattern;
	xasprintf(&pattern, "^%s$", lines);
	harness_wait_rsh(NULL, pattern, "capture-pane", "-p", "-t", "work", (char *)NULL);
	free(pattern);
}

static void slow_link(unsigned runs)
{
	char *flags[] = {"-s", "1", "-u", "delay=250", "-d", "delay=250", NULL};
	start_session("10000");
	struct roam_link l;
	harness_client *c = roam_attach(&l, "work", 80, 24, flags);
	until_shown(c, "10000", roam_now_ms());
	for (unsigned i = 0; i < runs; i++) {
		char key[2] = {(char)('a' + i % 26), '\0'}, echoed[4] = {'$', ' ', key[0], '\0'};
		long long t0 = roam_now_ms();
		harness_send(c, key);
		long long echo = until_shown(c, echoed, t0);
		sleep(1);
		harness_send(c, PREFIX "[");
		until_shown(c, "[0/", roam_now_ms());
		sleep(1); /* the prefetch lands */
		t0 = roam_now_ms();
		harness_send(c, "\033[5~");
		long long page = until_shown(c, "[21/", t0);
		/* The page is drawn in the same refresh as the indicator. */
		sleep(1);
		t0 = roam_now_ms();
		harness_send(c, "?1717\r");
		long long found = until_shown(c, "1717", t0);
		harness_send(c, "q\003");
		sleep(1);
		printf("500 ms RTT: PageUp shown %lld ms, shell echo %lld ms, search over 10000 "
		       "lines %lld ms\n", page, echo, found);
		fflush(stdout);
	}
	roam_proxy_stop(&l, "proxy", NULL, NULL);
	harness_client_kill(c, SIGTERM);
	harness_client_wait_exit(c);
	harness_client_free(c);
	harness_rsh(NULL, "kill-server", (char *)NULL);
}

/* One flood at 100 ms RTT with the rsh in $RSH; prints "ms datagrams bytes". */
static void flood(void)
{
	char *flags[] = {"-s", "1", "-u", "delay=50", "-d", "delay=50", NULL};
	start_session("10");
	struct roam_link l;
	harness_client *c = roam_attach(&l, "work", 80, 24, flags);
	until_shown(c, "10", roam_now_ms());
	long long t0 = roam_now_ms();
	harness_send(c, "seq 1 1000000\r");
	until_shown(c, "1000000", t0);
	long long ms = roam_now_ms() - t0;
	sleep(3); /* the history trickle, if any, then quiet */
	struct roam_counts up, down;
	roam_proxy_stop(&l, "proxy", &up, &down);
	printf("FLOOD %lld %llu %llu\n", ms, down.out, down.out_bytes);
	harness_client_kill(c, SIGTERM);
	harness_client_wait_exit(c);
	harness_client_free(c);
	harness_rsh(NULL, "kill-server", (char *)NULL);
}

/* Runs the flood in a child, with the prefetch or not; fills its figures. */
static bool flood_child(const char *self, bool prefetch, long long out[3])
{
	char *cmd;
	xasprintf(&cmd, "%s '%s' flood 2>/dev/null", prefetch ? "" : "RSH_NO_PREFETCH=1", self);
	FILE *f = popen(cmd, "r");
	free(cmd);
	char line[512];
	bool ok = false;
	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		ok |= sscanf(line, "FLOOD %lld %lld %lld", &out[0], &out[1], &out[2]) == 3;
	if (f != NULL)
		pclose(f);
	return ok;
}

int main(int argc, char **argv)
{
	unsigned runs = argc > 1 && strcmp(argv[1], "flood") != 0 ? (unsigned)atoi(argv[1]) : 3;
	setenv("EDITOR", "vi", 1);
	setenv("RSH_PREDICT", "never", 1); /* the echo is a round trip, not a guess */
	if (argc > 1 && strcmp(argv[1], "flood") == 0) {
		harness_init();
		flood();
		return 0;
	}
	pid_t pid = fork();
	if (pid == 0) {
		harness_init();
		slow_link(runs);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return 1;
	self[n] = '\0';
	printf("seq 1 1000000 at 100 ms RTT: ms to the end shown, datagrams and bytes to the "
	       "client\n");
	for (unsigned i = 0; i < runs; i++) {
		long long a[3], b[3];
		bool oka = flood_child(self, true, a), okb = flood_child(self, false, b);
		if (oka)
			printf("  prefetch: %lld ms, %lld dgrams, %lld bytes", a[0], a[1], a[2]);
		if (okb)
			printf("   none: %lld ms, %lld dgrams, %lld bytes", b[0], b[1], b[2]);
		printf("%s\n", oka && okb ? "" : "   (a run failed)");
		fflush(stdout);
	}
	return 0;
}
