/*
 * Command-line parsing: the table is consistent, the getopt-like rules hold, and every
 * refusal is the one line a user should read.
 */
#include <stdarg.h>
#include <string.h>

#include "check.h"
#include "cmd/args.h"
#include "cmd/cause.h"
#include "util/xmalloc.h"

#define MAXW 16

/* A command line parsed as the rsh command does: NULL, or the error line it prints. */
static char *parse_line(int argc, char **argv, struct args *a)
{
	char *cause, *line;
	if (args_parse_command(argc, argv, a, &cause) == 0)
		return NULL;
	line = cause_line(cause);
	free(cause);
	return line;
}

/* Parses the words given (ending with NULL); returns the error or NULL. */
static char *parse(struct args *a, ...)
{
	static char *words[MAXW];
	va_list ap;
	int n = 0;
	va_start(ap, a);
	for (char *w; (w = va_arg(ap, char *)) != NULL;)
		words[n++] = w;
	va_end(ap);
	return parse_line(n, words, a);
}

#define OK(a, ...)                                                             \
	do {                                                                   \
		char *e_ = parse(a, __VA_ARGS__, (char *)NULL);                \
		CHECKF(e_ == NULL, "%s", e_);                                  \
	} while (0)

#define FAILS(line, ...)                                                       \
	do {                                                                   \
		struct args a_;                                                \
		char *e_ = parse(&a_, __VA_ARGS__, (char *)NULL);              \
		CHECKF(e_ != NULL && strcmp(e_, line) == 0, "got \"%s\"", e_); \
		CHECK(a_.cmd == NULL && a_.argc == 0);                         \
		free(e_);                                                      \
		args_free(&a_);                                                \
	} while (0)

/* Whether the usage line shows flag c: in a word of flags such as "[-ep]" or "|-v". */
static bool in_usage(const char *usage, char c)
{
	for (const char *u = strchr(usage, ' '); u != NULL && *u != '\0'; u++) {
		if (u[1] != '-' || strchr("[| ", u[0]) == NULL)
			continue;
		for (const char *l = u + 2; (*l >= 'a' && *l <= 'z') || (*l >= 'A' && *l <= 'Z') ||
						   (*l >= '0' && *l <= '9'); l++)
			if (*l == c)
				return true;
	}
	return false;
}

static void test_table(void)
{
	for (const struct cmd_entry *const *cp = cmd_table; *cp != NULL; cp++) {
		const struct cmd_entry *c = *cp;
		CHECKF(cp == cmd_table || strcmp(cp[-1]->name, c->name) < 0, "%s in order", c->name);
		CHECKF(c->exec != NULL, "%s runs", c->name);
		char *e = NULL;
		CHECKF(cmd_entry_find(c->name, &e) == c, "%s", c->name);
		for (size_t j = 0; j < 3 && c->alias[j] != NULL; j++)
			CHECKF(cmd_entry_find(c->alias[j], &e) == c, "%s", c->alias[j]);
		CHECKF(strncmp(c->usage, c->name, strlen(c->name)) == 0, "%s", c->name);
		CHECK(c->min_args <= c->max_args);
		for (const struct args_flag *f = c->flags; f->letter != 0; f++) {
			CHECKF((f->letter >= 'a' && f->letter <= 'z') ||
				       (f->letter >= 'A' && f->letter <= 'Z') ||
				       (f->letter >= '0' && f->letter <= '9'),
			       "%s", c->name);
			CHECKF(in_usage(c->usage, f->letter), "%s -%c", c->name, f->letter);
			CHECK(f->min <= f->max);
		}
		for (const char *x = c->exclusive; x != NULL && *x != '\0'; x++) {
			const struct args_flag *f = c->flags;
			while (f->letter != 0 && f->letter != *x)
				f++;
			CHECKF(f->letter == *x, "%s exclusive -%c", c->name, *x);
		}
		/* A command taking no arguments parses alone. */
		struct args a;
		char *words[1] = {(char *)c->name};
		if (c->min_args == 0) {
			CHECK(parse_line(1, words, &a) == NULL && a.cmd == c);
			args_free(&a);
		}
	}
	/* Every command issue 4 names, found by its short forms too. */
	static const char *names[][2] = {
		{"new", "new-session"}, {"a", "attach-session"}, {"at", "attach-session"},
		{"attach", "attach-session"}, {"detach", "detach-client"},
		{"ls", "list-sessions"}, {"list-windows", "list-windows"},
		{"list-panes", "list-panes"}, {"list-clients", "list-clients"},
		{"kill-session", "kill-session"}, {"kill-window", "kill-window"},
		{"kill-pane", "kill-pane"}, {"kill-server", "kill-server"},
		{"new-window", "new-window"}, {"split-window", "split-window"},
		{"select-pane", "select-pane"}, {"select-window", "select-window"},
		{"next-window", "next-window"}, {"previous-window", "previous-window"},
		{"resize-pane", "resize-pane"}, {"rename-session", "rename-session"},
		{"rename-window", "rename-window"}, {"send-keys", "send-keys"},
		{"capture-pane", "capture-pane"}, {"has-session", "has-session"},
		{"splitw", "split-window"}, {"attach-s", "attach-session"},
		{"kill-se", NULL}, {"list", NULL},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char *e = NULL;
		const struct cmd_entry *c = cmd_entry_find(names[i][0], &e);
		if (names[i][1] == NULL) {
			CHECKF(c == NULL && strstr(e, "ambiguous") != NULL, "%s", names[i][0]);
			free(e);
		} else {
			CHECKF(c != NULL && strcmp(c->name, names[i][1]) == 0, "%s", names[i][0]);
		}
	}
}

