/*
 * What test_attach_session leaves out, through the real client: the prefix bindings
 * C-b C-b, Up, Down, x, 0-9, "," and ?, the terminal resized, SIGTERM and SIGHUP, and
 * `rsh` alone. Each step is checked against the server's own view (list-panes,
 * list-windows, capture-pane), then the client's screen against it.
 */
#include <regex.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "attach_harness.h"
#include "term/snapshot.h"
#include "check.h"
#include "util/xmalloc.h"

#define PREFIX "\002"
#define UP "\033[A"
#define DOWN "\033[B"

/* The client's size: its last row is the status row. */
static unsigned cols = 100, rows = 30;

/* What the client's restore writes last (tty.c): the main screen back. */
static const char restored[] = "\033[?1049l";

static void wait_windows(harness_client *c, const char *pattern)
{
	harness_wait_rsh(c, pattern, "list-windows", "-t", "work", (char *)NULL);
}

static void wait_panes(harness_client *c, const char *pattern)
{
	harness_wait_rsh(c, pattern, "list-panes", "-t", "work", (char *)NULL);
}

static void wait_capture(harness_client *c, const char *pattern)
{
	harness_wait_rsh(c, pattern, "capture-pane", "-p", "-t", "work", (char *)NULL);
}

struct status_want {
	regex_t re;
	bool match; /* whether the row should match re or should not */
};

static bool status_is(harness_client *c, void *arg)
{
	struct status_want *w = arg;
	char *row = harness_row(c, rows - 1);
	bool ok = (regexec(&w->re, row, 0, NULL, 0) == 0) == w->match;
	free(row);
	return ok;
}

