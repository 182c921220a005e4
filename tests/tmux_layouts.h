/*
 * What tmux 3.3a answers (display -p '#{window_layout}') for five panes %0 to %4 at 80x24
 * after select-layout even-horizontal, even-vertical, main-horizontal, main-vertical and
 * tiled, in that order (the order of the layout presets): reference data for the tests.
 */
#ifndef RSH_TESTS_TMUX_LAYOUTS_H
#define RSH_TESTS_TMUX_LAYOUTS_H

static const char *const tmux_layout_5_panes[] = {
	"5a25,80x24,0,0{15x24,0,0,0,15x24,16,0,1,15x24,32,0,2,15x24,48,0,3,16x24,64,0,4}",
	"fe20,80x24,0,0[80x4,0,0,0,80x4,0,5,1,80x4,0,10,2,80x4,0,15,3,80x4,0,20,4]",
	"344f,80x24,0,0[80x22,0,0,0,80x1,0,23{19x1,0,23,1,19x1,20,23,2,19x1,40,23,3,"
	"20x1,60,23,4}]",
	"e3fc,80x24,0,0{78x24,0,0,0,1x24,79,0[1x5,79,0,1,1x5,79,6,2,1x5,79,12,3,1x6,79,18,4]}",
	"8bcd,80x24,0,0[80x7,0,0{39x7,0,0,0,40x7,40,0,1},80x7,0,8{39x7,0,8,2,40x7,40,8,3},"
	"80x8,0,16,4]",
};

#endif
