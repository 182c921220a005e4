/*
 * The ssh path, through a real sshd on loopback (tests/sshd.sh): with every UDP datagram
 * to the host dropped (tests/udpproxy at loss=100 in front of the server's port, the
 * host's rsh told by tests/port_map.sh that the client reaches that port through the
 * proxy), `rsh user@127.0.0.1 new` falls back to the ssh it ran: the status row says
 * "ssh", typed text shows, and the screen matches capture-pane. With the proxy passing
 * again the client moves back to UDP ("udp" on the status row, the proxy carrying its
 * datagrams); blocked again, back to ssh; its ssh killed, it runs ssh again by itself
 * (a new ssh process, BatchMode) and the same session goes on; its ssh frozen (SIGSTOP: a
 * TCP connection that died without a word), the client gives up on it once it carried
 * nothing for UPLINK_SSH_STALL_MS, ends it and runs another, and what was typed meanwhile
 * shows once; with no login possible any more (sshd stopped) the status row says
 * "ssh down (Connection refused)", ssh's words.
 * --transport=ssh uses ssh from the start (here through ssh -J, a jump host),
 * --transport=udp keeps no ssh.
 * Skips (77) without sshd.
 * UDP ports: the server's is the first free one of 63100..63199, this test's own.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "attach_harness.h"
#include "client/uplink.h"
#include "roam_link.h"
#include "ssh_harness.h"
#include "util/xmalloc.h"

/* Types a line whose echo differs from what was typed, waits for its output and for
 * the screen to match the server's. */
static void typed(harness_client *c, const char *word)
{
	char line[128], want[128];
	snprintf(line, sizeof line, "echo %s$((6*7))\r", word);
	snprintf(want, sizeof want, "%s42", word);
	harness_send(c, line);
	harness_wait_line(c, want);
	harness_wait_match(c, "work", "work");
}

/* How many lines of the session's pane (capture-pane) are exactly line. */
static unsigned lines_of(harness_client *c, const char *line)
{
	char *out = NULL;
	unsigned n = 0;
	if (harness_rsh(&out, "capture-pane", "-p", "-t", "work", (char *)NULL) != 0)
		harness_fail(c, "capture-pane: %s", harness_rsh_stderr());
	for (char *p = strtok(out, "\n"); p != NULL; p = strtok(NULL, "\n"))
		n += strcmp(p, line) == 0;
	free(out);
	return n;
}

/* The ssh this test froze, killed at exit while it is there: a client that failed to end
 * it leaves it stopped. */
static pid_t frozen;

static void kill_frozen(void)
{
	if (frozen > 0)
		kill(frozen, SIGKILL);
}

/* The client's ssh frozen: no byte either way, as a TCP connection that died without a
 * word. Within the stall time and the first retry's delay the client has ended it and
 * runs another; a line typed while it was frozen shows once, and the session goes on. */
static void stalled(harness_client *c, pid_t ssh)
{
	long long start = roam_now_ms();
	long long end = start + UPLINK_SSH_STALL_MS + SSHPATH_RETRY_MS + HARNESS_TIMEOUT_MS;
	frozen = ssh;
	atexit(kill_frozen);
	kill(ssh, SIGSTOP);
	harness_send(c, "echo frozen$((6*7))\r");
	pid_t next = 0;
	while ((next = ssh_harness_child(harness_client_pid(c), "ssh")) == ssh || next == 0) {
		if (roam_now_ms() > end)
			harness_fail(c, "ssh %d frozen %lld ms: no new one", (int)ssh,
				     roam_now_ms() - start);
		harness_pump(c, 100);
	}
	long long took = roam_now_ms() - start;
	printf("frozen ssh replaced after %lld ms\n", took);
	if (took < UPLINK_SSH_STALL_MS)
		harness_fail(c, "ssh replaced after %lld ms: before the stall time", took);
	if (harness_process_running(ssh))
		harness_fail(c, "the frozen ssh %d still runs beside %d", (int)ssh, (int)next);
	frozen = 0; /* gone: its pid may be another's now */
	harness_wait_line(c, "frozen42");
	harness_wait_match(c, "work", "work");
	if (lines_of(c, "frozen42") != 1)
		harness_fail(c, "the line typed while ssh was frozen ran %u times",
			     lines_of(c, "frozen42"));
	ssh_harness_wait_path(c, "ssh");
	typed(c, "thawed");
}

static void proxy(struct roam_link *l, unsigned port, bool blocked)
{
	static char *drop[] = {"-u", "loss=100", "-d", "loss=100", "-T", "600", NULL};
	static char *pass[] = {"-T", "600", NULL};
	roam_proxy_start(l, port, blocked ? drop : pass);
}

