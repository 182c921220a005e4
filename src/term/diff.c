/*
 * Computing the diff between two screens.
 *
 * Each new row is matched, cheapest test first, with an old row it can be copied from: the
 * row after the one the previous row was copied from (a scrolled region goes on), the old
 * row at the same place, then any old row holding the same pointer (rows are shared
 * copy-on-write, see row.h), then any with the same content (hash, then term_row_equal).
 * Consecutive matches become one copy run. A row matched nowhere is sent as the changed
 * spans of an old row when that is smaller, else whole.
 */
#include "diff.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"

/* Equal cells between two changed ones that a span swallows rather than start a new one:
 * a span costs a few bytes, about what as many ASCII cells cost. */
#define SPAN_GAP 4
/* Content-hash candidates tried per row: beyond the first they are hash collisions. */
#define MAX_CANDIDATES 8

/* Old rows by a 64-bit key (a row pointer or a content hash), each key chaining its rows
 * in ascending order. */
typedef struct row_map {
	unsigned mask;
	uint64_t *keys;
	int32_t *heads; /* first old row with the slot's key; -1: empty slot */
	int32_t *next;  /* per old row: the next one with the same key, -1 at the end */
} row_map;

typedef struct differ {
	const term_snapshot *old, *new;
	unsigned oc, nc; /* old and new widths */
	row_map by_pointer, by_content;
	bool have_content;
	term_diff *d;
} differ;

static unsigned slot_of(const row_map *m, uint64_t key)
{
	return (unsigned)((key * 0x9e3779b97f4a7c15ull) >> 32) & m->mask;
}

static void row_map_init(row_map *m, unsigned nrows)
{
	unsigned cap = 4;
	while (cap < 2 * nrows)
		cap *= 2;
	m->mask = cap - 1;
	m->keys = xcalloc(cap, sizeof *m->keys);
	m->heads = xmalloc(cap * sizeof *m->heads);
	memset(m->heads, 0xff, cap * sizeof *m->heads);
	m->next = xcalloc(nrows ? nrows : 1, sizeof *m->next);
}

static void row_map_free(row_map *m)
{
	free(m->keys);
	free(m->heads);
	free(m->next);
}

/* Callers add rows in descending order so that chains come out ascending. */
static void row_map_add(row_map *m, uint64_t key, unsigned row)
{
	unsigned s = slot_of(m, key);
	while (m->heads[s] >= 0 && m->keys[s] != key)
		s = (s + 1) & m->mask;
	m->next[row] = m->heads[s];
	m->heads[s] = (int32_t)row;
	m->keys[s] = key;
}

static int32_t row_map_find(const row_map *m, uint64_t key)
{
	unsigned s = slot_of(m, key);
	while (m->heads[s] >= 0 && m->keys[s] != key)
		s = (s + 1) & m->mask;
	return m->heads[s];
}

static unsigned min_u(unsigned a, unsigned b)
{
	return a < b ? a : b;
}

static bool blank_between(const term_row *row, unsigned from, unsigned to)
{
	to = min_u(to, row->ncells);
	for (unsigned c = from; c < to; c++)
		if (!term_cell_is_blank(&row->cells[c]))
			return false;
	return true;
}

/* Old row j, read at the old width, shows what row shows at the new width. */
static bool old_row_matches(const differ *df, unsigned j, const term_row *row)
{
	return term_row_equal(df->old->lines[j], row, min_u(df->oc, df->nc)) &&
	       blank_between(row, df->oc, df->nc);
}

/* The cell at col is the same in old row j (blank past the old width) and in row. */
static bool old_cell_matches(const differ *df, unsigned j, const term_row *row, unsigned col)
{
	if (col < df->oc)
		return term_row_cell_equal(df->old->lines[j], row, col);
	term_cell c = term_row_get(row, col);
	return term_cell_is_blank(&c);
}

static void build_content_map(differ *df)
{
	row_map_init(&df->by_content, df->old->rows);
	for (unsigned j = df->old->rows; j-- > 0;)
		row_map_add(&df->by_content, term_row_hash(df->old->lines[j], min_u(df->oc, df->nc)),
			    j);
	df->have_content = true;
}

/* An old row that row can be copied from, by pointer then by content; -1 if none. */
static int find_old_row(differ *df, term_row *row)
{
	for (int32_t j = row_map_find(&df->by_pointer, (uintptr_t)row); j >= 0;
	     j = df->by_pointer.next[j])
		if (old_row_matches(df, (unsigned)j, row))
			return j;
	if (!df->have_content)
		build_content_map(df);
	int32_t j = row_map_find(&df->by_content, term_row_hash(row, min_u(df->oc, df->nc)));
	for (unsigned tries = 0; j >= 0 && tries < MAX_CANDIDATES; tries++) {
		if (old_row_matches(df, (unsigned)j, row))
			return j;
		j = df->by_content.next[j];
	}
	return -1;
}

