/* One character cell of a pane's screen, and how its colours and attributes are packed. */
#ifndef RSH_TERM_CELL_H
#define RSH_TERM_CELL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* libvterm keeps at most this many code points in one cell (base + combining). */
#define TERM_MAX_CHARS 6

/* A colour in 32 bits: the kind in the top byte, then a palette index or 0xRRGGBB. */
typedef uint32_t term_colour;
#define TERM_COLOUR_DEFAULT 0u
#define TERM_COLOUR_PALETTE(i) ((1u << 24) | ((uint32_t)(i) & 0xffu))
#define TERM_COLOUR_RGB(r, g, b) \
	((2u << 24) | ((uint32_t)(r) << 16) | ((uint32_t)(g) << 8) | (uint32_t)(b))
#define TERM_COLOUR_KIND(c) ((c) >> 24)
#define TERM_COLOUR_INDEX(c) ((c) & 0xffu)
#define TERM_COLOUR_IS_VALID(c) \
	((c) == 0 || (TERM_COLOUR_KIND(c) == 1 && (c) <= TERM_COLOUR_PALETTE(255)) || \
	 TERM_COLOUR_KIND(c) == 2)

enum term_attr {
	TERM_ATTR_BOLD = 1u << 0,
	TERM_ATTR_ITALIC = 1u << 1,
	TERM_ATTR_BLINK = 1u << 2,
	TERM_ATTR_REVERSE = 1u << 3,
	TERM_ATTR_STRIKE = 1u << 4,
	TERM_ATTR_CONCEAL = 1u << 5,
	/* Underline style in three bits: 0 none, 1 single, 2 double, 3 curly, 4 dotted,
	 * 5 dashed (SGR 4:0 to 4:5); 6 and 7 are not used. */
	TERM_ATTR_UNDERLINE_SHIFT = 6,
	TERM_ATTR_UNDERLINE_MASK = 7u << 6,
	TERM_ATTR_DIM = 1u << 9,
};
#define TERM_ATTR_ALL 0x3ffu
#define TERM_UNDERLINE_STYLES 6

/*
 * width is 1 or 2 for a cell that starts a character, 0 for the right half of a wide one.
 * comb is 0 when the cell has no combining marks, else 1 + the offset in its row's pool
 * where a count and that many code points are stored (see row.h).
 */
typedef struct term_cell {
	uint32_t ch; /* first code point; 0 for a blank cell */
	term_colour fg, bg;
	term_colour ul; /* the underline's colour (SGR 58); default: the foreground's */
	uint32_t link;  /* the OSC 8 hyperlink (link.h), 0 for none */
	uint16_t attrs;
	uint16_t comb;
	uint8_t width;
	uint8_t pad_[3]; /* kept 0: packed pens are compared whole (scrollback.h) */
} term_cell;

/* The blank cell: what erasing with default colours leaves, and what lies past a row's end. */
static inline term_cell term_cell_blank(void)
{
	term_cell c = {0};
	c.width = 1;
	return c;
}

/* Whether two cells look the same: colours and attributes (an SGR sets them). */
static inline bool term_cell_same_look(const term_cell *a, const term_cell *b)
{
	return a->fg == b->fg && a->bg == b->bg && a->ul == b->ul && a->attrs == b->attrs;
}

/* Whether two cells have the same pen: colours, attributes and hyperlink. */
static inline bool term_cell_same_pen(const term_cell *a, const term_cell *b)
{
	return term_cell_same_look(a, b) && a->link == b->link;
}

static inline bool term_cell_is_blank(const term_cell *c)
{
	return c->ch == 0 && c->fg == 0 && c->bg == 0 && c->ul == 0 && c->attrs == 0 &&
	       c->width == 1 && c->comb == 0 && c->link == 0;
}

/*
 * The cell's pen (colours, attributes, hyperlink: every field but its text, ch, width and
 * comb) into a zeroed cell, so that pens compare and hash by their bytes (the packed
 * scrollback keeps them so). A field added to term_cell belongs here unless it is text.
 */
static inline void term_cell_pen(const term_cell *c, term_cell *pen)
{
	memset(pen, 0, sizeof *pen);
	pen->fg = c->fg;
	pen->bg = c->bg;
	pen->ul = c->ul;
	pen->attrs = c->attrs;
	pen->link = c->link;
}

#endif
