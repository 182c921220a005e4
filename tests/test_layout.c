/*
 * The layout tree: worked examples against tmux's arithmetic, then random sequences of
 * splits, removals, pane and window resizes and zooms, each step checked against a grid
 * of the window: panes never overlap, tile it exactly with one-cell borders, keep their
 * minimum, and neighbours agree with a search of the grid.
 */
#include <stdint.h>

#include "check.h"
#include "tmux_layouts.h"
#include "server/layout.h"
#include "util/xmalloc.h"

static unsigned long seed_now;

static struct layout_geom get(const struct layout *l, uint32_t pane)
{
	struct layout_geom g;
	CHECKF(layout_geometry(l, pane, &g), "pane %u", pane);
	return g;
}

static void check_geom(const struct layout *l, uint32_t pane, unsigned x, unsigned y,
		       unsigned cols, unsigned rows)
{
	struct layout_geom g = get(l, pane);
	CHECKF(g.x == x && g.y == y && g.cols == cols && g.rows == rows,
	       "pane %u is %u,%u %ux%u, not %u,%u %ux%u", pane, g.x, g.y, g.cols, g.rows, x, y,
	       cols, rows);
}

static uint32_t neighbour(const struct layout *l, uint32_t pane, enum layout_dir dir)
{
	uint32_t out = UINT32_MAX;
	return layout_neighbour(l, pane, dir, &out) ? out : UINT32_MAX;
}

static void test_examples(void)
{
	/* 80 columns split in half: 40, a border, 39, as tmux does. */
	struct layout *l = layout_create(80, 24, 1);
	CHECK(layout_split(l, 1, LAYOUT_SIDE_BY_SIDE, 0, 2) == NULL);
	check_geom(l, 1, 0, 0, 40, 24);
	check_geom(l, 2, 41, 0, 39, 24);
	/* 30 % of 24 rows is 7; the old pane keeps 24 - 1 - 7. */
	CHECK(layout_split(l, 2, LAYOUT_ABOVE_BELOW, 30, 3) == NULL);
	check_geom(l, 2, 41, 0, 39, 16);
	check_geom(l, 3, 41, 17, 39, 7);
	CHECK(layout_count(l) == 3);
	CHECK(layout_next(l, 1, 1) == 2 && layout_next(l, 1, -1) == 3);
	CHECK(layout_next(l, 3, 1) == 1 && layout_next(l, 2, 7) == 3);

	/* Neighbours: the most overlapping pane; at the window's edge, the far side. */
	CHECK(neighbour(l, 1, LAYOUT_RIGHT) == 2);
	CHECK(neighbour(l, 1, LAYOUT_LEFT) == 2);
	CHECK(neighbour(l, 3, LAYOUT_LEFT) == 1);
	CHECK(neighbour(l, 3, LAYOUT_RIGHT) == 1);
	CHECK(neighbour(l, 2, LAYOUT_DOWN) == 3);
	CHECK(neighbour(l, 3, LAYOUT_DOWN) == 2);
	CHECK(neighbour(l, 1, LAYOUT_UP) == UINT32_MAX);

	/* Resizes move the border and stop at the minimum. */
	CHECK(layout_resize_pane(l, 1, LAYOUT_RIGHT, 5) == 5);
	check_geom(l, 1, 0, 0, 45, 24);
	check_geom(l, 3, 46, 17, 34, 7);
	CHECK(layout_resize_pane(l, 2, LAYOUT_LEFT, 100) == 44);
	check_geom(l, 1, 0, 0, 1, 24);
	check_geom(l, 2, 2, 0, 78, 16);
	/* The last pane of a column moves the border above it. */
	CHECK(layout_resize_pane(l, 3, LAYOUT_DOWN, 3) == 3);
	check_geom(l, 2, 2, 0, 78, 19);
	check_geom(l, 3, 2, 20, 78, 4);
	CHECK(layout_resize_pane(l, 1, LAYOUT_UP, 3) == 0);

	/* Removing pane 2 gives its rows to 3 and collapses the column. */
	CHECK(layout_remove(l, 2) == NULL);
	check_geom(l, 3, 2, 0, 78, 24);
	CHECK(layout_remove(l, 2) != NULL);

	/* A window resize scales in proportion and sums exactly: 1 + 1 + 78 of 80 to 161. */
	layout_resize(l, 161, 30);
	check_geom(l, 1, 0, 0, 2, 30);
	check_geom(l, 3, 3, 0, 158, 30);
	CHECK(layout_remove(l, 1) == NULL);
	CHECK(layout_remove(l, 3) != NULL);
	check_geom(l, 3, 0, 0, 161, 30);
	layout_free(l);
}

