/*
 * A window's layout: a tree whose leaves are panes (opaque ids) and whose inner nodes
 * split their area side by side or one above the other among two or more children, as in
 * tmux. Children are separated by a one-cell border; sizes along a container's axis
 * always sum to its size minus the borders, and a container never holds a child of its own
 * orientation (such a child is merged into it).
 *
 * The layout knows nothing of processes or terminals: the server maps pane ids to panes.
 * Geometry is in cells, origin top left. No pane is ever smaller than LAYOUT_MIN columns or
 * rows: operations that would need that are refused (splits) or stop short (resizes), and a
 * window too small for its panes keeps the layout larger than the window (the view is
 * clipped, as tmux does).
 */
#ifndef RSH_SERVER_LAYOUT_H
#define RSH_SERVER_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LAYOUT_MIN 1 /* tmux's PANE_MINIMUM: its presets give one-row panes at 80x24 */
#define LAYOUT_MAX 10000 /* larger window sizes are taken as this */

struct layout;

enum layout_split {
	LAYOUT_SIDE_BY_SIDE, /* split-window -h: the new pane on the right */
	LAYOUT_ABOVE_BELOW,  /* split-window -v: the new pane below */
};

enum layout_dir { LAYOUT_LEFT, LAYOUT_RIGHT, LAYOUT_UP, LAYOUT_DOWN };

struct layout_geom {
	uint32_t pane;
	unsigned x, y, cols, rows;
	bool visible; /* false for the panes a zoomed one hides */
};

/* A window of sx by sy cells (LAYOUT_MIN to LAYOUT_MAX each) holding one pane. */
struct layout *layout_create(unsigned sx, unsigned sy, uint32_t pane);
void layout_free(struct layout *l);

/* Where a new pane goes (split-window, join-pane). */
struct layout_place {
	enum layout_split how;
	unsigned percent; /* of the size split (1 to 99), or 0 */
	unsigned cells;   /* without percent: the new pane's size; 0 for half */
	bool before;      /* -b: left of or above, not right of or below */
	bool full;        /* -f: beside the whole window, not just the pane */
};

/*
 * Splits pane (or the whole window) in two as where says; the new pane is refused when it
 * or what it leaves would be under LAYOUT_MIN ("no space for new pane"). Unzooms first.
 * Returns NULL, or why nothing changed.
 */
const char *layout_insert(struct layout *l, uint32_t pane, const struct layout_place *where,
			  uint32_t new_pane);
/* The same with percent alone (0: half), after the pane. */
const char *layout_split(struct layout *l, uint32_t pane, enum layout_split how,
			 unsigned percent, uint32_t new_pane);
/* Swaps two panes' cells, in one layout or two (a and b: la and lb's). Unzooms both. */
void layout_swap(struct layout *la, uint32_t a, struct layout *lb, uint32_t b);
/* Moves every pane one place on in order (delta 1, the last to the first) or back (-1). */
void layout_rotate(struct layout *l, int delta);
/* Removes a pane; its space goes to the neighbour before it (after it, if first). Unzooms. */
const char *layout_remove(struct layout *l, uint32_t pane);

/*
 * Moves the border on the given side of pane by up to n cells (or, for the last pane of a
 * row or column, the border on its other side, in that same direction), as tmux's
 * resize-pane -L/-R/-U/-D. Unzooms. Returns how many cells the border moved.
 */
unsigned layout_resize_pane(struct layout *l, uint32_t pane, enum layout_dir dir, unsigned n);

/*
 * resize-pane -M, a step of a border drag as tmux's: the borders at (lx, ly), the pointer's
 * last cell in the window, and at the four cells around it move by the pointer's move to
 * (x, y) along their own axis (down or right for more, up or left for less), each as far as
 * the panes on the side it moves to allow. Nothing when zoomed. Returns the cells moved.
 */
unsigned layout_drag_border(struct layout *l, unsigned lx, unsigned ly, unsigned x, unsigned y);

/* resize-pane -x/-y: moves the same border until the pane is size cells wide or high, as far
 * as the neighbours allow. Returns how many cells it moved. */
unsigned layout_resize_pane_to(struct layout *l, uint32_t pane, bool horizontal, unsigned size);

/*
 * Resizes the window, each side at most LAYOUT_MAX; panes scale in proportion. Never
 * below the panes' minimum.
 */
void layout_resize(struct layout *l, unsigned sx, unsigned sy);
/* The size the layout occupies: the window's, or larger when the window is too small. */
void layout_size(const struct layout *l, unsigned *sx, unsigned *sy);

