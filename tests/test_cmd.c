/*
 * Commands run in-process through cmd_execute, as the control socket would: target
 * resolution as tmux does it (ids, exact names, unique prefixes, indexes, offsets), and
 * errors as one line with nothing changed. Panes run `cat`, started for real.
 */
#include <stdarg.h>
#include <unistd.h>

#include "check.h"
#include "server/cmd.h"
#include "server/options.h"
#include "server/server_client.h"

/* Runs a command line given as words; returns the exit status, output in *out (freed by
 * the next call). */
static char *out, *err;

static int run(const char *word, ...)
{
	char *argv[32];
	int argc = 0;
	va_list ap;
	va_start(ap, word);
	for (const char *w = word; w != NULL; w = va_arg(ap, const char *))
		argv[argc++] = (char *)w;
	va_end(ap);
	argv[argc] = NULL;
	struct proto_request req = {.argc = argc, .argv = argv, .cwd = "/"};
	struct proto_reply reply;
	free(out);
	free(err);
	cmd_execute(&req, &reply, NULL, NULL);
	out = reply.out;
	err = reply.err;
	return reply.code;
}

#define OK(...) CHECKF(run(__VA_ARGS__, NULL) == 0, "%s", err)
#define FAILS(text, ...)                                                              \
	do {                                                                          \
		CHECK(run(__VA_ARGS__, NULL) != 0);                                   \
		CHECKF(strstr(err, text) != NULL && strchr(err, '\n') == err + strlen(err) - 1, \
		       "%s", err);                                                    \
		CHECK(*out == '\0');                                                  \
	} while (0)
#define SHOWS(text) CHECKF(strstr(out, text) != NULL, "no '%s' in:\n%s", text, out)
/* A list command's output for a target holds the text. */
#define LISTS(cmd, target, text)                                                      \
	do {                                                                          \
		OK(cmd, "-t", target);                                                \
		SHOWS(text);                                                          \
	} while (0)

static void sessions(void)
{
	OK("new-session", "-d", "-s", "work", "cat");
	OK("new-session", "-d", "-s", "world", "cat");
	OK("new-session", "-d", "-s", "2", "cat");
	OK("has-session", "-t", "work");
	OK("has-session", "-t", "wor", "-t", "work"); /* a flag's last value counts */
	FAILS("can't find session: wor", "has-session", "-t", "wor"); /* ambiguous */
	OK("has-session", "-t", "worl");
	FAILS("can't find session: worl", "has-session", "-t", "=worl");
	OK("has-session", "-t", "$0");
	FAILS("can't find session: $9", "has-session", "-t", "$9");
	OK("has-session", "-t", "2"); /* digits name a session here */
	FAILS("duplicate session: work", "new-session", "-d", "-s", "work");
	FAILS("bad session name", "new-session", "-d", "-s", "a:b");
	/* The current session is the newest: "2". */
	OK("list-windows");
	SHOWS("0: cat* (1 panes) [80x24] [layout ");
	SHOWS(",80x24,0,0,2] @2 (active)");
}

static void windows(void)
{
	OK("new-window", "-t", "work", "-n", "logs", "cat");
	OK("new-window", "-t", "work:5", "-n", "five", "cat");
	FAILS("index 5 in use", "new-window", "-t", "work:5", "cat");
	LISTS("list-windows", "work", "0: cat (1 panes)");
	SHOWS("1: logs- (1 panes)");
	SHOWS("5: five* (1 panes)");
	OK("select-window", "-t", "work:lo"); /* name prefix */
	LISTS("list-windows", "work", "1: logs*");
	OK("select-window", "-t", "work:+"); /* offsets wrap by position, not index */
	LISTS("list-windows", "work", "5: five*");
	OK("next-window", "-t", "work");
	LISTS("list-windows", "work", "0: cat*");
	OK("previous-window", "-t", "work");
	LISTS("list-windows", "work", "5: five*");
	OK("select-window", "-t", "@0");
	LISTS("list-windows", "work", "0: cat*");
	FAILS("can't find window: 7", "select-window", "-t", "work:7");
	FAILS("can't find window: @99", "select-window", "-t", "@99");
	OK("rename-window", "-t", "work:five", "cinq");
	OK("kill-window", "-t", "work:cinq");
	OK("list-windows", "-t", "work");
	CHECK(strstr(out, "cinq") == NULL);
}