/*
 * Panes side by side stay siblings however they came to be, so a resize takes from the
 * nearest neighbour first rather than shrinking a nested group in proportion.
 */
static void test_flattening(void)
{
	struct layout *l = layout_create(80, 24, 1);
	CHECK(layout_split(l, 1, LAYOUT_SIDE_BY_SIDE, 0, 2) == NULL);
	CHECK(layout_split(l, 2, LAYOUT_ABOVE_BELOW, 0, 3) == NULL);
	CHECK(layout_split(l, 3, LAYOUT_SIDE_BY_SIDE, 0, 4) == NULL);
	check_geom(l, 3, 41, 13, 19, 11);
	check_geom(l, 4, 61, 13, 19, 11);
	/* Removing 2 leaves a column holding only the row [3 4]: it joins the top row. */
	CHECK(layout_remove(l, 2) == NULL);
	check_geom(l, 3, 41, 0, 19, 24);
	CHECK(layout_resize_pane(l, 1, LAYOUT_RIGHT, 30) == 30);
	check_geom(l, 1, 0, 0, 70, 24);
	check_geom(l, 3, 71, 0, 1, 24);
	check_geom(l, 4, 73, 0, 7, 24);
	layout_free(l);

	/* The same row made by splitting sideways twice. */
	l = layout_create(80, 24, 1);
	CHECK(layout_split(l, 1, LAYOUT_SIDE_BY_SIDE, 0, 2) == NULL);
	CHECK(layout_split(l, 2, LAYOUT_SIDE_BY_SIDE, 0, 3) == NULL);
	CHECK(layout_resize_pane(l, 1, LAYOUT_RIGHT, 30) == 30);
	check_geom(l, 2, 71, 0, 1, 24);
	check_geom(l, 3, 73, 0, 7, 24);
	layout_free(l);
}

static void test_refusals(void)
{
	/* tmux's minimum is one cell: 3 cells split into 1, a border and 1; 2 cells do not. */
	struct layout *l = layout_create(3, 2, 1);
	const char *e = layout_split(l, 1, LAYOUT_ABOVE_BELOW, 0, 2);
	CHECK(e != NULL && strcmp(e, "no space for new pane") == 0);
	CHECK(layout_split(l, 1, LAYOUT_SIDE_BY_SIDE, 0, 2) == NULL);
	check_geom(l, 1, 0, 0, 1, 2);
	check_geom(l, 2, 2, 0, 1, 2);
	e = layout_split(l, 2, LAYOUT_SIDE_BY_SIDE, 0, 3);
	CHECK(e != NULL && strcmp(e, "no space for new pane") == 0);
	CHECK(layout_split(l, 9, LAYOUT_SIDE_BY_SIDE, 0, 3) != NULL);
	CHECK(layout_split(l, 1, LAYOUT_SIDE_BY_SIDE, 0, 2) != NULL);
	CHECK(layout_split(l, 1, LAYOUT_SIDE_BY_SIDE, 100, 3) != NULL);
	CHECK(layout_count(l) == 2);

	/* Too small a window leaves the layout at its minimum: the view gets clipped. */
	unsigned sx, sy;
	layout_resize(l, 1, 1);
	layout_size(l, &sx, &sy);
	CHECK(sx == 3 && sy == 1);
	/* Sizes from a client are bounded, so no sum of them can overflow. */
	layout_resize(l, UINT32_MAX, UINT32_MAX);
	layout_size(l, &sx, &sy);
	CHECK(sx == LAYOUT_MAX && sy == LAYOUT_MAX);
	check_geom(l, 2, LAYOUT_MAX / 2, 0, LAYOUT_MAX / 2, LAYOUT_MAX);
	layout_free(l);

	/* As tmux: a share is held between the minimum and what leaves the old pane that. */
	l = layout_create(50, 10, 1);
	CHECK(layout_split(l, 1, LAYOUT_SIDE_BY_SIDE, 98, 2) == NULL);
	check_geom(l, 1, 0, 0, 1, 10);
	check_geom(l, 2, 2, 0, 48, 10);
	CHECK(layout_split(l, 2, LAYOUT_SIDE_BY_SIDE, 1, 3) == NULL);
	check_geom(l, 2, 2, 0, 46, 10);
	check_geom(l, 3, 49, 0, 1, 10);
	layout_free(l);
}

