/*
 * Key names as send-keys takes them, tmux's spelling: Enter, Tab, BSpace, Escape, Space,
 * Up, Down, Left, Right, Home, End, IC, DC, PPage/PageUp/PgUp, NPage/PageDown/PgDn,
 * F1-F12, or one character, after any of the modifier prefixes C-, M- and S-.
 */
#ifndef RSH_TERM_KEYS_H
#define RSH_TERM_KEYS_H

#include <stdbool.h>

#include "input.h"

/* True when word names a key (filled into *key); otherwise it is literal text. */
bool keys_lookup(const char *word, term_key *key);

/* tmux's rule for mode-keys' default: vi when the program named by $VISUAL, or else
 * $EDITOR, contains "vi" (its name, not its directory), else emacs. */
bool keys_mode_keys_vi(const char *visual, const char *editor);

#endif