static void panes(void)
{
	OK("split-window", "-h", "-t", "work:0", "cat");
	OK("split-window", "-v", "-p", "30", "-t", "work:0.1", "cat");
	LISTS("list-panes", "work:0", "0: [40x24] [at 0,0]");
	SHOWS("1: [39x16] [at 41,0]");
	SHOWS("2: [39x7] [at 41,17]"); /* 30% of 24 rows */
	SHOWS("(active)\n");
	OK("select-pane", "-t", "work:0.0");
	OK("select-pane", "-R", "-t", "work:0");
	LISTS("list-panes", "work:0", "1: [39x16] [at 41,0] %5 (active)");
	OK("select-pane", "-t", "work:0.+");
	LISTS("list-panes", "work:0", "2: [39x7] [at 41,17] %6 (active)");
	OK("resize-pane", "-U", "3", "-t", "%6");
	LISTS("list-panes", "work:0", "2: [39x10] [at 41,14]");
	OK("resize-pane", "-Z", "-t", "%6");
	LISTS("list-panes", "%6", "2: [80x24] [at 0,0] %6 (active)");
	SHOWS("(hidden)");
	OK("resize-pane", "-Z", "-t", "%6");
	FAILS("can't find pane: 3", "kill-pane", "-t", "work:0.3");
	FAILS("can't find pane: %42", "kill-pane", "-t", "%42");
	OK("kill-pane", "-t", "%6");
	LISTS("list-panes", "work:0", "1: [39x24] [at 41,0] %5 (active)");
}

/* Presets, layout strings, -o and the cycle, as tmux 3.3 does them on two panes at 80x24. */
static void layouts(void)
{
	OK("select-layout", "-t", "work:0", "even-vertical");
	LISTS("list-panes", "work:0", "0: [80x11] [at 0,0]");
	SHOWS("1: [80x12] [at 0,12]");
	OK("next-layout", "-t", "work:0");
	LISTS("list-panes", "work:0", "0: [80x22] [at 0,0]");
	SHOWS("1: [80x1] [at 0,23]");
	OK("previous-layout", "-t", "work:0");
	LISTS("list-panes", "work:0", "1: [80x12] [at 0,12]");
	OK("select-layout", "-o", "-t", "work:0"); /* back to main-horizontal */
	LISTS("list-panes", "work:0", "1: [80x1] [at 0,23]");
	OK("select-layout", "-t", "work:0", "main-v");
	LISTS("list-windows", "work", ",80x24,0,0{78x24,0,0,0,1x24,79,0,5}] @0 (active)");
	OK("select-layout", "-t", "work:0", "c195,80x24,0,0[80x12,0,0,0,80x11,0,13,1]");
	LISTS("list-panes", "work:0", "1: [80x11] [at 0,13]");
	OK("select-layout", "-n", "-t", "work:0"); /* after main-vertical: tiled */
	LISTS("list-panes", "work:0", "1: [80x12] [at 0,12]");
	OK("select-layout", "-E", "-t", "work:0.0");
	FAILS("invalid layout: foo", "select-layout", "-t", "work:0", "foo");
	FAILS("have 2 panes but need 1: b25d,80x24,0,0,0", "select-layout", "-t", "work:0",
	      "b25d,80x24,0,0,0");
	FAILS("usage: select-layout", "select-layout", "a", "b");
	LISTS("list-panes", "work:0", "1: [80x12] [at 0,12]");
	OK("select-layout", "-t", "work:0", "even-horizontal");
	LISTS("list-panes", "work:0", "1: [40x24] [at 40,0]");
}

