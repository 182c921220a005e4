/*
 * Colours and styles as tmux writes them: "bg=blue,fg=white,bold", "fg=colour208",
 * "bg=#1e1e2e", "default", "none", "noreverse". Used by style options and by #[...] in
 * formats drawn on the status line.
 *
 * The text is untrusted (config files, command lines): anything that is not a style is
 * refused whole, leaving the cell as it was.
 */
#ifndef RSH_SERVER_STYLE_H
#define RSH_SERVER_STYLE_H

#include "term/cell.h"

/*
 * A colour: black, red, green, yellow, blue, magenta, cyan, white (0-7), their bright*
 * forms (8-15), colourN or colorN (0-255), #rrggbb, default or terminal. Returns 0 and
 * *c, or -1.
 */
int colour_parse(const char *s, term_colour *c);
/* The colour as tmux shows it: "blue", "colour208", "#1e1e2e", "default"; allocated. */
char *colour_name(term_colour c);

/*
 * Applies the style's words (separated by commas or spaces) to *cell in order: fg=C,
 * bg=C, an attribute (bold/bright, underscore, double-underscore, curly-underscore,
 * blink, reverse, hidden, italics, strikethrough) or its no- form, "none" (no attributes)
 * and "default" (base's colours and attributes). Returns 0, or -1 with *cell untouched.
 */
int style_apply(term_cell *cell, const char *text, const term_cell *base);

#endif