/* Waits until the status row matches the extended regular expression (or does not). */
static void wait_status(harness_client *c, const char *pattern, bool match)
{
	struct status_want w = {.match = match};
	if (regcomp(&w.re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
		harness_fail(c, "bad pattern '%s'", pattern);
	char *what;
	xasprintf(&what, "the status row %s /%s/", match ? "to match" : "not to match",
		  pattern);
	harness_wait(c, status_is, &w, what);
	free(what);
	regfree(&w.re);
}

/* Types keys, waits until the server's listing (wait_windows or wait_panes) matches
 * pattern, then until the client's screen matches the server's. */
static void press(harness_client *c, const char *keys,
		  void (*wait)(harness_client *, const char *), const char *pattern)
{
	harness_send(c, keys);
	wait(c, pattern);
	harness_wait_match(c, "work", "work");
}

/* Whether list-windows' output holds text. */
static bool windows_have(const char *text)
{
	char *out;
	CHECK(harness_rsh(&out, "list-windows", "-t", "work", (char *)NULL) == 0);
	bool has = strstr(out, text) != NULL;
	free(out);
	return has;
}

/* C-b C-b: cat -v shows the C-b it read. The tty echoes it raw (-echoctl), which the
 * pane's emulator ignores, so only cat's line holds ^B. */
static void literal_prefix(harness_client *c)
{
	harness_send(c, "stty -echoctl; echo se't'; cat -v\r");
	wait_capture(c, "^set$");
	harness_send(c, "X" PREFIX PREFIX "Y\r");
	wait_capture(c, "^X\\^BY$");
	harness_send(c, "\003");
	harness_wait_match(c, "work", "work");
}

/* C-b " splits, C-b Up and Down move between the two, C-b x asks and kills the active
 * one on y. */
static void vertical_panes(harness_client *c)
{
	press(c, PREFIX "\"", wait_panes,
	      "^1: \\[[0-9]+x[0-9]+\\] \\[at 0,[1-9][0-9]*\\] %[0-9]+ \\(active\\)$");
	wait_windows(c, "^0: [^ ]+\\* \\(2 panes\\)");
	press(c, PREFIX UP, wait_panes, "^0: .*\\(active\\)$");
	press(c, PREFIX DOWN, wait_panes, "^1: .*\\(active\\)$");
	harness_send(c, PREFIX "x");
	wait_status(c, "^kill-pane 1\\? \\(y/n\\)$", true);
	press(c, "y", wait_panes, "^0: \\[100x29\\] \\[at 0,0\\] %[0-9]+ \\(active\\)$");
	wait_windows(c, "^0: [^ ]+\\* \\(1 panes\\)");
}

/* C-b 0 and C-b 2 among three windows: the server's current one and the status row's. */
static void windows_by_index(harness_client *c)
{
	harness_send(c, PREFIX "c");
	wait_windows(c, "^1: .*\\(active\\)$");
	harness_send(c, PREFIX "c");
	wait_windows(c, "^2: .*\\(active\\)$");
	harness_send(c, PREFIX "0");
	wait_windows(c, "^0: .*\\(active\\)$");
	/* tmux's window-status-format: a window without flags ends in a space. */
	wait_status(c, "^\\[work\\] 0:[^ *-]+\\* 1:[^ *-]+  2:[^ *-]+- ", true);
	harness_wait_match(c, "work", "work");
	harness_send(c, PREFIX "2");
	wait_windows(c, "^2: .*\\(active\\)$");
	wait_status(c, "^\\[work\\] 0:[^ *-]+- 1:[^ *-]+  2:[^ *-]+\\* ", true);
	harness_wait_match(c, "work", "work");
}

/*
 * Opens C-b , on window 2 (the line starts as the window's name, as tmux's -I "#W"),
 * clears it with C-u, types line and ends it with end: Enter renames; a cancel sends
 * nothing, which C-b 0 (a later event, applied after any) then shows.
 */
static void rename_prompt(harness_client *c, const char *line, const char *end)
{
	harness_send(c, PREFIX ",");
	wait_status(c, "^\\(rename-window\\) [^ ]+$", true);
	harness_send(c, "\025");
	wait_status(c, "^\\(rename-window\\)$", true);
	harness_send(c, line);
	char *pattern;
	xasprintf(&pattern, "^\\(rename-window\\) %s$", line);
	wait_status(c, pattern, true);
	free(pattern);
	harness_send(c, end);
	wait_status(c, "rename-window", false);
}

static void rename_window(harness_client *c)
{
	rename_prompt(c, "logs", "\r");
	wait_windows(c, "^2: logs\\* ");
	wait_status(c, " 2:logs\\* ", true);
	harness_wait_match(c, "work", "work");

	rename_prompt(c, "esc", "\033");
	harness_send(c, PREFIX "0");
	wait_windows(c, "^0: .*\\(active\\)$");
	CHECK(windows_have("2: logs- (") && !windows_have("esc"));
	rename_prompt(c, "ctrlc", "\003");
	harness_send(c, PREFIX "2");
	wait_windows(c, "^2: logs\\* ");
	CHECK(!windows_have("ctrlc"));
	harness_wait_match(c, "work", "work");
}

/* C-b ? covers the screen with the bindings; the key closing it is not the pane's. */
static void help(harness_client *c)
{
	harness_send(c, PREFIX "?");
	harness_wait_text(c, "C-b C-b     Send the prefix key");
	harness_wait_text(c, "C-b #       List all paste buffers");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
	harness_send(c, "echo sh'ut'\r");
	wait_capture(c, "^shut$");
	wait_capture(c, "^\\$ echo sh'ut'$");
	harness_wait_match(c, "work", "work");
}

/* The window follows the client's terminal, larger then smaller. */
static void resize_to(harness_client *c, unsigned w, unsigned h)
{
	char pattern[64];
	harness_client_resize(c, w, h);
	cols = w;
	rows = h;
	snprintf(pattern, sizeof pattern, "^2: logs\\* \\(1 panes\\) \\[%ux%u\\]", w, h - 1);
	wait_windows(c, pattern);
	snprintf(pattern, sizeof pattern, "^0: \\[%ux%u\\] \\[at 0,0\\]", w, h - 1);
	wait_panes(c, pattern);
	harness_wait_match(c, "work", "work");
}

/* A terminal of 32768 columns (ncurses crashed drawing it): the window takes the largest
 * size a view has, and the client goes on. */
static void huge(harness_client *c)
{
	char pattern[64];
	harness_client_resize(c, 32768, 40);
	snprintf(pattern, sizeof pattern, "^2: logs\\* \\(1 panes\\) \\[%ux39\\]", TERM_MAX_COLS);
	wait_windows(c, pattern);
	harness_client_resize(c, 120, 32767);
	snprintf(pattern, sizeof pattern, "^2: logs\\* \\(1 panes\\) \\[120x%u\\]",
		 TERM_MAX_ROWS - 1);
	wait_windows(c, pattern);
}

static void detach(harness_client *c)
{
	harness_send(c, PREFIX "d");
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	harness_client_free(c);
}

static harness_client *attach_work(void)
{
	harness_client *c = harness_client_start(cols, rows, "attach", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	return c;
}

/*
 * A signal ends the client: exit 1, the terminal restored, and the session goes on: a new
 * client sees the shell that set K. Returns that client.
 */
static harness_client *end_by(harness_client *c, int sig)
{
	harness_client_kill(c, sig);
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 1, "signal %d: status %#x", sig,
	       status);
	size_t len;
	const char *out = harness_client_output(c, &len);
	CHECKF(len >= sizeof restored - 1 &&
		       strcmp(out + len - (sizeof restored - 1), restored) == 0,
	       "signal %d: the output does not end leaving the alternate screen", sig);
	CHECK(harness_client_cooked(c));
	CHECK(!harness_altscreen(c));
	harness_client_free(c);

	CHECK(harness_rsh(NULL, "has-session", "-t", "work", (char *)NULL) == 0);
	c = attach_work();
	harness_send(c, "echo \"<$K>\"\r");
	wait_capture(c, "^<7>$");
	harness_wait_match(c, "work", "work");
	return c;
}

static void signals(harness_client *c)
{
	harness_send(c, "K=7; echo k's'et\r");
	wait_capture(c, "^kset$");
	c = end_by(c, SIGTERM);
	c = end_by(c, SIGHUP);
	detach(c);
}

/* `rsh` alone attaches to the session used last; a detach ends it. */
static void alone_attaches(const char *session)
{
	harness_client *c = harness_client_start(cols, rows, (char *)NULL);
	harness_wait_match(c, session, session);
	char *pattern;
	xasprintf(&pattern, "^[0-9]+: %s \\[", session);
	harness_wait_rsh(c, pattern, "list-clients", (char *)NULL);
	free(pattern);
	detach(c);
}

static void alone(void)
{
	/* other is the newer, but selecting a window of work uses work. */
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "other", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "select-window", "-t", "work:2", (char *)NULL) == 0);
	alone_attaches("work");
	CHECK(harness_rsh(NULL, "select-window", "-t", "other:0", (char *)NULL) == 0);
	alone_attaches("other");

	/* No session: one is made, under its default name. */
	CHECK(harness_rsh(NULL, "kill-session", "-t", "work", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "kill-session", "-t", "other", (char *)NULL) == 0);
	harness_client *c = harness_client_start(cols, rows, (char *)NULL);
	harness_wait_rsh(c, "^[^:]+: 1 windows", "ls", (char *)NULL);
	char *out, name[64];
	CHECK(harness_rsh(&out, "ls", (char *)NULL) == 0);
	CHECKF(sscanf(out, "%63[^:]: 1 windows", name) == 1 && strchr(out, '\n') ==
		       strrchr(out, '\n'), "ls said '%s'", out);
	free(out);
	harness_wait_match(c, name, name);
	detach(c);
}

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(cols, rows, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	harness_wait_match(c, "work", "work");
	literal_prefix(c);
	vertical_panes(c);
	windows_by_index(c);
	rename_window(c);
	help(c);
	resize_to(c, 120, 40);
	huge(c);
	resize_to(c, 80, 24);
	signals(c);
	alone();
	return 0;
}
