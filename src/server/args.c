/*
 * The command table, then the parser. The server adds a handler per command; the
 * table here decides what reaches it, so a handler never sees a malformed command line.
 */
#include "args.h"

#include <stdlib.h>
#include <string.h>

#include "word.h"
#include "util/xmalloc.h"

#define SIZE_MAX_CELLS 10000 /* -x, -y and resize counts; the server clamps further */

#define BOOL(c) {c, ARGS_BOOL, 0, 0}
#define STRING(c) {c, ARGS_STRING, 0, 0}
#define TARGET {'t', ARGS_TARGET, 0, 0}
#define END {0, ARGS_BOOL, 0, 0}
#define FLAGS(...) ((const struct args_flag[]){__VA_ARGS__, END})
#define NONE ((const struct args_flag[]){END})

static const struct args_flag resize_flags[] = {
	{'L', ARGS_OPTIONAL, 1, SIZE_MAX_CELLS}, {'R', ARGS_OPTIONAL, 1, SIZE_MAX_CELLS},
	{'U', ARGS_OPTIONAL, 1, SIZE_MAX_CELLS}, {'D', ARGS_OPTIONAL, 1, SIZE_MAX_CELLS},
	BOOL('Z'), TARGET, END,
};

const struct args_command args_commands[] = {
	{"attach-session", {"attach", "a", "at"}, FLAGS(TARGET), NULL, TARGET_SESSION, 0, 0,
	 "attach-session [-t target-session]"},
	{"capture-pane", {"capturep"}, FLAGS(BOOL('e'), BOOL('p'), TARGET), NULL, TARGET_PANE,
	 0, 0, "capture-pane [-ep] [-t target-pane]"},
	{"detach-client", {"detach"}, FLAGS(TARGET), NULL, TARGET_SESSION, 0, 0,
	 "detach-client [-t target-session]"},
	{"has-session", {"has"}, FLAGS(TARGET), NULL, TARGET_SESSION, 0, 0,
	 "has-session [-t target-session]"},
	{"kill-pane", {"killp"}, FLAGS(TARGET), NULL, TARGET_PANE, 0, 0,
	 "kill-pane [-t target-pane]"},
	{"kill-server", {NULL}, NONE, NULL, TARGET_SESSION, 0, 0, "kill-server"},
	{"kill-session", {NULL}, FLAGS(TARGET), NULL, TARGET_SESSION, 0, 0,
	 "kill-session [-t target-session]"},
	{"kill-window", {"killw"}, FLAGS(TARGET), NULL, TARGET_WINDOW, 0, 0,
	 "kill-window [-t target-window]"},
	{"list-clients", {"lsc"}, FLAGS(TARGET), NULL, TARGET_SESSION, 0, 0,
	 "list-clients [-t target-session]"},
	{"list-panes", {"lsp"}, FLAGS(TARGET), NULL, TARGET_WINDOW, 0, 0,
	 "list-panes [-t target-window]"},
	{"list-sessions", {"ls"}, NONE, NULL, TARGET_SESSION, 0, 0, "list-sessions"},
	{"list-windows", {"lsw"}, FLAGS(TARGET), NULL, TARGET_SESSION, 0, 0,
	 "list-windows [-t target-session]"},
	{"new-session", {"new"},
	 FLAGS(BOOL('d'), STRING('s'), {'x', ARGS_NUMBER, 1, SIZE_MAX_CELLS},
	       {'y', ARGS_NUMBER, 1, SIZE_MAX_CELLS}),
	 NULL, TARGET_SESSION, 0, ARGS_MANY,
	 "new-session [-d] [-s name] [-x cols] [-y rows] [command]"},
	{"new-window", {"neww"}, FLAGS(BOOL('d'), STRING('n'), TARGET), NULL, TARGET_WINDOW, 0,
	 ARGS_MANY, "new-window [-d] [-n name] [-t target-window] [command]"},
	{"next-window", {"next"}, FLAGS(TARGET), NULL, TARGET_SESSION, 0, 0,
	 "next-window [-t target-session]"},
	{"previous-window", {"prev"}, FLAGS(TARGET), NULL, TARGET_SESSION, 0, 0,
	 "previous-window [-t target-session]"},
	{"rename-session", {"rename"}, FLAGS(TARGET), NULL, TARGET_SESSION, 1, 1,
	 "rename-session [-t target-session] new-name"},
	{"rename-window", {"renamew"}, FLAGS(TARGET), NULL, TARGET_WINDOW, 1, 1,
	 "rename-window [-t target-window] new-name"},
	{"resize-pane", {"resizep"}, resize_flags, "LRUDZ", TARGET_PANE, 0, 0,
	 "resize-pane [-L|-R|-U|-D [n] | -Z] [-t target-pane]"},
	{"select-pane", {"selectp"}, FLAGS(BOOL('L'), BOOL('R'), BOOL('U'), BOOL('D'), TARGET),
	 "LRUD", TARGET_PANE, 0, 0, "select-pane [-L|-R|-U|-D] [-t target-pane]"},
	{"select-window", {"selectw"}, FLAGS(TARGET), NULL, TARGET_WINDOW, 0, 0,
	 "select-window [-t target-window]"},
	{"send-keys", {"send"}, FLAGS(TARGET), NULL, TARGET_PANE, 0, ARGS_MANY,
	 "send-keys [-t target-pane] key ..."},
	{"split-window", {"splitw"},
	 FLAGS(BOOL('d'), BOOL('h'), BOOL('v'), {'p', ARGS_NUMBER, 1, 99}, TARGET), "hv",
	 TARGET_PANE, 0, ARGS_MANY,
	 "split-window [-d] [-h|-v] [-p percent] [-t target-pane] [command]"},
};
const size_t args_ncommands = sizeof args_commands / sizeof *args_commands;

