/*
 * tmux's five preset layouts (select-layout NAME, next-layout, previous-layout): each
 * builds a new tree of the window's panes in their order, with tmux's sizes, so that
 * `list-panes` geometry and the layout string match tmux's for the same window.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_cell.h"
#include "util/xmalloc.h"

static const char *const set_names[LAYOUT_NSETS] = {
	"even-horizontal", "even-vertical", "main-horizontal", "main-vertical", "tiled",
};

int layout_set_lookup(const char *name)
{
	int found = -1;
	for (int i = 0; i < LAYOUT_NSETS; i++) {
		if (strncmp(set_names[i], name, strlen(name)) != 0)
			continue;
		if (found != -1)
			return -1; /* ambiguous, as tmux: then it is read as a layout string */
		found = i;
	}
	return found;
}

const char *layout_set_name(int set)
{
	return set >= 0 && set < LAYOUT_NSETS ? set_names[set] : NULL;
}

static enum cell_type other_axis(enum cell_type axis)
{
	return axis == CELL_LEFTRIGHT ? CELL_TOPBOTTOM : CELL_LEFTRIGHT;
}

/* A cell of type t, `along` cells along axis and `across` the other way. */
static struct cell *sized(enum cell_type t, uint32_t pane, enum cell_type axis, unsigned along,
			  unsigned across)
{
	struct cell *c = cell_new(t, pane);
	c->sx = axis == CELL_LEFTRIGHT ? along : across;
	c->sy = axis == CELL_LEFTRIGHT ? across : along;
	return c;
}

/* What n panes need side by side along an axis: one cell each and the borders. */
static unsigned need(size_t n)
{
	return (unsigned)(n * (LAYOUT_MIN + 1) - 1);
}

static unsigned at_least(unsigned size, unsigned min)
{
	return size > min ? size : min;
}

/* Child i's share of size among n, one border apart: the last takes what division leaves. */
static unsigned even_share(unsigned size, size_t n, size_t i)
{
	unsigned each = (unsigned)((size - (n - 1)) / n);
	return i + 1 < n ? each : size - (unsigned)((each + 1) * (n - 1));
}

/*
 * A container along axis of the leaves' panes, each an equal share of size (tmux's
 * layout_spread_cell: the last takes what the division leaves), across cells the other way.
 */
static struct cell *spread(enum cell_type axis, struct cell **leaf, size_t n, unsigned size,
			   unsigned across)
{
	if (n == 1)
		return sized(CELL_PANE, leaf[0]->pane, axis, size, across);
	struct cell *c = sized(axis, 0, axis, size, across);
	for (size_t i = 0; i < n; i++)
		cell_append(c, sized(CELL_PANE, leaf[i]->pane, axis, even_share(size, n, i), across));
	return c;
}

static struct cell *even(struct cell **leaf, size_t n, enum cell_type axis, unsigned sx,
			 unsigned sy)
{
	unsigned along = axis == CELL_LEFTRIGHT ? sx : sy, across = axis == CELL_LEFTRIGHT ? sy : sx;
	return spread(axis, leaf, n, at_least(along, need(n)), across);
}

/*
 * main-horizontal (axis top-bottom) and main-vertical (left-right): the first pane takes
 * main cells along the axis, the others share the rest side by side the other way; tmux's
 * rule when the main pane does not leave room: the others get the minimum.
 */
/*
 * A size option's value along a length of along cells: cells (0..along) or N% (0..100) of
 * along, as tmux reads main-pane-height and the others; fallback when NULL or unreadable
 * or out of range.
 */
static unsigned size_value(const char *v, unsigned along, unsigned fallback)
{
	char *end;
	if (v == NULL || v[0] < '0' || v[0] > '9')
		return fallback;
	errno = 0;
	unsigned long n = strtoul(v, &end, 10);
	if (errno != 0)
		return fallback;
	if (end[0] == '%' && end[1] == '\0')
		return n <= 100 ? (unsigned)(along * n / 100) : fallback;
	return *end == '\0' && n <= along ? (unsigned)n : fallback;
}

static struct cell *main_pane(struct cell **leaf, size_t n, enum cell_type axis, unsigned sx,
			      unsigned sy, const char *main_size, const char *other_size,
			      unsigned fallback)
{
	unsigned along = (axis == CELL_LEFTRIGHT ? sx : sy) - 1;
	unsigned across = at_least(axis == CELL_LEFTRIGHT ? sy : sx, need(n - 1));
	unsigned main = size_value(main_size, along, fallback), other;
	if (main + LAYOUT_MIN >= along) {
		main = along <= 2 * LAYOUT_MIN ? LAYOUT_MIN : along - LAYOUT_MIN;
		other = LAYOUT_MIN;
	} else {
		/* other-pane-*: given (and fitting), the main pane takes what it leaves */
		other = size_value(other_size, along, 0);
		if (other == 0 || along - other < main)
			other = along - main;
		else
			main = along - other;
	}
	struct cell *c = sized(axis, 0, axis, main + other + 1, across);
	cell_append(c, sized(CELL_PANE, leaf[0]->pane, axis, main, across));
	struct cell *rest = spread(other_axis(axis), leaf + 1, n - 1, across, other);
	cell_append(c, rest);
	return c;
}