int main(void)
{
	harness_init();
	struct ssh_harness h;
	ssh_harness_start(&h);
	char *ssh_opt = h.ssh_opt, *server_opt = h.server_opt, *dest = h.dest, *rsh = h.rsh;
	char *mapped_opt, *port_opt;
	harness_client *c;

	/* --transport=ssh: ssh from the start, though UDP would work; through a jump host
	 * (this same sshd), as plain ssh goes: its ssh runs another, ssh -W, for the hop. */
	char *jump_opt;
	xasprintf(&jump_opt, "%s -J %s", ssh_opt, dest);
	c = harness_client_start(80, 24, "--transport=ssh", jump_opt, server_opt, dest, "new",
				 "-s", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	ssh_harness_wait_path(c, "ssh");
	typed(c, "forced");
	pid_t ssh = ssh_harness_child(harness_client_pid(c), "ssh");
	if (ssh <= 0 || ssh_harness_child(ssh, "ssh") <= 0)
		harness_fail(c, "no ssh for the jump under the client's ssh %d", (int)ssh);
	harness_detach(c);
	free(jump_opt);

	/* --transport=udp: ssh exits once it gave the connect line. */
	c = harness_client_start(80, 24, "--transport=udp", ssh_opt, server_opt, dest, "attach",
				 "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	ssh_harness_wait_path(c, "udp");
	if (ssh_harness_child(harness_client_pid(c), "ssh") != 0)
		harness_fail(c, "an ssh runs under a --transport=udp client");
	harness_detach(c);

	/* A bad --transport is refused before any ssh. */
	char *out = NULL;
	if (harness_rsh(&out, "--transport=tcp", dest, (char *)NULL) != 1 ||
	    strstr(harness_rsh_stderr(), "rsh: bad --transport: tcp (auto, udp or ssh)") == NULL)
		harness_fail(NULL, "--transport=tcp: %s", harness_rsh_stderr());
	free(out);

	/* UDP blocked: the proxy drops all, the host sends the client to it. */
	struct roam_link l = {0};
	l.nc.port = ssh_harness_udp_port(63100, 63199);
	proxy(&l, 0, true);
	unsigned pport = roam_proxy_port(&l);
	xasprintf(&port_opt, "-p%u", l.nc.port);
	xasprintf(&mapped_opt, "--server=sh %s/tests/port_map.sh %u %u %s -S %s", SRCDIR,
		  l.nc.port, pport, rsh, harness_socket());
	c = harness_client_start(80, 24, ssh_opt, mapped_opt, port_opt, dest, "attach", "-t",
				 "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	ssh_harness_wait_path(c, "ssh");
	typed(c, "over");
	struct roam_counts up;
	roam_proxy_stop(&l, "blocked", &up, NULL);
	if (up.in == 0 || up.out != 0)
		harness_fail(c, "the proxy took %llu datagrams and passed %llu: want some, none",
			     up.in, up.out);

	/* UDP lets through: back to it, the proxy carrying the session. */
	proxy(&l, pport, false);
	ssh_harness_wait_path(c, "udp");
	typed(c, "back");
	roam_proxy_stop(&l, "passing", &up, NULL);
	if (up.out == 0)
		harness_fail(c, "on UDP, yet the proxy passed nothing");

	/* Blocked again, then the ssh killed: a new ssh, the same session. */
	proxy(&l, pport, true);
	ssh_harness_wait_path(c, "ssh");
	ssh = ssh_harness_child(harness_client_pid(c), "ssh");
	if (ssh <= 0)
		harness_fail(c, "no ssh process under the client");
	kill(ssh, SIGKILL);
	typed(c, "again");
	pid_t again = ssh_harness_child(harness_client_pid(c), "ssh");
	if (again <= 0 || again == ssh)
		harness_fail(c, "ssh %d killed, now %d: want a new one", (int)ssh, (int)again);
	ssh_harness_wait_path(c, "ssh");
	stalled(c, again);
	again = ssh_harness_child(harness_client_pid(c), "ssh");

	/* No login gets in any more (sshd stopped), its ssh killed: the client says so, and
	 * why its ssh keeps failing (ssh's own words). */
	ssh_harness_stop();
	kill(again, SIGKILL);
	harness_wait_text(c, "ssh down (Connection refused), last contact");
	harness_detach(c);
	roam_proxy_stop(&l, "blocked again", NULL, NULL);

	free(mapped_opt);
	free(port_opt);
	ssh_harness_free(&h);
	return 0;
}
