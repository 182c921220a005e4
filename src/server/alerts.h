/*
 * Alerts, as tmux's (alerts.c): a window's bell and activity, the flags they leave on it
 * (# activity, ! bell in window_flags, until it is made current), the bell passed on to
 * the session's clients' terminals and the messages visual-bell and visual-activity
 * show.
 *
 *   monitor-activity (window, off)  output in the window sets its activity flag, unless
 *                                   it is the session's current window with a client
 *   monitor-bell (window, on)       a bell (BEL) does the same for its bell flag
 *   monitor-silence (window, 0)     seconds: no output in the window for that long sets
 *                                   its silence flag (~), and again every as long while
 *                                   it stays quiet (told once until the flag clears);
 *                                   the timer starts at each output and when the option
 *                                   is set
 *   activity-action, bell-action,   (session: none, any, current, other) for which
 *   silence-action
 *                                   windows the alert is passed on
 *   visual-activity, visual-bell,   (session: off, on, both) off: the terminal's bell
 *   visual-silence
 *                                   rings; on: "Activity in window N" (or "... in
 *                                   current window") shows instead; both: both
 */
#ifndef RSH_SERVER_ALERTS_H
#define RSH_SERVER_ALERTS_H

#include <stdbool.h>

#include "server.h"

/* The pane's program wrote output, and rang the bell (bell) in it: checked at once. */
void alerts_output(struct pane *p, bool bell);
/* Every window's silence timer started again (monitor-silence was set). */
void alerts_reset_all(void);
/* Raises the silence alerts that are due; the milliseconds until the next, -1 none. */
int alerts_tick(void);

#endif
