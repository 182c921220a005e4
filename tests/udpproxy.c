/*
 * udpproxy: a UDP impairment proxy for tests, between one client and one server.
 *
 *   udpproxy -l HOST:PORT -t HOST:PORT [-s SEED] [-u SPEC] [-d SPEC] [-r MS] [-T SECONDS]
 *
 * Datagrams from the client (the newest source seen on the listening address) go to the
 * target through an upstream socket; replies come back to the client. SPEC impairs one
 * direction (-u client to server, -d server to client), as comma-separated key=value:
 * loss, dup, reorder (percent), delay, jitter (ms). -r MS moves the upstream socket to a
 * new source address and port every MS ms (127.0.0.1, .2, .3 in turn for IPv4; fresh ports
 * on ::1 for IPv6), as a roaming client would; old sockets still forward late replies for
 * a while. Everything random comes from SEED, so a run replays.
 *
 * Prints "udpproxy listening HOST:PORT" once ready (port 0 picks one), counts datagrams and
 * bytes each way, and prints the counts on SIGUSR1 and on exit (SIGTERM, SIGINT, or after
 * -T SECONDS, 60 by default).
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "net/clock.h"
#include "net/udp.h"
#include "util/xmalloc.h"

#define MAX_DGRAM 65536
#define MAX_QUEUED 20000
#define MAX_UPSTREAM 8
#define OLD_UPSTREAM_MS 5000 /* how long a replaced upstream socket still forwards */

enum { UP, DOWN };

struct impair {
	unsigned loss, dup, reorder, delay, jitter;
};

struct counts {
	uint64_t in, in_bytes, out, out_bytes, lost, duplicated, overflow;
};

struct queued {
	uint64_t due;
	int dir;
	size_t len;
	uint8_t *data;
};

struct upstream {
	int fd;
	uint64_t retired; /* 0 while current */
};

static struct {
	struct net_addr listen_addr, target, client;
	int listen_fd;
	struct upstream up[MAX_UPSTREAM];
	unsigned nup, roam_next;
	uint64_t roam_ms, last_roam, deadline, rng;
	struct impair imp[2];
	struct counts count[2];
	uint64_t roams;
	struct queued q[MAX_QUEUED];
	size_t nq;
} px;

static volatile sig_atomic_t quit, report;
static sigset_t unblocked; /* the signal mask inside ppoll */

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		report = 1;
	else
		quit = 1;
}

static __attribute__((noreturn)) void die(const char *what)
{
	fprintf(stderr, "udpproxy: %s: %s\n", what, strerror(errno));
	exit(2);
}

static __attribute__((noreturn)) void usage(void)
{
	fprintf(stderr, "usage: udpproxy -l HOST:PORT -t HOST:PORT [-s SEED] [-u SPEC] "
			"[-d SPEC] [-r MS] [-T SECONDS]\n"
			"  SPEC: loss=PCT,dup=PCT,reorder=PCT,delay=MS,jitter=MS\n");
	exit(2);
}

