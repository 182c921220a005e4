/*
 * The server's key tables (term/keytable.h): filled with tmux 3.3's default bindings for
 * the commands rsh has (key_defaults.c: one line per binding), changed by bind-key and
 * unbind-key, and shipped to every attached client in its view as a frozen copy whose
 * generation grows with each change, so a client acts on keys without a round trip.
 *
 * The key options a client needs (prefix, prefix2, repeat-time, escape-time,
 * status-keys) travel in the same copy, read from the options (options.h)
 * each time views are made, so `set -g prefix C-a` takes effect at once.
 */
#ifndef RSH_SERVER_KEY_BINDINGS_H
#define RSH_SERVER_KEY_BINDINGS_H

#include "server.h"
#include "term/keytable.h"

void key_bindings_free(void);
/* The tables (made with the defaults on first use), to read or change; after a change
 * call key_bindings_changed. */
key_tables *key_bindings(void);
void key_bindings_changed(void);
/* The frozen copy for the views of session s's clients (NULL: the global options), made
 * again when the tables or the key options changed; the caller takes its own reference
 * (term_view_set_keys does). */
key_tables *key_bindings_shipped(const struct session *s);
/* The key options in force for s (NULL: global): prefix, prefix2, repeat-time and
 * status-keys of the session, escape-time of the server. */
struct key_options key_bindings_options(const struct session *s);

/* Binds every default into kt (also what unbind-key -a leaves for the user to redo). */
void key_defaults_bind(key_tables *kt);

#endif
