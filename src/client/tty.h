/*
 * The local terminal's modes while the client runs, and their restoring on every way
 * out: a normal exit, SIGTERM/SIGHUP (the caller's loop calls tty_restore) and crash
 * signals, whose handler does the same with async-signal-safe calls only.
 */
#ifndef RSH_CLIENT_TTY_H
#define RSH_CLIENT_TTY_H

#include "term/view.h"

/* How much of the mouse the terminal reports, in xterm's levels: each includes the one
 * before it. */
enum tty_mouse {
	TTY_MOUSE_OFF,
	TTY_MOUSE_CLICK, /* presses and releases (1000) */
	TTY_MOUSE_DRAG,  /* and motion with a button down (1002) */
	TTY_MOUSE_MOVE,  /* and any motion (1003) */
};

/*
 * Saves the termios of fd, puts it in raw mode and enables bracketed paste and focus
 * reporting, and mouse reporting at the level tty_mouse last set (none at first);
 * installs the crash handlers. Returns 0, or -1 with errno when fd is not a terminal.
 */
int tty_enter(int fd);

/* Undoes tty_enter: modes off, the saved termios back. Idempotent; safe before enter. */
void tty_restore(void);

/* Re-enters raw mode and the modes after a stop (SIGCONT): the shell may have reset them. */
void tty_reenter(void);

/*
 * The reporting v's visible panes ask for: the highest level any has on, none when none
 * has (so the terminal keeps its own selection over plain shells).
 */
enum tty_mouse tty_mouse_wanted(const term_view *v);
/* Sets the terminal's mouse reporting, with SGR coordinates; writes only on a change. */
void tty_mouse(enum tty_mouse level);

#endif
