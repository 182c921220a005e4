/*
 * The ssh path while the client roams, through a real sshd (tests/sshd.sh) and
 * tests/udpproxy in front of the server's UDP port (the host's rsh told by
 * tests/port_map.sh that the client reaches that port through the proxy), with
 * `rsh -L PORT:127.0.0.1:ECHO user@127.0.0.1 attach`:
 *
 * 1. UDP passes: the client is on UDP, from the proxy's first address.
 * 2. UDP blocked (loss=100, the proxy moving its source address every 700 ms meanwhile):
 *    the client goes to the ssh path; a TCP connection to the -L port is opened there
 *    and echoes.
 * 3. UDP passes again from new addresses (a new proxy, roaming every 700 ms): the client
 *    moves back to UDP and follows the address as it moves (list-clients shows the
 *    proxy's 127.0.0.2 or .3); the TCP connection carries bytes written across the move.
 * 4. Blocked again: back to the ssh path, bytes written across that move too.
 *
 * Lines are typed into `cat > FILE` in the pane all along, many while the path changes:
 * the file must hold each exactly once, in order. The TCP connection must read back
 * exactly what it wrote, in order, then its end of stream, and the screen match
 * capture-pane. Skips (77) without sshd.
 * UDP ports: the server's is the first free one of 63200..63299, this test's own.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "roam_link.h"
#include "ssh_harness.h"
#include "tcp_echo.h"
#include "util/xmalloc.h"

#define STREAM_MS 60000
#define LINE_BYTES 4096 /* written into the forwarded connection with each typed line */
#define LINES_MAX 400

/* The forwarded connection: the bytes written and read back so far. */
struct stream {
	int fd;
	size_t sent, got, want; /* want: written so far or to be */
	bool closing, shut, eof; /* closing: after want, its end */
};

static bool stream_done(const struct stream *s)
{
	return s->got >= s->want && (!s->closing || s->eof);
}

/* Moves the stream on, pumping the client: for ms, or (ms 0) until it read back every
 * byte it was to write (and, all written, its end). Writes up to want, reads what comes,
 * checks it is the pattern in order. */
static void stream_run(harness_client *c, struct stream *s, int ms)
{
	long long end = roam_now_ms() + (ms > 0 ? ms : STREAM_MS);
	while (ms > 0 || !stream_done(s)) {
		if (roam_now_ms() > end) {
			if (ms > 0)
				return;
			harness_fail(c, "the forwarded connection read %zu of %zu bytes in %d s",
				     s->got, s->want, STREAM_MS / 1000);
		}
		struct pollfd p[2] = {{s->eof ? -1 : s->fd,
				       POLLIN | (s->sent < s->want ? POLLOUT : 0), 0},
				      {harness_client_fd(c), POLLIN, 0}};
		poll(p, 2, 50);
		harness_pump(c, 0);
		if ((p[0].revents & POLLOUT) && s->sent < s->want) {
			unsigned char buf[4096];
			size_t n = s->want - s->sent < sizeof buf ? s->want - s->sent : sizeof buf;
			for (size_t i = 0; i < n; i++)
				buf[i] = tcp_pattern_byte(1, s->sent + i);
			ssize_t w = write(s->fd, buf, n);
			if (w > 0)
				s->sent += (size_t)w;
		}
		if (s->closing && !s->shut && s->sent == s->want)
			s->shut = shutdown(s->fd, SHUT_WR) == 0;
		if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		unsigned char buf[8192];
		ssize_t r = read(s->fd, buf, sizeof buf);
		if (r < 0 && errno == EAGAIN)
			continue;
		CHECKF(r >= 0, "the forwarded connection: %s after %zu bytes", strerror(errno),
		       s->got);
		if (r == 0) {
			CHECKF(s->shut && s->got == s->want,
			       "the forwarded connection ended after %zu bytes of %zu", s->got,
			       s->want);
			s->eof = true;
			continue;
		}
		for (ssize_t j = 0; j < r; j++)
			CHECKF(buf[j] == tcp_pattern_byte(1, s->got + (size_t)j),
			       "the forwarded connection: byte %zu differs", s->got + (size_t)j);
		s->got += (size_t)r;
		CHECKF(s->got <= s->sent, "the forwarded connection read more than it wrote");
	}
}

/* Types a line into the pane's cat (t000, t001, ...) and writes LINE_BYTES more into the
 * stream (once it is open), then moves the stream on for gap_ms. */
static void type_line(harness_client *c, struct stream *s, unsigned *next, int gap_ms)
{
	char line[16];
	if (*next >= LINES_MAX)
		harness_fail(c, "%u lines typed: the path never changed", *next);
	snprintf(line, sizeof line, "t%03u\r", (*next)++);
	harness_send(c, line);
	if (s->fd >= 0)
		s->want += LINE_BYTES;
	stream_run(c, s, gap_ms);
}

/* Types lines, bytes going with them, until the status row names the path, and n more. */
static void type_until(harness_client *c, struct stream *s, unsigned *next, const char *path,
		       unsigned n)
{
	char text[32];
	snprintf(text, sizeof text, "%s, rtt", path);
	unsigned from = *next;
	while (!harness_screen_has(c, text))
		type_line(c, s, next, 100);
	printf("%s after %u lines\n", path, *next - from);
	for (unsigned i = 0; i < n; i++)
		type_line(c, s, next, 100);
}

static void proxy(struct roam_link *l, unsigned port, bool blocked, const char *seed)
{
	char *drop[] = {"-s", (char *)seed, "-u", "loss=100", "-d", "loss=100", "-r", "700",
			"-T", "600", NULL};
	char *pass[] = {"-s", (char *)seed, "-r", "700", "-T", "600", NULL};
	roam_proxy_start(l, port, blocked ? drop : pass);
}

