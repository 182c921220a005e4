/*
 * The layout tree. Sizes live in the cells; offsets are recomputed from them after every
 * change (place), so an operation only has to keep the sizes consistent.
 */
#include "layout.h"
#include "layout_cell.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

struct cell *cell_new(enum cell_type type, uint32_t pane)
{
	struct cell *c = xcalloc(1, sizeof *c);
	c->type = type;
	c->pane = pane;
	return c;
}

void cell_free(struct cell *c)
{
	for (size_t i = 0; i < c->nchild; i++)
		cell_free(c->child[i]);
	free(c->child);
	free(c);
}

unsigned cell_along(const struct cell *c, enum cell_type axis)
{
	return axis == CELL_LEFTRIGHT ? c->sx : c->sy;
}

static void cell_set_along(struct cell *c, enum cell_type axis, unsigned size)
{
	if (axis == CELL_LEFTRIGHT)
		c->sx = size;
	else
		c->sy = size;
}

struct cell *cell_find(struct cell *c, uint32_t pane)
{
	if (c->type == CELL_PANE)
		return c->pane == pane ? c : NULL;
	for (size_t i = 0; i < c->nchild; i++) {
		struct cell *f = cell_find(c->child[i], pane);
		if (f != NULL)
			return f;
	}
	return NULL;
}

static size_t child_index(const struct cell *c)
{
	size_t i = 0;
	while (c->parent->child[i] != c)
		i++;
	return i;
}

/* The smallest size c can take along axis: its panes' minimum plus the borders. */
unsigned cell_min(const struct cell *c, enum cell_type axis)
{
	if (c->type == CELL_PANE)
		return LAYOUT_MIN;
	unsigned m = 0;
	for (size_t i = 0; i < c->nchild; i++) {
		unsigned cm = cell_min(c->child[i], axis);
		if (c->type == axis)
			m += cm + (i > 0);
		else if (cm > m)
			m = cm;
	}
	return m;
}

/*
 * New sizes for c's children along its axis, summing to total: in proportion to their
 * current sizes (cumulative rounding, so the sum is exact), none below its minimum. Those
 * that would fall below are held at it and the rest is shared again. The caller ensures
 * total covers the minimums, so at least one child is never held.
 */
static unsigned *share(const struct cell *c, unsigned total)
{
	size_t n = c->nchild;
	unsigned *size = xcalloc(n, sizeof *size);
	unsigned *min = xcalloc(n, sizeof *min);
	bool *held = xcalloc(n, sizeof *held);
	for (size_t i = 0; i < n; i++)
		min[i] = cell_min(c->child[i], c->type);
	bool again = true;
	while (again) {
		uint64_t rest = total, weight = 0, cum = 0, prev = 0;
		for (size_t i = 0; i < n; i++) {
			if (held[i])
				rest -= min[i];
			else
				weight += cell_along(c->child[i], c->type);
		}
		again = false;
		for (size_t i = 0; i < n; i++) {
			if (held[i]) {
				size[i] = min[i];
				continue;
			}
			cum += cell_along(c->child[i], c->type);
			uint64_t upto = cum * rest / weight;
			size[i] = (unsigned)(upto - prev);
			prev = upto;
			if (size[i] < min[i])
				held[i] = again = true;
		}
	}
	free(held);
	free(min);
	return size;
}

/* Gives c a new size, its children sharing it. Needs sx and sy to cover c's minimum. */
void cell_resize(struct cell *c, unsigned sx, unsigned sy)
{
	c->sx = sx;
	c->sy = sy;
	if (c->type == CELL_PANE)
		return;
	unsigned *size = share(c, cell_along(c, c->type) - (unsigned)(c->nchild - 1));
	for (size_t i = 0; i < c->nchild; i++) {
		if (c->type == CELL_LEFTRIGHT)
			cell_resize(c->child[i], size[i], sy);
		else
			cell_resize(c->child[i], sx, size[i]);
	}
	free(size);
}

static void resize_along(struct cell *c, enum cell_type axis, unsigned size)
{
	cell_resize(c, axis == CELL_LEFTRIGHT ? size : c->sx, axis == CELL_TOPBOTTOM ? size : c->sy);
}

