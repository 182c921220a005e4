/* Option sets: values by table index, read through parents; parsing values by type. */
#include "options.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "style.h"
#include "cmd/word.h"
#include "term/keyname.h"
#include "util/xmalloc.h"

/* One item of an array, at its index. */
struct option_item {
	unsigned index;
	char *value;
};

struct option_value {
	bool set;
	char *str;     /* STRING, STYLE, KEY; an ARRAY's items joined by newlines */
	long long num; /* the others */
	struct option_item *items; /* ARRAY: sorted by index */
	size_t nitems;
};

struct options {
	struct options *parent;
	struct option_value *v; /* one per table entry */
};

struct options *options_server, *options_global_session, *options_global_window;
unsigned long long options_changes;

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

static void items_free(struct option_value *v)
{
	for (size_t i = 0; i < v->nitems; i++)
		free(v->items[i].value);
	free(v->items);
	v->items = NULL;
	v->nitems = 0;
}

/* Where index is in v's items, or where it would go. */
static size_t item_at(const struct option_value *v, unsigned index)
{
	size_t i = 0;
	while (i < v->nitems && v->items[i].index < index)
		i++;
	return i;
}

static const struct option_item *item_find(const struct option_value *v, unsigned index)
{
	size_t i = item_at(v, index);
	return i < v->nitems && v->items[i].index == index ? &v->items[i] : NULL;
}

/* The items joined by newlines, as options_get_string reads an array. */
static void items_join(struct option_value *v)
{
	size_t len = 1;
	for (size_t i = 0; i < v->nitems; i++)
		len += strlen(v->items[i].value) + 1;
	free(v->str);
	v->str = xmalloc(len);
	char *p = v->str;
	for (size_t i = 0; i < v->nitems; i++) {
		if (i > 0)
			*p++ = '\n';
		size_t n = strlen(v->items[i].value);
		memcpy(p, v->items[i].value, n);
		p += n;
	}
	*p = '\0';
}

/* Sets (value taken) or, value NULL, removes the item at index. */
static void item_put(struct option_value *v, unsigned index, char *value)
{
	size_t i = item_at(v, index);
	bool there = i < v->nitems && v->items[i].index == index;
	if (there) {
		free(v->items[i].value);
		if (value != NULL) {
			v->items[i].value = value;
		} else {
			memmove(&v->items[i], &v->items[i + 1],
				(v->nitems - i - 1) * sizeof *v->items);
			v->nitems--;
		}
	} else if (value != NULL) {
		v->items = xreallocarray(v->items, v->nitems + 1, sizeof *v->items);
		memmove(&v->items[i + 1], &v->items[i], (v->nitems - i) * sizeof *v->items);
		v->items[i] = (struct option_item){index, value};
		v->nitems++;
	}
	items_join(v);
}

/* The lowest index no item has, where tmux's assignment puts the next item. */
static unsigned item_free_index(const struct option_value *v)
{
	unsigned index = 0;
	for (size_t i = 0; i < v->nitems && v->items[i].index == index; i++)
		index++;
	return index;
}

/* value split at the entry's separator (empty pieces dropped), each item put at the
 * lowest free index, as tmux's options_array_assign. */
static void items_assign(const struct option_entry *oe, struct option_value *v,
			 const char *value)
{
	while (*value != '\0') {
		size_t n = strcspn(value, oe->separator);
		if (n > 0)
			item_put(v, item_free_index(v), xstrndup(value, n));
		value += n + (value[n] != '\0');
	}
	items_join(v);
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
	options_changes++;
	oo->parent = parent;
}

void options_free(struct options *oo)
{
	if (oo == NULL)
		return;
	for (size_t i = 0; i < table_size(); i++) {
		free(oo->v[i].str);
		items_free(&oo->v[i]);
	}
	free(oo->v);
	free(oo);
}

