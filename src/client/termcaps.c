/* The terminal's abilities from terminal-features and terminal-overrides. */
#include "termcaps.h"

#include <fnmatch.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

struct name_bit {
	const char *name;
	unsigned bit;
};

static const struct name_bit features[] = {
	{"RGB", TERMCAP_RGB}, {"title", TERMCAP_TITLE}, {"cstyle", TERMCAP_CSTYLE},
	{"clipboard", TERMCAP_CLIPBOARD}, {NULL, 0},
};

static const struct name_bit capabilities[] = {
	{"Tc", TERMCAP_RGB}, {"RGB", TERMCAP_RGB}, {"tsl", TERMCAP_TITLE},
	{"Ss", TERMCAP_CSTYLE}, {"Ms", TERMCAP_CLIPBOARD}, {NULL, 0},
};

/* The bit a name (of len bytes, "=value" and "@" already cut off) stands for, or 0. */
static unsigned bit_of(const struct name_bit *table, const char *name, size_t len)
{
	for (; table->name != NULL; table++)
		if (strlen(table->name) == len && memcmp(table->name, name, len) == 0)
			return table->bit;
	return 0;
}

/* The next ':'-separated field of an item at *p ("::" is a colon in it, as tmux's
 * tty_term_override_next), allocated; NULL at the end. */
static char *next_field(const char **p)
{
	if (**p == '\0')
		return NULL;
	size_t len = strlen(*p), n = 0;
	char *out = xmalloc(len + 1);
	const char *s = *p;
	while (*s != '\0' && !(s[0] == ':' && s[1] != ':')) {
		out[n++] = *s;
		s += s[0] == ':' ? 2 : 1;
	}
	out[n] = '\0';
	*p = *s == ':' ? s + 1 : s;
	return out;
}

/* Calls each(name, value, removed, data) for the fields of every item of list whose
 * pattern matches term: "NAME=VALUE", "NAME@" (removed) or "NAME" (value ""). */
static void each_field(const char *list, const char *term,
		       void (*each)(const char *, const char *, bool, void *), void *data)
{
	while (*list != '\0') {
		size_t n = strcspn(list, "\n");
		char *item = xstrndup(list, n), *field;
		const char *p = item;
		char *pattern = strchr(item, ':') != NULL ? next_field(&p) : NULL;
		bool match = pattern != NULL && fnmatch(pattern, term, 0) == 0;
		while (match && (field = next_field(&p)) != NULL) {
			char *eq = strchr(field, '=');
			size_t flen = strlen(field);
			bool removed = eq == NULL && flen > 0 && field[flen - 1] == '@';
			if (eq != NULL)
				*eq = '\0';
			else if (removed)
				field[flen - 1] = '\0';
			each(field, eq != NULL ? eq + 1 : "", removed, data);
			free(field);
		}
		free(pattern);
		free(item);
		list += n + (list[n] == '\n');
	}
}

struct bits_ctx {
	const struct name_bit *table;
	unsigned bits;
};

static void apply_bit(const char *name, const char *value, bool removed, void *data)
{
	struct bits_ctx *b = data;
	(void)value;
	unsigned bit = bit_of(b->table, name, strlen(name));
	b->bits = removed ? b->bits & ~bit : b->bits | bit;
}

static void apply_list(const char *list, const char *term, const struct name_bit *table,
		       unsigned *bits)
{
	struct bits_ctx b = {table, *bits};
	each_field(list, term, apply_bit, &b);
	*bits = b.bits;
}

unsigned termcaps_decide(const char *term, const char *feature_list, const char *overrides)
{
	unsigned bits = 0;
	apply_list(feature_list, term, features, &bits);
	apply_list(overrides, term, capabilities, &bits);
	return bits;
}

/* One escape of tmux's strunvis(3) at *p (after the backslash) into *out; false for one
 * it does not know. */
static bool unvis_one(const char **p, char *out)
{
	static const char plain[] = "\\\\n\nr\rb\ba\av\vt\tf\fs E\033";
	const char *s = *p;
	const char *hit = *s != '\0' ? strchr(plain, *s) : NULL;
	if (hit != NULL && (hit - plain) % 2 == 0) {
		*out = hit[1];
		*p = s + 1;
		return true;
	}
	if (*s >= '0' && *s <= '7') {
		unsigned v = 0, n = 0;
		while (n < 3 && s[n] >= '0' && s[n] <= '7')
			v = v * 8 + (unsigned)(s[n++] - '0');
		*out = (char)v;
		*p = s + n;
		return true;
	}
	unsigned meta = 0;
	if (s[0] == 'M' && (s[1] == '-' || s[1] == '^')) {
		meta = 0x80;
		if (s[1] == '-' && s[2] != '\0') {
			*out = (char)(meta | (unsigned char)s[2]);
			*p = s + 3;
			return true;
		}
		s++;
	}
	if (s[0] == '^' && s[1] != '\0') {
		*out = (char)(meta | (s[1] == '?' ? 0x7f : ((unsigned char)s[1] & 037)));
		*p = s + 2;
		return true;
	}
	return false;
}

/* value with its escapes read as tmux reads an override's (strunvis), or as it is when
 * one is unknown; allocated. */
static char *unvis(const char *value)
{
	char *out = xmalloc(strlen(value) + 1), *o = out;
	for (const char *p = value; *p != '\0';) {
		if (*p != '\\') {
			*o++ = *p++;
			continue;
		}
		p++;
		if (!unvis_one(&p, o++)) {
			free(out);
			return xstrdup(value);
		}
	}
	*o = '\0';
	return out;
}

struct termcaps_strings {
	size_t n;
	char **name, **value; /* value NULL: removed */
};

static void apply_string(const char *name, const char *value, bool removed, void *data)
{
	struct termcaps_strings *ts = data;
	size_t i = 0;
	while (i < ts->n && strcmp(ts->name[i], name) != 0)
		i++;
	if (i == ts->n) {
		ts->name = xreallocarray(ts->name, ts->n + 1, sizeof *ts->name);
		ts->value = xreallocarray(ts->value, ts->n + 1, sizeof *ts->value);
		ts->name[ts->n] = xstrdup(name);
		ts->value[ts->n++] = NULL;
	} else {
		free(ts->value[i]);
	}
	ts->value[i] = removed ? NULL : unvis(value);
}

struct termcaps_strings *termcaps_strings(const char *term, const char *overrides)
{
	struct termcaps_strings *ts = xcalloc(1, sizeof *ts);
	each_field(overrides, term, apply_string, ts);
	return ts;
}

void termcaps_strings_free(struct termcaps_strings *ts)
{
	if (ts == NULL)
		return;
	for (size_t i = 0; i < ts->n; i++) {
		free(ts->name[i]);
		free(ts->value[i]);
	}
	free(ts->name);
	free(ts->value);
	free(ts);
}

bool termcaps_string(const struct termcaps_strings *ts, const char *name, const char **value)
{
	for (size_t i = 0; ts != NULL && i < ts->n; i++)
		if (strcmp(ts->name[i], name) == 0) {
			*value = ts->value[i];
			return true;
		}
	return false;
}
