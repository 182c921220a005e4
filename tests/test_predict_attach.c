/*
 * Local echo prediction end to end: the real server and client (the attach harness),
 * attached with `rsh bootstrap` and `rsh client` through tests/udpproxy at 250 ms RTT
 * (125 ms each way), typing into bash.
 *
 * That a character on the client's screen is a guess is proved without a timing
 * threshold: it is typed while the proxy is stopped (SIGSTOP), so the server cannot have
 * it, and capture-pane confirms the server's pane does not show it. Then the link settles
 * and the client's screen must equal the server's, with nothing typed shown twice. After
 * Enter at a password prompt (read -s) nothing typed ever shows; with --predict=never
 * nothing shows before the server's echo; at 10 % loss each way typing converges the same;
 * more keys than the input log holds, typed while the link is down, arrive once.
 * How long each character took to show is printed as figures, not asserted.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "attach_harness.h"
#include "check.h"
#include "roam_link.h"
#include "util/xmalloc.h"

#define COLS 80
#define ROWS 24
#define SECRET "QZXJ"

static struct roam_link rl;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Attaches a client to the session work through a new proxy impairing each way by spec,
 * predicting as mode says (RSH_PREDICT), and waits until its screen is the server's.
 */
static harness_client *attach_through_proxy(char *spec, const char *mode)
{
	char *flags[] = {"-u", spec, "-d", spec, NULL};
	roam_bootstrap(&rl, "work");
	roam_proxy_start(&rl, 0, flags);
	setenv("RSH_PREDICT", mode, 1);
	harness_client *c = roam_link_client(&rl, COLS, ROWS);
	harness_wait_match(c, "work", "work");
	return c;
}

static void detach(harness_client *c)
{
	harness_send(c, "\002d");
	harness_wait_text(c, "[detached (from session work)]");
	harness_client_wait_exit(c);
	harness_client_free(c);
	roam_proxy_stop(&rl, "proxy", NULL, NULL);
}

/* The server's pane as capture-pane gives it; to free. */
static char *server_pane(void)
{
	char *out = NULL;
	CHECK(harness_rsh(&out, "capture-pane", "-p", "-t", "work", (char *)NULL) == 0);
	return out;
}

/* The row the cursor is on, as the client shows it; to free. */
static char *cursor_row(harness_client *c)
{
	unsigned row, col;
	harness_cursor(c, &row, &col);
	return harness_row(c, row);
}

