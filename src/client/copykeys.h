/*
 * The copy-mode key tables: which copy-mode command (send-keys -X's names: cursor-up,
 * page-up, search-backward, begin-selection, copy-pipe-and-cancel, cancel...) a key runs
 * in emacs mode (table copy-mode) or vi mode (copy-mode-vi).
 *
 * Tables are read from bind-key lines as tmux's list-keys prints them
 * (copykeys_default_lines: tmux 3.3's defaults), so the server's shipped tables can take
 * their place. Of a line's commands, the copy-mode one counts (select-pane before it is
 * the pane's business); command-prompt's -p asks for a line, -1 for one key, and the
 * answer becomes the command's argument ("%%"). Lines rsh cannot act on (mouse keys,
 * numeric-prefix prompts) are skipped.
 */
#ifndef RSH_CLIENT_COPYKEYS_H
#define RSH_CLIENT_COPYKEYS_H

#include <stdbool.h>

#include "term/input.h"

enum copykeys_table { COPYKEYS_EMACS, COPYKEYS_VI };

enum copykeys_ask {
	COPYKEYS_ASK_NONE,
	COPYKEYS_ASK_LINE, /* a prompt line (search, goto-line) */
	COPYKEYS_ASK_KEY,  /* one key (jump-forward) */
};

#define COPYKEYS_MAX_TEXT 64

struct copykeys_binding {
	enum copykeys_table table;
	term_key key;
	char command[COPYKEYS_MAX_TEXT];  /* "cursor-up" */
	char argument[COPYKEYS_MAX_TEXT]; /* send-keys -X's argument, "" for none */
	enum copykeys_ask ask;
	char prompt[COPYKEYS_MAX_TEXT];   /* "(search down)", shown before the line */
	unsigned repeat;                  /* send-keys -N, 1 without */
};

extern const char *const copykeys_default_lines[];

/* Reads one bind-key line of a copy-mode table; false for a line rsh cannot use. */
bool copykeys_parse(const char *line, struct copykeys_binding *b);
/* The binding of key in the table, or NULL. The tables are read once, on first use. */
const struct copykeys_binding *copykeys_lookup(enum copykeys_table t, const term_key *key);

#endif
