/*
 * TCP forwarded through channels (rsh -L and -R) over a bad link: the real server and
 * `rsh client` through tests/udpproxy at 30 % loss each way, 10 % duplicated and 10 %
 * held back, the client's source address moving every 2 s. A TCP echo server of the
 * test's own (127.0.0.1, port 0 read back) is reached through -L (the client listens, the
 * server connects) and through -R (the server listens, the client connects), several
 * connections at once each way; every connection sends its bytes, closes its side and
 * must read back exactly those bytes, in order, then the end of stream.
 * A name slow to resolve (tests/block_resolve.so, preloaded, holds it until told) holds
 * up its own connection only: the server answers a command meanwhile. -R 0:... has the
 * server pick the port, which the client tells as ssh does, and it echoes too.
 * Also: bad forwarding specifications are refused as ssh refuses them, before anything
 * runs, and forwardings for a command that does not attach are refused.
 */
#include <dirent.h>
#include <errno.h>
#include <netinet/in.h>
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
#include "tcp_echo.h"
#include "util/xmalloc.h"

#define CONNS_EACH 3
#define BYTES 40000
#define TRANSFER_MS 120000

struct conn {
	int fd;
	unsigned char *data;
	size_t sent, got;
	bool eof;
};

/* Sends every connection's bytes, half-closes, and checks the echo to its end. */
static void transfer(harness_client *c, struct conn *cs, unsigned n, const char *label)
{
	long long start = roam_now_ms(), end = start + TRANSFER_MS;
	unsigned done = 0;
	while (done < n) {
		struct pollfd p[2 * CONNS_EACH + 1];
		for (unsigned i = 0; i < n; i++) {
			short ev = cs[i].eof ? 0 : POLLIN;
			if (cs[i].sent < BYTES)
				ev |= POLLOUT;
			p[i] = (struct pollfd){cs[i].eof ? -1 : cs[i].fd, ev, 0};
		}
		p[n] = (struct pollfd){harness_client_fd(c), POLLIN, 0};
		poll(p, n + 1, 100);
		harness_pump(c, 0);
		for (unsigned i = 0; i < n; i++) {
			struct conn *k = &cs[i];
			if ((p[i].revents & POLLOUT) && k->sent < BYTES) {
				ssize_t w = write(k->fd, k->data + k->sent, BYTES - k->sent);
				if (w > 0 && (k->sent += (size_t)w) == BYTES)
					shutdown(k->fd, SHUT_WR);
			}
			if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			unsigned char buf[8192];
			ssize_t r = read(k->fd, buf, sizeof buf);
			if (r < 0 && errno == EAGAIN)
				continue;
			CHECKF(r >= 0, "%s connection %u: %s after %zu bytes", label, i,
			       strerror(errno), k->got);
			if (r == 0) {
				CHECKF(k->got == BYTES, "%s connection %u: the end after %zu of %d bytes",
				       label, i, k->got, BYTES);
				k->eof = true;
				done++;
				continue;
			}
			CHECKF(k->got + (size_t)r <= BYTES, "%s connection %u: more bytes than sent",
			       label, i);
			for (ssize_t j = 0; j < r; j++)
				CHECKF(buf[j] == k->data[k->got + (size_t)j],
				       "%s connection %u: byte %zu differs", label, i,
				       k->got + (size_t)j);
			k->got += (size_t)r;
		}
		if (roam_now_ms() > end)
			harness_fail(c, "%s: %u of %u connections done in %d s", label, done, n,
				     TRANSFER_MS / 1000);
	}
	printf("%s: %u connections of %d bytes echoed in %lld ms\n", label, n, BYTES,
	       roam_now_ms() - start);
}

static void run_conns(harness_client *c, unsigned port, unsigned first, const char *label)
{
	struct conn cs[CONNS_EACH];
	for (unsigned i = 0; i < CONNS_EACH; i++) {
		cs[i] = (struct conn){.fd = tcp_connect_retry(c, port), .data = malloc(BYTES)};
		for (size_t j = 0; j < BYTES; j++)
			cs[i].data[j] = tcp_pattern_byte(first + i, j);
	}
	transfer(c, cs, CONNS_EACH, label);
	for (unsigned i = 0; i < CONNS_EACH; i++) {
		close(cs[i].fd);
		free(cs[i].data);
	}
}