/* The pane commands' errors and outputs; their geometry is test_tmux_compare.sh's. */
static void pane_moves(void)
{
	OK("new-session", "-d", "-s", "mv", "cat");
	FAILS("no last pane", "last-pane", "-t", "mv");
	OK("split-window", "-P", "-t", "mv", "cat");
	SHOWS("mv:0.1\n");
	OK("last-pane", "-t", "mv");
	LISTS("list-panes", "mv", "0: [80x12] [at 0,0] %");
	SHOWS(" (active)\n1:");
	FAILS("size invalid: x", "split-window", "-l", "x", "-t", "mv");
	FAILS("size too large", "split-window", "-l", "100%", "-t", "mv");
	FAILS("source and target panes must be different", "join-pane", "-s", "mv:0.0", "-t",
	      "mv:0.0");
	FAILS("bad target: mv:0.x", "swap-pane", "-s", "mv:0.x", "-t", "mv");
	OK("break-pane", "-d", "-P", "-n", "solo", "-s", "mv:0.1", "-t", "mv:4");
	SHOWS("mv:4.0\n");
	LISTS("list-windows", "mv", "4: solo (1 panes)");
	OK("join-pane", "-h", "-s", "mv:4", "-t", "mv:0");
	LISTS("list-windows", "mv", "(2 panes)");
	CHECK(strstr(out, "solo") == NULL);
	OK("select-pane", "-m", "-t", "mv:0.0");
	OK("swap-pane", "-t", "mv:0.1"); /* the marked pane is the source */
	LISTS("list-panes", "mv", "1: [39x24] [at 41,0]");
	OK("select-pane", "-M");
	OK("kill-pane", "-a", "-t", "mv:0.0");
	LISTS("list-panes", "mv", "0: [80x24] [at 0,0]");
	OK("kill-session", "-t", "mv");

	/* new-session -A finds the session it names; -n names its window; -P prints it. */
	OK("new-session", "-d", "-P", "-s", "ns", "-n", "first", "cat");
	CHECKF(strcmp(out, "ns:\n") == 0, "%s", out);
	OK("new-session", "-d", "-A", "-s", "ns", "cat");
	LISTS("list-windows", "ns", "0: first* (1 panes)");
	CHECK(strstr(out, "\n1:") == NULL);
	FAILS("duplicate session: ns", "new-session", "-d", "-s", "ns");
	OK("kill-session", "-t", "ns");
}

static void keys_and_capture(void)
{
	OK("send-keys", "-t", "work:0.0", "abc", "Enter");
	/* cat echoes through the pty; the server's loop is not running here, so read the
	 * pane by hand until the echo is in. */
	struct window *w;
	struct pane *p = pane_find_id(0, &w);
	CHECK(p != NULL);
	for (int i = 0; i < 2000; i++) {
		OK("capture-pane", "-p", "-t", "%0");
		if (strstr(out, "abc\nabc\n") != NULL)
			break;
		usleep(1000);
		pane_read(p);
	}
	SHOWS("abc\nabc\n");
	/* Without -p, into a new paste buffer. */
	CHECK(run("capture-pane", "-t", "%0", "-S", "-", "-E", "1", NULL) == 0);
	CHECK(run("show-buffer", NULL) == 0);
	SHOWS("abc\nabc\n");
}

