/*
 * The command language's text form (cmd/parse.h): tmux's quoting, escapes, expansion,
 * comments, continuation and %if, each bad line one error naming its line while the other
 * lines' commands stay; and command lines split at ';' as a shell gives them.
 */
#include <stdarg.h>

#include "check.h"
#include "cmd/parse.h"
#include "util/xmalloc.h"

/* The list as text: "LINE: [word] [word]" or "LINE! error", one item a line. */
static char *show(const struct cmd_parse_list *l)
{
	char *out = xstrdup(""), *next;
	for (size_t i = 0; i < l->n; i++) {
		const struct cmd_parse_item *it = &l->items[i];
		if (it->error != NULL) {
			xasprintf(&next, "%s%u! %s\n", out, it->line, it->error);
		} else {
			xasprintf(&next, "%s%u:", out, it->line);
			for (int j = 0; j < it->argc; j++) {
				free(out);
				out = next;
				xasprintf(&next, "%s [%s]", out, it->argv[j]);
			}
			CHECK(it->argv[it->argc] == NULL);
			free(out);
			out = next;
			xasprintf(&next, "%s\n", out);
		}
		free(out);
		out = next;
	}
	return out;
}

/* Conditions: "1" and "yes" hold, and every test is recorded. */
static char tested[256];

static bool cond(const char *format, void *arg)
{
	(void)arg;
	strncat(tested, format, sizeof tested - strlen(tested) - 2);
	strcat(tested, "|");
	return strcmp(format, "1") == 0 || strcmp(format, "yes") == 0;
}

static void parses(const char *text, const char *want)
{
	struct cmd_parse_list l;
	cmd_parse_text(text, strlen(text), cond, NULL, &l);
	char *got = show(&l);
	CHECKF(strcmp(got, want) == 0, "\n%s\ngave\n%s\nnot\n%s", text, got, want);
	free(got);
	cmd_parse_list_free(&l);
}

static void words(void)
{
	parses("set -g base-index 1\n", "1: [set] [-g] [base-index] [1]\n");
	parses("  set\t-g  mouse   on  ", "1: [set] [-g] [mouse] [on]\n");
	parses("\n\n# a comment\nneww # and another\n", "4: [neww]\n");
	parses("a ; b;c\nd \\; e\n", "1: [a]\n1: [b]\n1: [c]\n2: [d] [;] [e]\n");
	parses("bind r source-file ~/.rsh.conf \\; display 'Reloaded!'\n",
	       "1: [bind] [r] [source-file] [/home/test/.rsh.conf] [;] [display] [Reloaded!]\n");
	parses("set -g status-left '#[fg=red]#S $HOME \\n'\n",
	       "1: [set] [-g] [status-left] [#[fg=red]#S $HOME \\n]\n");
	parses("set -g status-right \"$HOME ${HOME}x $NOSUCH_VAR_X. \\$HOME \\\"q\\\"\"\n",
	       "1: [set] [-g] [status-right] [/home/test /home/testx . $HOME \"q\"]\n");
	parses("a \"it's\" 'say \"hi\"' x'y'\"z\" ''\n",
	       "1: [a] [it's] [say \"hi\"] [xyz] []\n");
	parses("a \\e\\t\\s\\101\\u00e9\\U0001F600\\q\\\\\n",
	       "1: [a] [\033\t A\xc3\xa9\xf0\x9f\x98\x80q\\]\n");
	parses("a $ $1 b#c #{x}\n", "1: [a] [$] [$1] [b#c]\n");
	parses("a ~ ~/x x~ \"~\" '~' ~root/y\n", "1: [a] [/home/test] [/home/test/x] [x~] [/home/test] [~] [/root/y]\n");
	/* Continuation, counted: the command is on the line it starts on. */
	parses("set -g \\\n  display-time \\\n 2000\nb\n", "1: [set] [-g] [display-time] [2000]\n4: [b]\n");
	parses("a \\\\\nb\n", "1: [a] [\\]\n2: [b]\n");
	parses("a\r\nb\r\n", "1: [a]\n2: [b]\n");
	parses("a 100% %1\n%1 x\n", "1: [a] [100%] [%1]\n2: [%1] [x]\n");
	/* { } blocks: one word, their text in braces, read again by the command taking it
	 * (text that is one block whole reads as its commands); lines are commands; quotes
	 * and nesting kept; the lines after it counted. */
	parses("bind x { neww }\nb\n", "1: [bind] [x] [{ neww }]\n2: [b]\n");
	parses("bind -T copy-mode-vi / command-prompt -p \"(search down)\" { send -X "
	       "search-forward \"%%\" }\n",
	       "1: [bind] [-T] [copy-mode-vi] [/] [command-prompt] [-p] [(search down)] "
	       "[{ send -X search-forward \"%%\" }]\n");
	parses("bind y {\n  kill-pane\n  if -F 1 { neww } \"display '}'\"\n}\nc\n",
	       "1: [bind] [y] [{ kill-pane ;   if -F 1 { neww } \"display '}'\" }]\n5: [c]\n");
	parses("{ kill-pane ; if -F 1 { neww } \"display '}'\" }",
	       "1: [kill-pane]\n1: [if] [-F] [1] [{ neww }] [display '}']\n");
	parses("{ a } { b }", "1! unexpected {\n"); /* two blocks are not one */
	parses("{ a ; \"}\" }", "1: [a]\n1: [}]\n");
	/* Environment assignments apply to what follows. */
	parses("RSH_TEST_V=abc\na $RSH_TEST_V\n", "2: [a] [abc]\n");
	CHECK(strcmp(getenv("RSH_TEST_V"), "abc") == 0);
}

