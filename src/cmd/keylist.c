/* list-keys' two formats over a set of key tables. */
#include "keylist.h"

#include <stdlib.h>
#include <string.h>

#include "cmdlist.h"
#include "term/keyname.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

struct out {
	struct strbuf b;
	bool stop; /* -1: one line is enough */
};

static void out_add(struct out *o, const char *s)
{
	strbuf_adds(&o->b, s);
}

/* Columns s takes: one per UTF-8 character (key names and table names are narrow). */
static size_t text_width(const char *s)
{
	size_t w = 0;
	for (; *s != '\0'; s++)
		w += ((unsigned char)*s & 0xc0) != 0x80;
	return w;
}

/* s padded with spaces to width columns. */
static void out_pad(struct out *o, const char *s, size_t width)
{
	out_add(o, s);
	for (size_t w = text_width(s); w < width; w++)
		out_add(o, " ");
}

static bool listed(const struct key_binding *b, const term_key *only)
{
	return only == NULL || keyname_equal(&b->key, only);
}

/* The key as list-keys shows it: its name, quoted as a command word would be. */
static char *key_word(const term_key *key)
{
	char name[KEYNAME_MAX];
	keyname_print(key, name);
	return cmdlist_quote(name);
}

/* bind-key lines for every listed binding of every listed table. */
static bool print_bindings(const key_tables *kt, const struct keylist_request *rq,
			   const term_key *only, struct out *o)
{
	size_t tablewidth = 0, keywidth = 0;
	bool repeat = false, found = false;

	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < kt->n && !o->stop; i++) {
			const struct key_table *t = &kt->t[i];
			if (rq->table != NULL && strcmp(t->name, rq->table) != 0)
				continue;
			for (size_t j = 0; j < t->n && !o->stop; j++) {
				const struct key_binding *b = &t->b[j];
				if (!listed(b, only))
					continue;
				char *key = key_word(&b->key);
				if (pass == 0) {
					repeat |= b->repeat;
					if (text_width(t->name) > tablewidth)
						tablewidth = text_width(t->name);
					if (text_width(key) > keywidth)
						keywidth = text_width(key);
				} else {
					char *cmd = cmdlist_print(b->argc, b->argv);
					found = true;
					out_add(o, "bind-key ");
					out_add(o, !repeat ? "" : b->repeat ? "-r " : "   ");
					out_add(o, "-T ");
					out_pad(o, t->name, tablewidth);
					out_add(o, " ");
					out_pad(o, key, keywidth);
					out_add(o, " ");
					out_add(o, cmd);
					out_add(o, "\n");
					free(cmd);
					o->stop = rq->first;
				}
				free(key);
			}
		}
	}
	return found;
}

static bool noted(const struct key_binding *b, const struct keylist_request *rq,
		  const term_key *only)
{
	return listed(b, only) && (rq->all || (b->note != NULL && b->note[0] != '\0'));
}

/* The widest key name among the table's bindings with a note. */
static size_t notes_width(const key_tables *kt, const char *table,
			  const struct keylist_request *rq, const term_key *only)
{
	const struct key_table *t = key_tables_find(kt, table);
	size_t width = 0;
	for (size_t j = 0; t != NULL && j < t->n; j++) {
		char name[KEYNAME_MAX];
		if (!noted(&t->b[j], rq, only))
			continue;
		keyname_print(&t->b[j].key, name);
		if (text_width(name) > width)
			width = text_width(name);
	}
	return width;
}

static bool print_notes_of(const key_tables *kt, const char *table,
			   const struct keylist_request *rq, const term_key *only,
			   size_t keywidth, const char *start, struct out *o)
{
	const struct key_table *t = key_tables_find(kt, table);
	bool found = false;
	for (size_t j = 0; t != NULL && j < t->n && !o->stop; j++) {
		const struct key_binding *b = &t->b[j];
		char name[KEYNAME_MAX];
		if (!noted(b, rq, only))
			continue;
		found = true;
		keyname_print(&b->key, name);
		out_add(o, start);
		out_pad(o, name, keywidth + 1);
		if (b->note != NULL && b->note[0] != '\0') {
			out_add(o, b->note);
		} else {
			char *cmd = cmdlist_print(b->argc, b->argv);
			out_add(o, cmd);
			free(cmd);
		}
		out_add(o, "\n");
		o->stop = rq->first;
	}
	return found;
}

static bool print_notes(const key_tables *kt, const struct keylist_request *rq,
			const term_key *only, struct out *o)
{
	if (rq->table != NULL)
		return print_notes_of(kt, rq->table, rq, only, notes_width(kt, rq->table, rq, only),
				      rq->prefix != NULL ? rq->prefix : "", o);
	char prefix[KEYNAME_MAX + 1] = "", *start;
	size_t width = notes_width(kt, "root", rq, only);
	size_t pwidth = notes_width(kt, "prefix", rq, only);
	bool with_prefix = !keyname_is_none(&kt->opt.prefix) && pwidth > 0, found;

	if (pwidth > width)
		width = pwidth;
	if (rq->prefix != NULL) {
		start = xstrdup(rq->prefix);
	} else {
		if (!keyname_is_none(&kt->opt.prefix))
			keyname_print(&kt->opt.prefix, prefix);
		xasprintf(&start, "%s%s", prefix, prefix[0] != '\0' ? " " : "");
	}
	char *blank = xmalloc(text_width(start) + 1);
	memset(blank, ' ', text_width(start));
	blank[text_width(start)] = '\0';
	found = print_notes_of(kt, "root", rq, only, width, blank, o);
	if (with_prefix)
		found |= print_notes_of(kt, "prefix", rq, only, width, start, o);
	free(blank);
	free(start);
	return found;
}

char *keylist_print(const key_tables *kt, const struct keylist_request *rq, char **cause)
{
	struct out o = {0};
	term_key only;
	bool found;

	if (rq->key != NULL && (!keyname_parse(rq->key, &only) || keyname_is_none(&only))) {
		xasprintf(cause, "invalid key: %s", rq->key);
		return NULL;
	}
	if (rq->table != NULL && key_tables_find(kt, rq->table) == NULL) {
		xasprintf(cause, "table %s doesn't exist", rq->table);
		return NULL;
	}
	out_add(&o, "");
	if (rq->notes)
		found = print_notes(kt, rq, rq->key != NULL ? &only : NULL, &o);
	else
		found = print_bindings(kt, rq, rq->key != NULL ? &only : NULL, &o);
	if (rq->key != NULL && !found) {
		free(o.b.p);
		xasprintf(cause, "unknown key: %s", rq->key);
		return NULL;
	}
	return o.b.p;
}