/* The programs the test starts get tests/block_resolve.so, which holds the names ending
 * in .block.test until a file in the test's directory says otherwise. */
static void preload_block_resolve(void)
{
	char *so = realpath("tests/block_resolve.so", NULL), *asan;
	CHECKF(so != NULL, "no tests/block_resolve.so in the build directory");
	setenv("LD_PRELOAD", so, 1);
	/* ASan wants its runtime first in the list of libraries: here it comes second. */
	const char *old = getenv("ASAN_OPTIONS");
	xasprintf(&asan, "%s%sverify_asan_link_order=0", old ? old : "", old ? ":" : "");
	setenv("ASAN_OPTIONS", asan, 1);
	setenv("RSH_TEST_BLOCK", harness_dir(), 1);
	free(asan);
	free(so);
}

static bool exists(const char *name)
{
	char *path;
	xasprintf(&path, "%s/%s", harness_dir(), name);
	bool there = access(path, F_OK) == 0;
	free(path);
	return there;
}

/* -L to a name the resolver holds: while the server waits for it, it still answers
 * display-message; once the name resolves, the connection echoes as any other. */
static void slow_name(harness_client *c, unsigned port)
{
	struct conn k = {.fd = tcp_connect_retry(c, port), .data = malloc(BYTES)};
	for (size_t j = 0; j < BYTES; j++)
		k.data[j] = tcp_pattern_byte(2 * CONNS_EACH, j);
	long long end = roam_now_ms() + HARNESS_TIMEOUT_MS;
	while (!exists("resolving")) {
		if (roam_now_ms() > end)
			harness_fail(c, "the server never asked for the name");
		harness_pump(c, 50);
	}
	char *out = NULL;
	CHECK(harness_rsh(&out, "display-message", "-p", "answers", (char *)NULL) == 0);
	CHECKF(strcmp(out, "answers\n") == 0, "display-message said %s", out);
	CHECKF(!exists("resolved"), "the server answered only once the name had resolved");
	free(out);
	char *release;
	xasprintf(&release, "%s/release", harness_dir());
	FILE *f = fopen(release, "w");
	CHECK(f != NULL);
	fclose(f);
	free(release);
	transfer(c, &k, 1, "-L to a slow name");
	close(k.fd);
	free(k.data);
}

/* Whether the server process holds the socket of that inode. */
static bool server_holds(unsigned long inode)
{
	char path[64], link[64], want[40];
	snprintf(path, sizeof path, "/proc/%d/fd", (int)harness_server_pid());
	snprintf(want, sizeof want, "socket:[%lu]", inode);
	DIR *d = opendir(path);
	bool held = false;
	for (struct dirent *e; d != NULL && !held && (e = readdir(d)) != NULL;) {
		char fd[sizeof path + 300];
		snprintf(fd, sizeof fd, "%s/%s", path, e->d_name);
		ssize_t n = readlink(fd, link, sizeof link - 1);
		held = n > 0 && (link[n] = '\0', strcmp(link, want) == 0);
	}
	if (d != NULL)
		closedir(d);
	return held;
}

/* A TCP port other than not that the server listens on, from /proc/net/tcp; 0: none. */
static unsigned server_listening(unsigned not)
{
	FILE *f = fopen("/proc/net/tcp", "r");
	char line[512];
	unsigned found = 0;
	while (f != NULL && found == 0 && fgets(line, sizeof line, f) != NULL) {
		unsigned port, st;
		unsigned long inode;
		if (sscanf(line, " %*u: %*x:%x %*x:%*x %x %*x:%*x %*x:%*x %*x %*u %*u %lu", &port,
			   &st, &inode) == 3 && st == 0x0a && port != not && server_holds(inode))
			found = port;
	}
	if (f != NULL)
		fclose(f);
	return found;
}

/* -R 0:127.0.0.1:echo: the server listens on a port it picked (read from /proc: what the
 * client's message row shows lasts a moment, and curses may write it in pieces), and it
 * echoes; the client's words for it are checked as it exits (picked_said). */
