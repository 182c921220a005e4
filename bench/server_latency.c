/*
 * The server through its control socket, without a client: how long a command takes
 * (request to reply), how soon a key sent with send-keys shows in capture-pane, the same
 * while another pane floods output, and how fast a pane drains `seq 1 2000000`, beside
 * tmux draining the same detached (Debian's tmux, on a private socket).
 * Prints figures; asserts nothing about time.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "control.h"

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void report(const char *what, double *v, size_t n)
{
	qsort(v, n, sizeof *v, compare);
	printf("%-44s median %8.1f us  p90 %8.1f us  max %8.1f us  (n=%zu)\n", what, v[n / 2],
	       v[n * 9 / 10], v[n - 1], n);
}

static void round_trips(void)
{
	enum { N = 2000 };
	static double t[N];
	for (size_t i = 0; i < N; i++) {
		double t0 = control_now_us();
		CONTROL_RUN("has-session", "-t", "b");
		t[i] = control_now_us() - t0;
	}
	report("has-session round trip", t, N);
}

/* Types a fresh word into the pane and polls capture-pane until it shows. */
static void echo_latency(const char *what, const char *pane)
{
	enum { N = 200 };
	static double t[N];
	for (size_t i = 0; i < N; i++) {
		char word[32];
		snprintf(word, sizeof word, "k%zuz", i);
		double t0 = control_now_us();
		CONTROL_RUN("send-keys", "-t", (char *)pane, word);
		while (!control_pane_shows(pane, word))
			;
		t[i] = control_now_us() - t0;
		CONTROL_RUN("send-keys", "-t", (char *)pane, "C-u");
	}
	report(what, t, N);
}

/* The drain's command: prints a marker once seq is done, in a form whose echo differs. */
#define DRAIN_COMMAND "seq 1 2000000; echo drain-$((1+1)); sleep 60"

static void drain(const char *cols, const char *rows)
{
	CONTROL_RUN("new-session", "-d", "-s", "drain", "-x", (char *)cols, "-y", (char *)rows,
	    DRAIN_COMMAND);
	double t0 = control_now_us();
	while (!control_pane_shows("drain", "drain-2"))
		usleep(1000);
	printf("drain seq 1 2000000 at %sx%s, detached          %.2f s\n", cols, rows,
	       (control_now_us() - t0) / 1e6);
	CONTROL_RUN("kill-session", "-t", "drain");
}

/* The same drain in tmux, polled the same way through capture-pane. */
static void drain_tmux(const char *cols, const char *rows)
{
	char args[256];
	snprintf(args, sizeof args, "new-session -d -s drain -x %s -y %s '%s'", cols, rows,
		 DRAIN_COMMAND);
	char *out = control_tmux(NULL, args);
	if (out == NULL) {
		printf("tmux drain at %sx%s: tmux not available\n", cols, rows);
		return;
	}
	free(out);
	double t0 = control_now_us();
	for (;;) {
		out = control_tmux(NULL, "capture-pane -p -t drain");
		bool done = out != NULL && strstr(out, "drain-2") != NULL;
		free(out);
		if (done)
			break;
		usleep(1000);
	}
	printf("tmux: drain seq 1 2000000 at %sx%s, detached    %.2f s\n", cols, rows,
	       (control_now_us() - t0) / 1e6);
	free(control_tmux(NULL, "kill-server"));
}

int main(void)
{
	control_start(true);
	CONTROL_RUN("new-session", "-d", "-s", "b", "cat");
	round_trips();
	echo_latency("send-keys to capture-pane, idle", "b");
	CONTROL_RUN("split-window", "-d", "-t", "b", "yes");
	echo_latency("send-keys to capture-pane, `yes` beside", "b:0.0");
	CONTROL_RUN("kill-pane", "-t", "b:0.1");
	drain("80", "24");
	drain_tmux("80", "24");
	drain("200", "50");
	drain_tmux("200", "50");
	control_stop();
	return 0;
}
