/*
 * The two halves of a remote attach run here without ssh: `rsh bootstrap` prints exactly
 * one connect line and needs no terminal, binds the address SSH_CONNECTION names; and
 * `RSH_TOKEN=... rsh client HOST PORT` attaches with that line's token. Their misuses are
 * in test_rsh_options.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "attach_harness.h"

#define CONNECT_LINE "^RSH CONNECT ([0-9]+) ([A-Za-z0-9_-]{54})\n$"

/* Runs `rsh bootstrap args...` (up to five, NULL-terminated); its one connect line's port and token, else fails. */
static void bootstrap(char *port, char *token, char **args)
{
	char *out = NULL;
	int code = harness_rsh(&out, "bootstrap", args[0], args[1], args[2], args[3], args[4],
			       (char *)NULL);
	regex_t re;
	regmatch_t m[3];
	regcomp(&re, CONNECT_LINE, REG_EXTENDED);
	if (code != 0 || regexec(&re, out, 3, m, 0) != 0 || *harness_rsh_stderr() != '\0')
		harness_fail(NULL, "bootstrap %s: exit %d, stdout \"%s\", stderr \"%s\"",
			     args[0] != NULL ? args[0] : "", code, out, harness_rsh_stderr());
	snprintf(port, 8, "%.*s", (int)(m[1].rm_eo - m[1].rm_so), out + m[1].rm_so);
	snprintf(token, 64, "%.*s", (int)(m[2].rm_eo - m[2].rm_so), out + m[2].rm_so);
	regfree(&re);
	free(out);
}

/* Whether a UDP socket can bind address:port now. */
static bool can_bind(const char *address, unsigned port)
{
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	inet_pton(AF_INET, address, &sin.sin_addr);
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	bool ok = bind(fd, (struct sockaddr *)&sin, sizeof sin) == 0;
	if (!ok && errno != EADDRINUSE)
		harness_fail(NULL, "bind %s:%u: %s", address, port, strerror(errno));
	close(fd);
	return ok;
}

int main(void)
{
	char port[8], token[64];
	harness_init();
	unsetenv("SSH_CONNECTION");
	unsetenv("RSH_TOKEN");

	/* No session yet: one is made, as `rsh` alone does; its stdin is not a terminal. */
	bootstrap(port, token, (char *[5]){NULL});
	harness_wait_rsh(NULL, "^0: 1 windows", "ls", (char *)NULL);
	/* The server's error, as it said it. */
	if (harness_rsh(NULL, "bootstrap", "attach", "-t", "nosuch", (char *)NULL) != 1 ||
	    strcmp(harness_rsh_stderr(), "rsh: can't find session: nosuch\n") != 0)
		harness_fail(NULL, "bootstrap attach -t nosuch said \"%s\"", harness_rsh_stderr());

	/* Over ssh: the server listens on the address the host was reached at, in the
	 * range asked for (above the kernel's ephemeral ports, so free here). */
	setenv("SSH_CONNECTION", "127.0.0.1 5555 127.0.0.2 22", 1);
	bootstrap(port, token, (char *[5]){"-p", "62000:62999", "new", "-s", "two"});
	unsigned p = (unsigned)atoi(port);
	if (p < 62000 || p > 62999 || can_bind("127.0.0.2", p) || !can_bind("127.0.0.1", p))
		harness_fail(NULL, "the server is not on 127.0.0.2:%u alone", p);
	unsetenv("SSH_CONNECTION");

	/* The client alone, with the line's token, reaches it there. */
	setenv("RSH_TOKEN", token, 1);
	char *argv[] = {(char *)harness_rsh_path(), "-S", (char *)harness_socket(), "client",
			"127.0.0.2", port, NULL};
	harness_client *c = harness_program_start(80, 24, argv);
	harness_wait_match(c, "two", "two");
	harness_wait_rsh(c, "^[0-9]+: two \\[80x24\\] \\(127\\.0\\.0\\.[0-9]+:[0-9]+, last contact",
			 "list-clients", (char *)NULL);
	if (harness_rsh(NULL, "kill-session", "-t", "two", (char *)NULL) != 0)
		harness_fail(c, "kill-session: %s", harness_rsh_stderr());
	harness_wait_text(c, "[exited]");
	if (harness_client_wait_exit(c) != 0)
		harness_fail(c, "the client did not exit 0 when its session ended");
	harness_client_free(c);

	return 0;
}