/* Sets every offset from the sizes, children one border apart. */
void cell_place(struct cell *c, unsigned x, unsigned y)
{
	c->x = x;
	c->y = y;
	for (size_t i = 0; i < c->nchild; i++) {
		cell_place(c->child[i], x, y);
		if (c->type == CELL_LEFTRIGHT)
			x += c->child[i]->sx + 1;
		else
			y += c->child[i]->sy + 1;
	}
}

void cell_adopt(struct cell *parent, struct cell **child, size_t n)
{
	parent->child = child;
	parent->nchild = n;
	for (size_t i = 0; i < n; i++)
		child[i]->parent = parent;
}

static void insert_child(struct cell *parent, size_t at, struct cell *c)
{
	struct cell **child = xreallocarray(parent->child, parent->nchild + 1, sizeof *child);
	memmove(child + at + 1, child + at, (parent->nchild - at) * sizeof *child);
	child[at] = c;
	cell_adopt(parent, child, parent->nchild + 1);
}

void cell_append(struct cell *parent, struct cell *c)
{
	insert_child(parent, parent->nchild, c);
}

void layout_replace_root(struct layout *l, struct cell *root)
{
	cell_free(l->root);
	l->root = root;
	root->parent = NULL;
	l->zoomed = false;
	cell_place(root, 0, 0);
}

static void collect(struct cell *c, struct cell **out, size_t *n)
{
	if (c->type == CELL_PANE)
		out[(*n)++] = c;
	for (size_t i = 0; i < c->nchild; i++)
		collect(c->child[i], out, n);
}

void cell_merge_child(struct cell *c, size_t i)
{
	struct cell *k = c->child[i];
	size_t n = c->nchild - 1 + k->nchild;
	struct cell **child = xreallocarray(NULL, n, sizeof *child);
	memcpy(child, c->child, i * sizeof *child);
	memcpy(child + i, k->child, k->nchild * sizeof *child);
	memcpy(child + i + k->nchild, c->child + i + 1, (c->nchild - i - 1) * sizeof *child);
	free(c->child);
	cell_adopt(c, child, n);
	free(k->child);
	free(k);
}

/* The panes' cells in order, in a new array. */
struct cell **cell_leaves(const struct layout *l, size_t *n)
{
	struct cell **out = xreallocarray(NULL, layout_count(l), sizeof *out);
	*n = 0;
	collect(l->root, out, n);
	return out;
}

static size_t count(const struct cell *c)
{
	size_t n = c->type == CELL_PANE;
	for (size_t i = 0; i < c->nchild; i++)
		n += count(c->child[i]);
	return n;
}

static unsigned clamp(unsigned size, unsigned min)
{
	return size < min ? min : size > LAYOUT_MAX ? LAYOUT_MAX : size;
}

struct layout *layout_create(unsigned sx, unsigned sy, uint32_t pane)
{
	struct layout *l = xcalloc(1, sizeof *l);
	l->root = cell_new(CELL_PANE, pane);
	l->root->sx = clamp(sx, LAYOUT_MIN);
	l->root->sy = clamp(sy, LAYOUT_MIN);
	l->last_set = -1;
	return l;
}

void layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	cell_free(l->root);
	free(l->before);
	free(l);
}

/*
 * c has a new size; its children take it as tmux's layout_resize_child_cells shares it
 * (a full-width split): each in order its old share rounded down, held between its
 * minimum and what leaves the rest theirs, the last what is left; across, c's size.
 */
static void refit(struct cell *c)
{
	if (c->type == CELL_PANE)
		return;
	enum cell_type axis = c->type;
	uint64_t previous = c->nchild - 1, left = cell_along(c, axis);
	unsigned rest_min = 0;
	for (size_t i = 0; i < c->nchild; i++) {
		previous += cell_along(c->child[i], axis);
		rest_min += cell_min(c->child[i], axis) + (i > 0);
	}
	uint64_t size = left;
	for (size_t i = 0; i < c->nchild; i++) {
		struct cell *k = c->child[i];
		unsigned kmin = cell_min(k, axis);
		rest_min -= kmin + (i > 0);
		uint64_t want = i + 1 == c->nchild ? left : cell_along(k, axis) * size / previous;
		uint64_t max = left > rest_min + (i + 1 < c->nchild) ? left - rest_min - 1 : kmin;
		if (i + 1 < c->nchild && want > max)
			want = max;
		if (want < kmin)
			want = kmin;
		if (axis == CELL_LEFTRIGHT) {
			k->sx = (unsigned)want;
			k->sy = c->sy;
		} else {
			k->sy = (unsigned)want;
			k->sx = c->sx;
		}
		left -= want < left ? want + 1 : left;
		refit(k);
	}
}