static void test_rules(void)
{
	struct args a;
	OK(&a, "new", "-s", "work", "-d");
	CHECK(strcmp(a.cmd->name, "new-session") == 0);
	CHECK(args_has(&a, 'd') && strcmp(args_get(&a, 's'), "work") == 0 && a.argc == 0);
	CHECK(!args_has(&a, 'x') && args_number(&a, 'x', 80) == 80 && !args_has(&a, '?'));
	args_free(&a);

	/* Combined flags, glued values, and the value ending a word of flags. */
	OK(&a, "new", "-dswork", "-x80", "-y", "24");
	CHECK(args_has(&a, 'd') && strcmp(args_get(&a, 's'), "work") == 0);
	CHECK(args_number(&a, 'x', 0) == 80 && args_number(&a, 'y', 0) == 24);
	args_free(&a);
	OK(&a, "new", "-ds", "-x");
	CHECK(strcmp(args_get(&a, 's'), "-x") == 0 && !args_has(&a, 'x'));
	args_free(&a);

	/* Flags end at "--" or at the first word; a lone "-" is a word. */
	OK(&a, "new", "-d", "vim", "-x", "1");
	CHECK(a.argc == 3 && strcmp(a.argv[0], "vim") == 0 && !args_has(&a, 'x'));
	args_free(&a);
	OK(&a, "send-keys", "-t", "1", "--", "-t", "");
	CHECK(a.argc == 2 && strcmp(a.argv[0], "-t") == 0 && a.argv[1][0] == '\0');
	CHECK(a.target.pane.form == TARGET_NUMBER && a.target.pane.value == 1);
	args_free(&a);
	OK(&a, "new", "-");
	CHECK(a.argc == 1 && strcmp(a.argv[0], "-") == 0);
	args_free(&a);

	/* The last of a repeated flag wins; -t is parsed for the command's kind. */
	OK(&a, "splitw", "-hp", "30", "-t", "x", "-t", "work:1.2");
	CHECK(args_has(&a, 'h') && !args_has(&a, 'v') && args_number(&a, 'p', 50) == 30);
	CHECK(a.target.session.form == TARGET_NAME && strcmp(a.target.session.name, "work") == 0);
	CHECK(a.target.window.value == 1 && a.target.pane.value == 2);
	args_free(&a);
	OK(&a, "attach", "-t", "2");
	CHECK(a.target.session.form == TARGET_NAME && a.target.window.form == TARGET_CURRENT);
	args_free(&a);

	/* -L [n]: the count glued on, in the next word when a number, else 1. */
	OK(&a, "resize-pane", "-L");
	CHECK(args_number(&a, 'L', 0) == 1);
	args_free(&a);
	OK(&a, "resize-pane", "-L", "5", "-t", ":.+");
	CHECK(args_number(&a, 'L', 0) == 5 && a.target.pane.form == TARGET_OFFSET);
	args_free(&a);
	OK(&a, "resizep", "-D12");
	CHECK(args_number(&a, 'D', 0) == 12 && !args_has(&a, 'L'));
	args_free(&a);
	OK(&a, "resizep", "-Z");
	CHECK(args_has(&a, 'Z'));
	args_free(&a);
	OK(&a, "new", "-s", "");
	CHECK(args_get(&a, 's')[0] == '\0');
	args_free(&a);
}

