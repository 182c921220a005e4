/*
 * The parser over a command's entry: what it lets through is the only shape of command
 * line a command's exec ever sees.
 */
#include "args.h"

#include <stdlib.h>
#include <string.h>

#include "word.h"
#include "util/xmalloc.h"

static int letter_index(char c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a';
	if (c >= 'A' && c <= 'Z')
		return 26 + (c - 'A');
	if (c >= '0' && c <= '9')
		return 52 + (c - '0'); /* list-keys -1, command-prompt -1 */
	return -1;
}

static const struct args_flag *flag_spec(const struct cmd_entry *cmd, char c)
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
	xasprintf(&p->error, "%s: %s", p->a->cmd->name, msg);
	free(msg);
	free(word);
}

static void bad_number(struct parser *p, const struct args_flag *f, const char *text)
{
	char *word = word_escape(text);
	xasprintf(&p->error, "%s: -%c wants a number from %ld to %ld, not %s",
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
		if (f->value == ARGS_STRING) {
			p->a->all[k] = xreallocarray(p->a->all[k], p->a->nall[k] + 1,
						     sizeof *p->a->all[k]);
			p->a->all[k][p->a->nall[k]++] = text;
		}
	}
}

/* At most one of the command's exclusive flags. */
static void check_exclusive(struct parser *p)
{
	const char *x = p->a->cmd->exclusive;
	for (size_t i = 0; x != NULL && x[i] != '\0'; i++) {
		for (size_t j = i + 1; x[j] != '\0'; j++) {
			if (args_has(p->a, x[i]) && args_has(p->a, x[j])) {
				xasprintf(&p->error, "%s: -%c and -%c cannot be used together",
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
		p->error = why;
	}
}

int args_parse(const struct cmd_entry *entry, int argc, char *const argv[], struct args *a,
	       char **cause)
{
	memset(a, 0, sizeof *a);
	struct parser p = {argc, argv, 1, a, NULL};
	a->cmd = entry;
	parse_words(&p);
	if (p.error == NULL)
		return 0;
	args_free(a);
	*cause = p.error;
	return -1;
}

void args_free(struct args *a)
{
	target_free(&a->target);
	for (int k = 0; k < ARGS_LETTERS; k++)
		free(a->all[k]);
	memset(a, 0, sizeof *a);
}

const char *const *args_values(const struct args *a, char flag, unsigned *n)
{
	int k = letter_index(flag);
	*n = k >= 0 ? a->nall[k] : 0;
	return k >= 0 ? a->all[k] : NULL;
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