static bool is_alias(const struct args_command *c, const char *name)
{
	for (size_t i = 0; i < sizeof c->alias / sizeof *c->alias && c->alias[i] != NULL; i++)
		if (strcmp(c->alias[i], name) == 0)
			return true;
	return false;
}

/* The names name is a prefix of, separated by ", ". */
static char *candidates(const char *name)
{
	size_t len = 1;
	for (size_t i = 0; i < args_ncommands; i++)
		len += strlen(args_commands[i].name) + 2;
	char *out = xcalloc(1, len);
	for (size_t i = 0; i < args_ncommands; i++) {
		if (strncmp(args_commands[i].name, name, strlen(name)) != 0)
			continue;
		if (*out != '\0')
			strcat(out, ", ");
		strcat(out, args_commands[i].name);
	}
	return out;
}

const struct args_command *args_find(const char *name, char **error)
{
	const struct args_command *found = NULL;
	size_t matches = 0;
	for (size_t i = 0; i < args_ncommands; i++) {
		const struct args_command *c = &args_commands[i];
		if (strcmp(c->name, name) == 0 || is_alias(c, name))
			return c;
		if (*name != '\0' && strncmp(c->name, name, strlen(name)) == 0) {
			found = c;
			matches++;
		}
	}
	if (matches == 1)
		return found;
	char *word = word_escape(name);
	if (matches == 0) {
		xasprintf(error, "rsh: unknown command: %s", word);
	} else {
		char *list = candidates(name);
		xasprintf(error, "rsh: ambiguous command: %s, could be: %s", word, list);
		free(list);
	}
	free(word);
	return NULL;
}

static int letter_index(char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return 26 + (c - 'A');
	return -1;
}

static const struct args_flag *flag_spec(const struct args_command *cmd, char c)
{
	for (const struct args_flag *f = cmd->flags; f->letter != 0; f++)
		if (f->letter == c)
			return f;
	return NULL;
}

