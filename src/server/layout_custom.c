/*
 * The layout string, tmux's window_layout: a checksum of the rest in four hex digits, then
 * the root cell as "SXxSY,X,Y" followed by ",ID" for a pane or by its children between
 * {} (side by side) or [] (one above the other), separated by commas. The same string
 * given back to select-layout rebuilds the tree over the window's panes in their order.
 *
 * The string comes from the user: every number is bounded, nesting is capped, and any
 * flaw refuses the whole string with the layout unchanged.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "layout_cell.h"
#include "util/xmalloc.h"

#define LAYOUT_DEPTH 64 /* containers inside containers: far more than any real window */

static unsigned short checksum(const char *s)
{
	unsigned short sum = 0;
	for (; *s != '\0'; s++) {
		sum = (unsigned short)((sum >> 1) + ((sum & 1) << 15));
		sum = (unsigned short)(sum + (unsigned char)*s);
	}
	return sum;
}

struct buf {
	char *p;
	size_t len, cap;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct buf *b, const char *fmt, ...)
{
	char *text;
	va_list ap;
	va_start(ap, fmt);
	int n = xvasprintf(&text, fmt, ap);
	va_end(ap);
	if (b->len + (size_t)n + 1 > b->cap) {
		b->cap = (b->len + (size_t)n + 1) * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, text, (size_t)n + 1);
	b->len += (size_t)n;
	free(text);
}

static void dump(struct buf *b, const struct cell *c)
{
	put(b, "%ux%u,%u,%u", c->sx, c->sy, c->x, c->y);
	if (c->type == CELL_PANE) {
		put(b, ",%u", c->pane);
		return;
	}
	for (size_t i = 0; i < c->nchild; i++) {
		put(b, "%s", i > 0 ? "," : c->type == CELL_LEFTRIGHT ? "{" : "[");
		dump(b, c->child[i]);
	}
	put(b, "%s", c->type == CELL_LEFTRIGHT ? "}" : "]");
}

char *layout_dump(const struct layout *l)
{
	struct buf b = {0};
	dump(&b, l->root);
	char *out;
	xasprintf(&out, "%04x,%s", checksum(b.p), b.p);
	free(b.p);
	return out;
}

/* A number of at most five digits, at most LAYOUT_MAX: anything else fails the parse. */
static bool number(const char **s, unsigned *out)
{
	unsigned v = 0;
	int digits = 0;
	while (**s >= '0' && **s <= '9') {
		if (++digits > 5)
			return false;
		v = v * 10 + (unsigned)(*(*s)++ - '0');
	}
	*out = v;
	return digits > 0 && v <= LAYOUT_MAX;
}

static bool expect(const char **s, char c)
{
	if (**s != c)
		return false;
	(*s)++;
	return true;
}

/*
 * One cell and what it holds: "SXxSY,X,Y" then ",ID", or {children} / [children]. The
 * offsets and ids are read and dropped: offsets follow from the sizes, panes are assigned
 * in order. NULL when malformed.
 */
static struct cell *parse_cell(const char **s, int depth)
{
	unsigned sx, sy, x, y;
	if (depth > LAYOUT_DEPTH || !number(s, &sx) || !expect(s, 'x') || !number(s, &sy) ||
	    !expect(s, ',') || !number(s, &x) || !expect(s, ',') || !number(s, &y))
		return NULL;
	if (sx < LAYOUT_MIN || sy < LAYOUT_MIN)
		return NULL;
	/* A pane's id, unless what follows the comma is the next cell (tmux's old strings). */
	if (**s == ',') {
		const char *id = *s + 1;
		while (*id >= '0' && *id <= '9')
			id++;
		if (*id != 'x') {
			(*s)++;
			if (!number(s, &x))
				return NULL;
		}
	}
	char open = **s, close = open == '{' ? '}' : ']';
	if (open != '{' && open != '[') {
		struct cell *c = cell_new(CELL_PANE, 0);
		c->sx = sx;
		c->sy = sy;
		return c;
	}
	struct cell *c = cell_new(open == '{' ? CELL_LEFTRIGHT : CELL_TOPBOTTOM, 0);
	c->sx = sx;
	c->sy = sy;
	do {
		(*s)++;
		struct cell *k = parse_cell(s, depth + 1);
		if (k == NULL) {
			cell_free(c);
			return NULL;
		}
		cell_append(c, k);
	} while (**s == ',');
	if (!expect(s, close)) {
		cell_free(c);
		return NULL;
	}
	return c;
}

