/*
 * A pane's screen as text, one line per row, like `tmux capture-pane -p`: trailing blanks
 * trimmed; with TERM_CAPTURE_ESCAPES (capture-pane -e) SGR sequences for attributes and
 * colours. Half of a wide character whose other half was overwritten shows as a space.
 */
#ifndef RSH_TERM_CAPTURE_H
#define RSH_TERM_CAPTURE_H

#include <stddef.h>

#include "grid.h"
#include "snapshot.h"

enum term_capture_flags {
	TERM_CAPTURE_ESCAPES = 1 << 0,
};

/* history: the grid whose scrollback lines come first (NULL for the screen alone).
 * Returns a NUL-terminated string to free; *len (if not NULL) gets its length. */
char *term_capture(const term_snapshot *snap, const term_grid *history, unsigned flags,
		   size_t *len);

#endif
