/*
 * TCP forwarding on loopback, rsh -L beside ssh -L, run the same way: a sink of the
 * bench's own (127.0.0.1) reads and counts what reaches it; a child connects to the
 * forwarded port, writes MB megabytes as fast as it can, closes its side and waits for the
 * sink's count, which must be every byte. Side by side in one run, RUNS times each,
 * alternating: `ssh -N -L` through a private sshd (tests/sshd.sh), rsh attached to a local
 * session (`rsh -L ... new`, over loopback UDP), and rsh attached through that sshd
 * (`rsh -L ... user@127.0.0.1 new`); with -l SPEC also `rsh client` attached to the local
 * session through tests/udpproxy impairing each way by SPEC (udpproxy's -u and -d form,
 * e.g. loss=2,delay=5; the proxy is built by `make tests/udpproxy`).
 *
 * Then the keystroke echo of the local rsh session (prediction off: the shell's own echo),
 * a key every 100 ms into /bin/sh (bench/typist.h), idle and while a transfer through its
 * -L runs the whole time: the medians side by side. Prints figures; asserts nothing.
 *
 *   forward [-m MB] [-R RUNS] [-n KEYS] [-l SPEC] [-s SEED]
 *                                   (defaults: 64 MB, 3 runs, 40 keys, no proxy, seed 1)
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "typist.h"
#include "../tests/attach_harness.h"
#include "../tests/roam_link.h"
#include "../tests/ssh_harness.h"
#include "util/xmalloc.h"

#define KINDS 4
#define KEY_MS 100

static const char *const kind_names[KINDS] = {"ssh -L", "rsh -L local", "rsh -L by ssh",
					      "rsh -L proxied"};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int listen_any(unsigned *port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 16) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &len) != 0)
		harness_fail(NULL, "listen: %s", strerror(errno));
	*port = ntohs(a.sin_port);
	return fd;
}

static unsigned free_port(void)
{
	unsigned port;
	close(listen_any(&port));
	return port;
}

/* The sink, in a child: per connection, reads to the end and answers the count. */
static pid_t sink_start(unsigned *port)
{
	int lfd = listen_any(port);
	pid_t pid = fork();
	if (pid != 0) {
		close(lfd);
		return pid;
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL); /* the bench failing takes it along */
	static char buf[1 << 16];
	for (;;) {
		int fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			continue;
		if (fork() == 0) {
			uint64_t total = 0;
			ssize_t n;
			while ((n = read(fd, buf, sizeof buf)) > 0)
				total += (uint64_t)n;
			if (write(fd, &total, sizeof total) < 0)
				_exit(1);
			_exit(0);
		}
		close(fd);
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
	}
}

static int connect_port(unsigned port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof a) == 0)
		return fd;
	if (fd >= 0)
		close(fd);
	return -1;
}

/* In a child: bytes through port (0: without end), then the sink's count; writes the
 * time in ms (negative: the count was wrong, or nothing listened) to the pipe out. */
static pid_t transfer_start(unsigned port, uint64_t bytes, int out)
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	static char buf[1 << 16];
	memset(buf, 'x', sizeof buf);
	double result = -1;
	int fd = -1;
	for (int i = 0; i < 200 && fd < 0; i++) {
		fd = connect_port(port);
		if (fd < 0)
			usleep(50000);
	}
	double start = now_ms();
	uint64_t sent = 0, got = 0;
	while (fd >= 0 && (bytes == 0 || sent < bytes)) {
		size_t n = bytes == 0 || bytes - sent > sizeof buf ? sizeof buf : bytes - sent;
		ssize_t w = write(fd, buf, n);
		if (w <= 0)
			_exit(1);
		sent += (uint64_t)w;
	}
	if (fd >= 0) {
		shutdown(fd, SHUT_WR);
		if (read(fd, &got, sizeof got) == sizeof got && got == bytes)
			result = now_ms() - start;
	}
	if (write(out, &result, sizeof result) < 0)
		_exit(1);
	_exit(0);
}

