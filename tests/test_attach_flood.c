/*
 * A pane flooding output never starves typing in another: with `yes` running in one pane
 * of a split window, each character typed in the other appears on the client's screen.
 * The per-character latency is printed as figures, not asserted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "attach_harness.h"
#include "check.h"

#define TYPED "0123456789abcdefghijklmnopqrstuvwxyzABCD"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(100, 30, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	harness_send(c, "\002%");
	harness_wait_rsh(c, "^1: .*\\(active\\)", "list-panes", "-t", "work", (char *)NULL);
	CHECK(harness_rsh(NULL, "send-keys", "-t", "work:0.0", "yes", "Enter", (char *)NULL)
	      == 0);
	harness_wait_rsh(c, "^y$", "capture-pane", "-p", "-t", "work:0.0", (char *)NULL);
	harness_wait_text(c, "y");

	/* The prompt line grows by one character at a time: "$ 0", "$ 01", ... */
	double latency[sizeof TYPED - 1];
	char line[sizeof TYPED + 2] = "$ ";
	for (size_t i = 0; i < sizeof TYPED - 1; i++) {
		char key[2] = {TYPED[i], '\0'};
		line[2 + i] = TYPED[i];
		line[3 + i] = '\0';
		double start = now();
		harness_send(c, key);
		harness_wait_text(c, line);
		latency[i] = now() - start;
	}
	size_t n = sizeof latency / sizeof latency[0];
	qsort(latency, n, sizeof latency[0], by_value);
	printf("typing under a flood: %zu characters, latency median %.1f ms, max %.1f ms\n", n,
	       latency[n / 2] * 1e3, latency[n - 1] * 1e3);
	harness_client_free(c);
	return 0;
}
