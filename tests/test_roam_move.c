/*
 * Roaming through a bad link: 30 % loss each way, 300 ms round trip, 10 % of datagrams
 * duplicated and 10 % held back, the client's source moving every 2 s across
 * 127.0.0.1/.2/.3 and fresh ports. A line typed meanwhile reaches
 * the shell exactly once, the screen converges, and the server follows the client: once
 * the moves stop, list-clients shows the newest address.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "roam_link.h"
#include "util/xmalloc.h"

#define TYPED 28 /* letters after "# ": a 30-character line */
#define MAX_SEEN 64

/* The addresses the server saw the client at, and how many distinct hosts among them. */
struct seen {
	char addr[MAX_SEEN][NET_ADDR_STRLEN];
	unsigned n, hosts;
};

static void see(struct seen *s)
{
	struct roam_listed c;
	CHECK(roam_list_clients(&c, 1) == 1);
	if (c.addr[0] == '\0')
		return;
	CHECKF(strncmp(c.addr, "127.0.0.", 8) == 0, "the client is at %s", c.addr);
	bool new_host = true;
	for (unsigned i = 0; i < s->n; i++) {
		if (strcmp(s->addr[i], c.addr) == 0)
			return;
		if (strncmp(s->addr[i], c.addr, strcspn(c.addr, ":") + 1) == 0)
			new_host = false;
	}
	if (s->n < MAX_SEEN)
		strcpy(s->addr[s->n++], c.addr);
	s->hosts += new_host;
}

/* Lowercase letters from the seed. */
static void random_text(char *out, unsigned n, unsigned long seed)
{
	unsigned long long x = seed * 0x9e3779b97f4a7c15ull + 1;
	for (unsigned i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		out[i] = (char)('a' + x % 26);
	}
	out[n] = '\0';
}

static unsigned count(const char *hay, const char *needle)
{
	unsigned n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* Types "# TEXT" a key at a time, noting where the server sees the client meanwhile. */
static void type_line(harness_client *c, const char *text, struct seen *s)
{
	char line[TYPED + 3];
	snprintf(line, sizeof line, "# %s", text);
	for (const char *p = line; *p != '\0'; p++) {
		char key[2] = { *p, '\0' };
		harness_send(c, key);
		harness_pump(c, 200);
		see(s);
	}
}

int main(void)
{
	harness_init();
	unsigned long seed = roam_seed();
	char text[TYPED + 1], seedstr[32], *pattern, *screen;
	random_text(text, TYPED, seed);
	snprintf(seedstr, sizeof seedstr, "%lu", seed);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", (char *)NULL) == 0);

	struct roam_link l;
	char *bad[] = { "-s", seedstr, "-u", "loss=30,delay=150,dup=10,reorder=10", "-d",
			"loss=30,delay=150,dup=10,reorder=10",
			"-r", "2000", NULL };
	long long start = roam_now_ms();
	harness_client *c = roam_attach(&l, "work", 80, 24, bad);
	printf("first screen after %lld ms\n", roam_now_ms() - start);

	struct seen s = { .n = 0 };
	type_line(c, text, &s);
	start = roam_now_ms();
	harness_send(c, "\r");
	xasprintf(&pattern, "^\\$ # %s\n\\$ ?$", text);
	harness_wait_rsh(c, pattern, "capture-pane", "-p", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	printf("converged %lld ms after Enter\n", roam_now_ms() - start);
	CHECK(harness_rsh(&screen, "capture-pane", "-p", "-t", "work", (char *)NULL) == 0);
	CHECKF(count(screen, text) == 1, "'%s' is not there once:\n%s", text, screen);
	free(screen);
	free(pattern);

	/* The moves go on: the server must have followed the client across hosts. */
	long long end = roam_now_ms() + HARNESS_TIMEOUT_MS;
	while (s.hosts < 2 && roam_now_ms() < end) {
		harness_pump(c, 250);
		see(&s);
	}
	printf("the server saw the client at %u addresses on %u hosts:", s.n, s.hosts);
	for (unsigned i = 0; i < s.n; i++)
		printf(" %s", s.addr[i]);
	printf("\n");
	CHECKF(s.hosts >= 2, "the server never followed the client to another host");

	/* Settled: one proxy that stays put on the same port; the server follows it. */
	unsigned port = roam_proxy_port(&l);
	roam_proxy_stop(&l, "roaming proxy", NULL, NULL);
	char *still[] = { "-s", seedstr, "-u", "delay=150", "-d", "delay=150", NULL };
	roam_proxy_start(&l, port, still);
	char addr[NET_ADDR_STRLEN];
	CHECK(roam_proxy_upstream(&l, addr));
	xasprintf(&pattern, "^[0-9]+: work \\[80x24\\] \\(%s, last contact [0-9]+ s ago\\)$", addr);
	harness_wait_rsh(c, pattern, "list-clients", (char *)NULL);
	printf("list-clients follows the client to %s\n", addr);
	free(pattern);
	harness_wait_match(c, "work", "work");
	roam_proxy_stop(&l, "settled proxy", NULL, NULL);
	return 0;
}
