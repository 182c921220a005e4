/*
 * Tokens: a client without the right one gets no access at all. A made-up token, the
 * token of a connection whose client detached (replayed), and a live connection's id with
 * a made-up key (the id travels in clear) each end in the client's no-reply error, exit 1,
 * with not one datagram back from the server; nothing typed into them reaches the session,
 * and the live connection's client is not disturbed. A token that is not one is refused
 * before anything is sent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "check.h"
#include "roam_link.h"
#include "util/xmalloc.h"

/* What the session's pane shows. */
static char *capture(void)
{
	char *text;
	CHECK(harness_rsh(&text, "capture-pane", "-p", "-t", "work", (char *)NULL) == 0);
	return text;
}

/* Fills n bytes from the seed (splitmix64). */
static void random_bytes(uint64_t *state, uint8_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t z = (*state += 0x9e3779b97f4a7c15ull);
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
		out[i] = (uint8_t)(z ^ (z >> 31));
	}
}

/* A client through a proxy of its own, with a token of no live connection. */
struct intruder {
	const char *what;
	struct roam_link l;
	harness_client *c;
};

static void intrude(struct intruder *in, const struct net_connect *nc, const char *what)
{
	char *none[] = { NULL };
	in->what = what;
	in->l.nc = *nc;
	net_token_encode(nc, in->l.token);
	roam_proxy_start(&in->l, 0, none);
	in->c = roam_link_client(&in->l, 80, 24);
	harness_send(in->c, "echo PWN''ED\r");
}

/* It gave up with the no-reply error, and the server never answered it. */
static void refused(struct intruder *in)
{
	int status = harness_client_wait_exit(in->c);
	const char *out = harness_client_output(in->c, NULL);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 1, "%s: the client's status is %d",
	       in->what, status);
	CHECKF(strstr(out, "rsh: no reply from 127.0.0.1 over UDP port") != NULL,
	       "%s: the client said:\n%s", in->what, out);
	struct roam_counts up, down;
	roam_proxy_stop(&in->l, in->what, &up, &down);
	CHECKF(up.out > 0 && down.in == 0, "%s: %llu datagrams to the server, %llu back",
	       in->what, up.out, down.in);
}

int main(void)
{
	harness_init();
	uint64_t rng = roam_seed();
	char *none[] = { NULL };
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", (char *)NULL) == 0);
	harness_wait_rsh(NULL, "^\\$", "capture-pane", "-p", "-t", "work", (char *)NULL);

	/* A client attaches, types, detaches: its token is spent. */
	struct roam_link spent;
	harness_client *c = roam_attach(&spent, "work", 80, 24, none);
	harness_send(c, "echo fi''rst\r");
	harness_wait_text(c, "first");
	harness_send(c, "\002d");
	int status = harness_client_wait_exit(c);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(strstr(harness_client_output(c, NULL), "[detached (from session work)]") != NULL);
	roam_proxy_stop(&spent, "detached client's proxy", NULL, NULL);
	harness_wait_rsh(NULL, "^$", "list-clients", (char *)NULL);

	/* A live connection, its client attached. */
	struct roam_link live;
	harness_client *owner = roam_attach(&live, "work", 80, 24, none);
	char *before = capture(), live_at[NET_ADDR_STRLEN];
	CHECK(roam_proxy_upstream(&live, live_at));

	struct net_connect made_up = { .port = live.nc.port }, forged = live.nc;
	random_bytes(&rng, (uint8_t *)&made_up.id, sizeof made_up.id);
	random_bytes(&rng, made_up.key, sizeof made_up.key);
	random_bytes(&rng, forged.key, sizeof forged.key);
	struct intruder in[3];
	intrude(&in[0], &made_up, "made-up token");
	intrude(&in[1], &spent.nc, "replayed token");
	intrude(&in[2], &forged, "live id, made-up key");
	for (int i = 0; i < 3; i++)
		refused(&in[i]);

	char *after = capture();
	CHECKF(strcmp(before, after) == 0, "the session changed:\n%s\nbecame\n%s", before, after);
	CHECK(strstr(after, "PWNED") == NULL);
	free(before);
	free(after);
	/* The owner is still the one the server talks to, and still works. */
	char *pattern;
	xasprintf(&pattern, "^[0-9]+: work \\[80x24\\] \\(%s, ", live_at);
	harness_wait_rsh(owner, pattern, "list-clients", (char *)NULL);
	free(pattern);
	harness_send(owner, "echo ow''ner\r");
	harness_wait_text(owner, "owner");
	harness_wait_match(owner, "work", "work");
	roam_proxy_stop(&live, "owner's proxy", NULL, NULL);

	/* Not a token (one character outside base64url): refused before any datagram. */
	char bad[NET_TOKEN_CHARS + 1];
	memcpy(bad, live.token, sizeof bad);
	bad[NET_TOKEN_CHARS / 2] = '+';
	harness_client *b = roam_client_start(80, 24, bad, live.nc.port);
	status = harness_client_wait_exit(b);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 1);
	CHECKF(strstr(harness_client_output(b, NULL), "rsh: RSH_TOKEN is not a token") != NULL,
	       "it said: %s", harness_client_output(b, NULL));
	return 0;
}
