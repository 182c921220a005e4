/* The status line a client sees on its last row, drawn by the server from the options. */
#ifndef RSH_SERVER_STATUS_H
#define RSH_SERVER_STATUS_H

#include "server.h"
#include "term/snapshot.h"

/*
 * One row of cols cells as tmux draws it: status-left (at most status-left-length cells,
 * in status-left-style), the window list (window-status-format or -current-format for
 * each window, their styles, window-status-separator between; placed by status-justify),
 * status-right at the end (status-right-length, -style), the rest in status-style (with
 * status-fg and status-bg over it). Formats are expanded with strftime for left and
 * right; #[style] in them changes the cells after it. Text may hold any bytes: control
 * characters and invalid UTF-8 read '?', East Asian wide characters take two cells.
 * Text past its room is cut, never half a wide character.
 */
term_snapshot *status_line(const struct session *s, unsigned cols);

/* Cells a code point takes in the status line: 2 for wide ones, else 1. */
unsigned status_width(uint32_t cp);

#endif
