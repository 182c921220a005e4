/* Key tables: sorted arrays, copied whole when frozen, and their wire form. */
#include "keytable.h"

#include <stdlib.h>
#include <string.h>

#include "keyname.h"
#include "util/xmalloc.h"

key_tables *key_tables_new(void)
{
	key_tables *kt = xcalloc(1, sizeof *kt);
	kt->refs = 1;
	kt->opt = (struct key_options){
		.prefix = {.code = TERM_KEY_CHAR, .mods = TERM_MOD_CTRL, .ch = 'b'},
		.prefix2 = KEYNAME_NONE,
		.repeat_time = 500,
		.escape_time = 500,
		.word_separators = KEY_SEPARATORS_DEFAULT,
	};
	return kt;
}

key_tables *key_tables_ref(key_tables *kt)
{
	kt->refs++;
	return kt;
}

static void binding_clear(struct key_binding *b)
{
	for (int i = 0; i < b->argc; i++)
		free(b->argv[i]);
	free(b->argv);
	free(b->note);
}

static void table_clear(struct key_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		binding_clear(&t->b[i]);
	free(t->b);
	free(t->name);
}

void key_tables_unref(key_tables *kt)
{
	if (kt == NULL || --kt->refs > 0)
		return;
	for (size_t i = 0; i < kt->n; i++)
		table_clear(&kt->t[i]);
	free(kt->t);
	free(kt);
}

/* Makes to own copies of from's note and words (to may be from). */
static void binding_copy(struct key_binding *to, const struct key_binding *from)
{
	struct key_binding b = *from;
	b.note = from->note != NULL ? xstrdup(from->note) : NULL;
	b.argv = xreallocarray(NULL, (size_t)from->argc, sizeof *b.argv);
	for (int i = 0; i < from->argc; i++)
		b.argv[i] = xstrdup(from->argv[i]);
	*to = b;
}

key_tables *key_tables_clone(const key_tables *kt)
{
	key_tables *c = xcalloc(1, sizeof *c);
	*c = *kt;
	c->refs = 1;
	c->cap = (kt->n + 1) * sizeof *c->t;
	c->t = xmalloc(c->cap);
	for (size_t i = 0; i < kt->n; i++) {
		const struct key_table *from = &kt->t[i];
		struct key_table *to = &c->t[i];
		to->name = xstrdup(from->name);
		to->n = from->n;
		to->cap = (from->n + 1) * sizeof *to->b;
		to->b = xmalloc(to->cap);
		for (size_t j = 0; j < from->n; j++)
			binding_copy(&to->b[j], &from->b[j]);
	}
	return c;
}

