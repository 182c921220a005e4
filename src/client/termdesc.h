/*
 * The client's terminal as it uses it, told to the server for show-messages -T (TERMINAL
 * events, term/event.h): its name ($TERM) and the capabilities its drawing relies on,
 * those it reads itself (RGB, Tc, colors, setaf, smxx, Smulx, Ss, Se, tsl, fsl, Ms) and
 * the main ones curses draws with (cup, clear, el, ed, sgr0, the attributes, colours,
 * the cursor's visibility, the alternate screen, the bell, am), in tmux's order (by name,
 * case aside). Each is what the current curses terminal's entry says, a
 * terminal-overrides item for the terminal over it (NAME@ takes it away, NAME alone sets
 * a flag, NAME=VALUE a string or number), or missing; where the client sends bytes of its
 * own for a missing string because the terminal lists give the terminal tmux's feature
 * (title: tsl and fsl, clipboard: Ms, cstyle: Ss), those bytes as tmux's feature gives
 * them; Se only from terminal-overrides (the client sends Ss 0 instead).
 */
#ifndef RSH_CLIENT_TERMDESC_H
#define RSH_CLIENT_TERMDESC_H

#include "termcaps.h"
#include "term/event.h"

/* Sends term's description as TERMINAL events (several pieces: the first with first
 * set), through send. ts: the overrides' strings for the terminal (NULL: none);
 * features: the enum termcap bits the lists give it. */
void termdesc_send(const char *term, const struct termcaps_strings *ts, unsigned features,
		   void (*send)(void *arg, const term_event *ev), void *arg);

#endif
