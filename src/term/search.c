/* Plain and regex searches over captured rows. */
#include "search.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "capture.h"
#include "util/regex_guard.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

void term_search_init(struct term_search *s, const char *text, size_t n, unsigned kind)
{
	memset(s, 0, sizeof *s);
	s->text = xstrndup(text, n);
	s->n = strlen(s->text); /* a NUL inside ends it */
	s->regex = kind & TERM_SEARCH_REGEX_TEXT;
	s->icase = kind & TERM_SEARCH_NO_CASE;
	s->valid = s->n > 0;
	if (s->valid && s->regex)
		s->valid = regex_guard_compile(&s->re, s->text, s->icase ? REG_ICASE : 0) == 0;
}

void term_search_free(struct term_search *s)
{
	if (s->valid && s->regex)
		regfree(&s->re);
	free(s->text);
	memset(s, 0, sizeof *s);
}

bool term_search_icase(const char *text)
{
	for (; *text != '\0'; text++)
		if (isupper((unsigned char)*text))
			return false;
	return true;
}

/* The match of s at byte i of the captured line or after it: its start (-1 when none) and
 * its length in *len. */
static long match_from(const struct term_search *s, const char *line, size_t len, size_t i,
		       size_t *mlen)
{
	if (!s->regex) {
		for (; i + s->n <= len; i++) {
			bool same = s->icase ? strncasecmp(line + i, s->text, s->n) == 0
					     : memcmp(line + i, s->text, s->n) == 0;
			if (same) {
				*mlen = s->n;
				return (long)i;
			}
		}
		return -1;
	}
	regmatch_t m;
	for (; i < len; i++) {
		if (regexec(&s->re, line + i, 1, &m, i > 0 ? REG_NOTBOL : 0) != 0)
			return -1;
		if (m.rm_eo > m.rm_so) {
			*mlen = (size_t)(m.rm_eo - m.rm_so);
			return (long)i + m.rm_so;
		}
		i += (size_t)m.rm_so; /* an empty match: try one byte later */
	}
	return -1;
}

static unsigned cell_width(const term_row *row, unsigned col)
{
	unsigned w = term_row_get(row, col).width;
	return w > 0 ? w : 1;
}

/* The text of rows[0..n) joined, as term_capture_row gives each (a row that runs on
 * into the next to its last cell written), and for each byte its column counted on from
 * rows[0]'s (row k's columns from k * cols). */
static char *capture_run(term_row *const *rows, unsigned n, unsigned cols, size_t *len,
			 unsigned **map)
{
	struct strbuf b = {0};
	size_t cap = 0;
	*map = NULL;
	strbuf_add(&b, "", 0);
	for (unsigned k = 0; k < n; k++) {
		size_t tlen;
		uint16_t *m;
		char *t = term_capture_cells(rows[k], cols, 0, cols,
					     k + 1 < n ? TERM_CAPTURE_KEEP_BLANKS : 0, &tlen, &m);
		*map = xgrow(*map, &cap, (b.len + tlen + 1) * sizeof **map, 256 * sizeof **map);
		for (size_t i = 0; i < tlen; i++)
			(*map)[b.len + i] = k * cols + m[i];
		strbuf_add(&b, t, tlen);
		free(t);
		free(m);
	}
	*len = b.len;
	return b.p;
}

static int search_run(const struct term_search *s, term_row *const *rows, unsigned n,
		      unsigned cols, int from, bool backward, unsigned *end)
{
	size_t len, mlen = 0;
	unsigned *map;
	if (!s->valid)
		return -1;
	char *line = capture_run(rows, n, cols, &len, &map);
	int found = -1;
	long at;
	for (size_t i = 0; (at = match_from(s, line, len, i, &mlen)) >= 0; i = (size_t)at + 1) {
		/* Only matches that start a character (not inside a UTF-8 sequence), on the
		 * first row. */
		if (at > 0 && map[at - 1] == map[at])
			continue;
		if (map[at] >= cols)
			break;
		int col = (int)map[at];
		if (backward ? col > from : col < from)
			continue;
		found = col;
		size_t last = (size_t)at + mlen - 1; /* the match's last byte */
		unsigned after = last + 1 < len ? map[last + 1]
						: map[last] + cell_width(rows[map[last] / cols],
									 map[last] % cols);
		*end = after; /* past cols when it runs on into the next rows */
		if (!backward)
			break;
	}
	free(map);
	free(line);
	return found;
}

int term_search_row(const struct term_search *s, const term_row *row, unsigned cols, int from,
		    bool backward, unsigned *end)
{
	term_row *one = (term_row *)row; /* read only */
	return search_run(s, &one, 1, cols, from, backward, end);
}

int term_search_line(const struct term_search *s, term_search_line_fn *get, void *arg,
		     uint64_t n, uint64_t last, unsigned cols, int from, bool backward,
		     unsigned *end)
{
	term_row *rows[TERM_SEARCH_RUN];
	unsigned count = 0;
	while (count < TERM_SEARCH_RUN && n + count <= last &&
	       (count == 0 || rows[count - 1]->wrapped) &&
	       (rows[count] = get(arg, n + count)) != NULL)
		count++;
	int col = count > 0 ? search_run(s, rows, count, cols, from, backward, end) : -1;
	for (unsigned k = 0; k < count; k++)
		term_row_unref(rows[k]);
	return col;
}