void layout_set_border(struct layout *l, enum layout_border border)
{
	l->border = border;
}

/* Whether c is on the window's top edge (first of every column above it), or its bottom. */
static bool on_edge(const struct cell *c, bool top)
{
	for (; c->parent != NULL; c = c->parent) {
		const struct cell *p = c->parent;
		if (p->type == CELL_TOPBOTTOM && p->child[top ? 0 : p->nchild - 1] != c)
			return false;
	}
	return true;
}

/* Whether pane cell c (or, zoomed, the window) gives a row to its border status line. */
static bool has_border_row(const struct layout *l, const struct cell *c)
{
	return l->border != LAYOUT_BORDER_OFF && on_edge(c, l->border == LAYOUT_BORDER_TOP);
}

/*
 * The new pane's size when s cells are split as where says, as tmux's layout_split_pane:
 * the right or bottom part is the size asked for (or half, rounded down), held between
 * the minimum and all but the minimum and a border; -b gives the new pane the size asked
 * for, or without one the left or top part. 0 when s cannot hold two panes.
 */
static unsigned split_size(unsigned s, const struct layout_place *where)
{
	if (s < 2 * LAYOUT_MIN + 1)
		return 0;
	bool asked = where->percent != 0 || where->cells != 0;
	uint64_t want = where->percent != 0 ? (uint64_t)s * where->percent / 100 : where->cells;
	int64_t second = !asked ? (s + 1) / 2 - 1
			 : where->before ? (int64_t)s - (int64_t)want - 1
					 : (int64_t)want;
	if (second < LAYOUT_MIN)
		second = LAYOUT_MIN;
	else if (second > (int64_t)s - 1 - LAYOUT_MIN)
		second = s - 1 - LAYOUT_MIN;
	return where->before ? s - 1 - (unsigned)second : (unsigned)second;
}

/* c (a leaf, or the root for a full split) becomes a container of its old self and n. */
static void wrap(struct cell *c, enum cell_type axis, struct cell *n, bool before)
{
	struct cell *old = cell_new(c->type, c->pane);
	old->sx = c->sx;
	old->sy = c->sy;
	if (c->nchild > 0)
		cell_adopt(old, c->child, c->nchild);
	c->child = NULL;
	c->nchild = 0;
	c->type = axis;
	insert_child(c, 0, old);
	insert_child(c, before ? 0 : 1, n);
}

const char *layout_insert(struct layout *l, uint32_t pane, const struct layout_place *where,
			  uint32_t new_pane)
{
	enum cell_type axis = where->how == LAYOUT_SIDE_BY_SIDE ? CELL_LEFTRIGHT : CELL_TOPBOTTOM;
	struct cell *c = where->full ? l->root : cell_find(l->root, pane);
	if (cell_find(l->root, pane) == NULL)
		return "no such pane";
	if (cell_find(l->root, new_pane) != NULL)
		return "pane already in the layout";
	if (where->percent > 99)
		return "percentage must be 1 to 99";
	unsigned s = cell_along(c, axis);
	unsigned add = split_size(s, where);
	bool row = axis == CELL_TOPBOTTOM && has_border_row(l, c); /* tmux: one more row */
	if (add == 0 || (where->full && s - 1 - add < cell_min(c, axis)) ||
	    (row && s < 2 * LAYOUT_MIN + 2))
		return "no space for new pane";
	layout_unzoom(l);

	struct cell *n = cell_new(CELL_PANE, new_pane);
	n->sx = c->sx;
	n->sy = c->sy;
	cell_set_along(n, axis, add);
	if (where->full) {
		/* Everything there was shares what the new pane leaves, as in a window resize. */
		wrap(c, axis, n, where->before);
		size_t at = where->before ? 1 : 0;
		struct cell *old = c->child[at];
		cell_set_along(old, axis, s - 1 - add);
		refit(old);
		if (old->type == axis)
			cell_merge_child(c, at);
	} else if (c->parent != NULL && c->parent->type == axis) {
		insert_child(c->parent, child_index(c) + (where->before ? 0 : 1), n);
		cell_set_along(c, axis, s - 1 - add);
	} else {
		wrap(c, axis, n, where->before);
		cell_set_along(c->child[where->before ? 1 : 0], axis, s - 1 - add);
	}
	cell_place(l->root, 0, 0);
	return NULL;
}

