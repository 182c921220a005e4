/* Colours down to what the terminal has: direct, 256, 16, 8, none. */
#include "check.h"
#include "client/colour.h"

static void palette(void)
{
	CHECK(colour_palette_rgb(1) == 0xcd0000);
	CHECK(colour_palette_rgb(16) == 0x000000);
	CHECK(colour_palette_rgb(67) == 0x5f87af);
	CHECK(colour_palette_rgb(196) == 0xff0000);
	CHECK(colour_palette_rgb(231) == 0xffffff);
	CHECK(colour_palette_rgb(232) == 0x080808);
	CHECK(colour_palette_rgb(255) == 0xeeeeee);
}

static void each_kind(void)
{
	const term_colour red = TERM_COLOUR_RGB(0xff, 0, 0);

	CHECK(colour_curses(TERM_COLOUR_DEFAULT, 256, 0) == -1);
	CHECK(colour_curses(TERM_COLOUR_DEFAULT, 1 << 24, 256) == -1);
	CHECK(colour_curses(TERM_COLOUR_PALETTE(200), 4, 0) == -1);
	CHECK(colour_curses(red, 2, 0) == -1);

	CHECK(colour_curses(TERM_COLOUR_PALETTE(200), 256, 0) == 200);
	/* -direct: 8 indices left, the rest as RGB; -direct256: the whole palette as indices
	 * (a themed palette must survive). */
	CHECK(colour_curses(TERM_COLOUR_PALETTE(3), 1 << 24, 8) == 3);
	CHECK(colour_curses(TERM_COLOUR_PALETTE(200), 1 << 24, 8) ==
	      (int)colour_palette_rgb(200));
	CHECK(colour_curses(TERM_COLOUR_PALETTE(12), 1 << 24, 256) == 12);
	CHECK(colour_curses(TERM_COLOUR_PALETTE(200), 1 << 24, 256) == 200);
	CHECK(colour_curses(TERM_COLOUR_PALETTE(9), 8, 0) == 1);
	CHECK(colour_curses(TERM_COLOUR_PALETTE(9), 16, 0) == 9);
	CHECK(colour_curses(TERM_COLOUR_PALETTE(196), 16, 0) == 9);

	CHECK(colour_curses(TERM_COLOUR_RGB(0x12, 0x34, 0x56), 1 << 24, 8) == 0x123456);
	CHECK(colour_curses(TERM_COLOUR_RGB(0x12, 0x34, 0x56), 1 << 24, 256) == 0x123456);
	/* RGB numbers that would read as indices: green one step up. */
	CHECK(colour_curses(TERM_COLOUR_RGB(0, 0, 1), 1 << 24, 8) == 0x000101);
	CHECK(colour_curses(TERM_COLOUR_RGB(0, 0, 0xff), 1 << 24, 256) == 0x0001ff);
	CHECK(colour_curses(TERM_COLOUR_RGB(0x5f, 0x87, 0xaf), 256, 0) == 67);
	CHECK(colour_curses(TERM_COLOUR_RGB(0x80, 0x80, 0x80), 256, 0) == 244);
	CHECK(colour_curses(TERM_COLOUR_RGB(0x60, 0x86, 0xb0), 256, 0) == 67);
	CHECK(colour_curses(red, 256, 0) == 196);
	CHECK(colour_curses(red, 16, 0) == 9);
	CHECK(colour_curses(red, 8, 0) == 1);
}

/* Every palette colour from 16 up, given as RGB, finds an entry of exactly that RGB. */
static void round_trip(void)
{
	unsigned i;

	for (i = 16; i < 256; i++) {
		unsigned rgb = colour_palette_rgb(i);
		int got = colour_curses(TERM_COLOUR_RGB(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff),
					256, 0);
		CHECKF(got >= 16 && colour_palette_rgb((unsigned)got) == rgb, "%u -> %d", i, got);
	}
}

int main(void)
{
	palette();
	each_kind();
	round_trip();
	return 0;
}