/* Whether the children fill c exactly, one border apart (tmux's layout_check). */
static bool fits(const struct cell *c)
{
	uint64_t sum = 0;
	for (size_t i = 0; i < c->nchild; i++) {
		const struct cell *k = c->child[i];
		if (!fits(k))
			return false;
		if (c->type == CELL_LEFTRIGHT ? k->sy != c->sy : k->sx != c->sx)
			return false;
		sum += cell_along(k, c->type) + 1;
	}
	return c->nchild == 0 || sum - 1 == cell_along(c, c->type);
}

/*
 * Brings a parsed tree to the invariants (layout_cell.h): a child of its parent's
 * orientation is merged into it, a container of one child gives way to it.
 */
static void normalise(struct cell *c)
{
	for (size_t i = 0; i < c->nchild; i++)
		normalise(c->child[i]);
	for (size_t i = 0; i < c->nchild; i++) {
		struct cell *k = c->child[i];
		if (k->type != c->type)
			continue;
		size_t n = k->nchild;
		cell_merge_child(c, i);
		i += n - 1;
	}
	if (c->nchild == 1)
		cell_lift(c);
}

/* Numbers the leaves 0, 1, ... in order, or with the given panes. */
static void assign(struct cell *c, const uint32_t *pane, uint32_t *next)
{
	if (c->type == CELL_PANE) {
		c->pane = pane != NULL ? pane[*next] : *next;
		++*next;
	}
	for (size_t i = 0; i < c->nchild; i++)
		assign(c->child[i], pane, next);
}

static bool invalid(char **cause, const char *why)
{
	*cause = xstrdup(why);
	return false;
}

bool layout_parse(struct layout *l, const char *s, unsigned sx, unsigned sy, char **cause)
{
	unsigned sum;
	const char *p = s;
	if (strlen(s) < 5 || s[4] != ',')
		return invalid(cause, "invalid layout");
	for (int i = 0; i < 4; i++)
		if (strchr("0123456789abcdefABCDEF", s[i]) == NULL)
			return invalid(cause, "invalid layout");
	sscanf(s, "%4x", &sum);
	p += 5;
	if (sum != checksum(p))
		return invalid(cause, "invalid layout");
	struct cell *root = parse_cell(&p, 0);
	if (root == NULL)
		return invalid(cause, "invalid layout");
	if (*p != '\0' || !fits(root)) {
		cell_free(root);
		return invalid(cause, *p != '\0' ? "invalid layout"
						  : "size mismatch after applying layout");
	}
	normalise(root);

	/* A scratch layout: cells numbered in order; the last ones go while too many. */
	size_t npanes = layout_count(l);
	struct layout scratch = {.root = root, .last_set = -1};
	uint32_t ncells = 0;
	assign(root, NULL, &ncells);
	cell_place(root, 0, 0);
	if (npanes > ncells) {
		cell_free(scratch.root);
		xasprintf(cause, "have %zu panes but need %u", npanes, (unsigned)ncells);
		return false;
	}
	while (ncells > npanes)
		layout_remove(&scratch, --ncells);

	size_t n;
	struct cell **leaf = cell_leaves(l, &n);
	uint32_t *pane = xreallocarray(NULL, n, sizeof *pane);
	for (size_t i = 0; i < n; i++)
		pane[i] = leaf[i]->pane;
	free(leaf);
	uint32_t k = 0;
	assign(scratch.root, pane, &k);
	free(pane);
	layout_replace_root(l, scratch.root);
	layout_resize(l, sx, sy);
	return true;
}

void layout_set_before(struct layout *l, char *s)
{
	free(l->before);
	l->before = s;
}

const char *layout_before(const struct layout *l)
{
	return l->before;
}