/* Whether text has line as a whole line. */
static bool has_line(const char *text, const char *line)
{
	size_t len = strlen(line);
	for (const char *p = text; p != NULL; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (strncmp(p, line, len) == 0 && (p[len] == '\n' || p[len] == '\0'))
			return true;
	return false;
}

struct shown {
	const char *line;
	unsigned col;
};

/* The cursor's row reads exactly line and the cursor is at col. */
static bool shows(harness_client *c, void *arg)
{
	const struct shown *want = arg;
	unsigned row, col;
	harness_cursor(c, &row, &col);
	char *text = harness_row(c, row);
	bool ok = strcmp(text, want->line) == 0 && col == want->col;
	free(text);
	return ok;
}

/* How many rows of the client's screen hold text. */
static unsigned rows_with(harness_client *c, const char *text)
{
	unsigned n = 0;
	for (unsigned r = 0; r < ROWS; r++) {
		char *row = harness_row(c, r);
		n += strstr(row, text) != NULL;
		free(row);
	}
	return n;
}

/* typed without its trailing blanks, as rows are read, into line (128 bytes). */
static void trim_typed(char line[128], const char *typed)
{
	size_t len = strlen(typed);
	CHECK(len < 128);
	while (len > 0 && typed[len - 1] == ' ')
		len--;
	memcpy(line, typed, len);
	line[len] = '\0';
}

/*
 * Types key with the proxy stopped, so the server cannot have it: the client must show
 * the cursor's row as line with the cursor at col, and the server's pane (when the key
 * changes the line) has no such line.
 */
static void type_unheard(harness_client *c, const char *key, const char *typed, unsigned col)
{
	char line[128];
	trim_typed(line, typed);
	struct shown want = {line, col};
	CHECK(kill(rl.proxy.pid, SIGSTOP) == 0);
	harness_send(c, key);
	harness_wait(c, shows, &want, typed);
	char *pane = server_pane();
	CHECKF(!has_line(pane, line) || strcmp(key, "\033[D") == 0,
	       "the server has \"%s\" already:\n%s", line, pane);
	free(pane);
	CHECK(kill(rl.proxy.pid, SIGCONT) == 0);
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Types text at the prompt, a character at a time, each waited for on the client's
 * cursor row (the text so far, the cursor after it: a typed space shows only as the
 * cursor's move, rows being read without trailing blanks); prints how long they took.
 * The prompt line must read line before. */
static void type_timed(harness_client *c, const char *what, const char *line, const char *text)
{
	size_t n = strlen(text), base = strlen(line);
	double ms[64];
	char want[128], trimmed[128];
	CHECK(n <= 64 && base + n < sizeof want);
	memcpy(want, line, base);
	for (size_t i = 0; i < n; i++) {
		char key[2] = {text[i], '\0'};
		want[base + i] = text[i];
		want[base + i + 1] = '\0';
		trim_typed(trimmed, want);
		struct shown shown = {trimmed, (unsigned)(base + i + 1)};
		double start = now();
		harness_send(c, key);
		harness_wait(c, shows, &shown, want);
		ms[i] = (now() - start) * 1e3;
	}
	qsort(ms, n, sizeof ms[0], by_value);
	printf("%s: %zu characters shown after median %.1f ms, max %.1f ms\n", what, n,
	       ms[n / 2], ms[n - 1]);
}

/* Runs what is typed so far, then a command that prints done (not in its own text),
 * and waits until the client shows the server's screen. */
static void enter(harness_client *c)
{
	harness_send(c, "; echo do\"\"ne\r");
	harness_wait_rsh(c, "^done$", "capture-pane", "-p", "-t", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
}

/* The status row ends in "rtt N ms" with N at least the proxy's 250 ms: the client
 * measured the link, not loopback. */
static bool shows_rtt(harness_client *c, void *arg)
{
	char *status = harness_row(c, ROWS - 1);
	const char *at = strstr(status, "rtt ");
	unsigned ms = 0;
	bool ok = at != NULL && sscanf(at, "rtt %u ms", &ms) == 1 && ms >= 250;
	free(status);
	return ok;
}

static void typing(void)
{
	harness_client *c = attach_through_proxy("delay=125", "always");
	harness_wait(c, shows_rtt, NULL, "the round-trip time on the status row");
	/* The first key after attaching is tentative (the attach's RESIZE went before it):
	 * once the echo acknowledgement confirms it, the keys after it show at once. */
	harness_send(c, "e");
	harness_wait_text(c, "$ e");
	harness_wait_match(c, "work", "work");
	harness_pump(c, 1000); /* the acknowledgement follows the echo by 50 ms and a trip */
	const char *cmd = "cho 1234";
	char line[64] = "$ e";
	for (const char *k = cmd; *k; k++) {
		char key[2] = {*k, '\0'};
		size_t len = strlen(line);
		line[len] = *k;
		line[len + 1] = '\0';
		type_unheard(c, key, line, (unsigned)len + 1);
	}
	type_timed(c, "250 ms RTT, --predict=always", line, "5678");
	/* Backspace and a character in the middle of the line (readline's insert mode). */
	type_unheard(c, "\177", "$ echo 1234567", 14);
	type_unheard(c, "\033[D", "$ echo 1234567", 13);
	type_unheard(c, "x", "$ echo 123456x7", 14);
	harness_send(c, "\033[C");
	enter(c);
	CHECKF(rows_with(c, "$ echo 123456x7; echo do\"\"ne") == 1, "the line shown twice");
	CHECKF(rows_with(c, "123456x7") == 2, "the command and its output, nothing else");

	/* bash's next line, at the prompt whose line was confirmed: its first key shows at
	 * once, no round trip first (once the Enter is acknowledged). */
	harness_pump(c, 1000);
	type_unheard(c, "r", "$ r", 3);

	/* A password prompt: after Enter nothing typed is ever shown. */
	harness_send(c, "ead -s -p 'Password: ' pw; echo \"got ${#pw}\"");
	harness_wait_text(c, "\"got ${#pw}\"");
	harness_send(c, "\r");
	harness_wait_text(c, "Password:");
	harness_wait_match(c, "work", "work");
	for (const char *k = SECRET; *k; k++) {
		char key[2] = {*k, '\0'};
		harness_send(c, key);
		for (int i = 0; i < 4; i++) { /* past the round trip and the echo's 50 ms */
			harness_pump(c, 100);
			char *row = cursor_row(c);
			CHECKF(strpbrk(row, SECRET) == NULL, "a secret shown: \"%s\"", row);
			free(row);
		}
	}
	harness_send(c, "\r");
	harness_wait_text(c, "got 4");
	harness_wait_match(c, "work", "work");
	CHECK(rows_with(c, "Q") == 0);
	detach(c);
}

static void never(void)
{
	harness_client *c = attach_through_proxy("delay=125", "never");
	harness_send(c, "clear\r");
	harness_wait_match(c, "work", "work");
	CHECK(kill(rl.proxy.pid, SIGSTOP) == 0);
	harness_send(c, "echo never");
	for (int i = 0; i < 5; i++) {
		harness_pump(c, 100);
		char *row = cursor_row(c);
		CHECKF(strcmp(row, "$") == 0, "\"%s\" before the server echoed it", row);
		free(row);
	}
	CHECK(kill(rl.proxy.pid, SIGCONT) == 0);
	harness_wait_text(c, "$ echo never");
	type_timed(c, "250 ms RTT, --predict=never", "$ echo never", "1234");
	enter(c);
	CHECK(rows_with(c, "never1234") == 2);
	detach(c);
}

static void lossy(void)
{
	harness_client *c = attach_through_proxy("delay=125,loss=10", "always");
	harness_send(c, "clear\r");
	harness_wait_match(c, "work", "work");
	harness_send(c, "e");
	harness_wait_text(c, "$ e");
	harness_wait_match(c, "work", "work");
	type_timed(c, "250 ms RTT, 10 % loss, --predict=always", "$ e", "cho abcdefghijkl");
	harness_send(c, "\177\177");
	enter(c);
	CHECKF(rows_with(c, "abcdefghij") == 2, "the command and its output, nothing else");
	CHECK(rows_with(c, "abcdefghijk") == 0);
	detach(c);
}

/* More keys than the input log holds unacknowledged, typed while the link is down: the
 * client stops reading the terminal when the log is full, and every key arrives once. */
static void typed_during_outage(void)
{
	char *path, *cmd, keys[1201];
	xasprintf(&path, "%s/typed.out", harness_dir());
	xasprintf(&cmd, "cat > %s; echo fini\"\"shed\r", path);
	for (size_t i = 0; i < sizeof keys - 1; i++)
		keys[i] = (char)('a' + i % 26);
	keys[sizeof keys - 1] = '\0';
	harness_client *c = attach_through_proxy("delay=125", "adaptive");
	harness_send(c, cmd);
	harness_wait_rsh(c, "^\\$ cat > .*shed$", "capture-pane", "-p", "-t", "work", (char *)NULL);
	CHECK(kill(rl.proxy.pid, SIGSTOP) == 0);
	harness_send(c, keys);
	harness_pump(c, 500);
	CHECK(kill(rl.proxy.pid, SIGCONT) == 0);
	harness_send(c, "\r\004");
	harness_wait_rsh(c, "^finished$", "capture-pane", "-p", "-t", "work", (char *)NULL);
	FILE *f = fopen(path, "r");
	CHECK(f != NULL);
	char got[2 * sizeof keys];
	size_t n = fread(got, 1, sizeof got - 1, f);
	got[n] = '\0';
	fclose(f);
	CHECKF(n == sizeof keys && memcmp(got, keys, n - 1) == 0 && got[n - 1] == '\n',
	       "%zu bytes arrived of %zu", n, sizeof keys);
	detach(c);
	free(path);
	free(cmd);
}

int main(void)
{
	harness_init();
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "work", "-x", "80", "-y", "23",
			  "bash --norc --noprofile", (char *)NULL) == 0);
	typing();
	never();
	lossy();
	typed_during_outage();
	return 0;
}
