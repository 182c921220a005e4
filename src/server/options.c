/* Option sets: values by table index, read through parents; parsing values by type. */
#include "options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "style.h"
#include "cmd/word.h"
#include "term/keyname.h"
#include "util/xmalloc.h"

struct option_value {
	bool set;
	char *str;     /* STRING, STYLE, KEY, ARRAY */
	long long num; /* the others */
};

struct options {
	struct options *parent;
	struct option_value *v; /* one per table entry */
};

struct options *options_server, *options_global_session, *options_global_window;

static size_t table_size(void)
{
	static size_t n;
	if (n == 0)
		while (options_table[n].name != NULL)
			n++;
	return n;
}

static bool is_string(const struct option_entry *oe)
{
	return oe->type == OPTION_STRING || oe->type == OPTION_STYLE || oe->type == OPTION_KEY ||
	       oe->type == OPTION_ARRAY;
}

/* An array's items: old's (joined by newlines; NULL for none) then value's, split at the
 * entry's separator and at newlines, empty ones dropped; allocated. */
static char *array_items(const struct option_entry *oe, const char *old, const char *value)
{
	size_t len = old != NULL ? strlen(old) : 0, vlen = strlen(value);
	char *out = xmalloc(len + vlen + 2), *p = out;
	if (len > 0) {
		memcpy(p, old, len);
		p += len;
	}
	char sep[16];
	snprintf(sep, sizeof sep, "%s\n", oe->separator);
	while (*value != '\0') {
		size_t n = strcspn(value, sep);
		if (n > 0) {
			if (p > out)
				*p++ = '\n';
			memcpy(p, value, n);
			p += n;
		}
		value += n + (value[n] != '\0');
	}
	*p = '\0';
	return out;
}

static size_t entry_index(const struct option_entry *oe)
{
	return (size_t)(oe - options_table);
}

struct options *options_create(struct options *parent)
{
	struct options *oo = xcalloc(1, sizeof *oo);
	oo->parent = parent;
	oo->v = xcalloc(table_size(), sizeof *oo->v);
	return oo;
}

void options_set_parent(struct options *oo, struct options *parent)
{
	oo->parent = parent;
}

void options_free(struct options *oo)
{
	if (oo == NULL)
		return;
	for (size_t i = 0; i < table_size(); i++)
		free(oo->v[i].str);
	free(oo->v);
	free(oo);
}

static void set_default(struct options *oo, const struct option_entry *oe)
{
	struct option_value *v = &oo->v[entry_index(oe)];
	free(v->str);
	v->str = oe->type == OPTION_ARRAY ? array_items(oe, NULL, oe->default_str)
		 : is_string(oe)	      ? xstrdup(oe->default_str)
					      : NULL;
	v->num = oe->default_num;
	v->set = true;
}

/* tmux's start: the shell is the user's when it is one we can run. */
static void default_shell(void)
{
	const char *shell = getenv("SHELL");
	char *cause = NULL;
	if (shell != NULL && options_set(options_global_session, options_find("default-shell",
						&cause), shell, false, &cause) != 0)
		free(cause);
}

void options_init(void)
{
	options_server = options_create(NULL);
	options_global_session = options_create(NULL);
	options_global_window = options_create(NULL);
	for (const struct option_entry *oe = options_table; oe->name != NULL; oe++) {
		if (oe->scope & OPTION_SCOPE_SERVER)
			set_default(options_server, oe);
		if (oe->scope & OPTION_SCOPE_SESSION)
			set_default(options_global_session, oe);
		if (oe->scope & OPTION_SCOPE_WINDOW)
			set_default(options_global_window, oe);
	}
	default_shell();
}

