/*
 * Applying a screen diff to the snapshot it was computed from.
 *
 * The diff may come from the network: every row it names, every span and the cursor are
 * checked against the base and the new size before anything is built.
 */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"

static const char *check_op(const term_snapshot *old, const term_diff *d, const term_diff_op *op)
{
	if (op->count == 0)
		return "empty row run";
	switch (op->kind) {
	case TERM_DIFF_COPY:
		if ((unsigned)op->src + op->count > old->rows)
			return "copied rows beyond the base screen";
		return NULL;
	case TERM_DIFF_BLANK:
		return NULL;
	case TERM_DIFF_LITERAL:
		return op->count != 1 || op->row == NULL ? "bad literal row" : NULL;
	case TERM_DIFF_PATCH:
		if (op->count != 1 || op->row == NULL || (op->nspans > 0 && op->spans == NULL))
			return "bad patched row";
		if (op->src >= old->rows)
			return "patched row beyond the base screen";
		for (unsigned s = 0, end = 0; s < op->nspans; s++) {
			const term_diff_span *sp = &op->spans[s];
			if (sp->len == 0 || sp->col < end || sp->col + sp->len > d->cols)
				return "bad span";
			end = sp->col + sp->len;
		}
		return NULL;
	default:
		return "unknown row operation";
	}
}

static const char *check_diff(const term_snapshot *old, const term_diff *d)
{
	if (d->rows > TERM_MAX_ROWS || d->cols > TERM_MAX_COLS)
		return "screen too large";
	unsigned rows = 0;
	for (unsigned i = 0; i < d->nops; i++) {
		const char *why = check_op(old, d, &d->ops[i]);
		if (why)
			return why;
		rows += d->ops[i].count;
	}
	if (rows != d->rows)
		return "row operations do not cover the screen";
	const term_cursor *cur = (d->changes & TERM_DIFF_CURSOR) ? &d->cursor : &old->cursor;
	if ((cur->row >= d->rows && cur->row > 0) || cur->col > d->cols)
		return "cursor outside the screen";
	if ((d->changes & TERM_DIFF_MODES) && (d->modes & ~TERM_MODE_ALL))
		return "unknown modes";
	if ((d->changes & TERM_DIFF_TITLE) && (d->title == NULL || strlen(d->title) > TERM_MAX_TITLE))
		return "bad title";
	if ((d->changes & TERM_DIFF_CLIP) && d->clip != NULL &&
	    !term_clip_valid(d->clip->text, d->clip->len))
		return "bad clipboard";
	if (d->changes & TERM_DIFF_WRAPS)
		for (unsigned r = d->rows; r < 8 * TERM_DIFF_WRAP_BYTES; r++)
			if (term_diff_wrapped(d->wraps, r))
				return "wrapped row beyond the screen";
	return NULL;
}

/* Old row j as the old screen shows it: shared, unless it stores cells past the old width
 * that the wider new screen would show. */
static term_row *old_row(const term_snapshot *old, unsigned j, unsigned cols)
{
	term_row *row = old->lines[j];
	if (cols <= old->cols || row->ncells <= old->cols)
		return term_row_ref(row);
	row = term_row_copy(row);
	term_row_resize(row, old->cols);
	return row;
}

static term_row *patched_row(const term_snapshot *old, const term_diff_op *op)
{
	term_row *row = term_row_copy(old->lines[op->src]);
	if (row->ncells > old->cols)
		term_row_resize(row, old->cols);
	for (unsigned s = 0; s < op->nspans; s++) {
		const term_diff_span *sp = &op->spans[s];
		for (unsigned c = sp->col; c < (unsigned)sp->col + sp->len; c++) {
			term_cell cell = term_row_get(op->row, c);
			uint32_t chars[TERM_MAX_CHARS];
			unsigned n = term_row_chars(op->row, c, chars);
			term_row_set(row, c, &cell, chars, n);
		}
	}
	return row;
}

/* Each row's wrapped flag: the diff's, else the old row's at its index; a shared row
 * whose flag changes is copied first. */
static void apply_wraps(term_snapshot *s, const term_snapshot *old, const term_diff *d)
{
	for (unsigned r = 0; r < s->rows; r++) {
		bool wrapped = (d->changes & TERM_DIFF_WRAPS) ? term_diff_wrapped(d->wraps, r)
							      : r < old->rows && old->lines[r]->wrapped;
		if (s->lines[r]->wrapped != wrapped)
			term_row_writable(&s->lines[r])->wrapped = wrapped;
	}
}

static void apply_state(term_snapshot *s, const term_snapshot *old, const term_diff *d)
{
	s->cursor = (d->changes & TERM_DIFF_CURSOR) ? d->cursor : old->cursor;
	s->modes = (d->changes & TERM_DIFF_MODES) ? d->modes : old->modes;
	s->bells = (d->changes & TERM_DIFF_BELLS) ? d->bells : old->bells;
	s->title = xstrdup((d->changes & TERM_DIFF_TITLE) ? d->title : old->title);
	s->clip = term_clip_ref((d->changes & TERM_DIFF_CLIP) ? d->clip : old->clip);
}

static term_snapshot *apply_to(const term_snapshot *old, const term_diff *d, const char **err)
{
	const char *why = check_diff(old, d);
	if (why) {
		*err = why;
		return NULL;
	}
	term_snapshot *s = xcalloc(1, sizeof *s);
	s->refs = 1;
	s->rows = d->rows;
	s->cols = d->cols;
	s->lines = xcalloc(d->rows ? d->rows : 1, sizeof *s->lines);
	term_row *blank = term_row_new(0);
	unsigned i = 0;
	for (unsigned k = 0; k < d->nops; k++) {
		const term_diff_op *op = &d->ops[k];
		for (unsigned n = 0; n < op->count; n++, i++) {
			switch (op->kind) {
			case TERM_DIFF_COPY:
				s->lines[i] = old_row(old, op->src + n, d->cols);
				break;
			case TERM_DIFF_BLANK:
				/* The old row there if it is blank too: a row kept is a row a
				 * view's reader need not look at again (snapshot.h). */
				s->lines[i] = term_row_ref(
					i < old->rows && old->lines[i]->ncells == 0 ? old->lines[i]
										   : blank);
				break;
			case TERM_DIFF_LITERAL:
				s->lines[i] = term_row_ref(op->row);
				break;
			default:
				s->lines[i] = patched_row(old, op);
				break;
			}
		}
	}
	term_row_unref(blank);
	apply_wraps(s, old, d);
	apply_state(s, old, d);
	return s;
}

term_snapshot *term_diff_apply(const term_snapshot *old, const term_diff *d, const char **err)
{
	if (old != NULL)
		return apply_to(old, d, err);
	if (d->rows > TERM_MAX_ROWS || d->cols > TERM_MAX_COLS) {
		*err = "screen too large";
		return NULL;
	}
	term_snapshot *blank = term_snapshot_new(d->rows, d->cols);
	term_snapshot *s = apply_to(blank, d, err);
	term_snapshot_unref(blank);
	return s;
}