static void set_default(struct options *oo, const struct option_entry *oe)
{
	struct option_value *v = &oo->v[entry_index(oe)];
	free(v->str);
	items_free(v);
	v->str = is_string(oe) ? xstrdup(oe->default_str != NULL ? oe->default_str : "") : NULL;
	v->num = oe->default_num;
	v->set = true;
	if (oe->type != OPTION_ARRAY)
		return;
	if (oe->default_arr != NULL)
		for (unsigned i = 0; oe->default_arr[i] != NULL; i++)
			item_put(v, i, xstrdup(oe->default_arr[i]));
	else
		items_assign(oe, v, oe->default_str);
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
	options_changes++;
	struct option_value *v = &oo->v[entry_index(oe)];
	if (oo->parent == NULL) {
		set_default(oo, oe);
		return;
	}
	free(v->str);
	items_free(v);
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

/* The value oo itself holds for an array, made (empty: tmux does not copy the parent's
 * items) when it holds none. */
static struct option_value *own_array(struct options *oo, const struct option_entry *oe)
{
	struct option_value *v = &oo->v[entry_index(oe)];
	if (!v->set) {
		v->set = true;
		v->str = xstrdup("");
	}
	return v;
}

/* An array set whole: its items replaced by value's (appended: added to them). */
static int set_array(struct options *oo, const struct option_entry *oe, const char *value,
		     bool append)
{
	struct option_value *v = own_array(oo, oe);
	if (!append)
		items_free(v);
	items_assign(oe, v, value);
	return 0;
}

static int set_string(struct options *oo, const struct option_entry *oe, const char *value,
		      bool append, char **cause)
{
	char *text;
	if (oe->type == OPTION_ARRAY)
		return set_array(oo, oe, value, append);
	if (append && oe->type != OPTION_KEY)
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
	*v = (struct option_value){true, text, 0, NULL, 0};
	return 0;
}

static int set_number(struct options *oo, const struct option_entry *oe, long long n)
{
	struct option_value *v = &oo->v[entry_index(oe)];
	free(v->str);
	*v = (struct option_value){true, NULL, n, NULL, 0};
	return 0;
}

int options_set(struct options *oo, const struct option_entry *oe, const char *value,
		bool append, char **cause)
{
	options_changes++;
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

int options_array_set(struct options *oo, const struct option_entry *oe, unsigned index,
		      const char *value, bool append)
{
	if (oe->type != OPTION_ARRAY)
		abort();
	options_changes++;
	struct option_value *v = own_array(oo, oe);
	const struct option_item *it = item_find(v, index);
	char *text = NULL;
	if (value != NULL && append && it != NULL)
		xasprintf(&text, "%s%s", it->value, value);
	else if (value != NULL)
		text = xstrdup(value);
	item_put(v, index, text);
	return 0;
}

const char *options_array_get(const struct options *oo, const struct option_entry *oe,
			      unsigned index)
{
	const struct option_item *it = item_find(lookup(oo, oe), index);
	return it != NULL ? it->value : NULL;
}

bool options_array_own(const struct options *oo, const struct option_entry *oe,
		       unsigned index)
{
	const struct option_value *v = &oo->v[entry_index(oe)];
	return v->set && item_find(v, index) != NULL;
}

size_t options_array_count(const struct options *oo, const struct option_entry *oe)
{
	return lookup(oo, oe)->nitems;
}

const char *options_array_item(const struct options *oo, const struct option_entry *oe,
			       size_t i, unsigned *index)
{
	const struct option_value *v = lookup(oo, oe);
	if (i >= v->nitems)
		return NULL;
	*index = v->items[i].index;
	return v->items[i].value;
}

const struct option_entry *options_find_indexed(const char *arg, int *index, char **cause)
{
	const char *open = strchr(arg, '[');
	*index = -1;
	if (open == NULL)
		return options_find(arg, cause);
	/* tmux's options_parse: digits in brackets at the very end; anything else reads
	 * "ambiguous option" in tmux 3.3a (its flag is never set on that path). */
	const char *close = strchr(open + 1, ']');
	char *end = NULL;
	long n = close != NULL && close > open + 1 && close[1] == '\0' && close[-1] >= '0' &&
			 close[-1] <= '9'
		     ? strtol(open + 1, &end, 10)
		     : -1;
	if (n < 0 || n > INT_MAX || end != close) {
		char *word = word_escape(arg);
		xasprintf(cause, "ambiguous option: %s", word);
		free(word);
		return NULL;
	}
	char *name = xstrndup(arg, (size_t)(open - arg));
	const struct option_entry *oe = options_find(name, cause);
	free(name);
	if (oe == NULL) {
		bool ambiguous = strncmp(*cause, "ambiguous", 9) == 0;
		free(*cause);
		char *word = word_escape(arg);
		xasprintf(cause, "%s option: %s", ambiguous ? "ambiguous" : "invalid", word);
		free(word);
		return NULL;
	}
	*index = (int)n;
	return oe;
}