static bool all_digits(const char *s)
{
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

struct parser {
	int argc;
	char *const *argv;
	int next; /* the word after the one being read */
	struct args *a;
	char *error;
};

/* An error about flag c; fmt has one %s, for "-c". */
static void fail_flag(struct parser *p, const char *fmt, char c)
{
	char flag[3] = {'-', c, '\0'};
	char *word = word_escape(flag), *msg;
	xasprintf(&msg, fmt, word);
	xasprintf(&p->error, "rsh: %s: %s", p->a->cmd->name, msg);
	free(msg);
	free(word);
}

static void bad_number(struct parser *p, const struct args_flag *f, const char *text)
{
	char *word = word_escape(text);
	xasprintf(&p->error, "rsh: %s: -%c wants a number from %ld to %ld, not %s",
		  p->a->cmd->name, f->letter, f->min, f->max, word);
	free(word);
}

/*
 * Reads one flag whose letter is at *s (within a word of flags); advances *s past what it
 * consumed of that word, and p->next past a value taken from the next word.
 */
static void parse_flag(struct parser *p, const char **s)
{
	char c = **s;
	const struct args_flag *f = flag_spec(p->a->cmd, c);
	int k = letter_index(c);
	(*s)++;
	if (f == NULL || k < 0) {
		fail_flag(p, "unknown flag %s", c);
		return;
	}
	p->a->set[k] = true;
	const char *text = NULL;
	if (f->value == ARGS_OPTIONAL) {
		if (**s >= '0' && **s <= '9')
			text = *s;
		else if (**s == '\0' && p->next < p->argc && all_digits(p->argv[p->next]))
			text = p->argv[p->next++];
		p->a->number[k] = f->min;
	} else if (f->value != ARGS_BOOL) {
		if (**s != '\0') {
			text = *s;
		} else if (p->next < p->argc) {
			text = p->argv[p->next++];
		} else {
			fail_flag(p, "%s needs a value", c);
			return;
		}
	}
	if (text == NULL)
		return;
	*s += strlen(*s);
	if (f->value == ARGS_NUMBER || f->value == ARGS_OPTIONAL) {
		long v = word_number(text, f->max);
		if (v < f->min)
			bad_number(p, f, text);
		p->a->number[k] = v;
	} else {
		p->a->value[k] = text;
	}
}

/* At most one of the command's exclusive flags. */
static void check_exclusive(struct parser *p)
{
	const char *x = p->a->cmd->exclusive;
	for (size_t i = 0; x != NULL && x[i] != '\0'; i++) {
		for (size_t j = i + 1; x[j] != '\0'; j++) {
			if (args_has(p->a, x[i]) && args_has(p->a, x[j])) {
				xasprintf(&p->error, "rsh: %s: -%c and -%c cannot be used together",
					  p->a->cmd->name, x[i], x[j]);
				return;
			}
		}
	}
}

static void parse_words(struct parser *p)
{
	int i = 1;
	while (i < p->argc && p->error == NULL) {
		const char *w = p->argv[i];
		if (w[0] != '-' || w[1] == '\0')
			break;
		i++;
		if (strcmp(w, "--") == 0)
			break;
		p->next = i;
		for (const char *s = w + 1; *s != '\0' && p->error == NULL;)
			parse_flag(p, &s);
		i = p->next;
	}
	if (p->error != NULL)
		return;
	check_exclusive(p);
	struct args *a = p->a;
	a->argc = p->argc - i;
	a->argv = p->argv + i;
	if (p->error == NULL && (a->argc < a->cmd->min_args || a->argc > a->cmd->max_args))
		xasprintf(&p->error, "usage: %s", a->cmd->usage);
	const char *t = args_get(a, 't');
	if (p->error == NULL && t != NULL) {
		char *why = target_parse(t, a->cmd->target, &a->target);
		if (why != NULL)
			xasprintf(&p->error, "rsh: %s", why);
		free(why);
	}
}

char *args_parse(int argc, char *const argv[], struct args *a)
{
	memset(a, 0, sizeof *a);
	if (argc < 1)
		return xstrdup("rsh: no command");
	struct parser p = {argc, argv, 1, a, NULL};
	a->cmd = args_find(argv[0], &p.error);
	if (a->cmd != NULL)
		parse_words(&p);
	if (p.error != NULL)
		args_free(a);
	return p.error;
}

void args_free(struct args *a)
{
	target_free(&a->target);
	memset(a, 0, sizeof *a);
}

bool args_has(const struct args *a, char flag)
{
	int k = letter_index(flag);
	return k >= 0 && a->set[k];
}

const char *args_get(const struct args *a, char flag)
{
	int k = letter_index(flag);
	return k >= 0 ? a->value[k] : NULL;
}

long args_number(const struct args *a, char flag, long dflt)
{
	int k = letter_index(flag);
	return k >= 0 && a->set[k] ? a->number[k] : dflt;
}
