/*
 * Splitting follows tmux: the session ends at the first ':', the window at the first '.'
 * after it. Each part parser fills its part only when it succeeds, and says why not.
 */
#include "target.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "word.h"
#include "util/xmalloc.h"

/* Indexes, offsets and ids: at most INT_MAX. */
static long number(const char *s)
{
	return word_number(s, INT_MAX);
}

static void set(struct target_part *p, enum target_form form, long value, const char *name)
{
	p->form = form;
	p->value = value;
	p->name = name != NULL ? xstrdup(name) : NULL;
}

static const char *parse_id(const char *s, struct target_part *p)
{
	long v = number(s + 1);
	if (v < 0)
		return "an id is $, @ or % and a number";
	set(p, TARGET_ID, v, NULL);
	return NULL;
}

static const char *parse_exact(const char *s, struct target_part *p)
{
	if (s[1] == '\0')
		return "no name after =";
	set(p, TARGET_EXACT, 0, s + 1);
	return NULL;
}

static const char *parse_offset(const char *s, struct target_part *p)
{
	long v = s[1] == '\0' ? 1 : number(s + 1);
	if (v < 0)
		return "an offset is + or - and a number";
	set(p, TARGET_OFFSET, s[0] == '-' ? -v : v, NULL);
	return NULL;
}

static const char *parse_session(const char *s, struct target_part *p)
{
	switch (s[0]) {
	case '\0': set(p, TARGET_CURRENT, 0, NULL); return NULL;
	case '$': return parse_id(s, p);
	case '=': return parse_exact(s, p);
	default: set(p, TARGET_NAME, 0, s); return NULL;
	}
}

static const char *parse_window(const char *s, struct target_part *p)
{
	long v = number(s);
	switch (s[0]) {
	case '\0': set(p, TARGET_CURRENT, 0, NULL); return NULL;
	case '@': return parse_id(s, p);
	case '=': return parse_exact(s, p);
	case '+':
	case '-': return parse_offset(s, p);
	default: set(p, v >= 0 ? TARGET_NUMBER : TARGET_NAME, v >= 0 ? v : 0, s); return NULL;
	}
}

static const char *parse_pane(const char *s, struct target_part *p)
{
	long v = number(s);
	switch (s[0]) {
	case '\0': set(p, TARGET_CURRENT, 0, NULL); return NULL;
	case '%': return parse_id(s, p);
	case '+':
	case '-': return parse_offset(s, p);
	}
	if (v < 0)
		return "a pane is a number, +N, -N or %N";
	set(p, TARGET_NUMBER, v, s);
	return NULL;
}

/*
 * A word without separators: an id says what it designates, else the command's kind
 * does. A pane that is not pane syntax is taken as a window (tmux resolves it to that
 * window's active pane).
 */
static const char *parse_word(const char *s, enum target_kind kind, struct target *t)
{
	if (s[0] == '$' || (kind == TARGET_SESSION && s[0] != '@' && s[0] != '%'))
		return parse_session(s, &t->session);
	if (s[0] == '%' || (kind == TARGET_PANE && s[0] != '@')) {
		const char *why = parse_pane(s, &t->pane);
		if (why == NULL || s[0] == '%' || s[0] == '+' || s[0] == '-')
			return why;
	}
	return parse_window(s, &t->window);
}

static const char *parse(char *s, enum target_kind kind, struct target *t)
{
	char *colon = strchr(s, ':');
	char *period = strchr(colon != NULL ? colon + 1 : s, '.');
	if (colon != NULL)
		*colon = '\0';
	if (period != NULL)
		*period = '\0';
	if (colon == NULL && period == NULL)
		return parse_word(s, kind, t);

	const char *why = NULL;
	if (colon != NULL)
		why = parse_session(s, &t->session);
	if (why == NULL)
		why = parse_window(colon != NULL ? colon + 1 : s, &t->window);
	if (why == NULL && period != NULL)
		why = parse_pane(period + 1, &t->pane);
	return why;
}

char *target_parse(const char *s, enum target_kind kind, struct target *t)
{
	memset(t, 0, sizeof *t);
	if (strcmp(s, "=") == 0 || strcmp(s, "{mouse}") == 0) {
		t->mouse = true;
		return NULL;
	}
	char *copy = xstrdup(s);
	const char *why = parse(copy, kind, t);
	free(copy);
	if (why == NULL)
		return NULL;
	target_free(t);
	char *word = word_escape(s), *error;
	xasprintf(&error, "bad target: %s (%s)", word, why);
	free(word);
	return error;
}

void target_free(struct target *t)
{
	free(t->session.name);
	free(t->window.name);
	free(t->pane.name);
	memset(t, 0, sizeof *t);
}