/* Where the table called name is, or would go: *found says which. */
static size_t table_place(const key_tables *kt, const char *name, bool *found)
{
	size_t lo = 0, hi = kt->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(kt->t[mid].name, name);
		if (c == 0)
			return *found = true, mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

/* Where key's binding is, or would go. */
static size_t binding_place(const struct key_table *t, const term_key *key, bool *found)
{
	uint64_t want = keyname_order(key);
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		uint64_t have = keyname_order(&t->b[mid].key);
		if (have == want)
			return *found = true, mid;
		if (have < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

const struct key_table *key_tables_find(const key_tables *kt, const char *name)
{
	bool found;
	size_t i = table_place(kt, name, &found);
	return found ? &kt->t[i] : NULL;
}

const struct key_binding *key_tables_lookup(const key_tables *kt, const char *table,
					    const term_key *key)
{
	const struct key_table *t = key_tables_find(kt, table);
	bool found;
	size_t i;
	if (t == NULL)
		return NULL;
	i = binding_place(t, key, &found);
	return found ? &t->b[i] : NULL;
}

/* NULL when the name, note and words keep the limits, else why not. */
static const char *binding_check(const char *table, const char *note, int argc,
				 char *const argv[])
{
	if (table[0] == '\0' || strlen(table) > KEY_TABLE_NAME_MAX)
		return "bad table name";
	if (note != NULL && strlen(note) > KEY_NOTE_MAX)
		return "note too long";
	if (argc < 1)
		return "no command";
	if (argc > KEY_WORDS_MAX)
		return "too many words";
	for (int i = 0; i < argc; i++)
		if (strlen(argv[i]) > KEY_WORD_MAX)
			return "word too long";
	return NULL;
}

int key_tables_bind(key_tables *kt, const char *table, const term_key *key, bool repeat,
		    const char *note, int argc, char *const argv[], char **cause)
{
	const char *why = binding_check(table, note, argc, argv);
	bool found;
	size_t ti = table_place(kt, table, &found), bi;
	struct key_table *t;

	if (why == NULL && !found && kt->n >= KEY_TABLES_MAX)
		why = "too many key tables";
	if (why != NULL) {
		*cause = xstrdup(why);
		return -1;
	}
	if (!found) {
		kt->t = xgrow(kt->t, &kt->cap, (kt->n + 1) * sizeof *kt->t, 8 * sizeof *kt->t);
		memmove(kt->t + ti + 1, kt->t + ti, (kt->n - ti) * sizeof *kt->t);
		kt->t[ti] = (struct key_table){.name = xstrdup(table)};
		kt->n++;
	}
	t = &kt->t[ti];
	bi = binding_place(t, key, &found);
	if (!found && kt->nbindings >= KEY_BINDINGS_MAX) {
		*cause = xstrdup("too many key bindings");
		return -1;
	}
	/* Copied before the old binding goes: the words may be its own (a new note). */
	struct key_binding b = {keyname_normal(*key), repeat, (char *)note, argc, (char **)argv};
	binding_copy(&b, &b);
	if (found) {
		binding_clear(&t->b[bi]);
	} else {
		t->b = xgrow(t->b, &t->cap, (t->n + 1) * sizeof *t->b, 16 * sizeof *t->b);
		memmove(t->b + bi + 1, t->b + bi, (t->n - bi) * sizeof *t->b);
		t->n++;
		kt->nbindings++;
	}
	t->b[bi] = b;
	return 0;
}

static void table_drop(key_tables *kt, size_t ti)
{
	kt->nbindings -= kt->t[ti].n;
	table_clear(&kt->t[ti]);
	memmove(kt->t + ti, kt->t + ti + 1, (kt->n - ti - 1) * sizeof *kt->t);
	kt->n--;
}

bool key_tables_unbind(key_tables *kt, const char *table, const term_key *key)
{
	bool found;
	size_t ti = table_place(kt, table, &found), bi;
	if (!found)
		return false;
	struct key_table *t = &kt->t[ti];
	bi = binding_place(t, key, &found);
	if (!found)
		return false;
	binding_clear(&t->b[bi]);
	memmove(t->b + bi, t->b + bi + 1, (t->n - bi - 1) * sizeof *t->b);
	t->n--;
	kt->nbindings--;
	if (t->n == 0)
		table_drop(kt, ti);
	return true;
}

bool key_tables_remove(key_tables *kt, const char *table)
{
	bool found;
	size_t ti = table_place(kt, table, &found);
	if (found)
		table_drop(kt, ti);
	return found;
}

/* --- wire form ------------------------------------------------------------------- */

static void pack_key(const term_key *k, msgpack_packer *pk)
{
	msgpack_pack_array(pk, 3);
	msgpack_pack_uint8(pk, k->code);
	msgpack_pack_uint8(pk, k->mods);
	msgpack_pack_uint32(pk, k->ch);
}

static void pack_str(const char *s, msgpack_packer *pk)
{
	msgpack_pack_str_with_body(pk, s, strlen(s));
}

static void pack_binding(const struct key_binding *b, msgpack_packer *pk)
{
	msgpack_pack_array(pk, 4);
	pack_key(&b->key, pk);
	if (b->repeat)
		msgpack_pack_true(pk);
	else
		msgpack_pack_false(pk);
	pack_str(b->note != NULL ? b->note : "", pk);
	msgpack_pack_array(pk, (size_t)b->argc);
	for (int i = 0; i < b->argc; i++)
		msgpack_pack_bin_with_body(pk, b->argv[i], strlen(b->argv[i]));
}

void key_tables_pack(const key_tables *kt, msgpack_packer *pk)
{
	const struct key_options *o = &kt->opt;
	msgpack_pack_array(pk, 8);
	msgpack_pack_uint64(pk, kt->gen);
	pack_key(&o->prefix, pk);
	pack_key(&o->prefix2, pk);
	msgpack_pack_uint32(pk, o->repeat_time);
	msgpack_pack_uint32(pk, o->escape_time);
	msgpack_pack_uint8(pk, o->status_keys);
	msgpack_pack_array(pk, kt->n);
	for (size_t i = 0; i < kt->n; i++) {
		msgpack_pack_array(pk, 2);
		pack_str(kt->t[i].name, pk);
		msgpack_pack_array(pk, kt->t[i].n);
		for (size_t j = 0; j < kt->t[i].n; j++)
			pack_binding(&kt->t[i].b[j], pk);
	}
	pack_str(o->word_separators, pk);
}

/* A key as the input events carry one (event.h), or None. */
static bool read_key(mp_reader *r, term_key *k)
{
	uint32_t n, code, mods, ch;
	mp_read_array(r, 3, 3, &n);
	mp_read_u32(r, TERM_KEY_MOUSE, &code);
	mp_read_u32(r, TERM_MOD_ALL, &mods);
	mp_read_u32(r, 0x10ffff, &ch);
	if (r->error != NULL)
		return false;
	if (code == TERM_KEY_MOUSE ? !TERM_MOUSE_KEY_VALID(ch)
				   : (code != TERM_KEY_CHAR && ch != 0) || (ch >= 0xd800 && ch <= 0xdfff))
		return mp_fail(r, "bad key");
	*k = (term_key){(uint8_t)code, (uint8_t)mods, ch};
	return true;
}

/* An allocated copy of a str or bin without NUL of at most max bytes, or NULL. */
static char *read_text(mp_reader *r, uint32_t max, bool bin)
{
	const char *s;
	uint32_t n;
	if (bin ? !mp_read_bin(r, max, (const uint8_t **)&s, &n) : !mp_read_str(r, max, &s, &n))
		return NULL;
	if (memchr(s, '\0', n) != NULL) {
		mp_fail(r, "NUL in a key table");
		return NULL;
	}
	return xstrndup(s, n);
}

static bool read_binding(mp_reader *r, key_tables *kt, const char *table)
{
	uint32_t n, argc;
	term_key key;
	bool repeat = false, ok = false;
	char *note = NULL, *argv[KEY_WORDS_MAX] = {0}, *cause = NULL;

	mp_read_array(r, 4, 4, &n);
	read_key(r, &key);
	mp_read_bool(r, &repeat);
	note = read_text(r, KEY_NOTE_MAX, false);
	mp_read_array(r, 1, KEY_WORDS_MAX, &argc);
	for (uint32_t i = 0; r->error == NULL && i < argc; i++)
		argv[i] = read_text(r, KEY_WORD_MAX, true);
	if (r->error == NULL && key_tables_lookup(kt, table, &key) != NULL)
		mp_fail(r, "a key bound twice");
	else if (r->error == NULL && key_tables_bind(kt, table, &key, repeat,
						     note[0] != '\0' ? note : NULL, (int)argc,
						     argv, &cause) != 0)
		mp_fail(r, "key table over its limits");
	else
		ok = r->error == NULL;
	free(cause);
	free(note);
	for (uint32_t i = 0; i < argc && i < KEY_WORDS_MAX; i++)
		free(argv[i]);
	return ok;
}

static bool read_table(mp_reader *r, key_tables *kt)
{
	uint32_t n, nb;
	char *name;
	bool ok = true;
	mp_read_array(r, 2, 2, &n);
	name = read_text(r, KEY_TABLE_NAME_MAX, false);
	mp_read_array(r, 1, KEY_BINDINGS_MAX, &nb);
	if (r->error == NULL && (name[0] == '\0' || key_tables_find(kt, name) != NULL))
		mp_fail(r, "bad or repeated table name");
	for (uint32_t i = 0; r->error == NULL && i < nb && ok; i++)
		ok = read_binding(r, kt, name);
	free(name);
	return r->error == NULL;
}

key_tables *key_tables_read(mp_reader *r)
{
	key_tables *kt = key_tables_new();
	struct key_options *o = &kt->opt;
	uint32_t n, ntables, status;
	mp_read_array(r, 7, 8, &n);
	mp_read_uint(r, UINT64_MAX, &kt->gen);
	read_key(r, &o->prefix);
	read_key(r, &o->prefix2);
	mp_read_u32(r, 32767, &o->repeat_time);
	mp_read_u32(r, KEY_ESCAPE_TIME_MAX, &o->escape_time);
	mp_read_u32(r, KEY_STYLE_VI, &status);
	mp_read_array(r, 0, KEY_TABLES_MAX, &ntables);
	o->status_keys = (uint8_t)status;
	for (uint32_t i = 0; r->error == NULL && i < ntables; i++)
		read_table(r, kt);
	char *separators = r->error == NULL && n == 8 ? read_text(r, KEY_SEPARATORS_MAX, false)
						       : NULL;
	if (separators != NULL)
		memcpy(o->word_separators, separators, strlen(separators) + 1);
	free(separators);
	if (r->error != NULL) {
		key_tables_unref(kt);
		return NULL;
	}
	return kt;
}
