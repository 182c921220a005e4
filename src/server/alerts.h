/*
 * Alerts, as tmux's (alerts.c): a window's bell and activity, the flags they leave on it
 * (# activity, ! bell in window_flags, until it is made current), the bell passed on to
 * the session's clients' terminals and the messages visual-bell and visual-activity
 * show.
 *
 *   monitor-activity (window, off)  output in the window sets its activity flag, unless
 *                                   it is the session's current window with a client
 *   monitor-bell (window, on)       a bell (BEL) does the same for its bell flag
 *   activity-action, bell-action    (session: none, any, current, other) for which
 *                                   windows the alert is passed on
 *   visual-activity, visual-bell    (session: off, on, both) off: the terminal's bell
 *                                   rings; on: "Activity in window N" (or "... in
 *                                   current window") shows instead; both: both
 */
#ifndef RSH_SERVER_ALERTS_H
#define RSH_SERVER_ALERTS_H

#include <stdbool.h>

#include "server.h"

/* The pane's program wrote output, and rang the bell (bell) in it: checked at once. */
void alerts_output(struct pane *p, bool bell);

#endif
