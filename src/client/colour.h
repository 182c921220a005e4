/*
 * A cell's colour as the local terminal can show it: the view ships default, 256-palette
 * and 24-bit colours (term/cell.h); the terminal may have direct colour, 256, 16, 8 or none.
 */
#ifndef RSH_CLIENT_COLOUR_H
#define RSH_CLIENT_COLOUR_H

#include <stdbool.h>

#include "term/cell.h"

/*
 * The curses colour number for c: -1 for the default colour. On a direct-colour terminal
 * direct_palette is how many palette entries its terminfo entry still sends as indices
 * (ncurses's "-direct256" entries: 256, numbers from 256 up are 0xRRGGBB; "-direct": 8);
 * palette entries below it go out as indices, so a themed palette shows as themed, the
 * others as their RGB value. With direct_palette 0 (no direct colour) RGB becomes the
 * nearest entry of the 256 palette's cube or grey ramp, and that the nearest of the 16 or
 * 8 when ncolours is smaller. A terminal of fewer than 8 colours gets -1 for everything.
 */
int colour_curses(term_colour c, int ncolours, unsigned direct_palette);

/*
 * Whether c is a palette entry that curses would send as RGB on a direct-colour terminal
 * whose terminfo entry sends only the first direct_palette (8 or 16) as indices (a plain
 * "-direct" entry, tmux-256color's sibling tmux-direct): the client writes such a colour
 * as an index itself (SGR 9x, 38;5;N), as tmux does, so a themed palette stays themed.
 */
bool colour_index_by_client(term_colour c, unsigned direct_palette);

/* The xterm RGB value (0xRRGGBB) of a 256-palette entry. */
unsigned colour_palette_rgb(unsigned index);

#endif