static void errors(void)
{
	parses("a 'open\nb\n", "1! missing '\n2: [b]\n");
	parses("a \"open\nb \"x\"\n", "1! missing \"\n2: [b] [x]\n");
	parses("a ; b 'x ; c\nd\n", "1! missing '\n2: [d]\n"); /* a bad line runs nothing */
	parses("a \\5x\nb\\uzz\nc ${A-B}\nd ~nosuchuser99/x\ne\n",
	       "1! invalid octal escape\n2! invalid \\u argument\n3! invalid environment variable\n"
	       "4! no home directory for ~nosuchuser99\n5: [e]\n");
	parses("a \\UFFFFFFFF\n", "1! invalid \\U argument\n");
	parses("bind x { neww\nb\n", "1! missing }\n");
	parses("{ neww }\nb\n", "1! unexpected {\n2: [b]\n");
	parses("}\n", "1! unexpected }\n");
	parses("%bogus\n%else\n%endif\n%elif 1\n",
	       "1! unknown directive: %bogus\n2! %else without %if\n3! %endif without %if\n"
	       "4! %elif without %if\n");
	parses("a \\", "1! backslash at the end\n");
}

static void conditions(void)
{
	tested[0] = '\0';
	parses("%if 1\na\n%else\nb\n%endif\n", "2: [a]\n");
	parses("%if 0\na\n%elif \"yes\"\nb\n%elif 1\nc\n%else\nd\n%endif\ne\n", "4: [b]\n10: [e]\n");
	parses("%if #{==:a,b}\na\n%else\nb\n%endif\n", "4: [b]\n");
	parses("%if 0\n%if 1\na\n%else\nb\n%endif\n%else\nc\n%endif\n", "8: [c]\n");
	/* The outer branch not taken: inner conditions are not even tested. */
	CHECKF(strcmp(tested, "1|0|yes|#{==:a,b}|0|") == 0, "%s", tested);
	parses("%if 1\na\n", "2: [a]\n1! missing %endif\n");
	/* A broken %if still opens a branch, not taken: what it guarded does not run. */
	parses("%if\na\n%endif\nb\n", "1! missing condition\n4: [b]\n");
	parses("%if 1\n%else\n%else\n%endif\n", "3! %else after %else\n");
	struct cmd_parse_list l;
	cmd_parse_text("%if 1\na\n%endif\n", 15, NULL, NULL, &l);
	CHECK(l.n == 1 && l.items[0].error != NULL && strstr(l.items[0].error, "not allowed"));
	cmd_parse_list_free(&l);
	/* Deep nesting is refused, not overflowed. */
	char deep[64 * 6 + 100] = "";
	for (int i = 0; i < 70; i++)
		strcat(deep, "%if 1\n");
	cmd_parse_text(deep, strlen(deep), cond, NULL, &l);
	CHECK(l.n >= 1 && l.items[0].error != NULL && strstr(l.items[0].error, "too deeply"));
	cmd_parse_list_free(&l);
}

static void split(int argc, char **argv, const char *want)
{
	struct cmd_parse_list l;
	cmd_parse_words(argc, argv, &l);
	char *got = show(&l);
	CHECKF(strcmp(got, want) == 0, "gave\n%s\nnot\n%s", got, want);
	free(got);
	cmd_parse_list_free(&l);
}

static void argv_lists(void)
{
	char *a[] = {"new", "-d", ";", "ls"};
	split(4, a, "1: [new] [-d]\n1: [ls]\n");
	char *b[] = {"new", "-d;", "ls;"};
	split(3, b, "1: [new] [-d]\n1: [ls]\n");
	char *c[] = {"bind", "x", "a", "\\;", "b", "c\\;"};
	split(6, c, "1: [bind] [x] [a] [;] [b] [c;]\n");
	char *d[] = {";", ";"};
	split(2, d, "");
	split(0, NULL, "");
}

int main(void)
{
	setenv("HOME", "/home/test", 1);
	unsetenv("NOSUCH_VAR_X");
	words();
	errors();
	conditions();
	argv_lists();
	return 0;
}
