/*
 * Key bindings, tables and prompts through the real client on a config-less server: a
 * root binding made with `rsh bind-key -n` and a prefix set with `rsh set -g prefix` take
 * effect in the attached client; C-b : runs a command line and shows a command's error
 * on the status row; C-b x asks (y/n) and kills only on y; a repeatable key pressed
 * twice after one prefix; a modal table entered with switch-client -T; a prompt the
 * server opens on the client (`rsh command-prompt -t CLIENT`); list-keys' lines equal
 * tmux 3.3's for the same bind-key commands.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

#define PREFIX "\002"
#define UP "\033[A"
#define F2 "\033OQ"
#define F3 "\033OR"

static void wait_windows(harness_client *c, const char *pattern)
{
	harness_wait_rsh(c, pattern, "list-windows", "-t", "work", (char *)NULL);
}

static void wait_panes(harness_client *c, const char *pattern)
{
	harness_wait_rsh(c, pattern, "list-panes", "-t", "work", (char *)NULL);
}

#define RSH_OK(...)                                                                   \
	do {                                                                          \
		int code_ = harness_rsh(NULL, __VA_ARGS__, (char *)NULL);             \
		CHECKF(code_ == 0, "%s", harness_rsh_stderr());                       \
	} while (0)

/*
 * Opens the list of bindings (prefix then ?: list-keys -N in view mode) until it shows
 * text (or, want false, shows the list without it): then the client acts on the tables
 * that say so (they come with a view, a moment after the command that changed them).
 * Keys sent while the older tables held went to the shell: C-u clears its line after.
 */
static void wait_list(harness_client *c, const char *prefix, const char *text, bool want)
{
	for (int tries = 0; tries < 100; tries++) {
		harness_send(c, prefix);
		harness_send(c, "?");
		bool shown = false;
		for (int i = 0; i < 40 && !shown; i++) {
			harness_pump(c, 25);
			shown = harness_screen_has(c, "Send the prefix key");
		}
		bool has = harness_screen_has(c, text);
		if (shown) {
			harness_send(c, "q");
			for (int i = 0; i < 200 && harness_screen_has(c, "Send the prefix key"); i++)
				harness_pump(c, 25);
		}
		harness_send(c, "\025");
		if (shown && has == want)
			return;
	}
	harness_fail(c, "the list of bindings never %s '%s'", want ? "showed" : "left out", text);
}

/* How many windows work has. */
static int windows(void)
{
	char *out;
	CHECK(harness_rsh(&out, "list-windows", "-t", "work", (char *)NULL) == 0);
	int n = 0;
	for (char *p = out; *p; p++)
		n += *p == '\n';
	free(out);
	return n;
}

static void root_binding(harness_client *c)
{
	RSH_OK("bind-key", "-N", "a window by F2", "-n", "F2", "new-window");
	wait_list(c, PREFIX, "a window by F2", true);
	harness_send(c, F2);
	wait_windows(c, "^1: .*\\(active\\)$");
	harness_wait_match(c, "work", "work");
	RSH_OK("unbind-key", "-n", "F2");
	wait_list(c, PREFIX, "a window by F2", false);
	/* Unbound, F2 is the pane's again: no new window (C-b 0, a later event, shows it). */
	harness_send(c, F2);
	harness_send(c, PREFIX "0");
	wait_windows(c, "^0: .*\\(active\\)$");
	CHECK(windows() == 2);
}

static void prefix_option(harness_client *c)
{
	RSH_OK("set", "-g", "prefix", "C-a");
	wait_list(c, "\001", "C-a C-b     Send the prefix key", true);
	harness_send(c, "\001c");
	wait_windows(c, "^2: .*\\(active\\)$");
	/* C-b is no prefix now: C-b c goes to the shell (which ignores them). */
	harness_send(c, PREFIX "c\001" "0");
	wait_windows(c, "^0: .*\\(active\\)$");
	CHECK(windows() == 3);
	harness_send(c, "\025");
	RSH_OK("set", "-gu", "prefix");
	wait_list(c, PREFIX, "C-b C-b     Send the prefix key", true);
}

static void command_line(harness_client *c)
{
	harness_send(c, PREFIX ":");
	harness_wait_text(c, ":");
	harness_send(c, "rename-window 'by prompt'\r");
	wait_windows(c, "^0: by prompt\\* ");
	harness_send(c, PREFIX ":");
	harness_send(c, "nosuchcmd -x\r");
	harness_wait_text(c, "unknown command: nosuchcmd");
	harness_wait_match(c, "work", "work");
}

