/*
 * Copy mode's lines by number (copymode.h): the cache's history, the screen as it was
 * when copy mode began for lines that left it since, the live screen below. Shared by
 * the engine and its drawing.
 */
#ifndef RSH_CLIENT_COPYMODE_LINES_H
#define RSH_CLIENT_COPYMODE_LINES_H

#include "copymode.h"
#include "term/search.h"

struct copymode_lines {
	const term_view_pane *pane; /* the pane whose lines copy mode shows, in the view */
	const histcache *cache;
	uint64_t first, total, last; /* history first .. total - 1; last: the screen's last */
	uint64_t bottom;       /* the first line shown when scrolled to the bottom */
	unsigned rows;         /* shown: the copy-mode pane's height */
	unsigned cols;         /* of the lines: the source's width */
	unsigned screen_rows;  /* the source's screen */
	unsigned shown_cols;   /* the copy-mode pane's width */
};

/* The copy-mode source's lines in v, at the pane's height; false when copy mode is off or
 * either pane is not in v.
 * On the alternate screen there is no history (as tmux). */
bool copymode_lines(const struct copymode *cm, const term_view *v, const histcache *h,
		    struct copymode_lines *l);
/* Line n (first <= n <= last), or NULL when the cache lacks it. */
const term_row *copymode_line(const struct copymode *cm, const struct copymode_lines *l,
			      uint64_t n);

/* The columns line n's text takes (its last character's end), 0 when empty or missing. */
unsigned copymode_line_length(const struct copymode *cm, const struct copymode_lines *l,
			      uint64_t n);
/* The cell's class: 0 space (or blank, or missing), 1 a separator (tmux's default
 * word-separators), 2 a word's; with spaces_only, separators count as word. */
int copymode_char_class(const struct copymode *cm, const struct copymode_lines *l,
			struct copymode_pos p, bool spaces_only);
/* One cell on (forward) or back, across lines; false at the ends of the lines. */
bool copymode_step(const struct copymode_lines *l, struct copymode_pos *p, bool forward);

/* Paragraph, bracket, mark and word commands (copymode_motion.c); false for another. */
bool copymode_run_structure(struct copymode *cm, const struct copymode_lines *l,
			    const char *command);

/* The last search as a term_search (regex or not, smart case); term_search_free it. */
void copymode_search_start(const struct copymode *cm, struct term_search *s);
/* term_search_line over copy mode's lines: a match starting on line n, across the lines
 * the terminal wrapped it on into (*end past l->cols then, as term_search_line's). */
int copymode_search_line(const struct copymode *cm, const struct copymode_lines *l,
			 const struct term_search *ts, uint64_t n, int from, bool backward,
			 unsigned *end);
/* The TERM_SEARCH_* flags a SEARCH event carries for it, backward or not. */
unsigned copymode_search_flags(const struct copymode *cm, bool backward);

/* Where the selection ends: the cursor, or where stop-selection left it. */
struct copymode_pos copymode_selection_end(const struct copymode *cm);
/* Whether line's cells [*from, *to) are in the selection (cols: the pane's width). */
bool copymode_selected(const struct copymode *cm, unsigned cols, uint64_t line,
		       unsigned *from, unsigned *to);
/* The selection's text as tmux copies it (copymode_copy.c), NUL-terminated, to free. */
char *copymode_selection_text(const struct copymode *cm, const struct copymode_lines *l,
			      size_t *len);
/* Whether the terminal wrapped line n on into line n + 1 (false when it is missing). */
bool copymode_wrapped(const struct copymode *cm, const struct copymode_lines *l, uint64_t n);
/* The word under the cursor (#{copy_cursor_word}), "" when on a space. */
void copymode_cursor_word(const struct copymode *cm, const struct copymode_io *io, char *out,
			  size_t size);

#endif
