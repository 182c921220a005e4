/*
 * Key names as tmux spells them, read and written: the one parser and printer the server
 * (bind-key, send-keys, list-keys, the prefix options) and the client (its key tables,
 * list-keys drawn locally) share.
 *
 * A name is optional modifiers C-, M-, S- (any order, either case; ^ as C- first) then a
 * key: F1-F12, IC/Insert, DC/Delete, Home, End, NPage/PageDown/PgDn, PPage/PageUp/PgUp,
 * Tab, BTab, Space, BSpace, Enter, Escape, Up, Down, Left, Right (either case), or one
 * character (printable ASCII or one UTF-8 character). "None" is no key. As in tmux, Ctrl
 * with a letter or one of @ [ \ ] ^ _ ? and Space is a control character, so C-i is Tab,
 * C-m Enter, C-[ Escape and C-@ C-Space; Ctrl with other punctuation that has no control
 * character (C-%) is refused, Ctrl with a digit or one of !#()+,-.:;<=>'`/ is kept.
 *
 * Keys are compared in their normal form (keyname_normal: what both a parsed name and a
 * key read from a terminal are brought to) and ordered as tmux orders its key codes, so
 * list-keys prints bindings in tmux's order. Names come from config files, command lines
 * and the network: any bytes are refused or read, never overrun (a fuzz target).
 */
#ifndef RSH_TERM_KEYNAME_H
#define RSH_TERM_KEYNAME_H

#include <stdbool.h>
#include <stdint.h>

#include "input.h"

#define KEYNAME_MAX 40 /* the longest name printed, NUL included: "C-M-S-MouseDragEnd1StatusDefault" */

/* The key that is no key ("None"): a character key with no character. */
#define KEYNAME_NONE ((term_key){.code = TERM_KEY_CHAR, .ch = 0})
bool keyname_is_none(const term_key *key);

/* Reads name into *key (in normal form); false when it names no key. */
bool keyname_parse(const char *name, term_key *key);
/* Writes key's canonical name (the first spelling above: "IC", "NPage", "C-Space"). */
void keyname_print(const term_key *key, char out[KEYNAME_MAX]);
/* key brought to normal form: C-A as C-a, C-i as Tab, C-m as Enter, C-[ as Escape. */
term_key keyname_normal(term_key key);
/* Whether a and b are the same key once normal. */
bool keyname_equal(const term_key *a, const term_key *b);
/* tmux's order of key codes: a number that sorts as tmux sorts its bindings. */
uint64_t keyname_order(const term_key *key);

/* tmux's rule for mode-keys' default: vi when the program named by $VISUAL, or else
 * $EDITOR, contains "vi" (its name, not its directory), else emacs. */
bool keyname_mode_keys_vi(const char *visual, const char *editor);

#endif