static void test_zoom(void)
{
	struct layout *l = layout_create(80, 24, 1);
	CHECK(!layout_toggle_zoom(l, 1));
	CHECK(layout_split(l, 1, LAYOUT_SIDE_BY_SIDE, 0, 2) == NULL);
	CHECK(layout_split(l, 2, LAYOUT_ABOVE_BELOW, 0, 3) == NULL);
	uint32_t z;
	CHECK(layout_toggle_zoom(l, 3) && layout_zoomed(l, &z) && z == 3);
	struct layout_geom g[3];
	CHECK(layout_list(l, g, 3) == 3);
	CHECK(!g[0].visible && !g[1].visible && g[2].visible);
	check_geom(l, 3, 0, 0, 80, 24);
	CHECK(!layout_toggle_zoom(l, 3) && !layout_zoomed(l, &z));
	check_geom(l, 3, 41, 13, 39, 11);

	/* Splitting, removing and resizing a pane unzoom. */
	CHECK(layout_toggle_zoom(l, 1));
	CHECK(layout_split(l, 1, LAYOUT_ABOVE_BELOW, 0, 4) == NULL && !layout_zoomed(l, &z));
	CHECK(layout_toggle_zoom(l, 1));
	CHECK(layout_remove(l, 4) == NULL && !layout_zoomed(l, &z));
	CHECK(layout_toggle_zoom(l, 1));
	layout_resize_pane(l, 1, LAYOUT_LEFT, 1);
	CHECK(!layout_zoomed(l, &z));
	/* A window resize keeps the zoom, at the new size. */
	CHECK(layout_toggle_zoom(l, 2));
	layout_resize(l, 100, 30);
	check_geom(l, 2, 0, 0, 100, 30);
	layout_free(l);
}

/* Random sequences. */

/* A window of n panes (ids 0 to n-1, in order) at sx by sy. */
static struct layout *panes(unsigned sx, unsigned sy, uint32_t n)
{
	struct layout *l = layout_create(sx, sy, 0);
	for (uint32_t i = 1; i < n; i++)
		layout_split(l, i - 1, LAYOUT_SIDE_BY_SIDE, 0, i);
	return l;
}

static void check_dump(const struct layout *l, const char *want)
{
	char *got = layout_dump(l);
	CHECKF(strcmp(got, want) == 0, "layout %s, not %s", got, want);
	free(got);
}

