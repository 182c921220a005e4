/* Plain and regex searches over captured rows. */
#include "search.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "capture.h"
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
		s->valid = regcomp(&s->re, s->text, REG_EXTENDED | (s->icase ? REG_ICASE : 0)) == 0;
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

int term_search_row(const struct term_search *s, const term_row *row, unsigned cols, int from,
		    bool backward, unsigned *end)
{
	size_t len, mlen = 0;
	uint16_t *map = NULL;
	if (!s->valid)
		return -1;
	char *line = term_capture_row(row, cols, 0, cols, &len, &map);
	int found = -1;
	long at;
	for (size_t i = 0; (at = match_from(s, line, len, i, &mlen)) >= 0; i = (size_t)at + 1) {
		/* Only matches that start a character (not inside a UTF-8 sequence). */
		if (at > 0 && map[at - 1] == map[at])
			continue;
		int col = map[at];
		if (backward ? col > from : col < from)
			continue;
		found = col;
		size_t last = (size_t)at + mlen - 1; /* the match's last byte */
		*end = last + 1 < len ? map[last + 1] : map[last] + cell_width(row, map[last]);
		if (!backward)
			break;
	}
	free(map);
	free(line);
	return found;
}
