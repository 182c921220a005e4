/*
 * Outages. A client stopped (SIGSTOP) for 30 s while its pane prints catches up once
 * continued. Meanwhile, on another session, keys typed into a client whose link is down
 * (9 s with the proxy stopped, then 9 s with none) arrive exactly once when it returns,
 * and the client's status row counts the seconds since last contact while it is down.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "roam_link.h"
#include "util/xmalloc.h"

#define CLIENT_STOP_MS 30000
#define PROXY_STOP_MS 9000
/* The pane prints a line this often, in seconds: far more views than either side keeps
 * pile up in the stopped client's socket buffer (test_sync: test_receiver_keeps_acked). */
#define TICK_S "0.05"
#define KEYS "0123456789"
#define MORE_KEYS "abcdefghij"

/* A new session and a client on it through a proxy with flags. */
static harness_client *attach(struct roam_link *l, const char *session, char *const *flags)
{
	CHECK(harness_rsh(NULL, "new", "-d", "-s", session, (char *)NULL) == 0);
	return roam_attach(l, session, 80, 24, flags);
}

/* Pumps c until the monotonic clock reaches end. */
static void pump_until(harness_client *c, long long end)
{
	while (roam_now_ms() < end)
		harness_pump(c, (int)(end - roam_now_ms() < 100 ? end - roam_now_ms() : 100));
}

/* Whether the status row says nothing was heard for at least 7 s: longer than the gap
 * between heartbeats of a healthy idle link. */
static bool long_silence(harness_client *c)
{
	char *status = harness_row(c, 23);
	const char *p = strstr(status, "last contact ");
	unsigned secs = 0;
	bool said = p != NULL && sscanf(p, "last contact %u s ago", &secs) == 1 && secs >= 7;
	free(status);
	return said;
}

/* The file's whole text, or NULL; to free. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text = xmalloc(4096);
	size_t n = f != NULL ? fread(text, 1, 4095, f) : 0;
	text[n] = '\0';
	if (f != NULL)
		fclose(f);
	return text;
}

/* Types keys one by one over PROXY_STOP_MS while the link is down; the status row must
 * count the silence meanwhile. */
static void type_offline(harness_client *c, const char *keys, const char *how)
{
	long long start = roam_now_ms();
	bool counted = false;
	size_t n = strlen(keys);
	for (size_t i = 0; i < n; i++) {
		char key[2] = { keys[i], '\0' };
		harness_send(c, key);
		pump_until(c, start + (long long)(i + 1) * PROXY_STOP_MS / (long long)n);
		counted = counted || long_silence(c);
	}
	CHECKF(counted, "%s: the status row never said 'last contact N s ago' (N >= 7)", how);
	printf("%s: link down %lld ms, %zu keys typed\n", how, roam_now_ms() - start, n);
}

/* Waits until the pane shows the line typed so far; prints how long that took. */
static void typed_shown(harness_client *c, const char *line, const char *how)
{
	long long start = roam_now_ms();
	char *pattern;
	xasprintf(&pattern, "^%s$", line);
	harness_wait_rsh(c, pattern, "capture-pane", "-p", "-t", "keys", (char *)NULL);
	harness_wait_text(c, line);
	printf("%s: keys shown %lld ms after the link came back\n", how, roam_now_ms() - start);
	free(pattern);
}

/*
 * Keys typed while the link is down reach cat exactly once when it is back: first with
 * the proxy stopped (the datagrams wait in its socket), then with no proxy at all (they
 * are lost; a new proxy on the same port sends from a new address).
 */
static void keys_through_outage(struct roam_link *l, harness_client *c, char *const *flags)
{
	char *out, *cmd;
	xasprintf(&out, "%s/keys.out", harness_dir());
	xasprintf(&cmd, "cat > %s\r", out);
	harness_send(c, cmd);
	harness_wait_rsh(c, "^\\$ cat > ", "capture-pane", "-p", "-t", "keys", (char *)NULL);
	harness_wait_match(c, "keys", "keys");

	kill(l->proxy.pid, SIGSTOP);
	type_offline(c, KEYS, "proxy stopped");
	kill(l->proxy.pid, SIGCONT);
	typed_shown(c, KEYS, "proxy stopped");

	unsigned port = roam_proxy_port(l);
	roam_proxy_stop(l, "keys proxy", NULL, NULL);
	type_offline(c, MORE_KEYS, "no proxy");
	roam_proxy_start(l, port, flags);
	typed_shown(c, KEYS MORE_KEYS, "no proxy");

	harness_send(c, "\r\004");
	harness_wait_rsh(c, "^" KEYS MORE_KEYS "\n\\$ ?$", "capture-pane", "-p", "-t", "keys",
			 (char *)NULL);
	char *text = slurp(out);
	CHECKF(strcmp(text, KEYS MORE_KEYS "\n") == 0, "cat wrote '%s'", text);
	free(text);
	free(cmd);
	free(out);
}

int main(void)
{
	harness_init();
	char seed[32], *stop, *loop;
	snprintf(seed, sizeof seed, "%lu", roam_seed());
	char *flags[] = { "-s", seed, "-u", "delay=50", "-d", "delay=50", NULL };

	struct roam_link fl, kl;
	harness_client *flood = attach(&fl, "flood", flags);
	xasprintf(&stop, "%s/stop", harness_dir());
	xasprintf(&loop, "i=0; while [ ! -e %s ]; do i=$((i+1)); echo tick $i; sleep %s; "
		  "done; echo fin''ished", stop, TICK_S);
	CHECK(harness_rsh(NULL, "send-keys", "-t", "flood", loop, "Enter", (char *)NULL) == 0);
	harness_wait_text(flood, "tick 1");
	harness_client_kill(flood, SIGSTOP);
	long long stopped = roam_now_ms();

	harness_client *keys = attach(&kl, "keys", flags);
	keys_through_outage(&kl, keys, flags);

	/* The pane stops printing just before the client continues, so its screen settles. */
	pump_until(keys, stopped + CLIENT_STOP_MS - 2000);
	FILE *f = fopen(stop, "w");
	CHECK(f != NULL);
	fclose(f);
	harness_wait_rsh(keys, "^finished$", "capture-pane", "-p", "-t", "flood", (char *)NULL);
	pump_until(keys, stopped + CLIENT_STOP_MS);
	harness_client_kill(flood, SIGCONT);
	long long continued = roam_now_ms();
	harness_wait_match(flood, "flood", "flood");
	printf("client stopped %lld ms; caught up %lld ms after SIGCONT\n", continued - stopped,
	       roam_now_ms() - continued);

	roam_proxy_stop(&fl, "flood proxy", NULL, NULL);
	roam_proxy_stop(&kl, "keys proxy", NULL, NULL);
	free(loop);
	free(stop);
	return 0;
}
