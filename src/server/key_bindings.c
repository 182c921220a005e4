/* The server's key tables and the frozen copies views ship. */
#include "key_bindings.h"

#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "term/keyname.h"

/* Frozen copies: one per set of key options in use (sessions may set their own prefix),
 * all dropped when the tables change. Each has a generation of its own, so a view whose
 * client moves to a session with other options ships the other copy. */
#define SHIPPED_MAX 8

static key_tables *tables;                 /* the live tables */
static key_tables *shipped[SHIPPED_MAX];   /* newest last */
static size_t nshipped;
static uint64_t generation;                /* the last one given to a copy */

static void drop_shipped(void)
{
	for (size_t i = 0; i < nshipped; i++)
		key_tables_unref(shipped[i]);
	nshipped = 0;
}

void key_bindings_free(void)
{
	key_tables_unref(tables);
	tables = NULL;
	drop_shipped();
}

key_tables *key_bindings(void)
{
	if (tables == NULL) {
		tables = key_tables_new();
		key_defaults_bind(tables);
	}
	return tables;
}

void key_bindings_changed(void)
{
	drop_shipped();
}

static term_key key_option(const struct options *oo, const char *name)
{
	term_key key;
	/* set-option checked it as a key name (options.c), None included */
	if (!keyname_parse(options_get_string(oo, name), &key))
		key = KEYNAME_NONE;
	return key;
}

struct key_options key_bindings_options(const struct session *s)
{
	const struct options *oo = s != NULL ? s->options : options_global_session;
	long long escape = options_get_number(options_server, "escape-time");
	struct key_options o = {
		.prefix = key_option(oo, "prefix"),
		.prefix2 = key_option(oo, "prefix2"),
		.repeat_time = (uint32_t)options_get_number(oo, "repeat-time"),
		.escape_time = (uint32_t)(escape > KEY_ESCAPE_TIME_MAX ? KEY_ESCAPE_TIME_MAX : escape),
		.status_keys = (uint8_t)options_get_number(oo, "status-keys"),
	};
	const char *separators = options_get_string(oo, "word-separators");
	size_t len = strlen(separators);
	len = len > KEY_SEPARATORS_MAX ? KEY_SEPARATORS_MAX : len;
	memcpy(o.word_separators, separators, len);
	o.word_separators[len] = '\0';
	return o;
}

static bool options_equal(const struct key_options *a, const struct key_options *b)
{
	return keyname_equal(&a->prefix, &b->prefix) && keyname_equal(&a->prefix2, &b->prefix2) &&
	       a->repeat_time == b->repeat_time && a->escape_time == b->escape_time &&
	       a->status_keys == b->status_keys &&
	       strcmp(a->word_separators, b->word_separators) == 0;
}

key_tables *key_bindings_shipped(const struct session *s)
{
	struct key_options o = key_bindings_options(s);
	for (size_t i = 0; i < nshipped; i++)
		if (options_equal(&shipped[i]->opt, &o))
			return shipped[i];
	if (nshipped == SHIPPED_MAX) {
		key_tables_unref(shipped[0]);
		for (size_t i = 1; i < nshipped; i++)
			shipped[i - 1] = shipped[i];
		nshipped--;
	}
	key_tables *kt = key_tables_clone(key_bindings());
	kt->opt = o;
	kt->gen = ++generation;
	shipped[nshipped++] = kt;
	return kt;
}
