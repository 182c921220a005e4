/*
 * The client's ssh path against a stand-in ssh (tests/fake_ssh.sh) and a stand-in host
 * whose "relay" is cat (every frame comes back as it went): the connect line is found
 * after other output, a datagram goes out and comes back whole; ssh ended, the path runs
 * `bootstrap --relay PORT` with BatchMode after the delay, drops the chatter before its
 * RSH RELAY line and carries datagrams again; a broken frame from the host ends that ssh
 * and the next one is started; a stopped ssh (SIGSTOP) told to end is gone within a
 * second (killed once SIGTERM does nothing), the path saying "ssh down (stalled)".
 */
#include <dirent.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "client/sshpath.h"
#include "net/clock.h"
#include "net/packet.h"
#include "util/xmalloc.h"

static char dir[] = "/tmp/rsh-sshpath.XXXXXX";

struct got {
	uint8_t dgram[NET_DGRAM_MAX];
	size_t len;
	unsigned n;
};

static void got(void *arg, const uint8_t *dgram, size_t len)
{
	struct got *g = arg;
	memcpy(g->dgram, dgram, len);
	g->len = len;
	g->n++;
}

/* Runs the path's loop until done(arg) or 10 s (then fails). */
static void loop_until(sshpath *p, struct got *g, bool (*done)(sshpath *p, struct got *g))
{
	uint64_t end = net_clock_ms() + 10000;
	while (!done(p, g)) {
		struct pollfd pfd[SSHPATH_POLLFDS];
		unsigned n = sshpath_pollfds(p, pfd);
		int timeout = sshpath_timeout_ms(p, net_clock_ms());
		poll(pfd, n, timeout < 0 || timeout > 100 ? 100 : timeout);
		sshpath_io(p, pfd, n, net_clock_ms(), got, g);
		CHECK(net_clock_ms() < end);
	}
}

static bool is_up(sshpath *p, struct got *g)
{
	(void)g;
	return sshpath_up(p);
}

static bool one_more(sshpath *p, struct got *g)
{
	(void)p;
	return g->n > 0;
}

/* Lines in the host's log of its runs. */
static unsigned runs(void)
{
	char path[64], line[512];
	unsigned n = 0;
	snprintf(path, sizeof path, "%s/runs", dir);
	FILE *f = fopen(path, "r");
	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		n++;
	if (f != NULL)
		fclose(f);
	return n;
}

/* The run the break file broke ended: the one after it started. */
static bool four_runs(sshpath *p, struct got *g)
{
	(void)p;
	(void)g;
	return runs() >= 4;
}

/* A datagram out and the same back. */
static void echo(sshpath *p, char fill, size_t len)
{
	uint8_t dgram[NET_DGRAM_MAX];
	struct got g = {{0}, 0, 0};
	memset(dgram, fill, len);
	sshpath_send(p, dgram, len);
	loop_until(p, &g, one_more);
	CHECKF(g.n == 1 && g.len == len && memcmp(g.dgram, dgram, len) == 0, "%u, %zu", g.n, g.len);
}

static bool log_has(const char *text)
{
	char path[64], line[512];
	bool found = false;
	snprintf(path, sizeof path, "%s/runs", dir);
	FILE *f = fopen(path, "r");
	while (f != NULL && !found && fgets(line, sizeof line, f) != NULL)
		found = strstr(line, text) != NULL;
	if (f != NULL)
		fclose(f);
	return found;
}

/* This process's child (the path's ssh), or 0. */
static pid_t child(void)
{
	DIR *d = opendir("/proc");
	pid_t found = 0;
	for (struct dirent *e; d != NULL && found == 0 && (e = readdir(d)) != NULL;) {
		char path[300];
		int ppid;
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		FILE *f = fopen(path, "r");
		if (f == NULL)
			continue;
		if (fscanf(f, "%*d (%*[^)]) %*c %d", &ppid) == 1 && ppid == getpid())
			found = (pid_t)atoi(e->d_name);
		fclose(f);
	}
	if (d != NULL)
		closedir(d);
	return found;
}

int main(void)
{
	CHECK(mkdtemp(dir) != NULL);
	char script[128], fake[4096], server[256];
	snprintf(script, sizeof script, "%s/host.sh", dir);
	FILE *f = fopen(script, "w");
	CHECK(f != NULL);
	fprintf(f, "echo \"$* <$FAKE_SSH_OPTIONS>\" >>%s/runs\n"
		   "case \" $* \" in *\" --relay \"*)\n"
		   "\techo chatter; echo RSH RELAY\n"
		   "\t[ -e %s/break ] && printf '\\000\\000'\n"
		   "\texec cat ;;\nesac\n"
		   "echo motd\n"
		   "echo RSH CONNECT 60007 AQIDBAUGBwgAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw\n"
		   "exec cat\n", dir, dir);
	fclose(f);
	snprintf(fake, sizeof fake, "%s/tests/fake_ssh.sh", SRCDIR);
	snprintf(server, sizeof server, "sh %s", script);
	char *words[] = {"attach", "-t", "work"};
	struct ssh_bootstrap b = {fake, server, "me@example", NULL, 0, 3, words, NULL};

	/* The connect line after the motd; a datagram there and back. */
	struct net_connect c;
	char *why = NULL;
	sshpath *p = sshpath_open(&b, &c, &why);
	CHECKF(p != NULL, "%s", why);
	CHECK(c.port == 60007 && c.id == 0x0102030405060708ull && sshpath_up(p));
	CHECK(log_has("bootstrap --stdio -- attach -t work <>"));
	echo(p, 'a', 46);
	echo(p, 'b', NET_DGRAM_MAX);

	/* ssh ended: the relay alone, with BatchMode, after the delay. */
	uint64_t ended = net_clock_ms();
	sshpath_restart(p, ended);
	CHECK(!sshpath_up(p) && sshpath_timeout_ms(p, ended) > 0);
	struct got g = {{0}, 0, 0};
	loop_until(p, &g, is_up);
	CHECK(net_clock_ms() - ended >= SSHPATH_RETRY_MS);
	CHECK(log_has("bootstrap --relay 60007 < BatchMode=yes ConnectTimeout=10>"));
	echo(p, 'c', 100);

	/* A broken frame from the host: that ssh ends, the next one is run. */
	char brk[64];
	snprintf(brk, sizeof brk, "%s/break", dir);
	fclose(fopen(brk, "w"));
	sshpath_restart(p, net_clock_ms());
	loop_until(p, &g, four_runs);
	unlink(brk);
	loop_until(p, &g, is_up);
	echo(p, 'd', 10);

	/* Frozen: SIGTERM waits in a stopped process; the path does not wait with it. */
	pid_t ssh = child();
	CHECK(ssh > 0 && kill(ssh, SIGSTOP) == 0);
	uint64_t froze = net_clock_ms();
	sshpath_restart(p, froze);
	CHECKF(net_clock_ms() - froze < 5000, "ending a stopped ssh took %llu ms",
	       (unsigned long long)(net_clock_ms() - froze));
	CHECK(kill(ssh, 0) < 0 && child() == 0);
	CHECKF(strcmp(sshpath_state(p), "ssh down (stalled)") == 0, "%s", sshpath_state(p));
	loop_until(p, &g, is_up);
	echo(p, 'e', 10);
	sshpath_free(p);

	/* A failed bootstrap gives ssh's reason and no path. */
	b.server = "echo rsh: no sessions >&2; exit 1; true";
	CHECK(sshpath_open(&b, &c, &why) == NULL);
	CHECKF(strcmp(why, "the host says: no sessions") == 0, "%s", why);
	free(why);

	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
	return 0;
}