/* Pumps the clients (their screens must keep draining) until the transfer's answer. */
static double transfer(harness_client **clients, unsigned port, uint64_t bytes)
{
	int p[2];
	if (pipe(p) != 0)
		harness_fail(NULL, "pipe");
	pid_t pid = transfer_start(port, bytes, p[1]);
	close(p[1]);
	double ms = -1;
	for (;;) {
		struct pollfd pfd[KINDS + 1] = {{p[0], POLLIN, 0}};
		for (int i = 0; i < KINDS; i++)
			pfd[1 + i] = (struct pollfd){clients[i] ? harness_client_fd(clients[i]) : -1,
						     POLLIN, 0};
		poll(pfd, KINDS + 1, 1000);
		for (int i = 0; i < KINDS; i++)
			if (clients[i] != NULL && pfd[1 + i].revents)
				harness_pump(clients[i], 0);
		if (pfd[0].revents) {
			if (read(p[0], &ms, sizeof ms) != sizeof ms)
				ms = -1;
			break;
		}
	}
	close(p[0]);
	waitpid(pid, NULL, 0);
	return ms;
}

/* Types keys into the client's shell, a key every KEY_MS; the median delay in ms. */
static double median_echo(harness_client *c, unsigned keys)
{
	static const char text[] = "the quick brown fox jumps over the lazy dog";
	char line[sizeof text];
	snprintf(line, sizeof line, "%.*s", (int)(keys < sizeof text - 1 ? keys : sizeof text - 1),
		 text);
	struct typist t;
	harness_settle(c, 300);
	typist_init(&t, c, line);
	double start = now_ms(), end = start + 30000;
	while (!typist_done(&t) && now_ms() < end) {
		double now = now_ms(), due = start + (double)t.sent * KEY_MS;
		if (t.sent < t.keys && now >= due)
			typist_key(&t, now);
		struct pollfd pfd = {harness_client_fd(c), POLLIN, 0};
		if (poll(&pfd, 1, 5) > 0) {
			harness_pump(c, 0);
			typist_observe(&t, now_ms());
		}
	}
	double *d = xcalloc(t.keys, sizeof *d);
	size_t n = 0;
	for (size_t i = 0; i < t.keys; i++)
		if (t.shown_at[i] > 0 && t.text[i] != ' ')
			d[n++] = t.shown_at[i] - t.sent_at[i];
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && d[j - 1] > d[j]; j--) {
			double x = d[j];
			d[j] = d[j - 1];
			d[j - 1] = x;
		}
	double med = n > 0 ? d[n / 2] : -1;
	free(d);
	typist_free(&t);
	harness_send(c, "\025"); /* C-u: the line goes */
	harness_settle(c, 300);
	return med;
}

