/*
 * Copy mode through the real client at 500 ms round trip (tests/udpproxy, 250 ms each
 * way, some loss): 3000 lines of history, C-b [ and its position indicator, PageUp shown
 * from the client's cache, a search across the whole history (on the server: the cache
 * holds a few screens), a selection copied (OSC 52 in the client's output) and pasted
 * into a paste buffer, which C-b ] pastes into another pane exactly once; output arriving in copy mode shows on leaving.
 * Both key tables: vi (the server started with EDITOR=vi and a config rebinding v, y,
 * PageUp and ? (a { } block) as tmux users do) and emacs (set -g mode-keys);
 * with the mouse option on, the wheel enters copy mode and scrolls.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "roam_link.h"
#include "util/xmalloc.h"

#define PREFIX "\002"
#define PAGEUP "\033[5~"

static unsigned cols = 80, rows = 24;

static const char vi_config[] =
	"setw -g mode-keys vi\n"
	"bind -T copy-mode-vi v send -X begin-selection\n"
	"bind -T copy-mode-vi y send -X copy-selection-and-cancel\n"
	"bind -n PageUp copy-mode -u\n"
	"bind -T copy-mode-vi ? command-prompt -T search -p '(find up)' {\n"
	"  send -X search-backward \"%%\"\n"
	"}\n";

/* The number a row of seq output shows, or -1. */
static long row_number(harness_client *c, unsigned row)
{
	char *text = harness_row(c, row), *end;
	long n = strtol(text, &end, 10);
	bool plain = end != text && (*end == '\0' || *end == ' ');
	free(text);
	return plain ? n : -1;
}

static bool row_numbered(harness_client *c, void *arg)
{
	return row_number(c, *(unsigned *)arg) > 0;
}

struct row_want {
	unsigned row;
	long n;
};

static bool row_shows(harness_client *c, void *arg)
{
	const struct row_want *w = arg;
	return row_number(c, w->row) == w->n;
}

static void wait_row(harness_client *c, unsigned row, long n)
{
	struct row_want w = {row, n};
	char *what;
	xasprintf(&what, "row %u to show %ld", row, n);
	harness_wait(c, row_shows, &w, what);
	free(what);
}

static bool indicator(harness_client *c, void *arg)
{
	char *top = harness_row(c, 0);
	bool ok = strstr(top, (const char *)arg) != NULL;
	free(top);
	return ok;
}

static void wait_indicator(harness_client *c, const char *text)
{
	char *what;
	xasprintf(&what, "the position indicator '%s' on the top row", text);
	harness_wait(c, indicator, (void *)text, what);
	free(what);
}

/* Whether the client wrote the OSC 52 sequence putting text on the clipboard. */
static bool clipboard_has(harness_client *c, void *arg)
{
	const char *b64 = arg;
	char *want;
	xasprintf(&want, "\033]52;c;%s\a", b64);
	bool ok = strstr(harness_client_output(c, NULL), want) != NULL;
	free(want);
	return ok;
}

static bool output_has(harness_client *c, void *arg)
{
	return strstr(harness_client_output(c, NULL), arg) != NULL;
}

/* Output written after the first from bytes. */
struct since {
	const char *text;
	size_t from;
};

static bool output_since(harness_client *c, void *arg)
{
	const struct since *w = arg;
	size_t len;
	const char *out = harness_client_output(c, &len);
	return len > w->from && strstr(out + w->from, w->text) != NULL;
}

/* Whether the position indicator on the top row says at least *arg lines up. */
static bool indicator_at_least(harness_client *c, void *arg)
{
	char *top = harness_row(c, 0), *open = strrchr(top, '[');
	bool ok = open != NULL && strchr(open, '/') != NULL && atol(open + 1) >= *(long *)arg;
	free(top);
	return ok;
}

/* A drag held on the pane's top row: copy mode scrolls on by itself, a line every 50 ms
 * (tmux's drag timer), with no more reports from the terminal; the release copies and
 * leaves. */
static void drag_held(harness_client *c)
{
	harness_send(c, "\033[<0;10;6M\033[<32;10;3M\033[<32;10;1M");
	long lines = 40;
	harness_wait(c, indicator_at_least, &lines, "the drag scrolled 40 lines up");
	harness_send(c, "\033[<0;10;1m");
	harness_wait_match(c, "work", "work");
}

/* With the mouse option on, a drag over the shell's pane selects and copies (the cells
 * from the press to the release: vi's selection holds the last, emacs's not), a double
 * click copies the word: the newest paste buffer, as tmux's default mouse bindings. */
