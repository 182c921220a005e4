/*
 * A tmux user's config, as their ~/.tmux.conf would read, copied to ~/.rsh.conf and read
 * at the server's start through the real client, each habit then checked on the client's
 * screen: the prefix is C-a (C-b now goes to the shell, C-a C-a sends a C-a), | and -
 * split in the pane's directory, windows and panes count from 1, the status line is at
 * the top in the colours asked for, the active border and messages in theirs, the
 * reload binding reloads and says so, mouse on turns the terminal's mouse reporting on
 * over a plain shell, and the Tc override gives 24-bit colour.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

static const char config[] =
	"# prefix\n"
	"unbind C-b\n"
	"set -g prefix C-a\n"
	"bind C-a send-prefix\n"
	"\n"
	"# reload\n"
	"bind r source-file ~/.rsh.conf \\; display \"reloaded\"\n"
	"\n"
	"# splits where I am\n"
	"bind | split-window -h -c \"#{pane_current_path}\"\n"
	"bind - split-window -v -c \"#{pane_current_path}\"\n"
	"unbind '\"'\n"
	"unbind %\n"
	"\n"
	"set -g mouse on\n"
	"set -g base-index 1\n"
	"setw -g pane-base-index 1\n"
	"set -g renumber-windows on\n"
	"set -g history-limit 50000\n"
	"set -sg escape-time 10\n"
	"set -g default-terminal \"tmux-256color\"\n"
	"set -as terminal-overrides ',xterm*:Tc'\n"
	"setw -g mode-keys vi\n"
	"set -g focus-events on\n"
	"set -g allow-rename off\n"
	"setw -g monitor-activity on\n"
	"set -g visual-activity off\n"
	"\n"
	"# looks\n"
	"set -g status-position top\n"
	"set -g status-interval 5\n"
	"set -g status-style 'bg=colour234 fg=colour137'\n"
	"set -g status-left '#[fg=colour233,bg=colour245,bold] #S '\n"
	"set -g status-left-length 20\n"
	"set -g status-right '#[fg=colour233,bg=colour245] %H:%M '\n"
	"setw -g window-status-current-style 'fg=colour81 bg=colour238 bold'\n"
	"setw -g window-status-current-format ' #I:#W#F '\n"
	"setw -g window-status-format ' #I:#W#F '\n"
	"set -g pane-border-style 'fg=colour238'\n"
	"set -g pane-active-border-style 'fg=colour51'\n"
	"set -g message-style 'fg=colour232 bg=colour166 bold'\n";

#define rsh(...) \
	do { \
		if (harness_rsh(NULL, __VA_ARGS__, (char *)NULL) != 0) \
			harness_fail(NULL, "rsh %s: %s", #__VA_ARGS__, harness_rsh_stderr()); \
	} while (0)

struct want_colour {
	unsigned row, col;
	term_colour fg, bg; /* TERM_COLOUR_DEFAULT: any */
};

static bool colours_are(harness_client *c, void *arg)
{
	const struct want_colour *w = arg;
	term_cell cell = harness_cell(c, w->row, w->col);
	return (w->fg == TERM_COLOUR_DEFAULT || cell.fg == w->fg) &&
	       (w->bg == TERM_COLOUR_DEFAULT || cell.bg == w->bg);
}

static void wait_colours(harness_client *c, unsigned row, unsigned col, term_colour fg,
			 term_colour bg, const char *what)
{
	struct want_colour w = {row, col, fg, bg};
	harness_wait(c, colours_are, &w, what);
}

static void expect(const char *want, const char *w0, const char *w1, const char *w2)
{
	char *out = NULL;
	if (harness_rsh(&out, w0, w1, w2, (char *)NULL) != 0 || strcmp(out, want) != 0)
		harness_fail(NULL, "%s %s %s: \"%s\", want \"%s\" (%s)", w0, w1, w2 ? w2 : "", out,
			     want, harness_rsh_stderr());
	free(out);
}

struct written {
	const char *bytes;
};

static bool has_written(harness_client *c, void *arg)
{
	size_t len;
	const char *out = harness_client_output(c, &len);
	const char *bytes = ((struct written *)arg)->bytes;
	return memmem(out, len, bytes, strlen(bytes)) != NULL;
}

