/*
 * What the client's terminal can do beyond what its terminfo entry says, decided as tmux
 * decides it from the server's terminal-features and terminal-overrides (the view's
 * terminal lists): each item is "PATTERN:NAME:NAME...", and applies when PATTERN (an
 * fnmatch(3) pattern) matches the terminal's name ($TERM).
 *
 * Features (tmux's names) that rsh acts on: RGB (24-bit colour), title (the title
 * set-titles makes), cstyle (the cursor's shape, DECSCUSR), clipboard (OSC 52). Overrides
 * are terminfo capabilities: Tc and RGB give RGB, tsl title, Ss cstyle, Ms clipboard;
 * NAME@ takes the capability away again. Other names are not acted on (rsh has nothing
 * they would change). A value (NAME=VALUE, its escapes read as tmux reads them: \E, \e
 * not, \033, ^X, ...; "::" in an item is a colon) replaces the terminfo entry's string
 * capability of that name for the client (termcaps_string), as tmux applies overrides.
 *
 * The lists come from the server (already authenticated) but are read as untrusted text:
 * any bytes, items without a colon skipped.
 */
#ifndef RSH_CLIENT_TERMCAPS_H
#define RSH_CLIENT_TERMCAPS_H

#include <stdbool.h>

enum termcap {
	TERMCAP_RGB = 1u << 0,
	TERMCAP_TITLE = 1u << 1,
	TERMCAP_CSTYLE = 1u << 2,
	TERMCAP_CLIPBOARD = 1u << 3,
};

/* The enum termcap bits the lists (items joined by newlines) give the terminal term:
 * the features' first, then the overrides' over them, in order. */
unsigned termcaps_decide(const char *term, const char *features, const char *overrides);

/* The string capabilities the overrides set or take away for term, later items over
 * earlier ones; termcaps_strings_free(NULL) is nothing. */
struct termcaps_strings;
struct termcaps_strings *termcaps_strings(const char *term, const char *overrides);
void termcaps_strings_free(struct termcaps_strings *ts);
/* Whether the overrides say something of the capability name: then *value is its
 * value, NULL when taken away. */
bool termcaps_string(const struct termcaps_strings *ts, const char *name, const char **value);

#endif
