/*
 * Copy mode's search over rows as captured (term/capture.h), shared by the client (its
 * cache, the matches it paints) and the server (a SEARCH event over the whole history),
 * so both find the same matches: plain text or a POSIX extended regular expression
 * (tmux's search-forward and search-backward are regex searches; -text and
 * -incremental plain), either case-insensitive (tmux's rule, term_search_icase: when
 * the text has no upper-case letter).
 *
 * The text is untrusted (a SEARCH event, a key binding): a regex that does not compile
 * matches nothing, as in tmux.
 */
#ifndef RSH_TERM_SEARCH_H
#define RSH_TERM_SEARCH_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#include "row.h"

enum term_search_kind {
	TERM_SEARCH_PLAIN_TEXT = 0,
	TERM_SEARCH_REGEX_TEXT = 1 << 0,
	TERM_SEARCH_NO_CASE = 1 << 1,
};

struct term_search {
	char *text; /* NUL-terminated copy */
	size_t n;
	bool regex, icase, valid;
	regex_t re;
};

/* Prepares a search for text (n bytes) of kind (enum term_search_kind bits). */
void term_search_init(struct term_search *s, const char *text, size_t n, unsigned kind);
void term_search_free(struct term_search *s);
/* tmux's smart case: true when text has no upper-case ASCII letter. */
bool term_search_icase(const char *text);
/*
 * The column where a match starts, the first at a column >= from (backward: the last at
 * a column <= from), *end the column after its last cell; -1 when there is none. Empty
 * matches are skipped.
 */
int term_search_row(const struct term_search *s, const term_row *row, unsigned cols, int from,
		    bool backward, unsigned *end);

/* The most lines a match may take: its first and those it runs on into. */
#define TERM_SEARCH_RUN 32
/* Line n of the caller's (history and screen), a reference the search drops; NULL when
 * it is missing. */
typedef term_row *term_search_line_fn(void *arg, uint64_t n);
/*
 * term_search_row over line n and the lines the terminal wrapped it on into (as tmux 3.3's
 * search, which matches across a wrap): n, n + 1... while each is wrapped, at most
 * TERM_SEARCH_RUN and none past last, their text joined (a wrapped line's to its last cell
 * written). A match starts on line n; *end counts on from line n's first column past its
 * end (k * cols + c: column c of the k-th line after n) when it runs on into the next
 * lines. -1 also when line n is missing.
 */
int term_search_line(const struct term_search *s, term_search_line_fn *get, void *arg,
		     uint64_t n, uint64_t last, unsigned cols, int from, bool backward,
		     unsigned *end);

#endif