/* The address the server sees the client at, from list-clients ("" when none). */
static void client_addr(char *out)
{
	struct roam_listed cl[4];
	unsigned n = roam_list_clients(cl, 4);
	CHECKF(n == 1, "list-clients shows %u clients", n);
	snprintf(out, NET_ADDR_STRLEN, "%s", cl[0].addr);
}

/* Waits (moving the stream on) until the server sees the client at one of the proxy's
 * roamed addresses, 127.0.0.2 or .3: UDP from a new address got through. */
static void wait_roamed(harness_client *c, struct stream *s)
{
	char addr[NET_ADDR_STRLEN];
	long long end = roam_now_ms() + HARNESS_TIMEOUT_MS;
	for (client_addr(addr); strncmp(addr, "127.0.0.2:", 10) != 0 &&
				strncmp(addr, "127.0.0.3:", 10) != 0;
	     client_addr(addr)) {
		if (roam_now_ms() > end)
			harness_fail(c, "the server sees the client at %s, not a roamed address",
				     addr);
		stream_run(c, s, 200);
	}
	printf("on UDP from %s\n", addr);
}

/* The file cat wrote: each line typed once, in order. */
static void check_lines(harness_client *c, const char *path, unsigned n)
{
	FILE *f = fopen(path, "r");
	CHECKF(f != NULL, "no %s", path);
	char line[64];
	unsigned i = 0;
	for (; fgets(line, sizeof line, f) != NULL; i++) {
		char want[16];
		snprintf(want, sizeof want, "t%03u\n", i);
		if (strcmp(line, want) != 0)
			harness_fail(c, "line %u of what cat wrote is %s, not %s", i, line, want);
	}
	fclose(f);
	CHECKF(i == n, "cat wrote %u lines of %u", i, n);
}

int main(void)
{
	harness_init();
	signal(SIGPIPE, SIG_IGN);
	char seed[32];
	snprintf(seed, sizeof seed, "%lu", roam_seed());
	struct ssh_harness h;
	ssh_harness_start(&h);

	unsigned echo_port, lport = tcp_free_port();
	pid_t echo = tcp_echo_server(tcp_listen_any(&echo_port));
	char lspec[64], *port_opt, *mapped_opt, *seq;
	snprintf(lspec, sizeof lspec, "%u:127.0.0.1:%u", lport, echo_port);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", (char *)NULL) == 0);

	/* 1. UDP passes. */
	struct roam_link l = {0};
	l.nc.port = ssh_harness_udp_port(63200, 63299);
	char *first[] = {"-T", "600", NULL};
	roam_proxy_start(&l, 0, first);
	unsigned pport = roam_proxy_port(&l);
	xasprintf(&port_opt, "-p%u", l.nc.port);
	xasprintf(&mapped_opt, "--server=sh %s/tests/port_map.sh %u %u %s -S %s", SRCDIR,
		  l.nc.port, pport, h.rsh, harness_socket());
	harness_client *c = harness_client_start(80, 24, h.ssh_opt, mapped_opt, port_opt, "-L",
						 lspec, h.dest, "attach", "-t", "work",
						 (char *)NULL);
	harness_wait_match(c, "work", "work");
	ssh_harness_wait_path(c, "udp");
	char addr[NET_ADDR_STRLEN];
	client_addr(addr);
	printf("on UDP from %s\n", addr);
	xasprintf(&seq, "%s/seq", harness_dir());
	char cat[300];
	snprintf(cat, sizeof cat, "cat > %s\r", seq);
	harness_send(c, cat);
	struct stream s = {.fd = -1};
	unsigned next = 0;

	/* 2. Blocked, the proxy roaming: the ssh path; the connection opened there. */
	roam_proxy_stop(&l, "passing", NULL, NULL);
	proxy(&l, pport, true, seed);
	type_until(c, &s, &next, "ssh", 0);
	s.fd = tcp_connect_retry(c, lport);
	for (unsigned i = 0; i < 8; i++)
		type_line(c, &s, &next, 50);
	stream_run(c, &s, 0);

	/* 3. UDP from new addresses: back to UDP, bytes in flight across the move. */
	struct roam_counts up;
	roam_proxy_stop(&l, "blocked, roaming", &up, NULL);
	CHECKF(up.in > 0 && up.out == 0, "the blocking proxy took %llu, passed %llu", up.in,
	       up.out);
	proxy(&l, pport, false, seed);
	type_until(c, &s, &next, "udp", 8);
	wait_roamed(c, &s);
	stream_run(c, &s, 0);

	/* 4. Blocked again: the ssh path, bytes in flight across that move too. */
	roam_proxy_stop(&l, "passing, roaming", &up, NULL);
	CHECKF(up.out_bytes > 8 * LINE_BYTES, "on UDP the proxy passed only %llu bytes",
	       up.out_bytes);
	proxy(&l, pport, true, seed);
	type_until(c, &s, &next, "ssh", 8);
	s.closing = true;
	stream_run(c, &s, 0);
	printf("the forwarded connection echoed %zu bytes\n", s.got);
	close(s.fd);

	/* cat ends; what it wrote, and the screen. */
	harness_send(c, "\004");
	harness_send(c, "echo done$((6*7))\r");
	harness_wait_text(c, "done42"); /* after the prompt, when typed ahead of it */
	harness_wait_match(c, "work", "work");
	check_lines(c, seq, next);
	ssh_harness_wait_path(c, "ssh");
	harness_detach(c);
	roam_proxy_stop(&l, "blocked again", NULL, NULL);

	kill(echo, SIGKILL);
	waitpid(echo, NULL, 0);
	free(seq);
	free(mapped_opt);
	free(port_opt);
	ssh_harness_free(&h);
	return 0;
}
