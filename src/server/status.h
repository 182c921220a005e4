/* The status line a client sees on its last row, drawn by the server as tmux's default. */
#ifndef RSH_SERVER_STATUS_H
#define RSH_SERVER_STATUS_H

#include "server.h"
#include "term/snapshot.h"

/*
 * One row of cols cells, all in reverse video: "[NAME] 0:bash* 1:vim", the current
 * window marked * (the server does not track a previous window, so no -). Names may hold
 * any bytes: control characters and invalid UTF-8 read '?', East Asian wide characters
 * take two cells. Text past cols is cut, never half a wide character.
 */
term_snapshot *status_line(const struct session *s, unsigned cols);

/* Cells a code point takes in the status line: 2 for wide ones, else 1. */
unsigned status_width(uint32_t cp);

#endif
