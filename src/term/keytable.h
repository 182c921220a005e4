/*
 * Key tables, as tmux's: named tables (prefix, root, copy-mode, copy-mode-vi and any a
 * user names) of bindings from a key to a command list, with the options a client needs
 * to act on keys by itself (prefix, prefix2, repeat-time, escape-time, status-keys; the
 * view carries mouse and mode-keys in a field of their own).
 *
 * The server owns the tables it binds into (src/server/key_bindings.h); each attached
 * client gets them through its view (view.h) as an immutable, reference-counted copy
 * with a generation number that grows with every change, so a view diff carries the
 * tables only when they changed, and the client looks keys up without a round trip.
 *
 * A binding's command list is in argv form (cmd/cmdlist.h): words, with a word ";"
 * between two commands. Tables are sorted by name, bindings by keyname_order, so both
 * sides print them in tmux's order.
 *
 * The wire form (key_tables_pack / key_tables_read, docs/protocol.md "Key tables") comes
 * from the network: reading checks every type, count and length against the limits here.
 */
#ifndef RSH_TERM_KEYTABLE_H
#define RSH_TERM_KEYTABLE_H

#include <msgpack.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input.h"
#include "util/msgpack_read.h"

#define KEY_TABLES_MAX 64        /* tables */
#define KEY_TABLE_NAME_MAX 64    /* bytes of a table's name */
#define KEY_BINDINGS_MAX 4096    /* bindings in all tables together */
#define KEY_NOTE_MAX 256         /* bytes of a note */
#define KEY_WORDS_MAX 64         /* words of a command list: one input event's */
#define KEY_WORD_MAX 1024        /* bytes of a word */
#define KEY_ESCAPE_TIME_MAX 10000 /* ms: a longer escape-time is shipped as this */
#define KEY_SEPARATORS_MAX 128   /* bytes of word-separators shipped (the rest cut) */
/* tmux 3.3's word-separators: the printable ASCII that is neither alphanumeric nor _. */
#define KEY_SEPARATORS_DEFAULT "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~"

enum key_style { KEY_STYLE_EMACS, KEY_STYLE_VI }; /* status-keys */

struct key_options {
	term_key prefix, prefix2;     /* KEYNAME_NONE for none */
	uint32_t repeat_time;         /* ms, 0..32767 */
	uint32_t escape_time;         /* ms, 0..KEY_ESCAPE_TIME_MAX */
	uint8_t status_keys;          /* enum key_style */
	/* word-separators: copy mode's word motions end at these (ASCII) characters */
	char word_separators[KEY_SEPARATORS_MAX + 1];
};

struct key_binding {
	term_key key;  /* in keyname_normal form */
	bool repeat;   /* -r: repeats within repeat-time without the prefix */
	char *note;    /* -N, or NULL */
	int argc;      /* the command list, argv form, 1..KEY_WORDS_MAX words */
	char **argv;
};

struct key_table {
	char *name;
	struct key_binding *b; /* in keyname_order, one per key */
	size_t n, cap;         /* cap in bytes (xgrow) */
};

typedef struct key_tables {
	uint32_t refs;
	uint64_t gen;
	struct key_options opt;
	struct key_table *t; /* by name (strcmp); none empty */
	size_t n, cap;       /* cap in bytes (xgrow) */
	size_t nbindings;
} key_tables;

/* No tables, tmux's default options; one reference. */
key_tables *key_tables_new(void);
key_tables *key_tables_ref(key_tables *kt);
void key_tables_unref(key_tables *kt);
/* A deep copy with one reference (the server freezes its tables to ship them). */
key_tables *key_tables_clone(const key_tables *kt);

const struct key_table *key_tables_find(const key_tables *kt, const char *name);
const struct key_binding *key_tables_lookup(const key_tables *kt, const char *table,
					    const term_key *key);
/*
 * Binds key in table (made when missing) to the command list, replacing any binding of
 * the key. note may be NULL. Returns 0, or -1 with *cause (allocated) when a limit
 * above is broken. Words and note are copied.
 */
int key_tables_bind(key_tables *kt, const char *table, const term_key *key, bool repeat,
		    const char *note, int argc, char *const argv[], char **cause);
/* Removes key's binding in table (a table left empty goes); false when there was none. */
bool key_tables_unbind(key_tables *kt, const char *table, const term_key *key);
/* Removes the table and its bindings; false when there was no such table. */
bool key_tables_remove(key_tables *kt, const char *table);

/* The wire form of every field (generation, options, tables). */
void key_tables_pack(const key_tables *kt, msgpack_packer *pk);
/* Reads that form; NULL with r failed when anything breaks the rules above. */
key_tables *key_tables_read(mp_reader *r);

#endif
