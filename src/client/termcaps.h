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
 * they would change), and capabilities' values are not read: rsh sends the standard
 * sequences.
 *
 * The lists come from the server (already authenticated) but are read as untrusted text:
 * any bytes, items without a colon skipped.
 */
#ifndef RSH_CLIENT_TERMCAPS_H
#define RSH_CLIENT_TERMCAPS_H

enum termcap {
	TERMCAP_RGB = 1u << 0,
	TERMCAP_TITLE = 1u << 1,
	TERMCAP_CSTYLE = 1u << 2,
	TERMCAP_CLIPBOARD = 1u << 3,
};

/* The enum termcap bits the lists (items joined by newlines) give the terminal term:
 * the features' first, then the overrides' over them, in order. */
unsigned termcaps_decide(const char *term, const char *features, const char *overrides);

#endif
