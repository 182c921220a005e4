/*
 * A pane's screen as text, one line per row, like `tmux capture-pane -p`: trailing blanks
 * trimmed; with TERM_CAPTURE_ESCAPES (capture-pane -e) SGR sequences for attributes and
 * colours. Half of a wide character whose other half was overwritten shows as a space.
 */
#ifndef RSH_TERM_CAPTURE_H
#define RSH_TERM_CAPTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "grid.h"
#include "snapshot.h"

enum term_capture_flags {
	TERM_CAPTURE_ESCAPES = 1 << 0,
	/* capture-pane -J: a row the terminal wrapped (term_row.wrapped) runs on into the
	 * next with no newline, its trailing blanks kept (up to its last cell written), as
	 * tmux. */
	TERM_CAPTURE_JOIN = 1 << 1,
	/* term_capture_cells: the cells as they are up to the last one written (ncells), blanks
	 * and spaces at the end kept, as tmux's copy takes a line's cells. */
	TERM_CAPTURE_KEEP_BLANKS = 1 << 2,
};

/* history: the grid whose scrollback lines come first (NULL for the screen alone).
 * Returns a NUL-terminated string to free; *len (if not NULL) gets its length. */
char *term_capture(const term_snapshot *snap, const term_grid *history, unsigned flags,
		   size_t *len);
/* Lines first .. last of history then screen (history's lines numbered from 0, the
 * screen's rows after them), as term_capture prints them. */
char *term_capture_lines(const term_snapshot *snap, const term_grid *history, size_t first,
			 size_t last, unsigned flags, size_t *len);

/* The text of cells [from, to) of row on a screen cols wide, as a capture shows them
 * (trailing blanks dropped, no newline), NUL-terminated, to free; with colmap (to free),
 * (*colmap)[i] is the column byte i belongs to (a copy's selection, a search's match). */
char *term_capture_row(const term_row *row, unsigned cols, unsigned from, unsigned to,
		       size_t *len, uint16_t **colmap);
/* The same with flags (TERM_CAPTURE_ESCAPES, TERM_CAPTURE_KEEP_BLANKS). */
char *term_capture_cells(const term_row *row, unsigned cols, unsigned from, unsigned to,
			 unsigned flags, size_t *len, uint16_t **colmap);

#endif