static void mouse_select(harness_client *c, bool vi)
{
	char want[64], *re;
	struct since on = {"\033[?1002h", 0};
	harness_client_output(c, &on.from); /* the wheel's part turned it on already once */
	CHECK(harness_rsh(NULL, "set", "-g", "mouse", "on", (char *)NULL) == 0);
	harness_wait(c, output_since, &on, "the client's terminal reporting drags again");
	wait_row(c, 19, 3000); /* the pane alone again (the split one killed) */
	/* Row 2 may come a view later than row 19 (the grown pane's lines taken back from
	 * its history): wait for it rather than read it once. */
	unsigned two = 2;
	harness_wait(c, row_numbered, &two, "row 2 to show a number");
	long n = row_number(c, 2);
	snprintf(want, sizeof want, "%ld", n);
	want[vi ? 3 : 2] = '\0';
	harness_send(c, "\033[<0;1;3M\033[<32;2;3M\033[<32;3;3M\033[<0;3;3m");
	xasprintf(&re, "^%s$", want);
	harness_wait_rsh(c, re, "show-buffer", (char *)NULL);
	free(re);
	harness_wait_match(c, "work", "work"); /* copied and left */
	n = row_number(c, 4);
	CHECKF(n > 0, "row 4 shows no number");
	harness_send(c, "\033[<0;2;5M\033[<0;2;5m\033[<0;2;5M\033[<0;2;5m");
	xasprintf(&re, "^%ld$", n);
	harness_wait_rsh(c, re, "show-buffer", (char *)NULL);
	free(re);
	drag_held(c);
	CHECK(harness_rsh(NULL, "set", "-g", "mouse", "off", (char *)NULL) == 0);
}