/* The presets give tmux 3.3a's own strings (tests/tmux_layouts.h). */
static void test_presets(void)
{
	struct layout *l = panes(80, 24, 5);
	CHECK(layout_set_last(l) == -1);
	for (int set = 0; set < LAYOUT_NSETS; set++) {
		layout_set_select(l, set, 80, 24, NULL);
		check_dump(l, tmux_layout_5_panes[set]);
		CHECK(layout_set_last(l) == set);
	}
	/* next-layout wraps after tiled; previous goes back. */
	layout_set_step(l, 1, 80, 24, NULL);
	check_dump(l, tmux_layout_5_panes[LAYOUT_EVEN_HORIZONTAL]);
	layout_set_step(l, -1, 80, 24, NULL);
	check_dump(l, tmux_layout_5_panes[LAYOUT_TILED]);
	layout_free(l);

	/* A taller window gives main-horizontal its 24 rows; 3 panes tile as 2 and 1. */
	l = panes(120, 40, 3);
	layout_set_select(l, LAYOUT_MAIN_HORIZONTAL, 120, 40, NULL);
	check_geom(l, 0, 0, 0, 120, 24);
	check_geom(l, 1, 0, 25, 59, 15);
	check_geom(l, 2, 60, 25, 60, 15);
	layout_set_select(l, LAYOUT_MAIN_VERTICAL, 120, 40, NULL);
	check_geom(l, 0, 0, 0, 80, 40);
	check_geom(l, 2, 81, 20, 39, 20);
	layout_set_select(l, LAYOUT_TILED, 120, 40, NULL);
	check_geom(l, 1, 60, 0, 60, 19);
	check_geom(l, 2, 0, 20, 120, 20);
	layout_free(l);

	/* A window narrower than tiled's borders (1 cell): the minimum each, a larger layout. */
	l = panes(1000, 24, 9);
	CHECK(layout_count(l) == 9);
	layout_set_select(l, LAYOUT_TILED, 1, 1, NULL);
	unsigned sx, sy;
	layout_size(l, &sx, &sy);
	char *d = layout_dump(l);
	CHECKF(sx == 5 && sy == 5, "tiled 9 panes in 1x1: %ux%u %s", sx, sy, d);
	free(d);
	check_geom(l, 8, 4, 4, 1, 1);
	layout_free(l);

	/* Names by unique prefix, as tmux. */
	CHECK(layout_set_lookup("tiled") == LAYOUT_TILED);
	CHECK(layout_set_lookup("main-v") == LAYOUT_MAIN_VERTICAL);
	CHECK(layout_set_lookup("even") == -1 && layout_set_lookup("x") == -1);
	CHECK(strcmp(layout_set_name(LAYOUT_EVEN_VERTICAL), "even-vertical") == 0);
}

static bool parse(struct layout *l, const char *s, unsigned sx, unsigned sy, const char *why)
{
	char *cause = NULL;
	bool ok = layout_parse(l, s, sx, sy, &cause);
	CHECKF(ok == (why == NULL), "%s: %s", s, cause != NULL ? cause : "accepted");
	CHECKF(why == NULL || strcmp(cause, why) == 0, "%s: %s, not %s", s, cause, why);
	free(cause);
	return ok;
}

/* body with its checksum before it, as tmux writes it (allocated). */
static char *summed(const char *body)
{
	unsigned short sum = 0;
	for (const char *p = body; *p != '\0'; p++)
		sum = (unsigned short)((sum >> 1) + ((sum & 1) << 15) + (unsigned char)*p);
	char *out;
	xasprintf(&out, "%04x,%s", sum, body);
	return out;
}

static void parse_body(struct layout *l, const char *body, unsigned sx, unsigned sy,
		       const char *why)
{
	char *s = summed(body);
	parse(l, s, sx, sy, why);
	free(s);
}

static void test_custom(void)
{
	/* tmux's answer to this main-vertical string over 2 panes: the 3 last cells go. */
	struct layout *l = panes(80, 24, 2);
	parse(l, "e3fc,80x24,0,0{78x24,0,0,0,1x24,79,0[1x5,79,0,1,1x5,79,6,2,1x5,79,12,3,"
		 "1x6,79,18,4]}", 80, 24, NULL);
	check_dump(l, "0bdf,80x24,0,0{78x24,0,0,0,1x24,79,0,1}");
	/* Ids in the string are not the panes: they go in order. */
	parse_body(l, "80x24,0,0[80x12,0,0,7,80x11,0,13,9]", 80, 24, NULL);
	check_dump(l, "c195,80x24,0,0[80x12,0,0,0,80x11,0,13,1]");
	char *before = layout_dump(l);
	parse(l, "0000,80x24,0,0[80x12,0,0,0,80x11,0,13,1]", 80, 24, "invalid layout");
	parse(l, "c195,80x24,0,0[80x12,0,0,0,80x11,0,13,1]x", 80, 24, "invalid layout");
	parse(l, "foo", 80, 24, "invalid layout");
	parse(l, "", 80, 24, "invalid layout");
	parse_body(l, "80x24,0,0,0", 80, 24, "have 2 panes but need 1");
	parse_body(l, "80x25,0,0[80x12,0,0,0,80x11,0,13,1]", 80, 24,
		   "size mismatch after applying layout");
	parse_body(l, "80x24,0,0[80x12,0,0,0,80x11,0,13,1", 80, 24, "invalid layout");
	parse_body(l, "80x24,0,0[80x12,0,0,0;80x11,0,13,1]", 80, 24, "invalid layout");
	parse_body(l, "80x24,0,0[80x0,0,0,0,80x23,0,1,1]", 80, 24, "invalid layout");
	parse_body(l, "80x24,0,0[999999x12,0,0,0,80x11,0,13,1]", 80, 24, "invalid layout");
	/* Nesting is capped: a deep string is refused, not recursed into without end. */
	char deep[20 * 200 + 64] = "";
	for (int i = 0; i < 200; i++)
		strcat(deep, i % 2 ? "80x24,0,0[" : "80x24,0,0{");
	parse_body(l, deep, 80, 24, "invalid layout");
	check_dump(l, before);
	free(before);

	/* Nested containers of one orientation merge; a string for another size fits the window. */
	parse_body(l, "80x24,0,0{40x24,0,0{40x24,0,0,0},39x24,41,0,1}", 100, 30, NULL);
	check_geom(l, 0, 0, 0, 50, 30);
	check_geom(l, 1, 51, 0, 49, 30);
	layout_free(l);
}

