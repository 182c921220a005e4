/*
 * The harness checked against plain programs, so the attach tests can trust it: a shell
 * in a pty read through the emulator (text, rectangles, cursor, exit status, raw mode
 * left behind), rsh commands' output and exit codes, and the not-a-terminal refusal.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "attach_harness.h"
#include "check.h"

static void check_shell(void)
{
	char *argv[] = {"/bin/sh", NULL};
	harness_client *c = harness_program_start(40, 10, argv);
	harness_wait_text(c, "$");
	CHECK(harness_client_cooked(c));
	/* The echoed command line has no "hi2": only the output does. */
	harness_send(c, "echo hi$((1+1)); printf '\\033[5;7Hé\\033[2;3H'; stty raw -echo\r");
	harness_wait_text(c, "hi2");
	harness_wait_text(c, "é");
	char *rect = harness_rect(c, 5, 4, 3, 2);
	CHECKF(strcmp(rect, " é \n   ") == 0, "rect '%s'", rect);
	free(rect);
	char *row = harness_row(c, 4);
	CHECKF(strcmp(row, "      é") == 0, "row '%s'", row);
	free(row);
	harness_send(c, "stty sane; exit 3\r");
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

int main(void)
{
	harness_init();
	check_shell();
	check_rsh();
	return 0;
}
