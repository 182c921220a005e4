/*
 * A screen diff in msgpack:
 *   [rows, cols, [op...], cursor?, modes?, bells?, title?, clipboard?, wrapped?]
 * where the trailing fields are nil or left out when unchanged, and an op is
 *   [0, src, count]   copy     [1, count]   blank
 *   [2, entry...]     literal  [3, src, [col, entry...]...]   patch
 * with entries as in wire_cells.c. docs/protocol.md has the full layout.
 */
#include "wire.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"
#include "wire_cells.h"

/* Fields before the optional ones, which follow in the order of enum term_diff_changes. */
#define FIXED_FIELDS 3
#define OPTIONAL_FIELDS 6

#define CURSOR_VISIBLE 1u
#define CURSOR_BLINK 2u
#define CURSOR_SHAPE_SHIFT 2

static void pack_op(msgpack_packer *pk, const term_diff *d, const term_diff_op *op)
{
	switch (op->kind) {
	case TERM_DIFF_COPY:
		msgpack_pack_array(pk, 3);
		msgpack_pack_uint32(pk, op->kind);
		msgpack_pack_uint32(pk, op->src);
		msgpack_pack_uint32(pk, op->count);
		break;
	case TERM_DIFF_BLANK:
		msgpack_pack_array(pk, 2);
		msgpack_pack_uint32(pk, op->kind);
		msgpack_pack_uint32(pk, op->count);
		break;
	case TERM_DIFF_LITERAL: {
		unsigned used = term_row_used(op->row);
		wire_pack_cells(pk, op->kind, op->row, 0, used < d->cols ? used : d->cols);
		break;
	}
	case TERM_DIFF_PATCH:
		msgpack_pack_array(pk, 2 + op->nspans);
		msgpack_pack_uint32(pk, op->kind);
		msgpack_pack_uint32(pk, op->src);
		for (unsigned s = 0; s < op->nspans; s++)
			wire_pack_cells(pk, op->spans[s].col, op->row, op->spans[s].col,
					op->spans[s].col + op->spans[s].len);
		break;
	}
}

static void pack_field(msgpack_packer *pk, const term_diff *d, unsigned change)
{
	if (!(d->changes & change)) {
		msgpack_pack_nil(pk);
		return;
	}
	switch (change) {
	case TERM_DIFF_CURSOR:
		msgpack_pack_array(pk, 3);
		msgpack_pack_uint32(pk, d->cursor.row);
		msgpack_pack_uint32(pk, d->cursor.col);
		msgpack_pack_uint32(pk, (d->cursor.visible ? CURSOR_VISIBLE : 0) |
					    (d->cursor.blink ? CURSOR_BLINK : 0) |
					    (d->cursor.shape & 3u) << CURSOR_SHAPE_SHIFT);
		break;
	case TERM_DIFF_MODES:
		msgpack_pack_uint32(pk, d->modes);
		break;
	case TERM_DIFF_BELLS:
		msgpack_pack_uint32(pk, d->bells);
		break;
	case TERM_DIFF_TITLE: {
		size_t len = strlen(d->title);
		msgpack_pack_str(pk, len);
		msgpack_pack_str_body(pk, d->title, len);
		break;
	}
	case TERM_DIFF_CLIP:
		/* [seq, "SELECTIONS;BASE64"], or [] for none */
		msgpack_pack_array(pk, d->clip != NULL ? 2 : 0);
		if (d->clip != NULL) {
			msgpack_pack_uint32(pk, d->clip->seq);
			msgpack_pack_str(pk, d->clip->len);
			msgpack_pack_str_body(pk, d->clip->text, d->clip->len);
		}
		break;
	case TERM_DIFF_WRAPS: {
		/* the bitmap without its trailing zero bytes */
		unsigned n = (d->rows + 7u) / 8;
		while (n > 0 && d->wraps[n - 1] == 0)
			n--;
		msgpack_pack_bin(pk, n);
		msgpack_pack_bin_body(pk, d->wraps, n);
		break;
	}
	}
}

