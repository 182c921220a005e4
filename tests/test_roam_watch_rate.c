/*
 * The server's frame floor for a client that only watches: with a pane printing all the
 * time, a client that sent no input for CLIENT_TYPING_MS gets at most one frame each
 * CLIENT_WATCHING_INTERVAL_MS (50 a second), counted by the proxy in front of the server.
 * Typing lifts the floor to SYNC_INTERVAL_MIN_MS; that rate depends on the machine's load,
 * so it is printed beside the watching one and not checked (bench/many_clients measures
 * what the floor saves).
 */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "net/sync_link.h"
#include "roam_link.h"
#include "server/server_client.h"

#define WATCH_MS 3000

/* Datagrams a second from the server to the client over the next ms, pumping c. */
static double frames_per_second(struct roam_link *l, harness_client *c, int ms, bool typing)
{
	struct roam_counts before, after;
	roam_proxy_counts(l, NULL, &before);
	long long start = roam_now_ms();
	while (roam_now_ms() - start < ms) {
		if (typing)
			harness_send(c, "x");
		harness_idle(c, 30);
	}
	roam_proxy_counts(l, NULL, &after);
	return (double)(after.out - before.out) * 1000.0 / (double)(roam_now_ms() - start);
}

int main(void)
{
	harness_init();
	char seed[32];
	snprintf(seed, sizeof seed, "%lu", roam_seed());
	char *flags[] = { "-s", seed, NULL };
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", (char *)NULL) == 0);
	struct roam_link l;
	harness_client *c = roam_attach(&l, "work", 80, 24, flags);
	/* Started from outside, so the client's last input stays its attach. */
	CHECK(harness_rsh(NULL, "send-keys", "-t", "work",
			  "stty -echo; while :; do echo $((i+=1)); sleep 0.002; done", "Enter",
			  (char *)NULL) == 0);
	harness_idle(c, CLIENT_TYPING_MS + 500);
	double watching = frames_per_second(&l, c, WATCH_MS, false);
	double typing = frames_per_second(&l, c, WATCH_MS, true);
	printf("frames a second to the client: %.1f watching, %.1f typing (floors %d and %d ms)\n",
	       watching, typing, CLIENT_WATCHING_INTERVAL_MS, SYNC_INTERVAL_MIN_MS);
	/* A heartbeat or a resend may come beside the frames with news. */
	double most = 1000.0 / CLIENT_WATCHING_INTERVAL_MS + 2;
	CHECKF(watching <= most, "a watching client got %.1f frames a second, not at most %.0f",
	       watching, most);
	CHECK(harness_rsh(NULL, "kill-server", (char *)NULL) == 0);
	harness_client_wait_exit(c);
	roam_proxy_stop(&l, "proxy", NULL, NULL);
	return 0;
}
