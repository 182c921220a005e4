/*
 * A config file through the real server and client: `rsh -f FILE new` reads it at the
 * server's start, so the first window is 1, the status line blue with a custom
 * status-left in bold; a bad line is named file:line on the client's status row and in
 * show-messages while the lines after it apply; display -p prints a format; display
 * shows a message on the client's status row; source-file reloads at once (red), and
 * split-window -c '#{pane_current_path}' starts where the pane is.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "util/xmalloc.h"

static const char config[] =
	"# a config for the test: base-index, a blue status line, a bad line, more after it\n"
	"set -g base-index 1\n"
	"set -g status-style 'bg=blue,fg=white'\n"
	"set -g status-left \"#[bold]<#{session_name}>#[nobold] \"\n"
	"set -g status-right ''\n"
	"set -g no-such-option on\n"
	"setw -g pane-base-index 1 ; set -g renumber-windows on\n"
	"set -g status-left-length \\\n"
	"  20\n"
	"%if \"#{==:#{host},nosuch-host.invalid}\"\n" /* expanded as the file is read */
	"set -g display-time 1\n"
	"%else\n"
	"set -g display-time 4000\n"
	"%endif\n";

/* The command's output is want exactly. */
static void says(const char *want, const char *w0, const char *w1, const char *w2)
{
	char *out = NULL;
	int code = harness_rsh(&out, w0, w1, w2, (char *)NULL);
	if (code != 0 || strcmp(out, want) != 0)
		harness_fail(NULL, "%s %s %s: exit %d, \"%s\" (want \"%s\"), stderr \"%s\"", w0,
			     w1 ? w1 : "", w2 ? w2 : "", code, out, want, harness_rsh_stderr());
	free(out);
}

static bool status_bg(harness_client *c, void *arg)
{
	return harness_cell(c, 23, 40).bg == *(term_colour *)arg;
}

int main(void)
{
	harness_init();
	char *path = harness_write_file("rsh.conf", config);
	harness_client *c = harness_client_start(80, 24, "-f", path, "new", "-s", "work",
						 (char *)NULL);
	harness_wait_text(c, "$");
	/* The first client is told of the bad line, by file and line. */
	char *bad;
	xasprintf(&bad, "%s:6: invalid option: no-such-option", path);
	harness_wait_row(c, 23, bad);
	/* Then the status line the config asked for: <work> in bold, window 1, blue. */
	harness_wait_row(c, 23, "<work> 1:");
	term_cell first = harness_cell(c, 23, 1), after = harness_cell(c, 23, 8);
	if (first.ch != 'w' || !(first.attrs & TERM_ATTR_BOLD) || (after.attrs & TERM_ATTR_BOLD))
		harness_fail(c, "status-left's bold: %x %x", first.attrs, after.attrs);
	term_colour blue = TERM_COLOUR_PALETTE(4);
	harness_wait(c, status_bg, &blue, "a blue status line");
	if (first.fg != TERM_COLOUR_PALETTE(7))
		harness_fail(c, "the status line's text is not white: %x", first.fg);

	says("base-index 1\n", "show", "-g", "base-index");
	says("display-time 4000\n", "show", "-g", "display-time");
	says("status-left-length 20\n", "show", "-g", "status-left-length");
	says("work:1.1\n", "display", "-p", "#{session_name}:#{window_index}.#{pane_index}");
	char *out = NULL;
	if (harness_rsh(&out, "show-messages", (char *)NULL) != 0 || strstr(out, bad) == NULL)
		harness_fail(c, "show-messages: %s", out);
	free(out);

	/* display shows on the client's status row. */
	char *none = NULL;
	if (harness_rsh(&none, "display", "-t", "work", "hello from display", (char *)NULL) != 0)
		harness_fail(c, "display: %s", harness_rsh_stderr());
	free(none);
	harness_wait_row(c, 23, "hello from display");

	/* A reload takes effect at once. */
	char *reload = harness_write_file("reload.conf", "set -g status-style bg=red\n");
	says("", "source-file", reload, NULL);
	says("", "source-file", "/dev/null", NULL); /* as tmux: empty, no error */
	term_colour red = TERM_COLOUR_PALETTE(1);
	harness_wait(c, status_bg, &red, "a red status line after source-file");

	/* A split in the pane's current directory. */
	harness_send(c, "cd /usr/share\r");
	harness_wait_rsh(c, "^/usr/share$", "display", "-p", "#{pane_current_path}", (char *)NULL);
	says("", "split-window", "-c", "#{pane_current_path}");
	harness_wait_rsh(c, "^2 /usr/share$", "display", "-p", "#{pane_index} #{pane_current_path}",
			 (char *)NULL);

	free(reload);
	free(bad);
	free(path);
	harness_client_kill(c, SIGTERM);
	harness_client_free(c);
	return 0;
}