void term_diff_encode(const term_diff *d, msgpack_packer *pk)
{
	unsigned fields = FIXED_FIELDS;
	for (unsigned k = 0; k < OPTIONAL_FIELDS; k++)
		if (d->changes & (1u << k))
			fields = FIXED_FIELDS + k + 1;
	msgpack_pack_array(pk, fields);
	msgpack_pack_uint32(pk, d->rows);
	msgpack_pack_uint32(pk, d->cols);
	msgpack_pack_array(pk, d->nops);
	for (unsigned i = 0; i < d->nops; i++)
		pack_op(pk, d, &d->ops[i]);
	for (unsigned k = 0; FIXED_FIELDS + k < fields; k++)
		pack_field(pk, d, 1u << k);
}

/* A count of rows: at least one, at most what is left of the screen. */
static bool read_count(mp_reader *r, unsigned left, uint16_t *count)
{
	uint32_t n;
	if (!mp_read_u32(r, left, &n))
		return false;
	if (n == 0)
		return mp_fail(r, "empty row run");
	*count = (uint16_t)n;
	return true;
}

static bool read_src(mp_reader *r, uint16_t *src)
{
	uint32_t v;
	if (!mp_read_u32(r, TERM_MAX_ROWS - 1, &v))
		return false;
	*src = (uint16_t)v;
	return true;
}

static bool read_patch(mp_reader *r, const term_diff *d, term_diff_op *op, uint32_t n)
{
	if (n < 3 || n - 2 > d->cols)
		return mp_fail(r, "bad patch");
	if (!read_src(r, &op->src))
		return false;
	op->row = term_row_new(0);
	op->spans = xcalloc(n - 2, sizeof *op->spans);
	for (unsigned end = 0; op->nspans < n - 2; op->nspans++) {
		uint32_t entries, col;
		if (!mp_read_array(r, 2, UINT32_MAX, &entries) || !mp_read_u32(r, UINT16_MAX, &col))
			return false;
		if (col < end || col >= d->cols)
			return mp_fail(r, "bad span");
		end = wire_read_cells(r, entries - 1, op->row, col, d->cols);
		if (end == col)
			return mp_fail(r, "empty span");
		op->spans[op->nspans] = (term_diff_span){(uint16_t)col, (uint16_t)(end - col)};
	}
	return !r->error;
}

static bool read_op(mp_reader *r, const term_diff *d, term_diff_op *op, unsigned left)
{
	uint32_t n, kind;
	if (!mp_read_array(r, 1, UINT32_MAX, &n) || !mp_read_u32(r, TERM_DIFF_PATCH, &kind))
		return false;
	op->kind = (uint8_t)kind;
	op->count = 1;
	if (left == 0)
		return mp_fail(r, "rows beyond the screen");
	switch (kind) {
	case TERM_DIFF_COPY:
		return (n == 3 || mp_fail(r, "bad copy")) && read_src(r, &op->src) &&
		       read_count(r, left, &op->count);
	case TERM_DIFF_BLANK:
		return (n == 2 || mp_fail(r, "bad blank run")) && read_count(r, left, &op->count);
	case TERM_DIFF_LITERAL:
		op->row = term_row_new(0);
		wire_read_cells(r, n - 1, op->row, 0, d->cols);
		return !r->error;
	default:
		return read_patch(r, d, op, n);
	}
}

static bool read_cursor(mp_reader *r, term_diff *d)
{
	uint32_t n, row, col, flags;
	if (!mp_read_array(r, 3, 3, &n) || !mp_read_u32(r, TERM_MAX_ROWS, &row) ||
	    !mp_read_u32(r, TERM_MAX_COLS, &col) || !mp_read_u32(r, 15, &flags))
		return false;
	if ((row >= d->rows && row > 0) || col > d->cols)
		return mp_fail(r, "cursor outside the screen");
	d->cursor = (term_cursor){.row = (uint16_t)row, .col = (uint16_t)col,
				  .visible = flags & CURSOR_VISIBLE,
				  .blink = (flags & CURSOR_BLINK) != 0,
				  .shape = (uint8_t)(flags >> CURSOR_SHAPE_SHIFT)};
	return true;
}