/* set-option and show-options at every scope, and the options that act on objects. */
static void options(void)
{
	OK("new-session", "-d", "-s", "opt", "cat");
	OK("set-option", "-g", "base-index", "1");
	OK("show-options", "-g", "base-index");
	CHECKF(strcmp(out, "base-index 1\n") == 0, "%s", out);
	OK("new-window", "-t", "opt", "cat");
	OK("new-window", "-t", "opt", "cat");
	LISTS("list-windows", "opt", "0: cat (1 panes)");
	SHOWS("1: cat- (1 panes)");
	SHOWS("2: cat* (1 panes)");
	OK("new-session", "-d", "-s", "one", "cat");
	LISTS("list-windows", "one", "1: cat* (1 panes)"); /* a new session starts at base */
	OK("kill-session", "-t", "one");
	/* A session's own value hides the global one; -u forgets it. */
	OK("set", "-t", "opt", "default-command", "x y");
	OK("show", "-t", "opt");
	CHECKF(strcmp(out, "default-command \"x y\"\n") == 0, "%s", out);
	OK("show", "-v", "-t", "opt", "default-command");
	CHECKF(strcmp(out, "x y\n") == 0, "%s", out);
	OK("set", "-a", "-t", "opt", "default-command", "z");
	OK("show", "-v", "-t", "opt", "default-command");
	CHECKF(strcmp(out, "x yz\n") == 0, "%s", out);
	OK("set", "-F", "-t", "opt", "default-command", "#{session_name}-#{window_index}");
	OK("show", "-v", "-t", "opt", "default-command");
	CHECKF(strcmp(out, "opt-2\n") == 0, "%s", out);
	OK("set", "-u", "-t", "opt", "default-command");
	OK("show", "-t", "opt");
	CHECKF(*out == '\0', "%s", out);
	FAILS("already set: base-index", "set", "-og", "base-index", "2");
	FAILS("invalid option: nosuch", "set", "-g", "nosuch", "1");
	OK("set", "-q", "-g", "nosuch", "1");
	FAILS("ambiguous option: status-lef", "set", "-g", "status-lef", "1");
	FAILS("value is too small: -1", "set", "-g", "base-index", "-1");
	OK("set", "-g", "prefix", "C-a");
	FAILS("bad key: C-%", "set", "-g", "prefix", "C-%");
	OK("show", "-gv", "prefix");
	CHECKF(strcmp(out, "C-a\n") == 0, "%s", out);
	OK("set", "-gu", "prefix");
	FAILS("can't find session: nope", "set", "-t", "nope:", "base-index", "3");
	FAILS("usage: set-option", "set", "-g");
	/* Window options: setw, -w, a pane's own with -p. */
	OK("setw", "-g", "pane-base-index", "1");
	OK("split-window", "-t", "opt:2", "cat");
	LISTS("list-panes", "opt:2", "1: [80x12] [at 0,0]");
	SHOWS("2: [80x11] [at 0,13]");
	OK("select-pane", "-t", "opt:2.1");
	LISTS("list-panes", "opt:2", "1: [80x12] [at 0,0] %");
	SHOWS("(active)\n2:");
	OK("setw", "-t", "opt:2", "pane-base-index", "5");
	LISTS("list-panes", "opt:2", "5: [80x12]");
	OK("showw", "-t", "opt:2");
	CHECKF(strcmp(out, "pane-base-index 5\n") == 0, "%s", out);
	OK("show", "-gw", "pane-base-index");
	CHECKF(strcmp(out, "pane-base-index 1\n") == 0, "%s", out);
	OK("show", "-s", "default-terminal");
	CHECKF(strcmp(out, "default-terminal xterm-256color\n") == 0, "%s", out);
	OK("setw", "-gu", "pane-base-index");
	/* renumber-windows closes the gaps a killed window leaves. */
	OK("set", "-t", "opt", "renumber-windows", "on");
	OK("kill-window", "-t", "opt:1");
	LISTS("list-windows", "opt", "1: cat (1 panes)");
	SHOWS("2: cat* (2 panes)");
	OK("kill-session", "-t", "opt");
	OK("set", "-gu", "base-index");
}

/* Array options with indexes, as tmux 3.3a prints and sets them (compared by hand with a
 * real tmux: the same lines give the same output and errors). */
