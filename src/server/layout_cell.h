/*
 * Inside the layout (layout.c, layout_set.c, layout_custom.c only): the tree's cells and
 * the helpers those files share. Invariants, which every function here keeps once a change
 * is complete: a container has two or more children, none of its own orientation; along a
 * container's axis its children's sizes plus one border between each sum to its size,
 * across it they equal its size; offsets are whatever cell_place last computed.
 */
#ifndef RSH_SERVER_LAYOUT_CELL_H
#define RSH_SERVER_LAYOUT_CELL_H

#include "layout.h"

enum cell_type { CELL_PANE, CELL_LEFTRIGHT, CELL_TOPBOTTOM };

struct cell {
	enum cell_type type;
	struct cell *parent;
	unsigned x, y, sx, sy;
	uint32_t pane;       /* CELL_PANE */
	struct cell **child; /* containers: two or more */
	size_t nchild;
};

struct layout {
	struct cell *root;
	bool zoomed;
	uint32_t zoom_pane;
	enum layout_border border; /* layout_set_border */
	int last_set;  /* the preset (layout_set.c) last arranged, or -1 */
	char *before;  /* the layout string before the last select-layout, or NULL */
};

struct cell *cell_new(enum cell_type type, uint32_t pane);
/* Frees c and everything below it (not its place in its parent). */
void cell_free(struct cell *c);
unsigned cell_along(const struct cell *c, enum cell_type axis);
struct cell *cell_find(struct cell *c, uint32_t pane);
/* The smallest size c can take along axis: its panes' minimum plus the borders. */
unsigned cell_min(const struct cell *c, enum cell_type axis);
/* Gives c a new size, its children sharing it in proportion. Needs the minimum covered. */
void cell_resize(struct cell *c, unsigned sx, unsigned sy);
/* Sets every offset from the sizes, children one border apart. */
void cell_place(struct cell *c, unsigned x, unsigned y);
/* Makes child (n cells, allocated, now owned by parent) parent's children. */
void cell_adopt(struct cell *parent, struct cell **child, size_t n);
/* Appends c as parent's last child. */
void cell_append(struct cell *parent, struct cell *c);
/* A container left with one child gives way to it (merging into a like grandparent). */
void cell_collapse(struct cell *p);
/* Splices child i of c, a container of c's own orientation, into c in its place. */
void cell_merge_child(struct cell *c, size_t i);
/* A container of one child takes over that child's contents, in its place. */
void cell_lift(struct cell *p);
/* The panes' cells in order, in a new array. */
struct cell **cell_leaves(const struct layout *l, size_t *n);
/* Replaces l's tree by root (a complete, valid tree, now owned by l) and places it. */
void layout_replace_root(struct layout *l, struct cell *root);

#endif
