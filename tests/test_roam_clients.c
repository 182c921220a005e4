/*
 * A second client attaches from elsewhere while the first is offline (SIGSTOP): both are
 * listed with their addresses and last contact; the silent one is dropped once past the
 * server's limit (RSH_CLIENT_TIMEOUT), and the session goes on with the other. Continued,
 * the dropped client leaves saying so.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "check.h"
#include "roam_link.h"

/*
 * The server's silence limit, in seconds. It must exceed the heartbeat (3 s) with room,
 * or a healthy idle client is dropped too, and leave the second client time to attach.
 */
#define TIMEOUT "8"

/* The listed client at addr, or NULL. */
static const struct roam_listed *listed_at(const struct roam_listed *all, unsigned n,
					   const char *addr)
{
	for (unsigned i = 0; i < n; i++)
		if (strcmp(all[i].addr, addr) == 0)
			return &all[i];
	return NULL;
}

int main(void)
{
	harness_init();
	char seed[32], offline_at[NET_ADDR_STRLEN], online_at[NET_ADDR_STRLEN];
	snprintf(seed, sizeof seed, "%lu", roam_seed());
	char *flags[] = { "-s", seed, "-u", "delay=50", "-d", "delay=50", NULL };
	setenv("RSH_CLIENT_TIMEOUT", TIMEOUT, 1); /* the server is started below */
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", (char *)NULL) == 0);

	struct roam_link off, on;
	harness_client *first = roam_attach(&off, "work", 80, 24, flags);
	CHECK(roam_proxy_upstream(&off, offline_at));
	harness_client_kill(first, SIGSTOP);
	long long stopped = roam_now_ms();

	harness_client *second = roam_attach(&on, "work", 100, 30, flags);
	CHECK(roam_proxy_upstream(&on, online_at));
	struct roam_listed all[4];
	unsigned n = roam_list_clients(all, 4);
	const struct roam_listed *a = listed_at(all, n, offline_at);
	const struct roam_listed *b = listed_at(all, n, online_at);
	CHECKF(n == 2 && a != NULL && b != NULL, "list-clients shows %u clients, not %s and %s",
	       n, offline_at, online_at);
	printf("listed: %s, last contact %u s ago; %s, last contact %u s ago\n", a->addr,
	       a->last_contact_s, b->addr, b->last_contact_s);
	CHECK(b->last_contact_s <= a->last_contact_s);

	/* Past the limit the offline one goes; the other stays. */
	long long end = roam_now_ms() + 2 * HARNESS_TIMEOUT_MS;
	while ((n = roam_list_clients(all, 4)) == 2 && roam_now_ms() < end)
		harness_pump(second, 200);
	CHECKF(n == 1 && listed_at(all, n, online_at) != NULL,
	       "list-clients still shows %u clients", n);
	printf("the offline client was dropped %lld ms after it stopped (limit %s s)\n",
	       roam_now_ms() - stopped, TIMEOUT);

	harness_send(second, "echo st'ill here'\r");
	harness_wait_text(second, "still here");
	harness_wait_match(second, "work", "work");
	CHECK(harness_rsh(NULL, "has-session", "-t", "work", (char *)NULL) == 0);

	/* Continued, the dropped one finds the end of its attachment waiting in its socket. */
	harness_client_kill(first, SIGCONT);
	int status = harness_client_wait_exit(first);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECKF(strstr(harness_client_output(first, NULL), "[lost contact]") != NULL,
	       "the dropped client did not say '[lost contact]'");
	roam_proxy_stop(&off, "offline client's proxy", NULL, NULL);
	roam_proxy_stop(&on, "online client's proxy", NULL, NULL);
	return 0;
}