static uint64_t rng;
static uint32_t rnd(uint32_t n)
{
	rng = rng * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)((rng >> 33) % n);
}

struct grid {
	unsigned w, h;
	size_t n;
	struct layout_geom *g;
	int *owner; /* index into g, -1 for a border */
};

static bool exactly(const struct layout_geom *g, unsigned x0, unsigned y0, unsigned x1,
		    unsigned y1)
{
	return g->x == x0 && g->y == y0 && g->x + g->cols == x1 && g->y + g->rows == y1;
}

static bool column_free(const struct grid *gr, unsigned x, unsigned y0, unsigned y1)
{
	for (unsigned y = y0; y < y1; y++)
		if (gr->owner[y * gr->w + x] >= 0)
			return false;
	return true;
}

static bool row_free(const struct grid *gr, unsigned y, unsigned x0, unsigned x1)
{
	for (unsigned x = x0; x < x1; x++)
		if (gr->owner[y * gr->w + x] >= 0)
			return false;
	return true;
}

/*
 * How many panes tile the rectangle exactly: one pane filling it, or two parts on either
 * side of a border line crossing it whole, each tiled in turn. 0 when it is not tiled.
 */
static size_t tiles(const struct grid *gr, unsigned x0, unsigned y0, unsigned x1, unsigned y1)
{
	int k = gr->owner[y0 * gr->w + x0];
	if (k >= 0 && exactly(&gr->g[k], x0, y0, x1, y1))
		return 1;
	for (unsigned x = x0 + 1; x + 1 < x1; x++) {
		if (column_free(gr, x, y0, y1)) {
			size_t a = tiles(gr, x0, y0, x, y1), b = tiles(gr, x + 1, y0, x1, y1);
			return a && b ? a + b : 0;
		}
	}
	for (unsigned y = y0 + 1; y + 1 < y1; y++) {
		if (row_free(gr, y, x0, x1)) {
			size_t a = tiles(gr, x0, y0, x1, y), b = tiles(gr, x0, y + 1, x1, y1);
			return a && b ? a + b : 0;
		}
	}
	return 0;
}

static void grid_fill(struct grid *gr, const struct layout *l)
{
	layout_size(l, &gr->w, &gr->h);
	gr->n = layout_count(l);
	gr->g = xreallocarray(NULL, gr->n, sizeof *gr->g);
	CHECK(layout_list(l, gr->g, gr->n) == gr->n);
	gr->owner = xreallocarray(NULL, (size_t)gr->w * gr->h, sizeof *gr->owner);
	for (size_t i = 0; i < (size_t)gr->w * gr->h; i++)
		gr->owner[i] = -1;
	for (size_t i = 0; i < gr->n; i++) {
		const struct layout_geom *g = &gr->g[i];
		CHECKF(g->cols >= LAYOUT_MIN && g->rows >= LAYOUT_MIN, "seed %lu", seed_now);
		CHECKF(g->x + g->cols <= gr->w && g->y + g->rows <= gr->h, "seed %lu", seed_now);
		for (size_t j = 0; j < i; j++)
			CHECKF(gr->g[j].pane != g->pane, "seed %lu", seed_now);
		if (!g->visible)
			continue;
		for (unsigned y = g->y; y < g->y + g->rows; y++) {
			for (unsigned x = g->x; x < g->x + g->cols; x++) {
				CHECKF(gr->owner[y * gr->w + x] < 0, "seed %lu: overlap", seed_now);
				gr->owner[y * gr->w + x] = (int)i;
			}
		}
	}
}

