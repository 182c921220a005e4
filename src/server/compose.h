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

/*
 * One turn of the server's loop, during which no session changes (clients_tick): within
 * it compose_view_shared gives what compose_view would, as a private copy
 * (term_view_clone, which the caller may change) of a view composed once per session and
 * size in the turn. Clients of one session at one size then share its screens and status
 * line, so their diffs are shared too (term/diff_share.h). A screen equal to the one the
 * view composed before for that session and size held (the status line, drawn anew each
 * time; a cropped pane) is that same snapshot, so that views of successive turns compare
 * in O(1) too. At most COMPOSE_SHARE_MAX sessions and sizes are kept (those of an
 * earlier turn make way; beyond that a view is composed for each client). Outside a turn
 * compose_view_shared is compose_view; compose_forget drops what is kept.
 */
#define COMPOSE_SHARE_MAX 16
void compose_turn_begin(void);
void compose_turn_end(void);
void compose_forget(void);
term_view *compose_view_shared(const struct session *s, unsigned cols, unsigned rows);

#endif