#define SAME(text) CHECKF(strcmp(out, text) == 0, "%s", out)
static void arrays(void)
{
	OK("show", "-s", "terminal-overrides");
	SAME("terminal-overrides\n");
	OK("set", "-sa", "terminal-overrides", ",*:Tc");
	OK("set", "-s", "terminal-overrides[5]", "xx:Ss=a");
	OK("set", "-sa", "terminal-overrides[5]", "yy");
	OK("show", "-s", "terminal-overrides");
	SAME("terminal-overrides[0] *:Tc\nterminal-overrides[5] xx:Ss=ayy\n");
	OK("set", "-sa", "terminal-overrides", "a,b"); /* the lowest free indexes */
	OK("show", "-s", "terminal-overrides");
	SAME("terminal-overrides[0] *:Tc\nterminal-overrides[1] a\nterminal-overrides[2] b\n"
	     "terminal-overrides[5] xx:Ss=ayy\n");
	OK("show", "-s", "terminal-overrides[9]");
	SAME("terminal-overrides[9] ''\n");
	OK("show", "-sv", "terminal-overrides[5]");
	SAME("xx:Ss=ayy\n");
	OK("set", "-su", "terminal-overrides[1]");
	OK("show", "-sv", "terminal-overrides");
	SAME("*:Tc\nb\nxx:Ss=ayy\n");
	CHECK(strcmp(options_get_string(options_server, "terminal-overrides"),
		     "*:Tc\nb\nxx:Ss=ayy") == 0);
	OK("set", "-su", "terminal-overrides");
	OK("show", "-s", "terminal-overrides");
	SAME("terminal-overrides\n");
	FAILS("ambiguous option: terminal-overrides[x]", "show", "-s", "terminal-overrides[x]");
	FAILS("ambiguous option: status-format[-1]", "set", "-g", "status-format[-1]", "x");
	FAILS("invalid option: nosuch[1]", "set", "-g", "nosuch[1]", "x");
	FAILS("not an array: base-index[1]", "set", "-g", "base-index[1]", "3");
	OK("show", "-g", "base-index[1]");
	SAME("base-index[1] 0\n");
	FAILS("empty value", "set", "-g", "status-format[1]");
	/* status-format: tmux's two default lines; items set, unset, reset. */
	OK("show", "-g", "status-format[1]");
	SAME("status-format[1] \"#[align=centre]#{P:#{?pane_active,#[reverse],}#{pane_index}"
	     "[#{pane_width}x#{pane_height}]#[default] }\"\n");
	OK("set", "-g", "status-format[3]", "three");
	OK("show", "-g", "status-format");
	SHOWS("status-format[0] \"#[align=left range=left #{E:status-left-style}]");
	SHOWS("\nstatus-format[1] \"#[align=centre]");
	SHOWS("\nstatus-format[3] three\n");
	OK("set", "-gu", "status-format[3]");
	OK("set", "-g", "status-format", "a b,c");
	OK("show", "-g", "status-format");
	SAME("status-format[0] a\nstatus-format[1] b\nstatus-format[2] c\n");
	OK("set", "-gu", "status-format");
	OK("show", "-gv", "status-format[0]");
	SHOWS("#[norange default]\n");
	/* update-environment: -o refuses an item already there, not a free one. */
	OK("set", "-g", "update-environment", "A B");
	FAILS("already set: update-environment[0]", "set", "-go", "update-environment[0]", "Z");
	OK("set", "-go", "update-environment[9]", "Z");
	OK("set", "-ga", "update-environment", "C");
	OK("show", "-g", "update-environment");
	SAME("update-environment[0] A\nupdate-environment[1] B\nupdate-environment[2] C\n"
	     "update-environment[9] Z\n");
	OK("set", "-gu", "update-environment");
	OK("show", "-g", "update-environment[7]");
	SAME("update-environment[7] XAUTHORITY\n");
}

/* What must hold between any two commands. */
static void check_model(void)
{
	for (size_t i = 0; i < server.nsessions; i++) {
		const struct session *s = server.sessions[i];
		bool current = false;
		CHECK(s->nwindows > 0);
		for (size_t j = 0; j < s->nwindows; j++) {
			const struct window *w = s->windows[j];
			CHECK(w->session == s);
			CHECK(j == 0 || s->windows[j - 1]->index < w->index);
			current = current || w == s->current;
			CHECK(w->npanes > 0 && layout_count(w->layout) == w->npanes);
			CHECK(window_find_pane(w, w->active->id) == w->active);
			for (size_t k = 0; k < w->npanes; k++) {
				struct layout_geom g;
				const struct pane *p = w->panes[k];
				CHECK(p->window == w && layout_geometry(w->layout, p->id, &g));
				CHECK(p->cols == g.cols && p->rows == g.rows);
			}
		}
		CHECK(current);
	}
}

static const char *const words[] = {
	"-d", "-h", "-v", "-L", "-R", "-U", "-D", "-Z", "-p", "30", "-n", "x", "-s", "s",
	"-t", "work", "w", "2", "$0", "$1", "@1", "@4", "%3", "%9", ":1", ":.+", ":-",
	"work:0.1", "=work", ":+.-", "nope", "", "5", "cat", "Enter", "C-c", "abc",
};

/* Spawning commands are skipped past this many panes: each is a real process. */
#define MAX_PANES 24

/*
 * Random command lines against the live model: each reply is success with no error, or
 * failure with exactly one error line and no output, and the model stays consistent.
 */
