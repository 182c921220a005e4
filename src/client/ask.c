/* command-prompt's and confirm-before's texts: names expanded, answers put in. */
#include "ask.h"

#include <stdlib.h>
#include <string.h>

#include "util/format_split.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

static const struct {
	char alias;
	const char *name;
	enum term_view_name which;
} names[] = {
	{'S', "session_name", TERM_VIEW_SESSION_NAME},
	{'I', "window_index", TERM_VIEW_WINDOW_INDEX},
	{'W', "window_name", TERM_VIEW_WINDOW_NAME},
	{'P', "pane_index", TERM_VIEW_PANE_INDEX},
};
#define NNAMES (sizeof names / sizeof *names)

/* The name #X or #{...} at s (after its '#') stands for, and its length in *n. */
static const char *lookup(const char *s, const term_view *v, const struct ask_var *vars,
			  size_t nvars, size_t *n)
{
	for (size_t i = 0; i < nvars; i++) {
		size_t len = strlen(vars[i].name);
		if (s[0] == '{' && strncmp(s + 1, vars[i].name, len) == 0 && s[1 + len] == '}') {
			*n = len + 2;
			return vars[i].value;
		}
	}
	for (size_t i = 0; i < NNAMES; i++) {
		size_t len = strlen(names[i].name);
		if (s[0] == names[i].alias) {
			*n = 1;
			return v->names[names[i].which];
		}
		if (s[0] == '{' && strncmp(s + 1, names[i].name, len) == 0 && s[1 + len] == '}') {
			*n = len + 2;
			return v->names[names[i].which];
		}
	}
	return NULL;
}

char *ask_expand(const char *s, const term_view *v)
{
	return ask_expand_vars(s, v, NULL, 0);
}

char *ask_expand_vars(const char *s, const term_view *v, const struct ask_var *vars,
		      size_t nvars)
{
	struct strbuf t = {0};
	strbuf_add(&t, "", 0);
	while (*s != '\0') {
		const char *value;
		size_t n;
		if (s[0] == '#' && s[1] == '#') {
			strbuf_add(&t, "#", 1);
			s += 2;
		} else if (s[0] == '#' && (value = lookup(s + 1, v, vars, nvars, &n)) != NULL) {
			strbuf_add(&t, value, strlen(value));
			s += 1 + n;
		} else {
			strbuf_add(&t, s++, 1);
		}
	}
	return t.p;
}

/* --- if-shell -F's conditions ------------------------------------------------------ */

#define COND_DEPTH 16

struct cond {
	const term_view *v;
	const struct ask_var *vars;
	size_t nvars;
};

/* The value of the variable name[0..len), or NULL when the client does not know it. */
static const char *cond_var(const struct cond *c, const char *name, size_t len)
{
	char *braced;
	size_t n;
	xasprintf(&braced, "{%.*s}", (int)len, name);
	const char *value = lookup(braced, c->v, c->vars, c->nvars, &n);
	if (value != NULL && n != len + 2)
		value = NULL;
	free(braced);
	return value;
}

/* Where the #{ ... } opened at s[0] ('#') closes: its '}', or NULL. */
static const char *cond_close(const char *s, const char *end)
{
	int depth = 0;
	for (const char *p = s; p < end; p++) {
		if (p[0] == '#' && p + 1 < end && p[1] == '{') {
			depth++;
			p++;
		} else if (p[0] == '}' && --depth == 0) {
			return p;
		}
	}
	return NULL;
}

static char *cond_expand(const struct cond *c, const char *s, size_t len, int depth);

/* The inside of a #{ }: a name, #{?c,a,b}, or a comparison (||, &&, ==, !=). */
static char *cond_braces(const struct cond *c, const char *s, size_t len, int depth)
{
	static const char *const ops[] = {"||:", "&&:", "==:", "!=:"};
	const char *part[3];
	size_t plen[3];
	if (len > 0 && s[0] == '?') {
		if (format_split(s + 1, len - 1, part, plen, 3) != 3)
			return NULL;
		char *test = memchr(part[0], '#', plen[0]) != NULL
				     ? cond_expand(c, part[0], plen[0], depth + 1) : NULL;
		const char *value = test != NULL ? test : cond_var(c, part[0], plen[0]);
		if (value == NULL)
			return NULL;
		int pick = format_truthy(value) ? 1 : 2;
		free(test);
		return cond_expand(c, part[pick], plen[pick], depth + 1);
	}
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
		if (len < 3 || memcmp(s, ops[i], 3) != 0)
			continue;
		if (format_split(s + 3, len - 3, part, plen, 2) != 2)
			return NULL;
		char *a = cond_expand(c, part[0], plen[0], depth + 1);
		char *b = a != NULL ? cond_expand(c, part[1], plen[1], depth + 1) : NULL;
		bool yes = false;
		if (b != NULL && i == 0)
			yes = format_truthy(a) || format_truthy(b);
		else if (b != NULL && i == 1)
			yes = format_truthy(a) && format_truthy(b);
		else if (b != NULL)
			yes = (strcmp(a, b) == 0) == (i == 2);
		char *out = b != NULL ? xstrdup(yes ? "1" : "0") : NULL;
		free(a);
		free(b);
		return out;
	}
	const char *value = cond_var(c, s, len);
	return value != NULL ? xstrdup(value) : NULL;
}

static char *cond_expand(const struct cond *c, const char *s, size_t len, int depth)
{
	struct strbuf t = {0};
	const char *end = s + len;
	strbuf_add(&t, "", 0);
	if (depth > COND_DEPTH)
		goto fail;
	while (s < end) {
		if (s[0] != '#') {
			strbuf_add(&t, s++, 1);
			continue;
		}
		if (s + 1 < end && s[1] == '#') {
			strbuf_add(&t, "#", 1);
			s += 2;
			continue;
		}
		const char *close = s + 1 < end && s[1] == '{' ? cond_close(s, end) : NULL;
		char *value = close != NULL ? cond_braces(c, s + 2, (size_t)(close - s - 2), depth)
					    : NULL;
		if (value == NULL)
			goto fail; /* a name, form or short form the client does not read */
		strbuf_add(&t, value, strlen(value));
		free(value);
		s = close + 1;
	}
	return t.p;
fail:
	free(t.p);
	return NULL;
}

int ask_condition(const char *s, const term_view *v, const struct ask_var *vars, size_t nvars)
{
	struct cond c = {v, vars, nvars};
	char *value = cond_expand(&c, s, strlen(s), 0);
	if (value == NULL)
		return -1;
	int yes = format_truthy(value);
	free(value);
	return yes;
}

int ask_split(const char *s, char ***out)
{
	int n = 1;
	for (const char *p = s; *p != '\0'; p++)
		n += *p == ',';
	*out = xreallocarray(NULL, (size_t)n, sizeof **out);
	for (int i = 0; i < n; i++) {
		size_t len = strcspn(s, ",");
		(*out)[i] = xstrndup(s, len);
		s += len + (s[len] == ',');
	}
	return n;
}

void ask_free_strings(char **s, int n)
{
	for (int i = 0; i < n; i++)
		free(s[i]);
	free(s);
}