static void run(const char *table, const char *editor)
{
	char seed[32];
	snprintf(seed, sizeof seed, "%lu", roam_seed());
	char *flags[] = {"-s", seed, "-u", "delay=250,loss=5", "-d", "delay=250,loss=5",
			 NULL};
	printf("-- %s table\n", table);
	setenv("EDITOR", editor, 1); /* read by the server the first run starts */
	/* vi: a tmux user's habits in the config: the server ships its copy-mode tables, so
	 * the client runs the rebound keys itself. */
	bool vi = strcmp(table, "vi") == 0;
	char *config = harness_write_file("copy.conf", vi ? vi_config : "");
	CHECK(harness_rsh(NULL, "-f", config, "new", "-d", "-s", "work", "-x", "80", "-y", "23",
			  (char *)NULL) == 0);
	free(config);
	/* vi: the server started with EDITOR=vi (tmux's rule); emacs: set as a user would. */
	if (strcmp(table, "emacs") == 0)
		CHECK(harness_rsh(NULL, "set", "-g", "mode-keys", "emacs", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "send-keys", "-t", "work", "clear; seq 1 3000", "Enter",
			  (char *)NULL) == 0);
	harness_wait_rsh(NULL, "^3000$", "capture-pane", "-p", "-t", "work", (char *)NULL);

	struct roam_link l;
	harness_client *c = roam_attach(&l, "work", cols, rows, flags);
	/* The screen: 2980 .. 3000 and the prompt below (the window is 23 rows). */
	unsigned bottom = rows - 2;
	wait_row(c, bottom - 1, 3000);

	harness_send(c, PREFIX "[");
	wait_indicator(c, "[0/");
	long long t0 = roam_now_ms();
	harness_send(c, PAGEUP);
	wait_row(c, bottom - 1, 3000 - (long)(rows - 1 - 2));
	printf("PageUp shown after %lld ms (500 ms round trip)\n", roam_now_ms() - t0);
	wait_indicator(c, "[21/");

	/* Far back: the search runs on the server, whose answer brings the lines. */
	t0 = roam_now_ms();
	if (vi)
		harness_send(c, "?");
	else
		harness_send(c, "\022"); /* C-r */
	harness_wait_text(c, vi ? "(find up)" : "(search up)"); /* vi: the config's { } block */
	/* Typed with a mistake, corrected; vi's ? is a regex search (on the server: the line
	 * is far back), emacs's C-r an incremental one. */
	harness_send(c, vi ? "^123[4]$5\177\r" : "12345\177\r");
	struct row_want w = {0, 1234};
	bool shown = false;
	long long end = roam_now_ms() + HARNESS_TIMEOUT_MS;
	while (!shown && roam_now_ms() < end) {
		harness_pump(c, 50);
		for (w.row = 0; w.row < rows - 1 && !shown; w.row++)
			shown = row_shows(c, &w);
	}
	if (!shown)
		harness_fail(c, "the search did not show 1234");
	printf("search over 3000 lines shown after %lld ms\n", roam_now_ms() - t0);

	/* The match selected to its word's end and copied: on this terminal's clipboard
	 * (vi: by the config's v and y). */
	if (vi)
		harness_send(c, "vey");
	else
		harness_send_bytes(c, "\0\033f\033w", 5); /* C-Space M-f M-w */
	harness_wait(c, clipboard_has, "MTIzNA==", "OSC 52 with 1234");
	wait_row(c, bottom - 1, 3000); /* copy mode left */
	/* Output while in copy mode stays out of sight until copy mode is left. (vi: PageUp
	 * alone, bound in root by the config.) */
	harness_send(c, vi ? PAGEUP : PREFIX PAGEUP);
	wait_row(c, bottom - 1, 2979);
	CHECK(harness_rsh(NULL, "send-keys", "-t", "work", "echo new'line'", "Enter",
			  (char *)NULL) == 0);
	harness_wait_rsh(c, "^newline$", "capture-pane", "-p", "-t", "work", (char *)NULL);
	wait_indicator(c, "[23/"); /* two more lines of history; the view stays */
	wait_row(c, bottom - 1, 2979);
	CHECK(!harness_screen_has(c, "newline"));
	harness_send(c, "q");
	harness_wait_text(c, "newline");
	harness_wait_match(c, "work", "work");

	/* From the command line (as a pane's shell would): copy-mode -u and send-keys -X go
	 * to the client showing the pane, which runs them; outside copy mode, -X says so. */
	CHECK(harness_rsh(NULL, "copy-mode", "-u", "-t", "work", (char *)NULL) == 0);
	wait_indicator(c, "[21/");
	CHECK(harness_rsh(NULL, "send-keys", "-X", "-N", "2", "-t", "work", "scroll-up",
			  (char *)NULL) == 0);
	wait_indicator(c, "[23/");
	CHECK(harness_rsh(NULL, "send-keys", "-X", "-t", "work", "cancel", (char *)NULL) == 0);
	harness_wait_match(c, "work", "work");
	CHECK(harness_rsh(NULL, "send-keys", "-X", "-t", "work", "page-up", (char *)NULL) == 0);
	harness_wait_text(c, "not in a mode");

	/* With the mouse option on, the wheel's first notch enters copy mode (tmux's root
	 * copy-mode -e), then copy mode's WheelUpPane scrolls five lines a notch, and
	 * scrolling back to the bottom leaves it. */
	CHECK(harness_rsh(NULL, "set", "-g", "mouse", "on", (char *)NULL) == 0);
	harness_wait(c, output_has, "\033[?1002h", "the client's terminal reporting drags");
	harness_send(c, "\033[<64;10;5M\033[<64;10;5M\033[<64;10;5M");
	wait_indicator(c, "[10/");
	harness_send(c, "\033[<65;10;5M\033[<65;10;5M");
	harness_wait_match(c, "work", "work");
	CHECK(harness_rsh(NULL, "set", "-g", "mouse", "off", (char *)NULL) == 0);

	/* The copy is the newest paste buffer too: C-b ] pastes it into another pane, once. */
	harness_wait_rsh(c, "^buffer[0-9]+: 4 bytes: \"1234\"$", "list-buffers", (char *)NULL);
	CHECK(harness_rsh(NULL, "split-window", "-t", "work", (char *)NULL) == 0);
	harness_wait_rsh(c, "^1: ", "list-panes", "-t", "work", (char *)NULL);
	harness_send(c, PREFIX "]");
	harness_wait_rsh(c, "^\\$ 1234$", "capture-pane", "-p", "-t", "work:0.1", (char *)NULL);
	char *pane;
	CHECK(harness_rsh(&pane, "capture-pane", "-p", "-t", "work:0.1", (char *)NULL) == 0);
	CHECKF(strstr(pane, "12341234") == NULL, "pasted twice:\n%s", pane);
	free(pane);
	CHECK(harness_rsh(NULL, "kill-pane", "-t", "work:0.1", (char *)NULL) == 0);
	harness_wait_match(c, "work", "work");

	mouse_select(c, vi);

	harness_client_kill(c, SIGTERM);
	harness_client_wait_exit(c);
	harness_client_free(c);
	roam_proxy_stop(&l, "proxy", NULL, NULL);
	CHECK(harness_rsh(NULL, "kill-session", "-t", "work", (char *)NULL) == 0);
}

int main(void)
{
	harness_init();
	run("vi", "vi");
	run("emacs", "nano");
	return 0;
}
