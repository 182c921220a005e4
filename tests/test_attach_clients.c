/*
 * Two clients on one session at different sizes: each sees its own (clipped or padded)
 * view of the server's panes; the window follows the client typed in last; one killed
 * with SIGKILL leaves the other, the session and the server working. show-messages -T
 * lists both clients' terminals (TERM xterm-256color and xterm), -t one of them, each
 * capability as tmux 3.3a prints the same terminal's (tmux attached in a pty, when it is
 * installed).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

/* The client ids list-clients prints, in order: the first two. */
static void client_ids(harness_client *c, unsigned *a, unsigned *b)
{
	char *out = NULL;
	harness_wait_rsh(c, "^[0-9]+\n[0-9]+$", "list-clients", "-F", "#{client_name}",
			 (char *)NULL);
	CHECK(harness_rsh(&out, "list-clients", "-F", "#{client_name}", (char *)NULL) == 0);
	CHECK(sscanf(out, "%u\n%u", a, b) == 2);
	free(out);
}

/* The line of out that names capability name ("  12: name: ..."), from its name on. */
static char *cap_line(const char *out, const char *name)
{
	char *want;
	xasprintf(&want, ": %s: ", name);
	const char *at = strstr(out, want);
	free(want);
	if (at == NULL)
		return NULL;
	return xstrndup(at + 2, strcspn(at + 2, "\n"));
}

/* What tmux 3.3a's show-messages -T prints for a client with TERM xterm-256color, or
 * NULL without tmux. */
static char *tmux_terminal(void)
{
	char *sock;
	harness_client *t = harness_tmux_start(80, 24, "w", &sock);
	if (t == NULL)
		return NULL;
	char *out = harness_tmux(sock, "show-messages -T");
	harness_tmux_free(t, sock);
	return out;
}

/* show-messages -T, with -t each client alone; the lines as tmux's for its terminal. */
static void check_terminals(harness_client *big)
{
	unsigned a, b;
	client_ids(big, &a, &b);
	char *want, *out = NULL;
	xasprintf(&want, "^Terminal 1: xterm for %u, flags=0x20:$", b);
	harness_wait_rsh(big, want, "show-messages", "-T", (char *)NULL);
	free(want);
	CHECK(harness_rsh(&out, "show-messages", "-T", (char *)NULL) == 0);
	const char *big_lines[] = {"Terminal 0: xterm-256color for ", "   0: am: (flag) true\n",
				   "   7: colors: (number) 256\n",
				   "   8: cup: (string) \\033[%i%p1%d;%p2%dH\n",
				   "  17: RGB: [missing]\n", "  31: tsl: (string) \\033]0;\n"};
	for (size_t i = 0; i < sizeof big_lines / sizeof *big_lines; i++)
		CHECKF(strstr(out, big_lines[i]) != NULL, "no '%s' in %s", big_lines[i], out);
	const char *small = strstr(out, "Terminal 1: xterm for ");
	CHECKF(small != NULL && strstr(small, "   7: colors: (number) 8\n") != NULL, "%s", out);
	free(out);
	char id[16];
	snprintf(id, sizeof id, "%u", b);
	CHECK(harness_rsh(&out, "show-messages", "-T", "-t", id, (char *)NULL) == 0);
	CHECKF(strncmp(out, "Terminal 0: xterm for ", 22) == 0 &&
	       strstr(out, "xterm-256color") == NULL, "-t %u: %s", b, out);
	free(out);
	CHECK(harness_rsh(&out, "show-messages", "-T", "-t", "99", (char *)NULL) != 0);
	free(out);
	/* #{client_termname}: the TERM each told, as tmux's (its TERM). */
	CHECK(harness_rsh(&out, "list-clients", "-F", "#{client_name}=#{client_termname}",
			  (char *)NULL) == 0);
	char *names;
	xasprintf(&names, "%u=xterm-256color\n%u=xterm\n", a, b);
	CHECKF(strcmp(out, names) == 0, "list-clients: '%s', not '%s'", out, names);
	free(names);
	free(out);

	/* Each capability as tmux shows the same terminal's, but Se: rsh sends Ss 0 to
	 * put the cursor back, never the entry's Se. */
	char *tmux = tmux_terminal();
	if (tmux == NULL)
		return;
	CHECK(harness_rsh(&out, "show-messages", "-T", "-t", id, (char *)NULL) == 0);
	free(out);
	snprintf(id, sizeof id, "%u", a);
	CHECK(harness_rsh(&out, "show-messages", "-T", "-t", id, (char *)NULL) == 0);
	unsigned compared = 0;
	for (const char *p = strchr(out, '\n'); p != NULL && p[1] != '\0';
	     p = strchr(p + 1, '\n')) {
		char name[64];
		if (sscanf(p + 1, "%*u: %63[^:]:", name) != 1 || strcmp(name, "Se") == 0)
			continue;
		char *mine = cap_line(out, name), *theirs = cap_line(tmux, name);
		CHECKF(theirs != NULL && strcmp(mine, theirs) == 0, "rsh '%s', tmux '%s'", mine,
		       theirs != NULL ? theirs : "(none)");
		compared++;
		free(mine);
		free(theirs);
	}
	CHECKF(compared == 31, "%u capabilities compared", compared);
	free(out);
	free(tmux);
}

int main(void)
{
	harness_init();
	harness_client *big = harness_client_start(100, 30, "new", "-s", "work", (char *)NULL);
	harness_wait_text(big, "$");
	harness_wait_rsh(big, "^0: \\[100x29\\]", "list-panes", "-t", "work", (char *)NULL);
	harness_send(big, "\002%");
	harness_wait_rsh(big, "^1: ", "list-panes", "-t", "work", (char *)NULL);
	harness_wait_match(big, "work", "work");

	/* Attaching makes the newcomer the latest client: the window takes its size. */
	setenv("TERM", "xterm", 1); /* its terminal, for show-messages -T */
	harness_client *small = harness_client_start(70, 20, "attach", "-t", "work",
						     (char *)NULL);
	setenv("TERM", "xterm-256color", 1);
	harness_wait_rsh(small, "\\[70x19\\]", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_match(small, "work", "work");
	harness_wait_match(big, "work", "work");

	/* Typing in the big one brings the window back to its size; the small one clips. */
	harness_send(big, "echo b'ig'\r");
	harness_wait_rsh(big, "\\[100x29\\]", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_text(big, "big");
	harness_wait_match(big, "work", "work");
	harness_wait_match(small, "work", "work");

	harness_send(small, "echo sm'all'\r");
	harness_wait_rsh(small, "\\[70x19\\]", "list-windows", "-t", "work", (char *)NULL);
	harness_wait_text(small, "small");
	harness_wait_match(small, "work", "work");
	harness_wait_match(big, "work", "work");

	check_terminals(big);

	harness_client_kill(small, SIGKILL);
	harness_client_free(small);
	harness_send(big, "echo al'ive'\r");
	harness_wait_text(big, "alive");
	harness_wait_match(big, "work", "work");
	CHECK(harness_rsh(NULL, "has-session", "-t", "work", (char *)NULL) == 0);
	char *out;
	CHECK(harness_rsh(&out, "ls", (char *)NULL) == 0);
	CHECKF(strncmp(out, "work: 1 windows", 15) == 0, "ls said '%s'", out);
	free(out);
	harness_client_free(big);
	return 0;
}
