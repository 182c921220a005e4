/* command-prompt's and confirm-before's texts: names expanded, answers put in. */
#include "ask.h"

#include <stdlib.h>
#include <string.h>

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
