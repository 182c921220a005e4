/*
 * The local terminal's modes while the client runs, and their restoring on every way
 * out: a normal exit, SIGTERM/SIGHUP (the caller's loop calls tty_restore) and crash
 * signals, whose handler does the same with async-signal-safe calls only.
 */
#ifndef RSH_CLIENT_TTY_H
#define RSH_CLIENT_TTY_H

/*
 * Saves the termios of fd, puts it in raw mode and enables bracketed paste and focus
 * reporting (mouse reporting stays off, tmux's default); installs the crash handlers.
 * Returns 0, or -1 with errno when fd is not a terminal.
 */
int tty_enter(int fd);

/* Undoes tty_enter: modes off, the saved termios back. Idempotent; safe before enter. */
void tty_restore(void);

/* Re-enters raw mode and the modes after a stop (SIGCONT): the shell may have reset them. */
void tty_reenter(void);

#endif