static uint32_t rnd(void)
{
	uint64_t z = (px.rng += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return (uint32_t)((z ^ (z >> 31)) >> 32);
}

static bool chance(unsigned percent)
{
	return rnd() % 100 < percent;
}

/* HOST:PORT or [HOST]:PORT. */
static void parse_addr(const char *s, struct net_addr *out)
{
	char host[256];
	const char *colon = strrchr(s, ':');
	if (colon == NULL || (size_t)(colon - s) >= sizeof host)
		usage();
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	char *h = host;
	if (h[0] == '[' && h[strlen(h) - 1] == ']') {
		h[strlen(h) - 1] = '\0';
		h++;
	}
	if (net_addr_resolve(h, (unsigned)strtoul(colon + 1, NULL, 10), out) != 0)
		die(s);
}

static void parse_impair(char *spec, struct impair *imp)
{
	for (char *kv = strtok(spec, ","); kv != NULL; kv = strtok(NULL, ",")) {
		char *eq = strchr(kv, '=');
		if (eq == NULL)
			usage();
		*eq = '\0';
		unsigned v = (unsigned)strtoul(eq + 1, NULL, 10);
		if (strcmp(kv, "loss") == 0)
			imp->loss = v;
		else if (strcmp(kv, "dup") == 0)
			imp->dup = v;
		else if (strcmp(kv, "reorder") == 0)
			imp->reorder = v;
		else if (strcmp(kv, "delay") == 0)
			imp->delay = v;
		else if (strcmp(kv, "jitter") == 0)
			imp->jitter = v;
		else
			usage();
	}
}

/* The next source address towards the server: the loopback addresses in turn. */
static void roam_addr(struct net_addr *a)
{
	static const char *v4[] = { "127.0.0.1", "127.0.0.2", "127.0.0.3" };
	bool six = px.target.ss.ss_family == AF_INET6;
	const char *host = six ? "::1" : v4[px.roam_next++ % 3];
	if (net_addr_resolve(host, 0, a) != 0)
		die(host);
}

/* Opens a new current upstream socket; the old one listens a while longer. */
static void roam(uint64_t now)
{
	struct net_addr a;
	roam_addr(&a);
	int fd = net_udp_bind((struct sockaddr *)&a.ss, a.len);
	if (fd < 0)
		die("bind upstream");
	if (px.nup == MAX_UPSTREAM) {
		close(px.up[MAX_UPSTREAM - 1].fd);
		px.nup--;
	}
	memmove(&px.up[1], &px.up[0], px.nup * sizeof *px.up);
	if (px.nup > 0)
		px.up[1].retired = now;
	px.up[0] = (struct upstream){ .fd = fd };
	px.nup++;
	px.last_roam = now;
	px.roams++;
}

static void close_old_upstreams(uint64_t now)
{
	while (px.nup > 1 && now - px.up[px.nup - 1].retired > OLD_UPSTREAM_MS)
		close(px.up[--px.nup].fd);
}

static void enqueue(int dir, const uint8_t *data, size_t len, uint64_t now)
{
	const struct impair *imp = &px.imp[dir];
	if (px.nq == MAX_QUEUED) {
		px.count[dir].overflow++;
		return;
	}
	uint64_t due = now + imp->delay + (imp->jitter ? rnd() % (imp->jitter + 1) : 0);
	if (chance(imp->reorder))
		due += imp->delay + imp->jitter + 1; /* held back: later ones overtake it */
	px.q[px.nq++] = (struct queued){ .due = due, .dir = dir, .len = len,
					 .data = xmemdup(data, len) };
}

static void take(int dir, const uint8_t *data, size_t len, uint64_t now)
{
	struct counts *c = &px.count[dir];
	c->in++;
	c->in_bytes += len;
	if (chance(px.imp[dir].loss)) {
		c->lost++;
		return;
	}
	enqueue(dir, data, len, now);
	if (chance(px.imp[dir].dup)) {
		c->duplicated++;
		enqueue(dir, data, len, now);
	}
}

static void forward(const struct queued *p)
{
	ssize_t n;
	if (p->dir == UP)
		n = sendto(px.up[0].fd, p->data, p->len, 0, (struct sockaddr *)&px.target.ss,
			   px.target.len);
	else
		n = sendto(px.listen_fd, p->data, p->len, 0, (struct sockaddr *)&px.client.ss,
			   px.client.len);
	if (n == (ssize_t)p->len) {
		px.count[p->dir].out++;
		px.count[p->dir].out_bytes += p->len;
	}
}

/* Sends what is due in arrival order: a clean link must not reorder. */
static void forward_due(uint64_t now)
{
	size_t kept = 0;
	for (size_t i = 0; i < px.nq; i++) {
		if (px.q[i].due > now) {
			px.q[kept++] = px.q[i];
			continue;
		}
		forward(&px.q[i]);
		free(px.q[i].data);
	}
	px.nq = kept;
}

static void print_counts(void)
{
	static const char *name[] = { "up", "down" };
	for (int d = UP; d <= DOWN; d++) {
		const struct counts *c = &px.count[d];
		printf("udpproxy %s: in %llu dgrams %llu bytes, out %llu dgrams %llu bytes, "
		       "lost %llu, duplicated %llu, overflow %llu\n", name[d],
		       (unsigned long long)c->in, (unsigned long long)c->in_bytes,
		       (unsigned long long)c->out, (unsigned long long)c->out_bytes,
		       (unsigned long long)c->lost, (unsigned long long)c->duplicated,
		       (unsigned long long)c->overflow);
	}
	printf("udpproxy roams: %llu\n", (unsigned long long)(px.roams - 1));
	fflush(stdout);
}

/* Reads what is waiting on fd; dir says which way it goes. */
static void drain(int fd, int dir, uint64_t now)
{
	static uint8_t buf[MAX_DGRAM];
	struct net_addr from;
	ssize_t n;
	while ((n = net_udp_recv(fd, buf, sizeof buf, &from)) >= 0) {
		if (dir == UP)
			px.client = from;
		else if (px.client.len == 0)
			continue; /* no client yet to send it to */
		take(dir, buf, (size_t)n > sizeof buf ? sizeof buf : (size_t)n, now);
	}
	if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
		die("recv");
}

static int poll_timeout(uint64_t now)
{
	uint64_t t = px.deadline;
	for (size_t i = 0; i < px.nq; i++)
		t = px.q[i].due < t ? px.q[i].due : t;
	if (px.roam_ms && px.last_roam + px.roam_ms < t)
		t = px.last_roam + px.roam_ms;
	return t <= now ? 0 : (int)(t - now);
}

static void run(void)
{
	while (!quit) {
		uint64_t now = net_clock_ms();
		if (now >= px.deadline)
			break;
		if (report) {
			report = 0;
			print_counts();
		}
		if (px.roam_ms && now >= px.last_roam + px.roam_ms)
			roam(now);
		close_old_upstreams(now);
		forward_due(now);
		struct pollfd pfd[1 + MAX_UPSTREAM];
		pfd[0] = (struct pollfd){ .fd = px.listen_fd, .events = POLLIN };
		for (unsigned i = 0; i < px.nup; i++)
			pfd[1 + i] = (struct pollfd){ .fd = px.up[i].fd, .events = POLLIN };
		unsigned n = 1 + px.nup;
		int ms = poll_timeout(now);
		struct timespec ts = { .tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000 };
		/* Signals are blocked but inside ppoll, so none slips in before it blocks. */
		if (ppoll(pfd, n, &ts, &unblocked) < 0) {
			if (errno == EINTR)
				continue;
			die("poll");
		}
		now = net_clock_ms();
		if (pfd[0].revents & POLLIN)
			drain(px.listen_fd, UP, now);
		for (unsigned i = 1; i < n; i++)
			if (pfd[i].revents & POLLIN)
				drain(pfd[i].fd, DOWN, now);
	}
}

int main(int argc, char **argv)
{
	bool have_listen = false, have_target = false;
	unsigned seconds = 60;
	int c;
	px.rng = 1;
	while ((c = getopt(argc, argv, "l:t:s:u:d:r:T:")) != -1) {
		switch (c) {
		case 'l': parse_addr(optarg, &px.listen_addr); have_listen = true; break;
		case 't': parse_addr(optarg, &px.target); have_target = true; break;
		case 's': px.rng = strtoull(optarg, NULL, 10); break;
		case 'u': parse_impair(optarg, &px.imp[UP]); break;
		case 'd': parse_impair(optarg, &px.imp[DOWN]); break;
		case 'r': px.roam_ms = strtoull(optarg, NULL, 10); break;
		case 'T': seconds = (unsigned)strtoul(optarg, NULL, 10); break;
		default: usage();
		}
	}
	if (!have_listen || !have_target || optind != argc)
		usage();
	struct sigaction sa = { .sa_handler = on_signal };
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sigset_t handled;
	sigemptyset(&handled);
	sigaddset(&handled, SIGTERM);
	sigaddset(&handled, SIGINT);
	sigaddset(&handled, SIGUSR1);
	sigprocmask(SIG_BLOCK, &handled, &unblocked);
	px.listen_fd = net_udp_bind((struct sockaddr *)&px.listen_addr.ss, px.listen_addr.len);
	if (px.listen_fd < 0)
		die("bind listen");
	struct net_addr bound = { .len = sizeof bound.ss };
	if (getsockname(px.listen_fd, (struct sockaddr *)&bound.ss, &bound.len) != 0)
		die("getsockname");
	uint64_t now = net_clock_ms();
	px.deadline = now + (uint64_t)seconds * 1000;
	roam(now);
	char name[NET_ADDR_STRLEN];
	printf("udpproxy listening %s\n", net_addr_str((struct sockaddr *)&bound.ss, bound.len, name));
	fflush(stdout);
	run();
	print_counts();
	return 0;
}