const char *layout_split(struct layout *l, uint32_t pane, enum layout_split how,
			 unsigned percent, uint32_t new_pane)
{
	struct layout_place where = {.how = how, .percent = percent};
	return layout_insert(l, pane, &where, new_pane);
}

void cell_lift(struct cell *p)
{
	struct cell *k = p->child[0];
	p->type = k->type;
	p->pane = k->pane;
	free(p->child);
	p->child = NULL;
	p->nchild = 0;
	if (k->nchild > 0)
		cell_adopt(p, k->child, k->nchild);
	free(k);
}

/*
 * A container left with one child k gives way to it. With only two orientations, a
 * container k meets a grandparent of its own orientation, into which its children are
 * spliced; otherwise p simply takes over k's contents.
 */
void cell_collapse(struct cell *p)
{
	struct cell *k = p->child[0];
	struct cell *gp = p->parent;
	bool splice = k->type != CELL_PANE && gp != NULL && gp->type == k->type;
	cell_lift(p);
	if (splice)
		cell_merge_child(gp, child_index(p));
}

const char *layout_remove(struct layout *l, uint32_t pane)
{
	struct cell *c = cell_find(l->root, pane);
	if (c == NULL)
		return "no such pane";
	if (c->parent == NULL)
		return "cannot remove the last pane";
	layout_unzoom(l);

	struct cell *p = c->parent;
	size_t i = child_index(c);
	struct cell *heir = p->child[i > 0 ? i - 1 : i + 1];
	resize_along(heir, p->type, cell_along(heir, p->type) + cell_along(c, p->type) + 1);
	memmove(p->child + i, p->child + i + 1, (p->nchild - i - 1) * sizeof *p->child);
	p->nchild--;
	cell_free(c);
	if (p->nchild == 1)
		cell_collapse(p);
	cell_place(l->root, 0, 0);
	return NULL;
}

/*
 * Moves the border after child i of p by up to n cells, forward (right or down) or back:
 * the child on the side it moves towards shrinks, then the next one beyond it, and so on,
 * each down to its minimum; the child on the other side grows by what they gave.
 */
static unsigned move_border(struct cell *p, size_t i, bool forward, unsigned n)
{
	long step = forward ? 1 : -1;
	long k = forward ? (long)i + 1 : (long)i;
	unsigned moved = 0;
	for (; k >= 0 && k < (long)p->nchild && moved < n; k += step) {
		struct cell *s = p->child[k];
		unsigned size = cell_along(s, p->type);
		unsigned take = size - cell_min(s, p->type);
		if (take > n - moved)
			take = n - moved;
		if (take > 0)
			resize_along(s, p->type, size - take);
		moved += take;
	}
	struct cell *g = p->child[forward ? i : i + 1];
	if (moved > 0)
		resize_along(g, p->type, cell_along(g, p->type) + moved);
	return moved;
}

unsigned layout_resize_pane(struct layout *l, uint32_t pane, enum layout_dir dir, unsigned n)
{
	enum cell_type axis =
		dir == LAYOUT_LEFT || dir == LAYOUT_RIGHT ? CELL_LEFTRIGHT : CELL_TOPBOTTOM;
	struct cell *c = cell_find(l->root, pane);
	if (c == NULL)
		return 0;
	layout_unzoom(l);
	while (c->parent != NULL && c->parent->type != axis)
		c = c->parent;
	if (c->parent == NULL)
		return 0;
	size_t i = child_index(c);
	if (i == c->parent->nchild - 1)
		i--;
	unsigned moved = move_border(c->parent, i, dir == LAYOUT_RIGHT || dir == LAYOUT_DOWN, n);
	cell_place(l->root, 0, 0);
	return moved;
}

/* tmux's layout_search_by_border: the cell before the border (x, y) is on, below c, or
 * NULL (a pane's cell, or off the layout). */