static void test_refusals(void)
{
	FAILS("rsh: unknown command: foo", "foo");
	FAILS("rsh: unknown command: ''", "");
	FAILS("rsh: unknown command: \\377\\033[2J", "\xff\x1b[2J");
	FAILS("rsh: ambiguous command: list, could be: list-buffers, list-clients, list-commands, "
	      "list-keys, list-panes, list-sessions, list-windows",
	      "list");
	FAILS("rsh: new-session: unknown flag -q", "new", "-dq");
	FAILS("rsh: new-session: unknown flag -\\377", "new", "-\xff");
	FAILS("rsh: new-session: unknown flag --", "new", "---");
	FAILS("rsh: new-session: -s needs a value", "new", "-d", "-s");
	FAILS("rsh: new-session: -x wants a number from 1 to 10000, not 0", "new", "-x", "0");
	FAILS("rsh: new-session: -x wants a number from 1 to 10000, not 8o", "new", "-x8o");
	FAILS("rsh: new-session: -y wants a number from 1 to 10000, not -5", "new", "-y", "-5");
	FAILS("rsh: new-session: -y wants a number from 1 to 10000, not "
	      "99999999999999999999999999",
	      "new", "-y", "99999999999999999999999999");
	FAILS("rsh: split-window: -p wants a number from 1 to 99, not 100", "splitw", "-p100");
	FAILS("rsh: split-window: -h and -v cannot be used together", "splitw", "-h", "-v");
	FAILS("rsh: resize-pane: -L and -Z cannot be used together", "resize-pane", "-LZ");
	FAILS("rsh: resize-pane: -U wants a number from 1 to 10000, not 0", "resizep", "-U", "0");
	FAILS("usage: resize-pane [-L|-R|-U|-D [n] | -Z] [-M] [-x width] [-y height] [-t target-pane]", "resizep", "-L", "x");
	FAILS("rsh: resize-pane: -R wants a number from 1 to 10000, not 10001", "resizep", "-R",
	      "10001");
	FAILS("usage: list-sessions [-F format] [-f filter]", "ls", "extra");
	FAILS("usage: rename-session [-t target-session] new-name", "rename");
	FAILS("usage: rename-session [-t target-session] new-name", "rename", "a", "b");
	FAILS("rsh: bad target: :.x (a pane is a number, +N, -N or %N)", "splitw", "-t", ":.x");
	FAILS("rsh: kill-server: unknown flag -t", "kill-server", "-t", "x");
	struct args a;
	char *e = parse_line(0, NULL, &a);
	CHECK(e != NULL && strcmp(e, "rsh: no command") == 0);
	free(e);
}

/* Many words, long words: linear work, no limits hit, nothing read out of bounds. */
static void test_huge(void)
{
	int n = 200001; /* the command, then pairs "-t" "%7" */
	char **words = xreallocarray(NULL, (size_t)n, sizeof *words);
	words[0] = "send-keys";
	for (int i = 1; i < n; i++)
		words[i] = i % 2 ? "-t" : "%7";
	struct args a;
	char *e = parse_line(n, words, &a);
	CHECKF(e == NULL && a.argc == 0 && a.target.pane.value == 7, "%s", e);
	args_free(&a);
	words[n - 2] = "key";
	CHECK(parse_line(n, words, &a) == NULL && a.argc == 2 && a.argv[1] == words[n - 1]);
	args_free(&a);

	size_t len = 1 << 20;
	char *big = xmalloc(len + 1);
	memset(big, '7', len);
	big[len] = '\0';
	char *two[3] = {"new", "-x", big};
	e = parse_line(3, two, &a);
	CHECK(e != NULL && strlen(e) < 200 && strchr(e, '\n') == NULL);
	free(e);
	two[0] = big;
	e = parse_line(1, two, &a);
	CHECK(e != NULL && strlen(e) < 200 && strstr(e, "7...") != NULL);
	free(e);
	free(big);
	free(words);
}

int main(void)
{
	test_table();
	test_rules();
	test_refusals();
	test_huge();
	return 0;
}