int main(int argc, char **argv)
{
	unsigned mb = 64, runs = 3, keys = 40;
	char *impair = NULL, *seed = "1";
	int opt;
	while ((opt = getopt(argc, argv, "m:R:n:l:s:")) != -1) {
		if (opt == 'm')
			mb = (unsigned)atoi(optarg);
		else if (opt == 'R')
			runs = (unsigned)atoi(optarg);
		else if (opt == 'n')
			keys = (unsigned)atoi(optarg);
		else if (opt == 'l')
			impair = optarg;
		else if (opt == 's')
			seed = optarg;
		else
			return fprintf(stderr, "usage: forward [-m MB] [-R RUNS] [-n KEYS] [-l SPEC]"
				       " [-s SEED]\n"), 1;
	}
	int kinds = impair != NULL ? KINDS : KINDS - 1;
	signal(SIGPIPE, SIG_IGN);
	harness_init();
	struct ssh_harness h;
	ssh_harness_start(&h);
	unsigned sink_port, port[KINDS];
	pid_t sink = sink_start(&sink_port);
	char spec[KINDS][64], *ssh;
	for (int i = 0; i < KINDS; i++) {
		port[i] = free_port();
		snprintf(spec[i], sizeof spec[i], "%u:127.0.0.1:%u", port[i], sink_port);
	}
	xasprintf(&ssh, "%s/ssh", h.dir);
	harness_client *c[KINDS] = {NULL};
	char *ssh_argv[] = {ssh, "-N", "-L", spec[0], h.dest, NULL};
	c[0] = harness_program_start(80, 24, ssh_argv);
	char *local_argv[] = {(char *)harness_rsh_path(), "-S", (char *)harness_socket(), "-f",
			      "/dev/null", "--predict=never", "-L", spec[1], "new", "-s", "local",
			      "/bin/sh", NULL};
	setenv("PS1", "$ ", 1);
	c[1] = harness_program_start(80, 24, local_argv);
	char *server, *remote_sock;
	xasprintf(&remote_sock, "%s/remote", harness_dir());
	xasprintf(&server, "--server=%s -S %s", h.rsh, remote_sock);
	char *remote_argv[] = {(char *)harness_rsh_path(), "--predict=never", h.ssh_opt, server,
			       "-L", spec[2], h.dest, "new", "-s", "remote", "/bin/sh", NULL};
	c[2] = harness_program_start(80, 24, remote_argv);
	harness_wait_text(c[1], "[local]");
	harness_wait_text(c[2], "[remote]");
	struct roam_link l;
	if (impair != NULL) {
		char *flags[] = {"-s", seed, "-u", impair, "-d", impair, "-T", "3600", NULL};
		char *opts[] = {"--predict=never", "-L", spec[3], NULL};
		roam_bootstrap(&l, "local");
		roam_proxy_start(&l, 0, flags);
		c[3] = roam_client_start_opts(80, 24, l.token, roam_proxy_port(&l), opts);
		harness_wait_text(c[3], "[local]");
	}

	uint64_t bytes = (uint64_t)mb << 20;
	double best[KINDS] = {0}, sum[KINDS] = {0};
	printf("forward: %u MB through each, %u runs, loopback%s%s\n", mb, runs,
	       impair != NULL ? "; proxied each way: " : "", impair != NULL ? impair : "");
	for (unsigned r = 0; r < runs; r++) {
		for (int k = 0; k < kinds; k++) {
			double ms = transfer(c, port[k], bytes);
			double mbs = ms > 0 ? mb / (ms / 1000) : 0;
			printf("run %u  %-14s %8.0f ms  %7.1f MB/s%s\n", r + 1, kind_names[k], ms,
			       mbs, ms > 0 ? "" : "  (FAILED: bytes lost or no connection)");
			sum[k] += mbs;
			best[k] = mbs > best[k] ? mbs : best[k];
		}
	}
	for (int k = 0; k < kinds; k++)
		printf("%-14s mean %7.1f MB/s  best %7.1f MB/s\n", kind_names[k], sum[k] / runs,
		       best[k]);

	/* The keystroke echo of the local session, idle and with its channel busy. */
	double idle = median_echo(c[1], keys);
	int p[2];
	if (pipe(p) != 0)
		harness_fail(NULL, "pipe");
	pid_t busy = transfer_start(port[1], 0, p[1]);
	close(p[1]);
	harness_settle(c[1], 500);
	double loaded = median_echo(c[1], keys);
	kill(busy, SIGKILL);
	waitpid(busy, NULL, 0);
	close(p[0]);
	double idle2 = median_echo(c[1], keys);
	printf("keystroke echo, rsh local, median of %u keys: idle %.2f ms, channel busy %.2f ms,"
	       " idle again %.2f ms\n", keys, idle, loaded, idle2);

	for (int k = 0; k < kinds; k++)
		harness_client_free(c[k]);
	if (impair != NULL)
		roam_proxy_stop(&l, "the proxy", NULL, NULL);
	char *stop;
	xasprintf(&stop, "'%s' -S '%s' kill-server 2>/dev/null", harness_rsh_path(), remote_sock);
	if (system(stop) != 0)
		fprintf(stderr, "forward: the remote session's server was gone already\n");
	free(stop);
	kill(sink, SIGKILL);
	waitpid(sink, NULL, 0);
	free(ssh);
	free(server);
	free(remote_sock);
	ssh_harness_free(&h);
	return 0;
}
