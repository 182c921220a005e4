/*
 * What an attached client sees of its session (term/view.h): the current window's
 * visible panes at their layout places with their screens, the active one marked, and a
 * status line on the last row. The client draws the borders.
 */
#ifndef RSH_SERVER_COMPOSE_H
#define RSH_SERVER_COMPOSE_H

#include "server.h"
#include "term/view.h"

/*
 * The view for a client of cols x rows (both at least 1) attached to s. The window takes
 * rows - 1 rows (the status line has the last one); a window larger than the client is
 * clipped: a pane partly outside is cropped to what fits, one wholly outside left out; a
 * smaller window leaves the rest blank. The status line reads, as tmux's:
 *   [work] 0:bash* 1:vim-
 * (the current window marked *, the last one -), in reverse video (status.h). With rows < 2 the view holds no pane, only the status
 * line. Uncropped panes' screens are references to their snapshots, no cell copied. The
 * view is new (one reference), not yet shared: the caller may still set its echo, notice
 * and end fields.
 */
term_view *compose_view(const struct session *s, unsigned cols, unsigned rows);

#endif
