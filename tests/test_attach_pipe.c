/*
 * pipe-pane through the real client, as tmux's: typed at C-b :, `pipe-pane -o 'cat >>
 * FILE'` sends what the pane shows from then on to the command (its name a format:
 * #{pane_id}), the same line again closes it (-o toggles) and later output stays out of
 * the file; -I types the command's output into the pane's program; a pipe's command that
 * ends closes the pipe (#{pane_pipe} 0).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

#define PREFIX "\002"

/* Whether the file at path holds text, now. */
static bool file_has(const char *path, const char *text)
{
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return false;
	char buf[8192];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return strstr(buf, text) != NULL;
}

static void wait_file(harness_client *c, const char *path, const char *text)
{
	for (int waited = 0; !file_has(path, text); waited += 50) {
		if (waited > HARNESS_TIMEOUT_MS)
			harness_fail(c, "%s never held '%s'", path, text);
		harness_pump(c, 50);
	}
}

/* C-b : then a command line, as typed. */
static void prompt_command(harness_client *c, const char *line)
{
	harness_send(c, PREFIX);
	harness_send(c, ":");
	harness_wait_text(c, ":");
	harness_send(c, line);
	harness_send(c, "\r");
}

static void wait_pipe(harness_client *c, const char *open)
{
	harness_wait_rsh(c, open, "display-message", "-p", "-t", "work", "#{pane_pipe}",
			 (char *)NULL);
}

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");

	char *log, *line;
	xasprintf(&log, "%s/%%0.log", harness_dir());
	xasprintf(&line, "pipe-pane -o 'cat >> %s/#{pane_id}.log'", harness_dir());
	prompt_command(c, line);
	wait_pipe(c, "^1$");
	harness_send(c, "echo marker-$((6*7))\r");
	harness_wait_line(c, "marker-42");
	wait_file(c, log, "marker-42");

	prompt_command(c, line); /* -o with a pipe open: closed */
	wait_pipe(c, "^0$");
	harness_send(c, "echo after-$((1+1))\r");
	harness_wait_line(c, "after-2");
	harness_settle(c, 200);
	CHECKF(!file_has(log, "after-2"), "output after the pipe closed went to its command");

	/* -I: what the command writes is typed into the shell, which runs it. */
	CHECK(harness_rsh(NULL, "pipe-pane", "-I", "-t", "work",
			  "printf 'echo typed-%s\\r' $((2+3)); sleep 30", (char *)NULL) == 0);
	harness_wait_line(c, "typed-5");
	wait_pipe(c, "^1$");
	CHECK(harness_rsh(NULL, "pipe-pane", "-t", "work", (char *)NULL) == 0);
	wait_pipe(c, "^0$");

	/* A command that ends closes its pipe. */
	CHECK(harness_rsh(NULL, "pipe-pane", "-t", "work", "true", (char *)NULL) == 0);
	harness_send(c, "echo gone\r");
	wait_pipe(c, "^0$");

	free(line);
	free(log);
	harness_detach(c);
	return 0;
}