static void random_commands(void)
{
	unsigned long seed = test_seed(), cases = test_cases(400);
	size_t ncommands = 0;
	while (cmd_table[ncommands] != NULL)
		ncommands++;
	srand((unsigned)seed);
	for (unsigned long c = 0; c < cases; c++) {
		const char *name;
		do {
			name = cmd_table[(size_t)rand() % ncommands]->name;
		} while (strcmp(name, "kill-server") == 0 ||
			 strcmp(name, "source-file") == 0 || /* a line per file it names */
			 (server_pane_count() >= MAX_PANES &&
			  (strcmp(name, "new-session") == 0 || strcmp(name, "new-window") == 0 ||
			   strcmp(name, "split-window") == 0)));
		char *argv[8] = {(char *)name};
		int argc = 1 + rand() % 5;
		for (int i = 1; i < argc; i++)
			argv[i] = (char *)words[rand() % (int)(sizeof words / sizeof *words)];
		if (strcmp(name, "new-session") == 0) {
			argv[1] = "-d"; /* the model check wants sessions, not clients */
			argc += argc == 1;
		}
		struct proto_request req = {.argc = argc, .argv = argv, .cwd = "/"};
		struct proto_reply reply;
		cmd_execute(&req, &reply, NULL, NULL);
		bool ok = reply.code == 0 ? reply.errlen == 0
					  : reply.outlen == 0 && reply.errlen > 0 &&
						    strchr(reply.err, '\n') == reply.err + reply.errlen - 1;
		CHECKF(ok, "seed %lu case %lu: %s ... gave %d: %s", seed, c, name, reply.code,
		       reply.err);
		proto_reply_free(&reply);
		check_model();
		if (server.nsessions == 0)
			OK("new-session", "-d", "-s", "work", "cat");
	}
}

/* Attaching from the control socket: a client and its connect line; detach ends it. */
static void attach(void)
{
	OK("attach-session", "-t", "work");
	CHECKF(strncmp(out, "RSH CONNECT ", 12) == 0 && strchr(out, '\n') == out + strlen(out) - 1,
	       "%s", out);
	OK("list-clients");
	SHOWS(": work [0x0] (not connected)");
	FAILS("can't find session: nope", "attach-session", "-t", "nope");
	/* A chooser opens on the session's client (it is that client's, mode.h). */
	OK("choose-tree", "-s", "-t", "work");
	OK("choose-buffer", "-N");
	OK("display-panes", "-d", "0");
	OK("clock-mode", "-t", "work");
	FAILS("can't find client: nope", "detach-client", "-t", "nope");
	FAILS("can't find session: nope", "detach-client", "-s", "nope");
	OK("detach-client", "-s", "work");
	OK("list-clients");
	CHECKF(*out == '\0', "%s", out);
	FAILS("no current client", "choose-client");
	FAILS("no current client", "display-panes");
	FAILS("wait-for can only wait from a command line", "wait-for", "chan");
	OK("wait-for", "-S", "chan");
	OK("wait-for", "chan"); /* the signal was kept */
	FAILS("can't find client: 9", "display-panes", "-t", "9");
}

int main(void)
{
	setenv("SHELL", "/bin/sh", 1);
	options_init();
	sessions();
	windows();
	panes();
	layouts();
	pane_moves();
	keys_and_capture();
	options();
	arrays();
	FAILS("unknown command: nope", "nope");
	OK("list-commands");
	SHOWS("select-layout (selectl) [-Enop] [-t target-pane] [layout-name]\n");
	SHOWS("\nkill-session [-aC] [-t target-session]\n");
	OK("list-commands", "swap-p");
	CHECKF(strcmp(out, "swap-pane (swapp) [-dDUZ] [-s src-pane] [-t dst-pane]\n") == 0, "%s", out);
	FAILS("unknown command: nope", "list-commands", "nope");
	attach();
	OK("kill-session", "-t", "world");
	FAILS("can't find session: world", "has-session", "-t", "world");
	random_commands();
	OK("new-session", "-d", "-s", "keep", "cat");
	OK("kill-session", "-a", "-t", "keep");
	OK("list-sessions");
	CHECKF(strncmp(out, "keep: 1 windows", 15) == 0 && strchr(out, '\n') == strrchr(out, '\n'),
	       "%s", out);
	OK("kill-server");
	CHECK(server.exiting);
	clients_free();
	while (server.nsessions > 0)
		session_destroy(server.sessions[0]);
	FAILS("rsh: no sessions", "attach-session"); /* as tmux, for `rsh` alone to start one */
	free(server.sessions);
	free(out);
	free(err);
	return 0;
}