static void grid_free(struct grid *gr)
{
	free(gr->g);
	free(gr->owner);
}

/* The neighbour found by walking the grid past the border: the most overlapping owner. */
static uint32_t grid_neighbour(const struct grid *gr, size_t i, enum layout_dir dir)
{
	const struct layout_geom *c = &gr->g[i];
	bool across_x = dir == LAYOUT_LEFT || dir == LAYOUT_RIGHT;
	unsigned line;
	switch (dir) {
	case LAYOUT_LEFT: line = c->x == 0 ? gr->w - 1 : c->x - 2; break;
	case LAYOUT_RIGHT: line = c->x + c->cols == gr->w ? 0 : c->x + c->cols + 1; break;
	case LAYOUT_UP: line = c->y == 0 ? gr->h - 1 : c->y - 2; break;
	default: line = c->y + c->rows == gr->h ? 0 : c->y + c->rows + 1; break;
	}
	unsigned *hits = xcalloc(gr->n, sizeof *hits);
	unsigned from = across_x ? c->y : c->x, len = across_x ? c->rows : c->cols;
	for (unsigned k = from; k < from + len; k++) {
		int o = gr->owner[across_x ? k * gr->w + line : line * gr->w + k];
		if (o >= 0 && (size_t)o != i)
			hits[o]++;
	}
	uint32_t best = UINT32_MAX;
	unsigned most = 0;
	for (size_t k = 0; k < gr->n; k++) {
		if (hits[k] > most) {
			most = hits[k];
			best = gr->g[k].pane;
		}
	}
	free(hits);
	return best;
}

static bool within(unsigned a, unsigned alen, unsigned b, unsigned blen)
{
	return a >= b && a + alen <= b + blen;
}

static void check_neighbours(const struct layout *l, const struct grid *gr)
{
	static const enum layout_dir back[] = {LAYOUT_RIGHT, LAYOUT_LEFT, LAYOUT_DOWN, LAYOUT_UP};
	for (size_t i = 0; i < gr->n; i++) {
		const struct layout_geom *a = &gr->g[i];
		for (enum layout_dir d = LAYOUT_LEFT; d <= LAYOUT_DOWN; d++) {
			uint32_t nb = neighbour(l, a->pane, d);
			CHECKF(nb == grid_neighbour(gr, i, d), "seed %lu: pane %u dir %d", seed_now,
			       a->pane, d);
			if (nb == UINT32_MAX)
				continue;
			/* Back across the same border lands where we started when the
			 * neighbour lies within our span (no wrap involved). */
			struct layout_geom b = get(l, nb);
			bool wrapped = d == LAYOUT_LEFT ? b.x > a->x
				       : d == LAYOUT_RIGHT ? b.x < a->x
				       : d == LAYOUT_UP    ? b.y > a->y
							   : b.y < a->y;
			bool inside = d <= LAYOUT_RIGHT ? within(b.y, b.rows, a->y, a->rows)
							: within(b.x, b.cols, a->x, a->cols);
			if (!wrapped && inside)
				CHECKF(neighbour(l, nb, back[d]) == a->pane, "seed %lu", seed_now);
		}
		CHECK(layout_next(l, a->pane, (int)gr->n) == a->pane);
		CHECK(layout_next(l, layout_next(l, a->pane, 1), -1) == a->pane);
		CHECK(layout_next(l, a->pane, 1) == gr->g[(i + 1) % gr->n].pane);
	}
}

/* Everything that must hold after any operation. */
static void check_layout(const struct layout *l)
{
	struct grid gr;
	grid_fill(&gr, l);
	uint32_t z;
	if (layout_zoomed(l, &z)) {
		for (size_t i = 0; i < gr.n; i++)
			CHECKF(gr.g[i].visible == (gr.g[i].pane == z), "seed %lu", seed_now);
		check_geom(l, z, 0, 0, gr.w, gr.h);
	} else {
		CHECKF(tiles(&gr, 0, 0, gr.w, gr.h) == gr.n, "seed %lu: not tiled", seed_now);
		check_neighbours(l, &gr);
	}
	grid_free(&gr);
}

