/*
 * Copy mode's lines by number (copymode.h): the cache's history, the screen as it was
 * when copy mode began for lines that left it since, the live screen below. Shared by
 * the engine and its drawing.
 */
#ifndef RSH_CLIENT_COPYMODE_LINES_H
#define RSH_CLIENT_COPYMODE_LINES_H

#include "copymode.h"

struct copymode_lines {
	const term_view_pane *pane; /* the copy-mode pane in the view */
	const histcache *cache;
	uint64_t first, total, last; /* history first .. total - 1; last: the screen's last */
	unsigned rows, cols;
};

/* The copy-mode pane's lines in v; false when copy mode is off or the pane is not in v.
 * On the alternate screen there is no history (as tmux). */
bool copymode_lines(const struct copymode *cm, const term_view *v, const histcache *h,
		    struct copymode_lines *l);
/* Line n (first <= n <= last), or NULL when the cache lacks it. */
const term_row *copymode_line(const struct copymode *cm, const struct copymode_lines *l,
			      uint64_t n);

/* Whether line's cells [*from, *to) are in the selection (cols: the pane's width). */
bool copymode_selected(const struct copymode *cm, unsigned cols, uint64_t line,
		       unsigned *from, unsigned *to);
/* The word under the cursor (#{copy_cursor_word}), "" when on a space. */
void copymode_cursor_word(const struct copymode *cm, const struct copymode_io *io, char *out,
			  size_t size);

#endif
