/*
 * automatic-rename, as tmux's names.c: a window with the option on (the default) is
 * named by automatic-rename-format expanded for its active pane (tmux's default: the
 * pane's current command, "[dead]" after it once the pane is dead), checked at most every
 * NAMES_INTERVAL_MS after output in the window (and once when it is made). A name a user
 * gives turns the option off for that window (window_set_name).
 */
#ifndef RSH_SERVER_NAMES_H
#define RSH_SERVER_NAMES_H

#include <stdbool.h>

#define NAMES_INTERVAL_MS 500

/*
 * Output in the pane's window: its name is checked again soon; and a rename its program
 * asked for (ESC k NAME ESC \) applies when the pane's allow-rename is on, as tmux: NAME
 * names the window and turns automatic-rename off, an empty one gives automatic-rename
 * back to the window's default.
 */
struct pane;
void names_output(struct pane *p);

/* Checks the windows due; returns the ms until the next is due, or -1 for none.
 * *renamed says whether a window's name changed. */
int names_tick(bool *renamed);

#endif