static bool same_list(const struct layout *l, const struct layout_geom *g, size_t n)
{
	struct layout_geom *now = xreallocarray(NULL, n, sizeof *now);
	bool same = layout_list(l, now, n) == n;
	for (size_t i = 0; same && i < n; i++)
		same = now[i].pane == g[i].pane && now[i].x == g[i].x && now[i].y == g[i].y &&
		       now[i].cols == g[i].cols && now[i].rows == g[i].rows;
	free(now);
	return same;
}

static void random_split(struct layout *l, uint32_t *next_id)
{
	/* Splitting unzooms (test_zoom); here the sizes compared must be the tree's. */
	layout_unzoom(l);
	size_t n = layout_count(l);
	struct layout_geom *before = xreallocarray(NULL, n, sizeof *before);
	layout_list(l, before, n);
	struct layout_geom c = before[rnd((uint32_t)n)];
	enum layout_split how = rnd(2) ? LAYOUT_SIDE_BY_SIDE : LAYOUT_ABOVE_BELOW;
	unsigned percent = rnd(3) == 0 ? 0 : rnd(101);
	unsigned s = how == LAYOUT_SIDE_BY_SIDE ? c.cols : c.rows;
	/* tmux's rule: the share asked for, held between the minimum and what leaves it. */
	unsigned add = percent ? s * percent / 100 : (s + 1) / 2 - 1;
	if (add < LAYOUT_MIN)
		add = LAYOUT_MIN;
	else if (s >= 1 + LAYOUT_MIN && add > s - 1 - LAYOUT_MIN)
		add = s - 1 - LAYOUT_MIN;
	bool fits = percent < 100 && s >= 2 * LAYOUT_MIN + 1;
	const char *e = layout_split(l, c.pane, how, percent, *next_id);
	CHECKF((e == NULL) == fits, "seed %lu: split %u%% of %u", seed_now, percent, s);
	if (e == NULL) {
		CHECKF(layout_count(l) == n + 1, "seed %lu", seed_now);
		struct layout_geom a = get(l, c.pane), b = get(l, *next_id);
		CHECKF((how == LAYOUT_SIDE_BY_SIDE ? b.cols : b.rows) == add &&
			       (how == LAYOUT_SIDE_BY_SIDE ? a.cols : a.rows) == s - 1 - add,
		       "seed %lu", seed_now);
		CHECKF(layout_next(l, c.pane, 1) == *next_id, "seed %lu", seed_now);
		(*next_id)++;
	} else {
		CHECKF(same_list(l, before, n), "seed %lu: refused split changed things", seed_now);
	}
	free(before);
}

