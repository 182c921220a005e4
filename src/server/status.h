/* The status lines a client sees on its last rows (or first), drawn by the server from
 * the options. */
#ifndef RSH_SERVER_STATUS_H
#define RSH_SERVER_STATUS_H

#include "server.h"
#include "term/snapshot.h"

/*
 * The session's status lines at cols: n rows (at most TERM_VIEW_MAX_STATUS).
 *
 * The first as tmux draws it: status-left (at most status-left-length cells, in
 * status-left-style), the window list (window-status-format or -current-format for each
 * window, their styles, window-status-separator between; placed by status-justify),
 * status-right at the end (status-right-length, -style), the rest in status-style (with
 * status-fg and status-bg over it). Formats are expanded with strftime for left and
 * right; #[style] in them changes the cells after it. Text may hold any bytes: control
 * characters and invalid UTF-8 read '?', East Asian wide characters take two cells.
 * Text past its room is cut, never half a wide character.
 *
 * The second, as tmux's default status-format[1]: the current window's panes centred,
 * each "index[WxH] " with the active one in reverse. The others blank in status-style
 * (tmux's status-format has no more by default; rsh has no status-format option).
 */
term_snapshot *status_lines(const struct session *s, unsigned cols, unsigned n);

/* How many status lines the options ask for (the status option: 0 off, 1 on, 2 to 5),
 * and whether they are at the top (status-position). */
unsigned status_count(const struct options *oo);
bool status_at_top(const struct options *oo);
/* The window area of a client rows high: rows less the status lines, at least 1. */
unsigned status_area_rows(const struct options *oo, unsigned rows);

/*
 * Draws text into row from cell at on, at most max cells, as the status line draws a
 * format's result: from base (with styles, #[style] changing the cells after it,
 * "default" back to base; without, drawn as it is), control characters and invalid
 * bytes as '?', never half a wide character. Returns the cells drawn.
 */
unsigned status_draw(term_row *row, unsigned at, unsigned max, const char *text,
		     const term_cell *base, bool styles);

/* Cells a code point takes in the status line: 2 for wide ones, else 1. */
unsigned status_width(uint32_t cp);

#endif
