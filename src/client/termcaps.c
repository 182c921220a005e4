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

/* Applies one item's names to *bits when its pattern matches term. */
static void apply_item(const char *item, const char *term, const struct name_bit *table,
		       unsigned *bits)
{
	const char *colon = strchr(item, ':');
	if (colon == NULL)
		return;
	char *pattern = xstrndup(item, (size_t)(colon - item));
	bool match = fnmatch(pattern, term, 0) == 0;
	free(pattern);
	for (const char *p = colon + 1; match && *p != '\0';) {
		size_t n = strcspn(p, ":"), len = strcspn(p, "=:");
		bool off = len > 0 && len == n && p[len - 1] == '@';
		unsigned bit = bit_of(table, p, off ? len - 1 : len);
		*bits = off ? *bits & ~bit : *bits | bit;
		p += n + (p[n] == ':');
	}
}

static void apply_list(const char *list, const char *term, const struct name_bit *table,
		       unsigned *bits)
{
	while (*list != '\0') {
		size_t n = strcspn(list, "\n");
		char *item = xstrndup(list, n);
		apply_item(item, term, table, bits);
		free(item);
		list += n + (list[n] == '\n');
	}
}

unsigned termcaps_decide(const char *term, const char *feature_list, const char *overrides)
{
	unsigned bits = 0;
	apply_list(feature_list, term, features, &bits);
	apply_list(overrides, term, capabilities, &bits);
	return bits;
}