static void random_step(struct layout *l, uint32_t *next_id)
{
	size_t n = layout_count(l);
	struct layout_geom *all = xreallocarray(NULL, n, sizeof *all);
	layout_list(l, all, n);
	uint32_t pane = all[rnd((uint32_t)n)].pane;
	unsigned sx, sy, nx, ny, w, h;
	switch (rnd(10)) {
	case 0:
	case 1:
	case 2:
		random_split(l, next_id);
		break;
	case 3:
		CHECKF((layout_remove(l, pane) == NULL) == (n > 1), "seed %lu", seed_now);
		CHECKF(!layout_has(l, pane) || n == 1, "seed %lu", seed_now);
		break;
	case 4:
	case 5: {
		unsigned want = 1 + rnd(20);
		CHECKF(layout_resize_pane(l, pane, (enum layout_dir)rnd(4), want) <= want,
		       "seed %lu", seed_now);
		break;
	}
	case 6: {
		uint32_t z;
		bool was = layout_zoomed(l, &z);
		bool now = layout_toggle_zoom(l, pane);
		CHECKF(was ? !now : now == (n > 1), "seed %lu", seed_now);
		if (now) {
			check_layout(l);
			CHECKF(!layout_toggle_zoom(l, pane) && same_list(l, all, n),
			       "seed %lu: unzoom did not restore", seed_now);
			layout_toggle_zoom(l, pane);
		}
		break;
	}
	case 7: {
		/* A preset keeps the panes' order; the layout string reads back the same. */
		layout_size(l, &sx, &sy);
		layout_set_select(l, (int)rnd(LAYOUT_NSETS), sx, sy, NULL);
		struct layout_geom *now = xreallocarray(NULL, n, sizeof *now);
		CHECKF(layout_list(l, now, n) == n, "seed %lu", seed_now);
		for (size_t i = 0; i < n; i++)
			CHECKF(now[i].pane == all[i].pane, "seed %lu: order changed", seed_now);
		free(now);
		break;
	}
	case 8: {
		layout_size(l, &sx, &sy);
		char *s = layout_dump(l), *cause = NULL;
		CHECKF(layout_parse(l, s, sx, sy, &cause), "seed %lu: %s: %s", seed_now, s, cause);
		char *again = layout_dump(l);
		CHECKF(strcmp(s, again) == 0, "seed %lu: %s read back as %s", seed_now, s, again);
		free(again);
		free(s);
		break;
	}
	default:
		layout_size(l, &sx, &sy);
		w = 2 + rnd(rnd(4) ? 200 : 6);
		h = 2 + rnd(rnd(4) ? 60 : 6);
		layout_resize(l, w, h);
		layout_size(l, &nx, &ny);
		/* Never smaller than asked; and growing never clamps. */
		CHECKF(nx >= w && ny >= h, "seed %lu", seed_now);
		CHECKF((w < sx || nx == w) && (h < sy || ny == h), "seed %lu", seed_now);
		break;
	}
	free(all);
	check_layout(l);
}

static void test_random(void)
{
	unsigned long seed = test_seed(), cases = test_cases(1500);
	for (unsigned long i = 0; i < cases; i++) {
		seed_now = seed + i;
		rng = seed_now;
		uint32_t next_id = 2;
		struct layout *l = layout_create(2 + rnd(200), 2 + rnd(60), 1);
		for (int step = 0; step < 60; step++)
			random_step(l, &next_id);
		layout_free(l);
	}
	printf("%lu random sequences of 60 steps from seed %lu\n", cases, seed);
}

/* resize-pane -M's steps (layout_drag_border): the border under the last cell, or beside
 * it, moves by the pointer's move along its own axis; a pane's inside moves nothing; a
 * corner moves both borders; nothing when zoomed. */
static void test_drag_border(void)
{
	struct layout *l = layout_create(80, 23, 1);
	CHECK(layout_split(l, 1, LAYOUT_SIDE_BY_SIDE, 0, 2) == NULL);
	CHECK(layout_split(l, 2, LAYOUT_ABOVE_BELOW, 0, 3) == NULL);
	check_geom(l, 2, 41, 0, 39, 11);
	CHECK(layout_drag_border(l, 40, 5, 30, 6) == 10); /* the row's change: not its axis */
	check_geom(l, 1, 0, 0, 30, 23);
	check_geom(l, 2, 31, 0, 49, 11);
	CHECK(layout_drag_border(l, 10, 5, 20, 5) == 0); /* inside pane 1 */
	CHECK(layout_drag_border(l, 29, 5, 35, 5) == 6); /* the cell left of the border */
	check_geom(l, 1, 0, 0, 36, 23);
	CHECK(layout_drag_border(l, 50, 11, 50, 14) == 3);
	check_geom(l, 2, 37, 0, 43, 14);
	CHECK(layout_drag_border(l, 36, 14, 33, 12) == 5); /* a corner: 3 left, 2 up */
	check_geom(l, 1, 0, 0, 33, 23);
	check_geom(l, 2, 34, 0, 46, 12);
	CHECK(layout_drag_border(l, 33, 5, 200, 5) == 45); /* as far as pane 2 goes */
	check_geom(l, 2, 79, 0, 1, 12);
	CHECK(layout_toggle_zoom(l, 1));
	CHECK(layout_drag_border(l, 78, 5, 40, 5) == 0);
	layout_free(l);
}

int main(void)
{
	test_examples();
	test_drag_border();
	test_flattening();
	test_refusals();
	test_zoom();
	test_presets();
	test_custom();
	test_random();
	return 0;
}
