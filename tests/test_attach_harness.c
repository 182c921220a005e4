/*
 * The harness checked against plain programs, so the attach tests can trust it: a shell
 * in a pty read through the emulator (text, rectangles, cursor, exit status, raw mode
 * left behind), rsh commands' output and exit codes, and the not-a-terminal refusal.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

static bool prompt_after_stty(harness_client *c, void *arg)
{
	unsigned row, col;
	(void)arg;
	harness_cursor(c, &row, &col);
	return row == 1 && col == 4;
}

static void check_shell(void)
{
	char *argv[] = {"/bin/sh", NULL};
	harness_client *c = harness_program_start(40, 10, argv);
	harness_wait_text(c, "$");
	CHECK(harness_client_cooked(c));
	/* The echoed command line has neither "hi2" nor "é": only the output does. */
	harness_send(c, "echo hi$((1+1)); printf '\\033[5;7H\\303\\251\\033[2;3H';"
			" stty raw -echo\r");
	harness_wait_text(c, "hi2");
	harness_wait_text(c, "é");
	char *rect = harness_rect(c, 5, 4, 3, 2);
	CHECKF(strcmp(rect, " é \n   ") == 0, "rect '%s'", rect);
	free(rect);
	char *row = harness_row(c, 4);
	CHECKF(strcmp(row, "      é") == 0, "row '%s'", row);
	free(row);
	/* The next prompt, at 2;3, comes once stty ran: then the pty is raw (no ICRNL). */
	harness_wait(c, prompt_after_stty, NULL, "the prompt after stty");
	CHECK(!harness_client_cooked(c));
	harness_send(c, "stty sane; exit 3\n");
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 3, "status %#x", status);
	harness_client_free(c);

	/* A killed program is reported as such. */
	c = harness_program_start(40, 10, argv);
	harness_wait_text(c, "$");
	harness_client_kill(c, SIGKILL);
	status = harness_client_wait_exit(c);
	CHECKF(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "status %#x", status);
	harness_client_free(c);
}

static void check_rsh(void)
{
	char *out;
	CHECK(harness_rsh(&out, "ls", (char *)NULL) != 0);
	free(out);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", "-x", "50", "-y", "10", (char *)NULL)
	      == 0);
	CHECK(harness_rsh(NULL, "has-session", "-t", "work", (char *)NULL) == 0);
	CHECK(harness_rsh(&out, "ls", (char *)NULL) == 0);
	CHECKF(strncmp(out, "work: 1 windows", 15) == 0, "ls said '%s'", out);
	free(out);
}

/* The capture-pane comparison, against a screen made of capture-pane's own output. */
static void check_match(void)
{
	harness_wait_rsh(NULL, "\\$", "capture-pane", "-p", "-t", "work", (char *)NULL);
	char *script;
	xasprintf(&script,
		  "printf '\\033[H\\033[2J'; '%s' -S '%s' capture-pane -p -t work;"
		  " printf '\\033[11;1H[work] 0:sh*'; exec sleep 60",
		  harness_rsh_path(), harness_socket());
	char *argv[] = {"/bin/sh", "-c", script, NULL};
	harness_client *c = harness_program_start(50, 11, argv);
	harness_wait_match(c, "work", "work");
	harness_client_free(c);
	free(script);
}

int main(void)
{
	harness_init();
	check_shell();
	check_rsh();
	check_match();
	return 0;
}