/*
 * Zooms pane to the whole window, or unzooms when zoomed. Returns whether the window is
 * now zoomed (a lone pane never is).
 */
bool layout_toggle_zoom(struct layout *l, uint32_t pane);
void layout_unzoom(struct layout *l);
/* The zoomed pane, if any. */
bool layout_zoomed(const struct layout *l, uint32_t *pane);

/*
 * Where the panes' border status lines go (tmux's pane-border-status): as tmux's
 * layout_fix_panes, each pane along the window's top edge (TOP) or bottom edge (BOTTOM)
 * gives its first or last row to one (a pane of one row keeps it), and a split of such a
 * pane one above the other needs a row more; the other panes' lines are the borders
 * above or below them. Only the panes' geometry changes: the cells (layout_dump) keep
 * their sizes. A new layout has them off.
 */
enum layout_border { LAYOUT_BORDER_OFF, LAYOUT_BORDER_TOP, LAYOUT_BORDER_BOTTOM };
void layout_set_border(struct layout *l, enum layout_border border);

size_t layout_count(const struct layout *l);
bool layout_has(const struct layout *l, uint32_t pane);
/*
 * The panes in order (tmux's pane index order: a new pane follows the one it split) with
 * their geometry. Fills up to max entries; returns the number of panes.
 */
size_t layout_list(const struct layout *l, struct layout_geom *out, size_t max);
bool layout_geometry(const struct layout *l, uint32_t pane, struct layout_geom *out);
/* The pane delta places after pane in order, wrapping (select-pane -t :.+, C-b o). */
uint32_t layout_next(const struct layout *l, uint32_t pane, int delta);
/*
 * The pane across the border on side dir of pane and overlapping its span, wrapping to
 * the far edge of the window as tmux does; of several, the one overlapping most (the
 * first in order on a tie). Ignores zoom. False when there is none.
 */
bool layout_neighbour(const struct layout *l, uint32_t pane, enum layout_dir dir,
		      uint32_t *out);

/*
 * tmux's preset layouts, in its order (next-layout cycles through them). The main pane of
 * main-horizontal and main-vertical is as struct layout_sizes says, less when the window
 * is small.
 */
enum {
	LAYOUT_EVEN_HORIZONTAL,
	LAYOUT_EVEN_VERTICAL,
	LAYOUT_MAIN_HORIZONTAL,
	LAYOUT_MAIN_VERTICAL,
	LAYOUT_TILED,
	LAYOUT_NSETS
};
/*
 * The main pane's size in main-horizontal (height) and main-vertical (width), and the
 * other panes' (0: the rest), as tmux's main-pane-height, main-pane-width,
 * other-pane-height and other-pane-width give them: cells ("24") or a percentage of the
 * window less a border ("30%"). NULL, or a value that does not read or does not fit, is
 * tmux's default (24, 80, 0, 0).
 */
struct layout_sizes {
	const char *main_height, *main_width, *other_height, *other_width;
};

/* The preset a name or unique prefix of one names, else -1. */
int layout_set_lookup(const char *name);
const char *layout_set_name(int set);
/*
 * Arranges the panes, in their order, as preset set for a window of sx by sy (as tmux: a
 * window too small for them gets a larger layout). Unzooms. A lone pane stays as it is.
 */
void layout_set_select(struct layout *l, int set, unsigned sx, unsigned sy,
		       const struct layout_sizes *sizes);
/* The preset after (delta 1) or before (-1) the last one arranged (next-layout). */
void layout_set_step(struct layout *l, int delta, unsigned sx, unsigned sy,
		     const struct layout_sizes *sizes);
/* The preset last arranged, or -1. */
int layout_set_last(const struct layout *l);
/* Spreads the cells beside pane evenly, or the first ancestor's that changes (select-layout -E). */
void layout_spread_out(struct layout *l, uint32_t pane);

/* The layout string (tmux's window_layout), allocated. */
char *layout_dump(const struct layout *l);
/*
 * Rebuilds the tree from a layout string over the same panes in order, then fits it to sx
 * by sy. A string with more cells than panes loses its last ones (their space going to the
 * cells before, as a removal); fewer cells than panes, a bad checksum or a malformed or
 * inconsistent string changes nothing: false and *cause (allocated).
 */
bool layout_parse(struct layout *l, const char *s, unsigned sx, unsigned sy, char **cause);
/* The string select-layout -o goes back to: set before each change select-layout makes. */
void layout_set_before(struct layout *l, char *s);
const char *layout_before(const struct layout *l);

#endif