static struct cell *by_border(struct cell *c, unsigned x, unsigned y)
{
	struct cell *last = NULL;
	for (size_t i = 0; i < c->nchild; i++) {
		struct cell *k = c->child[i];
		if (x >= k->x && x < k->x + k->sx && y >= k->y && y < k->y + k->sy)
			return by_border(k, x, y);
		if (last != NULL && c->type == CELL_LEFTRIGHT && x < k->x && x >= last->x + last->sx)
			return last;
		if (last != NULL && c->type == CELL_TOPBOTTOM && y < k->y && y >= last->y + last->sy)
			return last;
		last = k;
	}
	return NULL;
}

unsigned layout_drag_border(struct layout *l, unsigned lx, unsigned ly, unsigned x, unsigned y)
{
	static const int offsets[][2] = {{0, 0}, {0, 1}, {1, 0}, {0, -1}, {-1, 0}};
	struct cell *cells[sizeof offsets / sizeof *offsets];
	size_t n = 0;
	unsigned moved = 0;
	if (l->zoomed)
		return 0;
	for (size_t i = 0; i < sizeof offsets / sizeof *offsets; i++) {
		long cx = (long)lx + offsets[i][0], cy = (long)ly + offsets[i][1];
		struct cell *c = cx >= 0 && cy >= 0 ? by_border(l->root, (unsigned)cx, (unsigned)cy)
						    : NULL;
		for (size_t j = 0; c != NULL && j < n; j++)
			if (cells[j] == c)
				c = NULL;
		if (c != NULL)
			cells[n++] = c;
	}
	for (size_t i = 0; i < n; i++) {
		struct cell *p = cells[i]->parent;
		size_t at = child_index(cells[i]);
		if (y != ly && p->type == CELL_TOPBOTTOM)
			moved += move_border(p, at, y > ly, y > ly ? y - ly : ly - y);
		else if (x != lx && p->type == CELL_LEFTRIGHT)
			moved += move_border(p, at, x > lx, x > lx ? x - lx : lx - x);
	}
	if (moved > 0)
		cell_place(l->root, 0, 0);
	return moved;
}

void layout_resize(struct layout *l, unsigned sx, unsigned sy)
{
	cell_resize(l->root, clamp(sx, cell_min(l->root, CELL_LEFTRIGHT)),
		    clamp(sy, cell_min(l->root, CELL_TOPBOTTOM)));
	cell_place(l->root, 0, 0);
}

void layout_size(const struct layout *l, unsigned *sx, unsigned *sy)
{
	*sx = l->root->sx;
	*sy = l->root->sy;
}

bool layout_toggle_zoom(struct layout *l, uint32_t pane)
{
	if (l->zoomed) {
		l->zoomed = false;
		return false;
	}
	if (l->root->type == CELL_PANE || cell_find(l->root, pane) == NULL)
		return false;
	l->zoomed = true;
	l->zoom_pane = pane;
	return true;
}

void layout_unzoom(struct layout *l)
{
	l->zoomed = false;
}

bool layout_zoomed(const struct layout *l, uint32_t *pane)
{
	if (l->zoomed)
		*pane = l->zoom_pane;
	return l->zoomed;
}

size_t layout_count(const struct layout *l)
{
	return count(l->root);
}

bool layout_has(const struct layout *l, uint32_t pane)
{
	return cell_find(l->root, pane) != NULL;
}

static struct layout_geom geom(const struct layout *l, const struct cell *c)
{
	struct layout_geom g = {c->pane, c->x, c->y, c->sx, c->sy, true};
	if (l->zoomed && c->pane == l->zoom_pane) {
		g.x = g.y = 0;
		g.cols = l->root->sx;
		g.rows = l->root->sy;
		c = l->root;
	} else if (l->zoomed) {
		g.visible = false;
	}
	if (g.rows > 1 && has_border_row(l, c)) {
		g.y += l->border == LAYOUT_BORDER_TOP;
		g.rows--;
	}
	return g;
}

size_t layout_list(const struct layout *l, struct layout_geom *out, size_t max)
{
	size_t n;
	struct cell **leaf = cell_leaves(l, &n);
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = geom(l, leaf[i]);
	free(leaf);
	return n;
}

bool layout_geometry(const struct layout *l, uint32_t pane, struct layout_geom *out)
{
	struct cell *c = cell_find(l->root, pane);
	if (c != NULL)
		*out = geom(l, c);
	return c != NULL;
}