/* command-prompt -k (C-b /, tmux's "Describe key binding"): the next key answers with
 * its name: here C-b c's note, as tmux's list-keys -1N c prints it. */
static void key_prompt(harness_client *c)
{
	harness_send(c, PREFIX "/");
	harness_wait_line(c, "key"); /* the prompt, its trailing space trimmed */
	harness_send(c, "c");
	harness_wait_text(c, "C-b c Create a new window");
	harness_send(c, "q");
	harness_send(c, "\025"); /* in case the q reached the shell */
}

static void confirm(harness_client *c)
{
	harness_send(c, PREFIX "\"");
	wait_panes(c, "^1: .*\\(active\\)$");
	harness_send(c, PREFIX "x");
	harness_wait_text(c, "kill-pane 1? (y/n)");
	harness_send(c, "n");
	harness_send(c, PREFIX "x");
	harness_wait_text(c, "kill-pane 1? (y/n)");
	harness_send(c, "q"); /* anything but y is no */
	harness_send(c, PREFIX "0"); /* a later event: the n and q were applied before it */
	wait_panes(c, "^1: .*\\(active\\)$");
	harness_send(c, PREFIX "x");
	harness_wait_text(c, "kill-pane 1? (y/n)");
	harness_send(c, "y");
	wait_panes(c, "^0: \\[100x29\\] .*\\(active\\)$");
}

/* Three panes stacked, the bottom one active; one prefix and Up twice within
 * repeat-time moves up twice. */
static void repeat(harness_client *c)
{
	harness_send(c, PREFIX "\"");
	wait_panes(c, "^1: .*\\(active\\)$");
	harness_send(c, PREFIX "\"");
	wait_panes(c, "^2: .*\\(active\\)$");
	harness_send(c, PREFIX UP UP);
	wait_panes(c, "^0: .*\\(active\\)$");
	harness_wait_match(c, "work", "work");
}

static void modal_table(harness_client *c)
{
	RSH_OK("bind-key", "-T", "mine", "w", "new-window");
	RSH_OK("bind-key", "-N", "into mine", "-n", "F3", "switch-client", "-T", "mine");
	wait_list(c, PREFIX, "into mine", true);
	int before = windows();
	char pattern[32];
	snprintf(pattern, sizeof pattern, "^%d: .*\\(active\\)$", before); /* indices 0.. */
	harness_send(c, F3 "w");
	wait_windows(c, pattern);
	CHECK(windows() == before + 1);
	/* Without F3, w is the pane's (typed once the new shell shows its prompt, so its
	 * output has a line of its own). */
	harness_wait_rsh(c, "^\\$", "capture-pane", "-p", "-t", "work", (char *)NULL);
	harness_send(c, "echo w'x'\r");
	harness_wait_rsh(c, "^wx$", "capture-pane", "-p", "-t", "work", (char *)NULL);
	CHECK(windows() == before + 1);
}

/* The server opens a prompt on the client; its answer runs there. */
static void server_prompt(harness_client *c)
{
	char *out, id[32];
	CHECK(harness_rsh(&out, "list-clients", (char *)NULL) == 0);
	CHECK(sscanf(out, "%31[0-9]:", id) == 1);
	free(out);
	RSH_OK("command-prompt", "-t", id, "-p", "name?", "rename-window -- '%%'");
	harness_wait_text(c, "name?");
	harness_send(c, "from server\r");
	harness_wait_rsh(c, "^[0-9]+: from server\\* ", "list-windows", "-t", "work",
			 (char *)NULL);
	/* -F: the template is a format, expanded (by the server) as the prompt opens. */
	RSH_OK("command-prompt", "-F", "-t", id, "-p", "more?",
	       "rename-window -- '#{session_name}-%%'");
	harness_wait_text(c, "more?");
	harness_send(c, "x\r");
	harness_wait_rsh(c, "^[0-9]+: work-x\\* ", "list-windows", "-t", "work", (char *)NULL);
	CHECK(harness_rsh(NULL, "command-prompt", "-t", "nosuch", (char *)NULL) == 1);
	CHECK(strstr(harness_rsh_stderr(), "can't find client: nosuch") != NULL);
}

