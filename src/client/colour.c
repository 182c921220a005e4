/* Colours down to what the terminal has. */
#include "colour.h"

/* xterm's defaults for the 16 ANSI colours. */
static const unsigned colour_ansi[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
	0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
};

/* The levels of the 6x6x6 cube's axes. */
static const unsigned colour_levels[6] = { 0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff };

unsigned colour_palette_rgb(unsigned index)
{
	index &= 0xff;
	if (index < 16)
		return colour_ansi[index];
	if (index >= 232) {
		unsigned g = 8 + 10 * (index - 232);
		return g << 16 | g << 8 | g;
	}
	index -= 16;
	return colour_levels[index / 36] << 16 | colour_levels[index / 6 % 6] << 8 |
	       colour_levels[index % 6];
}

static unsigned long distance(unsigned a, unsigned b)
{
	long dr = (long)(a >> 16 & 0xff) - (long)(b >> 16 & 0xff);
	long dg = (long)(a >> 8 & 0xff) - (long)(b >> 8 & 0xff);
	long db = (long)(a & 0xff) - (long)(b & 0xff);

	return (unsigned long)(dr * dr + dg * dg + db * db);
}

static unsigned gap(unsigned a, unsigned b)
{
	return a > b ? a - b : b - a;
}

/* The cube axis level nearest to v. */
static unsigned cube_axis(unsigned v)
{
	unsigned i, best = 0;

	for (i = 1; i < 6; i++)
		if (gap(v, colour_levels[i]) < gap(v, colour_levels[best]))
			best = i;
	return best;
}

/*
 * The nearest entry from 16 up: the nearest cube colour or grey, whichever is closer. The
 * first 16 are left out, as tmux does: users theme them.
 */
static unsigned nearest_256(unsigned rgb)
{
	unsigned r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
	unsigned cube = 16 + 36 * cube_axis(r) + 6 * cube_axis(g) + cube_axis(b);
	unsigned avg = (r + g + b) / 3;
	unsigned grey = 232 + (avg < 8 ? 0 : avg > 238 ? 23 : (avg - 8 + 5) / 10);

	return distance(rgb, colour_palette_rgb(grey)) < distance(rgb, colour_palette_rgb(cube))
		       ? grey
		       : cube;
}

/* The nearest of the first n (16 or 8) palette entries. */
static unsigned nearest_ansi(unsigned rgb, unsigned n)
{
	unsigned i, best = 0;

	for (i = 1; i < n; i++)
		if (distance(rgb, colour_ansi[i]) < distance(rgb, colour_ansi[best]))
			best = i;
	return best;
}

int colour_curses(term_colour c, int ncolours, unsigned direct_palette)
{
	unsigned rgb, index;

	if (c == TERM_COLOUR_DEFAULT || ncolours < 8)
		return -1;
	if (TERM_COLOUR_KIND(c) == 1) {
		index = TERM_COLOUR_INDEX(c);
		if (direct_palette ? index < direct_palette : index < (unsigned)ncolours)
			return (int)index;
		rgb = colour_palette_rgb(index);
	} else {
		rgb = c & 0xffffff;
	}
	/* Below direct_palette a number is a palette index: the nearest that is not (green
	 * one step up) looks the same. */
	if (direct_palette)
		return rgb < direct_palette ? (int)(rgb | 0x100) : (int)rgb;
	if (ncolours >= 256)
		return (int)nearest_256(rgb);
	return (int)nearest_ansi(rgb, ncolours >= 16 ? 16 : 8);
}

bool colour_index_by_client(term_colour c, unsigned direct_palette)
{
	return direct_palette != 0 && TERM_COLOUR_KIND(c) == 1 &&
	       TERM_COLOUR_INDEX(c) >= direct_palette;
}