uint32_t layout_next(const struct layout *l, uint32_t pane, int delta)
{
	size_t n, i = 0;
	struct cell **leaf = cell_leaves(l, &n);
	while (i < n && leaf[i]->pane != pane)
		i++;
	if (i < n) {
		long long k = ((long long)i + delta % (long long)n + (long long)n) % (long long)n;
		pane = leaf[k]->pane;
	}
	free(leaf);
	return pane;
}

/*
 * Whether n starts right across the border on side dir of c, or at the far edge of the
 * window when c touches the near one.
 */
static bool across(const struct layout *l, const struct cell *c, const struct cell *n,
		   enum layout_dir dir)
{
	unsigned w = l->root->sx, h = l->root->sy;
	switch (dir) {
	case LAYOUT_LEFT:
		return c->x == 0 ? n->x + n->sx == w : n->x + n->sx + 1 == c->x;
	case LAYOUT_RIGHT:
		return c->x + c->sx == w ? n->x == 0 : n->x == c->x + c->sx + 1;
	case LAYOUT_UP:
		return c->y == 0 ? n->y + n->sy == h : n->y + n->sy + 1 == c->y;
	default:
		return c->y + c->sy == h ? n->y == 0 : n->y == c->y + c->sy + 1;
	}
}

static unsigned overlap(unsigned a, unsigned alen, unsigned b, unsigned blen)
{
	unsigned lo = a > b ? a : b, hi = a + alen < b + blen ? a + alen : b + blen;
	return hi > lo ? hi - lo : 0;
}

bool layout_neighbour(const struct layout *l, uint32_t pane, enum layout_dir dir,
		      uint32_t *out)
{
	struct cell *c = cell_find(l->root, pane);
	if (c == NULL)
		return false;
	size_t n;
	struct cell **leaf = cell_leaves(l, &n);
	unsigned best = 0;
	for (size_t i = 0; i < n; i++) {
		struct cell *o = leaf[i];
		if (o == c || !across(l, c, o, dir))
			continue;
		unsigned ov = dir == LAYOUT_LEFT || dir == LAYOUT_RIGHT
				      ? overlap(c->y, c->sy, o->y, o->sy)
				      : overlap(c->x, c->sx, o->x, o->sx);
		if (ov > best) {
			best = ov;
			*out = o->pane;
		}
	}
	free(leaf);
	return best > 0;
}

void layout_swap(struct layout *la, uint32_t a, struct layout *lb, uint32_t b)
{
	struct cell *ca = cell_find(la->root, a), *cb = cell_find(lb->root, b);
	if (ca == NULL || cb == NULL)
		return;
	layout_unzoom(la);
	layout_unzoom(lb);
	ca->pane = b;
	cb->pane = a;
}

void layout_rotate(struct layout *l, int delta)
{
	size_t n;
	struct cell **leaf = cell_leaves(l, &n);
	layout_unzoom(l);
	uint32_t *id = xreallocarray(NULL, n, sizeof *id);
	for (size_t i = 0; i < n; i++)
		id[i] = leaf[i]->pane;
	for (size_t i = 0; i < n; i++)
		leaf[(i + n + (size_t)(delta > 0 ? 1 : n - 1)) % n]->pane = id[i];
	free(id);
	free(leaf);
}

unsigned layout_resize_pane_to(struct layout *l, uint32_t pane, bool horizontal, unsigned size)
{
	enum cell_type axis = horizontal ? CELL_LEFTRIGHT : CELL_TOPBOTTOM;
	struct cell *c = cell_find(l->root, pane);
	if (c == NULL)
		return 0;
	unsigned cur = cell_along(c, axis);
	while (c->parent != NULL && c->parent->type != axis)
		c = c->parent;
	if (c->parent == NULL || size == cur)
		return 0;
	/* The border after the pane moves, or before it for the last one: its sign flips. */
	bool last = child_index(c) == c->parent->nchild - 1;
	bool grow = size > cur;
	bool forward = last ? !grow : grow;
	enum layout_dir dir = horizontal ? (forward ? LAYOUT_RIGHT : LAYOUT_LEFT)
					 : (forward ? LAYOUT_DOWN : LAYOUT_UP);
	return layout_resize_pane(l, pane, dir, grow ? size - cur : cur - size);
}
