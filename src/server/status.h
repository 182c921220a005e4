/* The status lines a client sees on its last rows (or first), drawn by the server from
 * the options. */
#ifndef RSH_SERVER_STATUS_H
#define RSH_SERVER_STATUS_H

#include "server.h"
#include "term/snapshot.h"
#include "term/view.h"

/*
 * The session's status lines at cols: n rows (at most TERM_VIEW_MAX_STATUS), line y
 * drawn from status-format[y] as tmux draws it (none there: blank, in status-style).
 * tmux's defaults: the first line is status-left, the window list and status-right with
 * their lengths, styles and status-justify; the second the current window's panes. Each
 * is expanded (format.h, strftime included) for the session, its current window and
 * pane, and drawn by status_format_draw from status-style (with status-fg and status-bg
 * over it).
 *
 * Cached: lines whose inputs did not change (the options, the session's windows, names,
 * flags and titles, the current window's pane sizes, #() output, the clients attached,
 * the time in steps of status-interval: tmux redraws on these) are the lines drawn
 * before, a reference, not expanded again. status_cache_free drops them.
 */
term_snapshot *status_lines(const struct session *s, unsigned cols, unsigned n);
/* The mouse ranges (#[range=...]) of the lines status_lines gave last, in the view's
 * order (term/view.h); valid until the next status_lines or status_cache_free. */
const term_view_range *status_ranges(size_t *n);
void status_cache_free(void);

/*
 * An expanded format drawn into row's first cols cells as tmux's format_draw: #[style]
 * changes the cells after it ("default" back to base, or to what #[push-default] kept,
 * #[pop-default] back to base); #[align=left|centre|right|absolute-centre] says where
 * the text after it goes; #[list=on] ... #[nolist] is a list (the window list) placed
 * with its alignment and, when it does not fit, cut around its #[list=focus] part, with
 * the #[list=left-marker] and #[list=right-marker] texts where it was cut; #[fill=C]
 * paints the line's background. The left, right and lists are kept before the centre
 * when the line is short, as tmux trims them. ## draws #; control characters and
 * invalid UTF-8 read '?'; wide characters take two cells, never cut in half.
 * #[range=left], #[range=right], #[range=window|N] ... #[norange] mark the mouse ranges:
 * with tags, each of the cols cells gets the tag of the range it is in (0 for none).
 */
#define STATUS_RANGE_TAG(type, window) ((uint64_t)(type) << 32 | (uint64_t)(window))
void status_format_draw(term_row *row, unsigned cols, const char *text, const term_cell *base,
			uint64_t *tags);

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
