/*
 * A remote attach through a real sshd on loopback (tests/sshd.sh), the host being this
 * machine: `rsh user@127.0.0.1 new -s work` shows the host server's session, detaches,
 * and `rsh user@127.0.0.1 attach -t work` from another terminal finds the same shell; a
 * command that does not attach runs over ssh; -p and -6 reach the host's bootstrap (a
 * taken port refused, a free one held; ::1 end to end); and each way it can fail says so
 * in one line, no UDP reply included (10 s of the test's time). The host's server is the harness's (--server gives its socket), so the test reads
 * the host's side directly. Skips (77) without sshd.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach_harness.h"
#include "ssh_harness.h"
#include "util/xmalloc.h"

static char *ssh_opt, *server_opt, *dest;

/* `rsh --ssh=... --server=... USER@127.0.0.1 words...` in an 80x24 pty. */
static harness_client *remote(char *w0, char *w1, char *w2)
{
	return harness_client_start(80, 24, ssh_opt, server_opt, dest, w0, w1, w2, (char *)NULL);
}

/* Everything the program wrote, which must be one line holding want, and exit 1. */
static void one_line_error(harness_client *c, const char *want)
{
	int status = harness_client_wait_exit(c);
	size_t len;
	const char *out = harness_client_output(c, &len);
	const char *nl = strchr(out, '\n');
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 1 || strstr(out, want) == NULL ||
	    nl == NULL || nl[1] != '\0')
		harness_fail(c, "status %d, output \"%s\", want one line with \"%s\"", status, out,
			     want);
	harness_client_free(c);
}

static void detach(harness_client *c)
{
	harness_send(c, "\002d");
	harness_wait_text(c, "[detached (from session work)]");
	int status = harness_client_wait_exit(c);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		harness_fail(c, "exit status %d after detaching", status);
	harness_client_free(c);
}

/* A UDP socket on 127.0.0.1:port, or -1 when the port is taken. */
static int hold_port(unsigned port)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	if (fd >= 0 && bind(fd, (struct sockaddr *)&sin, sizeof sin) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/*
 * -p reaches the host's bootstrap through ssh: with the one port it names taken, the host
 * says so; free, the host's server takes it for this client (the port is then its).
 * 63000..63099 is this test's own: test_bootstrap, run beside it by make check -j,
 * expects 62000..62999 free on 127.0.0.1.
 */
static void ports_through_ssh(void)
{
	unsigned port = 0;
	int fd = -1;
	for (unsigned p = 63000; p < 63100 && fd < 0; p++)
		fd = hold_port(port = p);
	if (fd < 0)
		harness_fail(NULL, "no free UDP port in 63000..63099");
	char *opt;
	xasprintf(&opt, "-p%u", port);
	one_line_error(harness_client_start(80, 24, ssh_opt, server_opt, opt, dest, "attach",
					    "-t", "work", (char *)NULL),
		       "no free UDP port in the range");
	close(fd);
	harness_client *c = harness_client_start(80, 24, ssh_opt, server_opt, opt, dest,
						 "attach", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	fd = hold_port(port);
	if (fd >= 0)
		harness_fail(c, "UDP port %u is free while a client attached with -p %u", port, port);
	detach(c);
	free(opt);
}

/* Whether this machine has an IPv6 loopback to bind. */
static bool have_ipv6_loopback(void)
{
	int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	bool ok = fd >= 0 && bind(fd, (struct sockaddr *)&sin6, sizeof sin6) == 0;
	if (fd >= 0)
		close(fd);
	return ok;
}

/* -6 and an IPv6 host: ssh comes in on ::1, so the host's server listens there and the
 * client reaches it over IPv6 (list-clients shows it from [::1]). */
static void over_ipv6(const char *user)
{
	if (!have_ipv6_loopback()) {
		printf("no IPv6 loopback here: -6 not tried\n");
		return;
	}
	char *dest6;
	xasprintf(&dest6, "%s@::1", user);
	harness_client *c = harness_client_start(80, 24, ssh_opt, server_opt, "-6", dest6,
						 "attach", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	harness_wait_rsh(c, "^[0-9]+: work \\[80x24\\] \\(\\[::1\\]:[0-9]+, last contact",
			 "list-clients", (char *)NULL);
	detach(c);
	free(dest6);
}

int main(void)
{
	harness_init();
	struct ssh_harness h;
	ssh_harness_start(&h);
	ssh_opt = h.ssh_opt;
	server_opt = h.server_opt;
	dest = h.dest;

	/* The session is made on the host and shown here over UDP. */
	harness_client *c = remote("new", "-s", "work");
	harness_wait_match(c, "work", "work");
	harness_wait_rsh(c, "^[0-9]+: work \\[80x24\\] \\(127\\.0\\.0\\.1:[0-9]+, last contact",
			 "list-clients", (char *)NULL);
	harness_send(c, "RSH_REMOTE_MARK=marked42\r");
	detach(c);

	/* Another terminal finds the same shell. */
	c = remote("attach", "-t", "work");
	harness_wait_match(c, "work", "work");
	harness_send(c, "echo \"<$RSH_REMOTE_MARK>\"\r");
	harness_wait_text(c, "<marked42>");
	detach(c);

	/* A command that does not attach runs there, its output and status ours. */
	char *out = NULL;
	int code = harness_rsh(&out, ssh_opt, server_opt, dest, "ls", (char *)NULL);
	if (code != 0 || strncmp(out, "work: 1 windows", 15) != 0)
		harness_fail(NULL, "ls over ssh: exit %d, \"%s\", stderr \"%s\"", code, out,
			     harness_rsh_stderr());
	free(out);

	ports_through_ssh();
	over_ipv6(h.user);

	/* Failures, one line each. */
	one_line_error(remote("attach", "-t", "nosuch"),
		       "rsh: the host says: can't find session: nosuch");
	char *closed;
	xasprintf(&closed, "%s -p 1", ssh_opt);
	one_line_error(harness_client_start(80, 24, closed, server_opt, dest, (char *)NULL),
		       "rsh: ssh failed: ssh: connect to host 127.0.0.1 port 1: Connection refused");
	one_line_error(harness_client_start(80, 24, ssh_opt, "--server=/nonexistent", dest,
					    (char *)NULL),
		       "rsh: rsh not found on the host (");
	one_line_error(harness_client_start(80, 24, ssh_opt,
					    "--server=echo RSH CONNECT 1 x; true", dest,
					    (char *)NULL),
		       "rsh: bad reply from the host: ");


	/* A connect line to a UDP port nothing answers on: after 10 s, the firewall hint. */
	char *silent;
	xasprintf(&silent, "--server=echo RSH CONNECT 9 %s; true",
		  "AQIDBAUGBwgAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw");
	c = harness_client_start(80, 24, ssh_opt, silent, dest, (char *)NULL);
	harness_wait_text(c, "rsh: no reply from 127.0.0.1 over UDP port 9 nor over ssh (is UDP");
	int status = harness_client_wait_exit(c);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 1)
		harness_fail(c, "exit status %d after no UDP reply", status);
	harness_client_free(c);

	free(silent);
	free(closed);
	ssh_harness_free(&h);
	return 0;
}