/*
 * The spans of row that differ from old row j: stored in spans unless it is NULL; returns
 * how many, and the cells they cover in *cells.
 */
static unsigned find_spans(const differ *df, unsigned j, const term_row *row,
			   term_diff_span *spans, unsigned *cells)
{
	/* Past the last cell either row uses, both read blank. */
	unsigned used_old = min_u(term_row_used(df->old->lines[j]), df->oc);
	unsigned used_new = term_row_used(row);
	unsigned width = min_u(df->nc, used_old > used_new ? used_old : used_new);
	unsigned n = 0;
	*cells = 0;
	for (unsigned c = 0; c < width;) {
		if (old_cell_matches(df, j, row, c)) {
			c++;
			continue;
		}
		unsigned start = c, end = c + 1;
		for (c = end; c < width && c - end <= SPAN_GAP; c++)
			if (!old_cell_matches(df, j, row, c))
				end = c + 1;
		if (spans)
			spans[n] = (term_diff_span){(uint16_t)start, (uint16_t)(end - start)};
		n++;
		*cells += end - start;
		c = end;
	}
	return n;
}

static term_diff_op *add_op(differ *df, uint8_t kind, unsigned src)
{
	term_diff_op *op = &df->d->ops[df->d->nops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	op->src = (uint16_t)src;
	op->count = 1;
	return op;
}

/* Rough wire cost in bytes of a patch of old row j, or of the whole row. A patch needs a
 * span: rows equal to old ones are copies, which find_old_row finds first. */
static unsigned patch_cost(const differ *df, unsigned j, const term_row *row)
{
	unsigned cells, n = find_spans(df, j, row, NULL, &cells);
	return n == 0 ? UINT_MAX : 3 + cells + 4 * n;
}

static unsigned literal_cost(const differ *df, const term_row *row)
{
	return 2 + min_u(term_row_used(row), df->nc);
}

/* Row i matched no old row: patch the better of the old rows at expect and at i, or send
 * it whole. */
static void add_changed_row(differ *df, unsigned i, unsigned expect)
{
	term_row *row = df->new->lines[i];
	unsigned best_cost = literal_cost(df, row), best = 0;
	bool patch = false;
	unsigned candidates[2] = {expect, i};
	for (unsigned k = 0; k < 2; k++) {
		unsigned j = candidates[k];
		if (j >= df->old->rows || (k == 1 && j == expect))
			continue;
		unsigned cost = patch_cost(df, j, row);
		if (cost < best_cost) {
			best_cost = cost;
			best = j;
			patch = true;
		}
	}
	if (!patch) {
		add_op(df, TERM_DIFF_LITERAL, 0)->row = term_row_ref(row);
		return;
	}
	unsigned cells;
	term_diff_op *op = add_op(df, TERM_DIFF_PATCH, best);
	op->row = term_row_ref(row);
	op->nspans = (uint16_t)find_spans(df, best, row, NULL, &cells);
	op->spans = xcalloc(op->nspans, sizeof *op->spans);
	find_spans(df, best, row, op->spans, &cells);
}

static void diff_rows(differ *df)
{
	unsigned expect = 0; /* the old row that would continue the previous row's source */
	for (unsigned i = 0; i < df->new->rows; i++) {
		term_row *row = df->new->lines[i];
		term_diff_op *last = df->d->nops ? &df->d->ops[df->d->nops - 1] : NULL;
		bool can_copy = expect < df->old->rows && old_row_matches(df, expect, row);
		/* After a copy run, expect is the row that continues it. */
		if (can_copy && last && last->kind == TERM_DIFF_COPY) {
			last->count++;
		} else if (blank_between(row, 0, df->nc)) {
			if (last && last->kind == TERM_DIFF_BLANK)
				last->count++;
			else
				add_op(df, TERM_DIFF_BLANK, 0);
		} else if (can_copy) {
			add_op(df, TERM_DIFF_COPY, expect);
		} else {
			int j = find_old_row(df, row);
			if (j >= 0) {
				add_op(df, TERM_DIFF_COPY, (unsigned)j);
				expect = (unsigned)j;
			} else {
				add_changed_row(df, i, expect);
				last = &df->d->ops[df->d->nops - 1];
				if (last->kind == TERM_DIFF_PATCH)
					expect = last->src;
			}
		}
		expect++;
	}
}

/* The wrapped flags go when some row's differs from the old row's at its index. */
static void diff_wraps(term_diff *d, const term_snapshot *old, const term_snapshot *new)
{
	for (unsigned r = 0; r < new->rows; r++) {
		bool was = r < old->rows && old->lines[r]->wrapped;
		if (new->lines[r]->wrapped)
			d->wraps[r / 8] |= (uint8_t)(1u << (r % 8));
		if (was != new->lines[r]->wrapped)
			d->changes |= TERM_DIFF_WRAPS;
	}
}

static void diff_state(term_diff *d, const term_snapshot *old, const term_snapshot *new)
{
	d->cursor = new->cursor;
	d->modes = new->modes;
	d->bells = new->bells;
	if (!term_cursor_equal(&old->cursor, &new->cursor))
		d->changes |= TERM_DIFF_CURSOR;
	if (old->modes != new->modes)
		d->changes |= TERM_DIFF_MODES;
	if (old->bells != new->bells)
		d->changes |= TERM_DIFF_BELLS;
	if (strcmp(old->title, new->title) != 0) {
		d->changes |= TERM_DIFF_TITLE;
		d->title = xstrdup(new->title);
	}
	if (!term_clip_equal(old->clip, new->clip)) {
		d->changes |= TERM_DIFF_CLIP;
		d->clip = term_clip_ref(new->clip);
	}
	diff_wraps(d, old, new);
}

term_diff *term_diff_compute(const term_snapshot *old, const term_snapshot *new)
{
	if (old == NULL) {
		term_snapshot *blank = term_snapshot_new(new->rows, new->cols);
		term_diff *d = term_diff_compute(blank, new);
		term_snapshot_unref(blank);
		return d;
	}
	term_diff *d = xcalloc(1, sizeof *d);
	d->rows = new->rows;
	d->cols = new->cols;
	d->ops = xcalloc(new->rows ? new->rows : 1, sizeof *d->ops);
	differ df = {.old = old, .new = new, .oc = old->cols, .nc = new->cols, .d = d};
	row_map_init(&df.by_pointer, old->rows);
	for (unsigned j = old->rows; j-- > 0;)
		row_map_add(&df.by_pointer, (uintptr_t)old->lines[j], j);
	diff_rows(&df);
	row_map_free(&df.by_pointer);
	if (df.have_content)
		row_map_free(&df.by_content);
	diff_state(d, old, new);
	return d;
}

void term_diff_free(term_diff *d)
{
	if (d == NULL)
		return;
	for (unsigned i = 0; i < d->nops; i++) {
		term_row_unref(d->ops[i].row);
		free(d->ops[i].spans);
	}
	free(d->ops);
	free(d->title);
	term_clip_unref(d->clip);
	free(d);
}

static bool op_equal(const term_diff_op *a, const term_diff_op *b, unsigned cols)
{
	if (a->kind != b->kind || a->count != b->count)
		return false;
	switch (a->kind) {
	case TERM_DIFF_COPY:
		return a->src == b->src;
	case TERM_DIFF_LITERAL:
		return term_row_equal(a->row, b->row, cols);
	case TERM_DIFF_PATCH:
		if (a->src != b->src || a->nspans != b->nspans)
			return false;
		for (unsigned s = 0; s < a->nspans; s++) {
			const term_diff_span *x = &a->spans[s], *y = &b->spans[s];
			if (x->col != y->col || x->len != y->len)
				return false;
			for (unsigned c = x->col; c < x->col + x->len; c++)
				if (!term_row_cell_equal(a->row, b->row, c))
					return false;
		}
		return true;
	default:
		return true;
	}
}

bool term_diff_equal(const term_diff *a, const term_diff *b)
{
	if (a->rows != b->rows || a->cols != b->cols || a->nops != b->nops ||
	    a->changes != b->changes)
		return false;
	for (unsigned i = 0; i < a->nops; i++)
		if (!op_equal(&a->ops[i], &b->ops[i], a->cols))
			return false;
	if ((a->changes & TERM_DIFF_CURSOR) && !term_cursor_equal(&a->cursor, &b->cursor))
		return false;
	if ((a->changes & TERM_DIFF_MODES) && a->modes != b->modes)
		return false;
	if ((a->changes & TERM_DIFF_BELLS) && a->bells != b->bells)
		return false;
	if ((a->changes & TERM_DIFF_CLIP) && !term_clip_equal(a->clip, b->clip))
		return false;
	if ((a->changes & TERM_DIFF_WRAPS) && memcmp(a->wraps, b->wraps, sizeof a->wraps) != 0)
		return false;
	return !(a->changes & TERM_DIFF_TITLE) || strcmp(a->title, b->title) == 0;
}
