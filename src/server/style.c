/* Colour names and style words, tmux's spelling. */
#include "style.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd/word.h"
#include "util/xmalloc.h"

static const char *const names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static int hex_colour(const char *s, term_colour *c)
{
	unsigned v = 0;
	if (strlen(s) != 6 || strspn(s, "0123456789abcdefABCDEF") != 6)
		return -1;
	sscanf(s, "%x", &v);
	*c = TERM_COLOUR_RGB((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
	return 0;
}

int colour_parse(const char *s, term_colour *c)
{
	if (*s == '#')
		return hex_colour(s + 1, c);
	if (strcasecmp(s, "default") == 0 || strcasecmp(s, "terminal") == 0) {
		*c = TERM_COLOUR_DEFAULT;
		return 0;
	}
	if (strncasecmp(s, "colour", 6) == 0 || strncasecmp(s, "color", 5) == 0) {
		long n = word_number(s + (s[5] == 'r' || s[5] == 'R' ? 6 : 5), 255);
		if (n < 0)
			return -1;
		*c = TERM_COLOUR_PALETTE(n);
		return 0;
	}
	bool bright = strncasecmp(s, "bright", 6) == 0;
	for (unsigned i = 0; i < 8; i++)
		if (strcasecmp(s + (bright ? 6 : 0), names[i]) == 0) {
			*c = TERM_COLOUR_PALETTE(i + (bright ? 8 : 0));
			return 0;
		}
	return -1;
}

char *colour_name(term_colour c)
{
	char *out;
	unsigned i = TERM_COLOUR_INDEX(c);
	if (TERM_COLOUR_KIND(c) == 2)
		xasprintf(&out, "#%06x", c & 0xffffffu);
	else if (TERM_COLOUR_KIND(c) != 1)
		out = xstrdup("default");
	else if (i < 8)
		out = xstrdup(names[i]);
	else if (i < 16)
		xasprintf(&out, "bright%s", names[i - 8]);
	else
		xasprintf(&out, "colour%u", i);
	return out;
}

static const struct {
	const char *name;
	uint16_t set, clear; /* bits set, then the bits the word clears first */
} attrs[] = {
	{"bold", TERM_ATTR_BOLD, 0},
	{"bright", TERM_ATTR_BOLD, 0},
	{"italics", TERM_ATTR_ITALIC, 0},
	{"blink", TERM_ATTR_BLINK, 0},
	{"reverse", TERM_ATTR_REVERSE, 0},
	{"strikethrough", TERM_ATTR_STRIKE, 0},
	{"hidden", TERM_ATTR_CONCEAL, 0},
	{"underscore", 1u << TERM_ATTR_UNDERLINE_SHIFT, TERM_ATTR_UNDERLINE_MASK},
	{"double-underscore", 2u << TERM_ATTR_UNDERLINE_SHIFT, TERM_ATTR_UNDERLINE_MASK},
	{"curly-underscore", 3u << TERM_ATTR_UNDERLINE_SHIFT, TERM_ATTR_UNDERLINE_MASK},
};

/* One word of a style applied to *cell; -1 when it is none. */
static int apply_word(term_cell *cell, const char *w, const term_cell *base)
{
	if (strcasecmp(w, "default") == 0) {
		cell->fg = base->fg;
		cell->bg = base->bg;
		cell->attrs = base->attrs;
		return 0;
	}
	if (strcasecmp(w, "none") == 0) {
		cell->attrs = 0;
		return 0;
	}
	if (strncasecmp(w, "fg=", 3) == 0)
		return colour_parse(w + 3, &cell->fg);
	if (strncasecmp(w, "bg=", 3) == 0)
		return colour_parse(w + 3, &cell->bg);
	bool no = strncasecmp(w, "no", 2) == 0 && strcasecmp(w, "none") != 0;
	for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++) {
		if (strcasecmp(w + (no ? 2 : 0), attrs[i].name) != 0)
			continue;
		uint16_t bits = attrs[i].clear != 0 ? attrs[i].clear : attrs[i].set;
		cell->attrs = (uint16_t)(cell->attrs & ~bits);
		if (!no)
			cell->attrs |= attrs[i].set;
		return 0;
	}
	return -1;
}

int style_apply(term_cell *cell, const char *text, const term_cell *base)
{
	char *copy = xstrdup(text), *save = NULL;
	term_cell out = *cell;
	int rc = 0;
	for (char *w = strtok_r(copy, ", \t\n", &save); w != NULL && rc == 0;
	     w = strtok_r(NULL, ", \t\n", &save))
		rc = apply_word(&out, w, base);
	free(copy);
	if (rc == 0)
		*cell = out;
	return rc;
}