/* The same bind-key commands in tmux 3.3 and here: list-keys prints the same lines. */
static const char *const binds[][10] = {
	{"bind-key", "-T", "cmp", "n", "new-window", NULL},
	{"bind-key", "-r", "-T", "cmp", "Up", "select-pane", "-U", NULL},
	{"bind-key", "-T", "cmp", "\"", "split-window", "-h", NULL},
	{"bind-key", "-T", "cmp", "M-C-b", "resize-pane", "-Z", NULL},
	{"bind-key", "-T", "cmp", "C-Space", "rename-window", "a b", NULL},
	{"bind-key", "-T", "cmp", "BTab", "split-window", "\\;", "new-window", NULL},
	{"bind-key", "-T", "cmp", "F5", "confirm-before", "-p", "kill #W? (y/n)", "kill-window",
	 NULL},
};

static char *tmux_list(const char *label)
{
	char *cmd, *out = xmalloc(8192);
	xasprintf(&cmd, "tmux -f /dev/null -L %s new -d 2>/dev/null", label);
	CHECK(system(cmd) == 0);
	free(cmd);
	for (size_t i = 0; i < sizeof binds / sizeof *binds; i++) {
		char line[512];
		snprintf(line, sizeof line, "tmux -L %s", label);
		for (int j = 0; binds[i][j] != NULL; j++) {
			snprintf(line + strlen(line), sizeof line - strlen(line), " '%s'",
				 binds[i][j]);
		}
		CHECK(system(line) == 0);
	}
	xasprintf(&cmd, "tmux -L %s list-keys -T cmp; tmux -L %s kill-server", label, label);
	FILE *p = popen(cmd, "r");
	size_t n = fread(out, 1, 8191, p);
	out[n] = '\0';
	pclose(p);
	free(cmd);
	return out;
}

static void same_as_tmux(void)
{
	if (system("tmux -V >/dev/null 2>&1") != 0) {
		fprintf(stderr, "no tmux: list-keys not compared\n");
		return;
	}
	for (size_t i = 0; i < sizeof binds / sizeof *binds; i++) {
		const char *const *b = binds[i];
		int code = harness_rsh(NULL, b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8],
				       (char *)NULL);
		CHECKF(code == 0, "%s", harness_rsh_stderr());
	}
	char *ours, label[64];
	CHECK(harness_rsh(&ours, "list-keys", "-T", "cmp", (char *)NULL) == 0);
	snprintf(label, sizeof label, "rsh-test-%d", (int)getpid());
	char *theirs = tmux_list(label);
	CHECKF(strcmp(ours, theirs) == 0, "rsh:\n%s\ntmux:\n%s", ours, theirs);
	free(ours);
	free(theirs);
}

/* What the shell command prints; to free. */
static char *output_of(const char *cmd)
{
	char *out = xmalloc(65536);
	FILE *p = popen(cmd, "r");
	CHECK(p != NULL);
	size_t n = fread(out, 1, 65535, p);
	out[n] = '\0';
	pclose(p);
	return out;
}

/* The copy-mode tables are tmux 3.3's defaults, mouse keys included, listed exactly as
 * tmux lists them ({ } blocks and all). */
static void copy_tables_as_tmux(void)
{
	static const char *const tables[] = {"copy-mode", "copy-mode-vi"};
	if (system("tmux -V >/dev/null 2>&1") != 0)
		return;
	for (size_t i = 0; i < 2; i++) {
		char *ours, *cmd;
		CHECK(harness_rsh(&ours, "list-keys", "-T", tables[i], (char *)NULL) == 0);
		xasprintf(&cmd, "tmux -f /dev/null -L rsh-copy-%d start-server \\; list-keys -T %s",
			  (int)getpid(), tables[i]);
		char *theirs = output_of(cmd);
		CHECKF(strlen(theirs) > 1000 && strcmp(ours, theirs) == 0, "rsh:\n%s\ntmux:\n%s",
		       ours, theirs);
		free(cmd);
		free(ours);
		free(theirs);
	}
}

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(100, 30, "new", "-s", "work", (char *)NULL);
	harness_wait_match(c, "work", "work");
	root_binding(c);
	prefix_option(c);
	command_line(c);
	key_prompt(c);
	confirm(c);
	repeat(c);
	modal_table(c);
	server_prompt(c);
	same_as_tmux();
	copy_tables_as_tmux();
	harness_send(c, PREFIX "d");
	int status = harness_client_wait_exit(c);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	harness_client_free(c);
	return 0;
}