static bool read_title(mp_reader *r, term_diff *d)
{
	const char *s;
	uint32_t len;
	if (!mp_read_str(r, TERM_MAX_TITLE, &s, &len))
		return false;
	if (memchr(s, '\0', len))
		return mp_fail(r, "NUL in the title");
	d->title = xstrndup(s, len);
	return true;
}

static bool read_clip(mp_reader *r, term_diff *d)
{
	uint32_t n, seq, len;
	const char *s;
	if (!mp_read_array(r, 0, 2, &n))
		return false;
	if (n == 0)
		return true;
	if (n == 1)
		return mp_fail(r, "bad clipboard");
	if (!mp_read_u32(r, UINT32_MAX, &seq) || !mp_read_str(r, TERM_MAX_CLIP, &s, &len))
		return false;
	if (seq == 0 || !term_clip_valid(s, len))
		return mp_fail(r, "bad clipboard");
	d->clip = term_clip_new(seq, s, len);
	return true;
}

/* The wrapped rows' bitmap: at most a bit a row, none past the last. */
static bool read_wraps(mp_reader *r, term_diff *d)
{
	const uint8_t *p;
	uint32_t n;
	if (!mp_read_bin(r, (d->rows + 7u) / 8, &p, &n))
		return false;
	memcpy(d->wraps, p, n);
	for (unsigned row = d->rows; row < 8 * n; row++)
		if (term_diff_wrapped(d->wraps, row))
			return mp_fail(r, "wrapped row beyond the screen");
	return true;
}

static bool read_field(mp_reader *r, term_diff *d, unsigned change)
{
	if (mp_peek(r) == MP_NIL)
		return mp_read_nil(r);
	d->changes |= change;
	switch (change) {
	case TERM_DIFF_CURSOR:
		return read_cursor(r, d);
	case TERM_DIFF_MODES:
		return mp_read_u32(r, TERM_MODE_ALL, &d->modes);
	case TERM_DIFF_BELLS:
		return mp_read_u32(r, UINT32_MAX, &d->bells);
	case TERM_DIFF_TITLE:
		return read_title(r, d);
	case TERM_DIFF_CLIP:
		return read_clip(r, d);
	default:
		return read_wraps(r, d);
	}
}

static bool read_diff(mp_reader *r, term_diff *d)
{
	uint32_t fields, rows, cols, nops;
	if (!mp_read_array(r, FIXED_FIELDS, FIXED_FIELDS + OPTIONAL_FIELDS, &fields) ||
	    !mp_read_u32(r, TERM_MAX_ROWS, &rows) || !mp_read_u32(r, TERM_MAX_COLS, &cols) ||
	    !mp_read_array(r, 0, rows, &nops))
		return false;
	d->rows = (uint16_t)rows;
	d->cols = (uint16_t)cols;
	d->ops = xcalloc(nops ? nops : 1, sizeof *d->ops);
	unsigned left = rows;
	while (d->nops < nops) {
		term_diff_op *op = &d->ops[d->nops++];
		if (!read_op(r, d, op, left))
			return false;
		left -= op->count;
	}
	if (left != 0)
		return mp_fail(r, "row operations do not cover the screen");
	for (unsigned k = 0; FIXED_FIELDS + k < fields; k++)
		if (!read_field(r, d, 1u << k))
			return false;
	return true;
}

term_diff *term_diff_decode(mp_reader *r, const char **err)
{
	term_diff *d = xcalloc(1, sizeof *d);
	if (read_diff(r, d))
		return d;
	term_diff_free(d);
	*err = r->error ? r->error : "bad screen diff";
	return NULL;
}

void term_diff_write(const term_snapshot *old, const term_snapshot *new, msgpack_packer *pk)
{
	term_diff *d = term_diff_compute(old, new);
	term_diff_encode(d, pk);
	term_diff_free(d);
}

term_snapshot *term_diff_read(const term_snapshot *old, mp_reader *r, const char **err)
{
	term_diff *d = term_diff_decode(r, err);
	if (d == NULL)
		return NULL;
	term_snapshot *s = term_diff_apply(old, d, err);
	if (s == NULL)
		mp_fail(r, *err);
	term_diff_free(d);
	return s;
}
