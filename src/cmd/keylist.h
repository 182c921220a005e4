/*
 * list-keys' output, made where both the server (the list-keys command) and the client
 * (C-b ? drawn from the tables it was shipped, without a round trip) need it. The format
 * is tmux 3.3's:
 *
 *   bind-key    -T prefix       c                    new-window
 *   bind-key -r -T prefix       Up                   select-pane -U
 *
 * the table and key columns as wide as the widest listed, the -r column there only when
 * some listed binding repeats; with notes (-N), "C-b c       Create a new window": the
 * root table's noted keys, then the prefix table's after the prefix key's name.
 */
#ifndef RSH_CMD_KEYLIST_H
#define RSH_CMD_KEYLIST_H

#include <stdbool.h>

#include "term/keytable.h"

struct keylist_request {
	const char *table;  /* -T, or NULL for every table (for -N: root and prefix) */
	bool notes;         /* -N */
	bool all;           /* -a: with -N, bindings without a note show their command */
	bool first;         /* -1: only the first line */
	const char *key;    /* the one key to list, or NULL */
	const char *prefix; /* -P, or NULL: with -N the prefix key's name and a space */
};

/* The lines (each ending in \n), allocated; NULL with *cause ("table x doesn't exist",
 * "invalid key: x", "unknown key: x") when the request fails. */
char *keylist_print(const key_tables *kt, const struct keylist_request *rq, char **cause);

#endif
