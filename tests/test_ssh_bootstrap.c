/*
 * The ssh bootstrap against a stand-in ssh (tests/fake_ssh.sh runs the remote command
 * here): the connect line is found among other output, words reach the host intact
 * whatever their quotes, and every failure gives its own one-line reason, in which the
 * host's bytes cannot drive the terminal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "client/ssh_bootstrap.h"
#include "client/ssh_reply.h"
#include "util/xmalloc.h"

static char fake[4096];

/* Runs the bootstrap with server as the host's rsh; returns the error ("" on success). */
static char *run(const char *ssh, const char *server, int argc, char **argv,
		 struct net_connect *c)
{
	struct ssh_bootstrap b = {ssh, server, "me@example", NULL, 0, argc, argv, NULL};
	char *why = ssh_bootstrap_run(&b, c);
	return why != NULL ? why : xstrdup("");
}

static void expect(const char *server, const char *want)
{
	struct net_connect c;
	char *why = run(fake, server, 0, NULL, &c);
	CHECKF(strstr(why, want) != NULL && (*want || !*why), "server %s: got \"%s\", want \"%s\"",
	       server, why, want);
	free(why);
}

int main(void)
{
	snprintf(fake, sizeof fake, "%s/tests/fake_ssh.sh -p 2222 -o BatchMode=yes", SRCDIR);
	const char *token = "AQIDBAUGBwgAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHw";
	char server[512];

	/* The line among other output, the arguments ignored by this stand-in. */
	snprintf(server, sizeof server, "echo motd; echo RSH CONNECT 60007 %s; echo bye; true",
		 token);
	struct net_connect c;
	char *why = run(fake, server, 0, NULL, &c);
	CHECKF(*why == '\0', "%s", why);
	CHECK(c.port == 60007 && c.id == 0x0102030405060708ull && c.key[31] == 31);
	free(why);

	/* Words with blanks and quotes arrive as they were. */
	char *words[] = {"new-session", "-s", "it's a \"name\"", "$HOME", "a\\b"};
	why = run(fake, "sh -c 'printf \"<%s>\" \"$@\" >&2; exit 3' x", 5, words, &c);
	CHECKF(strcmp(why, "the host says: <bootstrap><--><new-session><-s><it's a \"name\">"
			   "<$HOME><a\\b>") == 0,
	       "%s", why);
	free(why);

	/* The address we chose reaches ssh as its HostName, before the destination. */
	struct ssh_bootstrap b = {fake, "echo \"<$FAKE_SSH_OPTIONS>\" >&2; exit 3; true",
				  "me@alias", NULL, 0, 0, NULL, "127.0.0.5"};
	why = ssh_bootstrap_run(&b, &c);
	CHECKF(why != NULL && strcmp(why, "the host says: < BatchMode=yes HostName=127.0.0.5>") == 0,
	       "%s", why);
	free(why);

	/* Failures, each with its reason. */
	snprintf(server, sizeof server, "echo RSH CONNECT 60007 %.50s; true", token);
	expect(server, "bad reply from the host: bad token in the RSH CONNECT line");
	snprintf(server, sizeof server, "echo RSH CONNECT 0 %s; true", token);
	expect(server, "bad reply from the host: bad port");
	expect("/nonexistent/rsh", "rsh not found on the host (");
	expect("echo rsh: no sessions >&2; exit 1; true", "the host says: no sessions");
	expect("exit 4; true", "no RSH CONNECT line from the host (exit status 4)");
	expect("echo ssh: connect to host example port 22: Connection refused >&2; exit 255; true",
	       "ssh failed: ssh: connect to host example port 22: Connection refused");
	why = run("/nonexistent/ssh -q", "rsh", 0, NULL, &c);
	CHECKF(strcmp(why, "ssh failed: cannot run /nonexistent/ssh: No such file or directory") ==
		       0,
	       "%s", why);
	free(why);

	/* A command that does not attach: run there, its exit status ours. */
	char *ls[] = {"ls"};
	b = (struct ssh_bootstrap){fake, "sh -c 'test \"$*\" = \"-- ls\" && exit 7; exit 1' x",
				   "me@alias", NULL, 0, 1, ls, NULL};
	CHECK(ssh_bootstrap_command(&b) == 7);
	b.ssh = "/nonexistent/ssh";
	CHECK(ssh_bootstrap_command(&b) == 255);

	/* The host's bytes: a NUL before the line, escapes and a long line in a reason. */
	char nul_first[200];
	int n = snprintf(nul_first, sizeof nul_first, "x%cy\nRSH CONNECT 60009 %s\n", 0, token);
	why = ssh_reply_read(nul_first, (size_t)n, "", 0, 0, &c);
	CHECKF(why == NULL && c.port == 60009, "%s", why);
	const char esc[] = "rsh: \033]0;owned\007\033[2Jgone\ttab\xc2\x9b" "31m\r\n";
	why = ssh_reply_read("", 0, esc, sizeof esc - 1, 1 << 8, &c);
	CHECKF(strcmp(why, "the host says: \\033]0;owned\\007\\033[2Jgone\\011tab\\302\\23331m") ==
		       0,
	       "%s", why);
	free(why);
	char longline[1000];
	memset(longline, 'a', sizeof longline);
	memcpy(longline + SSH_REPLY_QUOTE_MAX - 1, "\xc3\xa9", 2); /* é across the cut */
	why = ssh_reply_read("", 0, longline, sizeof longline, 255 << 8, &c);
	CHECKF(strlen(why) == strlen("ssh failed: ") + SSH_REPLY_QUOTE_MAX - 1, "%zu", strlen(why));
	free(why);

	/* The host name: ssh's idea of it, else the destination's host part. */
	b = (struct ssh_bootstrap){fake, "rsh", "me@alias", NULL, 0, 0, NULL, NULL};
	setenv("FAKE_SSH_HOSTNAME", "127.0.0.9", 1);
	char *host = ssh_bootstrap_hostname(&b);
	CHECKF(strcmp(host, "127.0.0.9") == 0, "%s", host);
	free(host);
	b.ssh = "/nonexistent/ssh";
	host = ssh_bootstrap_hostname(&b);
	CHECKF(strcmp(host, "alias") == 0, "%s", host);
	free(host);
	return 0;
}