int main(void)
{
	harness_init();
	char *path;
	xasprintf(&path, "%s/.rsh.conf", harness_dir());
	FILE *f = fopen(path, "w");
	if (f == NULL || fputs(config, f) < 0 || fclose(f) != 0)
		harness_fail(NULL, "cannot write %s", path);
	setenv("HOME", harness_dir(), 1); /* the server reads ~/.rsh.conf at its start */
	harness_client *c = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");

	/* No line was refused; the options show what was set. */
	expect("", "show-messages", NULL, NULL);
	expect("prefix C-a\n", "show", "-g", "prefix");
	expect("terminal-overrides[0] xterm*:Tc\n", "show", "-s", "terminal-overrides");
	expect("status-position top\n", "show", "-g", "status-position");
	harness_wait_rsh(c, "^tmux-256color$", "display", "-p", "-t", "work", "#{default-terminal}",
			 (char *)NULL);

	/* The status line on top: " work " in black on grey, bold; window 1 current. */
	harness_wait_row(c, 0, " work ");
	harness_wait_row(c, 0, " 1:sh* ");
	term_cell left = harness_cell(c, 0, 1);
	CHECKF(left.ch == 'w' && left.fg == TERM_COLOUR_PALETTE(233) &&
		       left.bg == TERM_COLOUR_PALETTE(245) && (left.attrs & TERM_ATTR_BOLD),
	       "status-left: %x on %x, %x", left.fg, left.bg, left.attrs);
	wait_colours(c, 0, 40, TERM_COLOUR_DEFAULT, TERM_COLOUR_PALETTE(234),
		     "the status line on colour234");
	wait_colours(c, 0, 9, TERM_COLOUR_PALETTE(81), TERM_COLOUR_PALETTE(238),
		     "the current window in colour81 on colour238");
	harness_wait_row(c, 1, "$"); /* the pane below it */

	/* mouse on over a plain shell: the terminal reports clicks. */
	struct written mouse = {"\033[?1006h"}; /* SGR reports: with clicks (1000) or drags */
	harness_wait(c, has_written, &mouse, "mouse reporting on");

	/* C-b is the shell's now; C-a c makes window 2. */
	harness_send(c, "\002");
	harness_send(c, "c");
	harness_settle(c, 300);
	expect("1\n", "display", "-p", "#{session_windows}");
	harness_send(c, "\003"); /* the shell's line, C-b c and all, dropped */
	harness_send(c, "\001c");
	harness_wait_row(c, 0, " 2:sh* ");
	expect("2\n", "display", "-p", "#{session_windows}");

	/* C-a | and C-a - split where the pane is; panes count from 1. */
	harness_send(c, "cd /usr/share\r");
	harness_wait_rsh(c, "^/usr/share$", "display", "-p", "-t", "work", "#{pane_current_path}",
			 (char *)NULL);
	harness_send(c, "\001|");
	harness_wait_rsh(c, "^2 /usr/share$", "display", "-p", "-t", "work",
			 "#{pane_index} #{pane_current_path}", (char *)NULL);
	harness_send(c, "\001-");
	harness_wait_rsh(c, "^3 /usr/share$", "display", "-p", "-t", "work",
			 "#{pane_index} #{pane_current_path}", (char *)NULL);
	/* The active pane's borders in colour51: the one left of it (column 40). */
	wait_colours(c, 20, 40, TERM_COLOUR_PALETTE(51), TERM_COLOUR_DEFAULT,
		     "the active border in colour51");

	/* C-a C-a gives the pane a C-a. */
	harness_send(c, "cat -v\r");
	harness_wait_rsh(c, "^cat$", "display", "-p", "-t", "work", "#{pane_current_command}",
			 (char *)NULL);
	harness_send(c, "\001\001\r");
	harness_wait_rsh(c, "^\\^A$", "capture-pane", "-p", "-t", "work", (char *)NULL);
	harness_send(c, "\003");

	/* C-a r reloads and says so, on the top row in message-style. */
	harness_send(c, "\001r");
	harness_wait_row(c, 0, "reloaded");
	wait_colours(c, 0, 0, TERM_COLOUR_PALETTE(232), TERM_COLOUR_PALETTE(166),
		     "the message in colour232 on colour166");

	/* Tc: a 24-bit colour reaches the terminal as it is. */
	rsh("send-keys", "-t", "work", "clear; printf '\\033[38;2;10;20;200mRGB\\033[m\\n'",
	    "Enter");
	harness_wait_rsh(c, "^RGB$", "capture-pane", "-p", "-t", "work", (char *)NULL);
	harness_settle(c, 200);
	term_snapshot *snap = harness_snapshot(c);
	bool found = false;
	for (unsigned y = 1; y < snap->rows && !found; y++)
		for (unsigned x = 0; x + 2 < snap->cols && !found; x++) {
			term_cell r = term_row_get(snap->lines[y], x);
			found = r.ch == 'R' && term_row_get(snap->lines[y], x + 1).ch == 'G' &&
				r.fg == TERM_COLOUR_RGB(10, 20, 200);
		}
	term_snapshot_unref(snap);
	if (!found)
		harness_fail(c, "no 24-bit RGB on the screen");
	free(path);
	harness_client_free(c);
	return 0;
}