/* tiled: rows of columns, as square as tmux makes them; the last row and columns take the rest. */
static struct cell *tiled(struct cell **leaf, size_t n, unsigned sx, unsigned sy)
{
	unsigned rows = 1, cols = 1;
	while (rows * cols < n) {
		rows++;
		if (rows * cols < n)
			cols++;
	}
	/* A window narrower than the borders alone gets the minimum (tmux's sums would wrap). */
	unsigned width = at_least(sx > cols - 1 ? (sx - (cols - 1)) / cols : 0, LAYOUT_MIN);
	unsigned height = at_least(sy > rows - 1 ? (sy - (rows - 1)) / rows : 0, LAYOUT_MIN);
	unsigned wx = at_least(sx, (width + 1) * cols - 1);
	unsigned wy = at_least(sy, (height + 1) * rows - 1);
	struct cell *c = sized(CELL_TOPBOTTOM, 0, CELL_TOPBOTTOM, wy, wx);
	size_t next = 0;
	for (unsigned j = 0; j < rows && next < n; j++) {
		unsigned h = j + 1 < rows || wy <= rows * (height + 1) - 1
				     ? height
				     : height + wy - (rows * (height + 1) - 1);
		size_t k = n - next < cols ? n - next : cols;
		struct cell *row;
		if (k == 1) {
			row = sized(CELL_PANE, leaf[next]->pane, CELL_LEFTRIGHT, wx, h);
		} else {
			row = sized(CELL_LEFTRIGHT, 0, CELL_LEFTRIGHT, wx, h);
			unsigned used = (unsigned)(k * (width + 1) - 1);
			for (size_t i = 0; i < k; i++) {
				unsigned w = i + 1 < k ? width : width + (wx > used ? wx - used : 0);
				cell_append(row, sized(CELL_PANE, leaf[next + i]->pane, CELL_LEFTRIGHT,
						       w, h));
			}
		}
		next += k;
		cell_append(c, row);
	}
	/* Fewer rows used than planned (tiled never does: rows*cols - n < cols): sizes hold. */
	return c;
}

void layout_set_select(struct layout *l, int set, unsigned sx, unsigned sy,
		       const struct layout_sizes *sizes)
{
	static const struct layout_sizes none;
	const struct layout_sizes *z = sizes != NULL ? sizes : &none;
	size_t n;
	struct cell **leaf = cell_leaves(l, &n);
	struct cell *root = NULL;
	sx = at_least(sx, LAYOUT_MIN);
	sy = at_least(sy, LAYOUT_MIN);
	if (n > 1) {
		switch (set) {
		case LAYOUT_EVEN_HORIZONTAL:
			root = even(leaf, n, CELL_LEFTRIGHT, sx, sy);
			break;
		case LAYOUT_EVEN_VERTICAL:
			root = even(leaf, n, CELL_TOPBOTTOM, sx, sy);
			break;
		case LAYOUT_MAIN_HORIZONTAL:
			root = main_pane(leaf, n, CELL_TOPBOTTOM, sx, sy, z->main_height,
					 z->other_height, 24);
			break;
		case LAYOUT_MAIN_VERTICAL:
			root = main_pane(leaf, n, CELL_LEFTRIGHT, sx, sy, z->main_width,
					 z->other_width, 80);
			break;
		default:
			root = tiled(leaf, n, sx, sy);
			break;
		}
	}
	free(leaf);
	if (root != NULL)
		layout_replace_root(l, root);
	l->last_set = set;
}

void layout_set_step(struct layout *l, int delta, unsigned sx, unsigned sy,
		     const struct layout_sizes *sizes)
{
	int set;
	if (l->last_set == -1)
		set = delta > 0 ? 0 : LAYOUT_NSETS - 1;
	else
		set = (l->last_set + delta + LAYOUT_NSETS) % LAYOUT_NSETS;
	layout_set_select(l, set, sx, sy, sizes);
}

int layout_set_last(const struct layout *l)
{
	return l->last_set;
}

/* Shares p's size evenly among its children as spread does; false when nothing changed. */
static bool spread_cell(struct cell *p)
{
	size_t n = p->nchild;
	unsigned size = cell_along(p, p->type);
	bool changed = false;
	for (size_t i = 0; i < n; i++)
		if (even_share(size, n, i) < cell_min(p->child[i], p->type))
			return false;
	for (size_t i = 0; i < n; i++) {
		struct cell *k = p->child[i];
		unsigned s = even_share(size, n, i);
		if (s == cell_along(k, p->type))
			continue;
		changed = true;
		cell_resize(k, p->type == CELL_LEFTRIGHT ? s : k->sx, p->type == CELL_TOPBOTTOM ? s : k->sy);
	}
	return changed;
}

void layout_spread_out(struct layout *l, uint32_t pane)
{
	struct cell *c = cell_find(l->root, pane);
	if (c == NULL)
		return;
	l->zoomed = false;
	for (struct cell *p = c->parent; p != NULL; p = p->parent)
		if (spread_cell(p))
			break;
	cell_place(l->root, 0, 0);
}