static unsigned picked_port(harness_client *c, unsigned rport)
{
	long long end = roam_now_ms() + HARNESS_TIMEOUT_MS;
	unsigned port;
	while ((port = server_listening(rport)) == 0) {
		if (roam_now_ms() > end)
			harness_fail(c, "the server listens on no port it picked");
		harness_pump(c, 50);
	}
	struct conn k = {.fd = tcp_connect_retry(c, port), .data = malloc(BYTES)};
	for (size_t j = 0; j < BYTES; j++)
		k.data[j] = tcp_pattern_byte(2 * CONNS_EACH + 1, j);
	transfer(c, &k, 1, "-R to a port the server picked");
	close(k.fd);
	free(k.data);
	return port;
}

/* What the client said of that port as it exited, as ssh says it. */
static void picked_said(harness_client *c, unsigned port, unsigned echo_port)
{
	char want[96];
	snprintf(want, sizeof want, "rsh: Allocated port %u for remote forward to 127.0.0.1:%u",
		 port, echo_port);
	CHECKF(strstr(harness_client_output(c, NULL), want) != NULL, "the client never said: %s",
	       want);
}

/* What rsh says of bad forwardings, before any server or ssh. */
static void bad_specs(void)
{
	static const char *bad[][2] = {
		{"-L", "8080:localhost"}, {"-L", "0:localhost:80"}, {"-L", "8080:localhost:99999"},
		{"-R", "8080"}, {"-R", "a:b:c:d:e"}, {"-L", "8080::80"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int code = harness_rsh(NULL, bad[i][0], bad[i][1], "new", "-s", "bad", (char *)NULL);
		const char *err = harness_rsh_stderr();
		CHECKF(code == 1 && strstr(err, "forwarding specification") != NULL &&
			       strstr(err, bad[i][1]) != NULL,
		       "%s %s: exit %d, said: %s", bad[i][0], bad[i][1], code, err);
	}
	CHECK(harness_rsh(NULL, "-L", "8080:localhost:80", "list-sessions", (char *)NULL) == 1);
	CHECKF(strstr(harness_rsh_stderr(), "does not attach") != NULL, "said: %s",
	       harness_rsh_stderr());
}

int main(void)
{
	harness_init();
	preload_block_resolve();
	signal(SIGPIPE, SIG_IGN);
	unsigned long seed = roam_seed();
	char seedstr[32];
	snprintf(seedstr, sizeof seedstr, "%lu", seed);
	bad_specs();

	unsigned echo_port;
	pid_t echo = tcp_echo_server(tcp_listen_any(&echo_port));
	unsigned lport = tcp_free_port(), rport = tcp_free_port(), nport = tcp_free_port();
	char lspec[64], rspec[64], nspec[64], zspec[64];
	snprintf(lspec, sizeof lspec, "%u:127.0.0.1:%u", lport, echo_port);
	snprintf(nspec, sizeof nspec, "%u:x.block.test:%u", nport, echo_port);
	snprintf(zspec, sizeof zspec, "0:127.0.0.1:%u", echo_port);
	snprintf(rspec, sizeof rspec, "127.0.0.1:%u:127.0.0.1:%u", rport, echo_port);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", (char *)NULL) == 0);

	struct roam_link l;
	char *bad[] = { "-s", seedstr, "-u", "loss=30,delay=20,dup=10,reorder=10", "-d",
			"loss=30,delay=20,dup=10,reorder=10", "-r", "2000", NULL };
	char *opts[] = { "-L", lspec, "-R", rspec, "-L", nspec, "-R", zspec, NULL };
	roam_bootstrap(&l, "work");
	roam_proxy_start(&l, 0, bad);
	harness_client *c = roam_client_start_opts(80, 24, l.token, roam_proxy_port(&l), opts);
	l.client = c;
	harness_wait_text(c, "$");

	run_conns(c, lport, 0, "-L");
	run_conns(c, rport, CONNS_EACH, "-R");
	slow_name(c, nport);
	unsigned picked = picked_port(c, rport);

	struct roam_counts up, down;
	roam_proxy_stop(&l, "roaming proxy", &up, &down);
	CHECKF(up.lost > 0 && down.lost > 0, "the proxy lost nothing");
	harness_client_kill(c, SIGTERM);
	harness_client_wait_exit(c);
	picked_said(c, picked, echo_port);
	kill(echo, SIGKILL);
	waitpid(echo, NULL, 0);
	return 0;
}