/* The first entry whose name sorts at or after name (the table is in name order). */
static size_t lower_bound(const char *name)
{
	size_t lo = 0, hi = table_size();
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(options_table[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * A binary search, not a scan: the status line reads a dozen options and format variables
 * per client per frame, and with many clients a scan of the table was half its time. The
 * names name is a prefix of sort right at or after it, together.
 */
const struct option_entry *options_find(const char *name, char **cause)
{
	size_t len = strlen(name), at = lower_bound(name), n = table_size(), matches = 0;
	if (at < n && strcmp(options_table[at].name, name) == 0)
		return &options_table[at];
	while (len > 0 && at + matches < n &&
	       strncmp(options_table[at + matches].name, name, len) == 0)
		matches++;
	if (matches == 1)
		return &options_table[at];
	char *word = word_escape(name);
	xasprintf(cause, "%s option: %s", matches == 0 ? "invalid" : "ambiguous", word);
	free(word);
	return NULL;
}

/* The value oo shows for oe: its own, else its parent's. */
static const struct option_value *lookup(const struct options *oo,
					 const struct option_entry *oe)
{
	size_t i = entry_index(oe);
	while (oo != NULL && !oo->v[i].set)
		oo = oo->parent;
	if (oo == NULL)
		abort(); /* a set read for an option outside its scope */
	return &oo->v[i];
}

static const struct option_entry *entry_named(const char *name)
{
	char *cause = NULL;
	const struct option_entry *oe = options_find(name, &cause);
	if (oe == NULL || strcmp(oe->name, name) != 0)
		abort(); /* callers name options in full, literally */
	return oe;
}

const char *options_get_string(const struct options *oo, const char *name)
{
	const struct option_entry *oe = entry_named(name);
	if (!is_string(oe))
		abort();
	return lookup(oo, oe)->str;
}

long long options_get_number(const struct options *oo, const char *name)
{
	const struct option_entry *oe = entry_named(name);
	if (is_string(oe))
		abort();
	return lookup(oo, oe)->num;
}

bool options_is_set(const struct options *oo, const struct option_entry *oe)
{
	return oo->v[entry_index(oe)].set;
}

void options_unset(struct options *oo, const struct option_entry *oe)
{
	struct option_value *v = &oo->v[entry_index(oe)];
	if (oo->parent == NULL) {
		set_default(oo, oe);
		return;
	}
	free(v->str);
	*v = (struct option_value){0};
}

/* A number as tmux's strtonum reads it, within the option's range. */
static int parse_number(const struct option_entry *oe, const char *value, long long *n,
			char **cause)
{
	char *end;
	errno = 0;
	long long v = strtoll(value, &end, 10);
	const char *why = NULL;
	if (*value == '\0' || *end != '\0' || errno == ERANGE)
		why = "invalid";
	else if (v < oe->min)
		why = "too small";
	else if (v > oe->max)
		why = "too large";
	if (why != NULL) {
		char *word = word_escape(value);
		xasprintf(cause, "value is %s: %s", why, word);
		free(word);
		return -1;
	}
	*n = v;
	return 0;
}

static int parse_flag(const char *value, long long current, long long *n)
{
	if (value == NULL || *value == '\0')
		*n = !current;
	else if (strcmp(value, "1") == 0 || strcasecmp(value, "on") == 0 ||
		 strcasecmp(value, "yes") == 0)
		*n = 1;
	else if (strcmp(value, "0") == 0 || strcasecmp(value, "off") == 0 ||
		 strcasecmp(value, "no") == 0)
		*n = 0;
	else
		return -1;
	return 0;
}

static int parse_choice(const struct option_entry *oe, const char *value, long long current,
			long long *n)
{
	if (value == NULL) {
		*n = current < 2 ? !current : current;
		return 0;
	}
	for (long long i = 0; oe->choices[i] != NULL; i++)
		if (strcmp(oe->choices[i], value) == 0) {
			*n = i;
			return 0;
		}
	return -1;
}

/* A key name (term/keyname.h), None included. */
static bool is_key(const char *value)
{
	term_key key;
	return keyname_parse(value, &key);
}

static bool is_shell(const char *value)
{
	return value[0] == '/' && access(value, X_OK) == 0;
}

/* Checks a string type's new value; NULL, or the start of the error ("bad key"). */
static const char *check_string(const struct option_entry *oe, const char *value)
{
	term_cell cell = term_cell_blank();
	if (oe->type == OPTION_STYLE && strstr(value, "#{") == NULL &&
	    style_apply(&cell, value, &cell) != 0)
		return "invalid style";
	if (oe->type == OPTION_KEY && !is_key(value))
		return "bad key";
	if (strcmp(oe->name, "default-shell") == 0 && !is_shell(value))
		return "not a suitable shell";
	return NULL;
}

static int set_string(struct options *oo, const struct option_entry *oe, const char *value,
		      bool append, char **cause)
{
	char *text;
	if (oe->type == OPTION_ARRAY)
		text = array_items(oe, append ? lookup(oo, oe)->str : NULL, value);
	else if (append && oe->type != OPTION_KEY)
		xasprintf(&text, "%s%s", lookup(oo, oe)->str, value);
	else
		text = xstrdup(value);
	const char *why = check_string(oe, text);
	if (why != NULL) {
		char *word = word_escape(text);
		xasprintf(cause, "%s: %s", why, word);
		free(word);
		free(text);
		return -1;
	}
	struct option_value *v = &oo->v[entry_index(oe)];
	free(v->str);
	*v = (struct option_value){true, text, 0};
	return 0;
}

static int set_number(struct options *oo, const struct option_entry *oe, long long n)
{
	struct option_value *v = &oo->v[entry_index(oe)];
	free(v->str);
	*v = (struct option_value){true, NULL, n};
	return 0;
}

int options_set(struct options *oo, const struct option_entry *oe, const char *value,
		bool append, char **cause)
{
	long long n = 0, current = is_string(oe) ? 0 : lookup(oo, oe)->num;
	int rc = 0;
	const char *why = "bad value";
	if (value == NULL && oe->type != OPTION_FLAG && oe->type != OPTION_CHOICE) {
		*cause = xstrdup("empty value");
		return -1;
	}
	if (is_string(oe))
		return set_string(oo, oe, value, append, cause);
	switch (oe->type) {
	case OPTION_NUMBER:
		return parse_number(oe, value, &n, cause) == 0 ? set_number(oo, oe, n) : -1;
	case OPTION_FLAG:
		rc = parse_flag(value, current, &n);
		break;
	case OPTION_CHOICE:
		rc = parse_choice(oe, value, current, &n);
		why = "unknown value";
		break;
	case OPTION_COLOUR: {
		term_colour c = 0;
		rc = colour_parse(value, &c);
		n = c;
		why = "bad colour";
		break;
	}
	default:
		abort();
	}
	if (rc != 0) {
		char *word = word_escape(value);
		xasprintf(cause, "%s: %s", why, word);
		free(word);
		return -1;
	}
	return set_number(oo, oe, n);
}

char *options_to_string(const struct options *oo, const struct option_entry *oe)
{
	const struct option_value *v = lookup(oo, oe);
	char *out;
	switch (oe->type) {
	case OPTION_FLAG:
		return xstrdup(v->num ? "on" : "off");
	case OPTION_CHOICE:
		return xstrdup(oe->choices[v->num]);
	case OPTION_COLOUR:
		return colour_name((term_colour)v->num);
	case OPTION_NUMBER:
		xasprintf(&out, "%lld", v->num);
		return out;
	default:
		return xstrdup(v->str);
	}
}
