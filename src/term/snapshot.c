/* Immutable screen snapshots sharing rows with the grid. */
#include "snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"

term_snapshot *term_snapshot_new(unsigned rows, unsigned cols)
{
	term_snapshot *s = xcalloc(1, sizeof *s);
	s->refs = 1;
	s->rows = (uint16_t)rows;
	s->cols = (uint16_t)cols;
	s->lines = xcalloc(rows ? rows : 1, sizeof *s->lines);
	for (unsigned i = 0; i < rows; i++)
		s->lines[i] = term_row_new(0);
	s->cursor.visible = true;
	s->cursor.shape = TERM_CURSOR_BLOCK;
	s->title = xstrdup("");
	return s;
}

term_clip *term_clip_new(uint32_t seq, const char *text, size_t len)
{
	term_clip *clip = xmalloc(sizeof *clip + len + 1);
	clip->refs = 1;
	clip->seq = seq;
	clip->len = (uint32_t)len;
	memcpy(clip->text, text, len);
	clip->text[len] = '\0';
	return clip;
}

term_clip *term_clip_ref(term_clip *clip)
{
	if (clip != NULL)
		clip->refs++;
	return clip;
}

void term_clip_unref(term_clip *clip)
{
	if (clip != NULL && --clip->refs == 0)
		free(clip);
}

static bool is_base64(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '+' || c == '/' || c == '=';
}

bool term_clip_valid(const char *text, size_t len)
{
	size_t i = 0;
	if (len > TERM_MAX_CLIP)
		return false;
	while (i < len && text[i] != ';' && strchr("cpqs01234567", text[i]) != NULL)
		i++;
	if (i == len || text[i] != ';' || i > 16)
		return false;
	for (i++; i < len; i++)
		if (!is_base64(text[i]))
			return false;
	return true;
}

term_snapshot *term_snapshot_ref(term_snapshot *snap)
{
	snap->refs++;
	return snap;
}

void term_snapshot_unref(term_snapshot *snap)
{
	if (snap == NULL || --snap->refs > 0)
		return;
	for (unsigned i = 0; i < snap->rows; i++)
		term_row_unref(snap->lines[i]);
	free(snap->lines);
	free(snap->title);
	term_clip_unref(snap->clip);
	free(snap);
}

term_snapshot *term_snapshot_clone(const term_snapshot *src)
{
	term_snapshot *s = xmemdup(src, sizeof *src);
	s->refs = 1;
	s->lines = xcalloc(src->rows ? src->rows : 1, sizeof *s->lines);
	for (unsigned i = 0; i < src->rows; i++)
		s->lines[i] = term_row_ref(src->lines[i]);
	s->title = xstrdup(src->title);
	term_clip_ref(s->clip);
	return s;
}

term_snapshot *term_snapshot_crop(const term_snapshot *src, unsigned rows, unsigned cols)
{
	rows = rows < src->rows ? rows : src->rows;
	cols = cols < src->cols ? cols : src->cols;
	term_snapshot *s = xmemdup(src, sizeof *src);
	s->refs = 1;
	s->rows = (uint16_t)rows;
	s->cols = (uint16_t)cols;
	s->lines = xcalloc(rows ? rows : 1, sizeof *s->lines);
	for (unsigned i = 0; i < rows; i++) {
		s->lines[i] = term_row_ref(src->lines[i]);
		term_cell edge = term_row_get(s->lines[i], cols ? cols - 1 : 0);
		if (cols > 0 && cols < src->cols && edge.width == 2)
			term_row_set_blank(term_row_writable(&s->lines[i]), cols - 1, edge.bg);
	}
	if (s->cursor.row >= rows || s->cursor.col >= cols) {
		s->cursor.visible = false;
		s->cursor.row = (uint16_t)(rows ? rows - 1 : 0);
		s->cursor.col = (uint16_t)(cols ? cols - 1 : 0);
	}
	s->title = xstrdup(src->title);
	term_clip_ref(s->clip);
	return s;
}

void term_snapshot_set_title(term_snapshot *snap, const char *title, size_t len)
{
	if (len > TERM_MAX_TITLE)
		len = TERM_MAX_TITLE;
	free(snap->title);
	snap->title = xstrndup(title, len);
}

bool term_cursor_equal(const term_cursor *a, const term_cursor *b)
{
	return a->row == b->row && a->col == b->col && a->visible == b->visible &&
	       a->blink == b->blink && a->shape == b->shape;
}

enum difference { SAME, SIZE, CELL, WRAP, CURSOR, MODES, BELLS, TITLE, CLIP };

uint32_t term_snapshot_clip_seq(const term_snapshot *s)
{
	return s->clip != NULL ? s->clip->seq : 0;
}

bool term_clip_equal(const term_clip *a, const term_clip *b)
{
	if (a == b)
		return true;
	return a != NULL && b != NULL && a->seq == b->seq && a->len == b->len &&
	       memcmp(a->text, b->text, a->len) == 0;
}

/* What differs first between a and b; for CELL, where. Unchanged rows shared by both
 * snapshots compare in O(1); a changed row is walked once. */
static enum difference first_difference(const term_snapshot *a, const term_snapshot *b,
					unsigned *row, unsigned *col)
{
	if (a->rows != b->rows || a->cols != b->cols)
		return SIZE;
	for (unsigned r = 0; r < a->rows; r++) {
		if (a->lines[r] == b->lines[r])
			continue;
		if (a->lines[r]->wrapped != b->lines[r]->wrapped) {
			*row = r;
			return WRAP;
		}
		for (unsigned c = 0; c < a->cols; c++) {
			if (!term_row_cell_equal(a->lines[r], b->lines[r], c)) {
				*row = r;
				*col = c;
				return CELL;
			}
		}
	}
	if (!term_cursor_equal(&a->cursor, &b->cursor))
		return CURSOR;
	if (a->modes != b->modes)
		return MODES;
	if (a->bells != b->bells)
		return BELLS;
	if (strcmp(a->title, b->title) != 0)
		return TITLE;
	return term_clip_equal(a->clip, b->clip) ? SAME : CLIP;
}

bool term_snapshot_equal(const term_snapshot *a, const term_snapshot *b)
{
	unsigned row, col;
	return a == b || first_difference(a, b, &row, &col) == SAME;
}

static void describe_cell(const term_row *row, unsigned col, char *buf, size_t size)
{
	term_cell c = term_row_get(row, col);
	uint32_t chars[TERM_MAX_CHARS];
	unsigned n = term_row_chars(row, col, chars);
	int off = snprintf(buf, size, "U+%04X", n ? chars[0] : 0);
	for (unsigned i = 1; i < n && off > 0 && (size_t)off < size; i++)
		off += snprintf(buf + off, size - (size_t)off, "+U+%04X", chars[i]);
	if (off > 0 && (size_t)off < size)
		snprintf(buf + off, size - (size_t)off, " w%u fg%08x bg%08x at%03x", c.width, c.fg,
			 c.bg, c.attrs);
}

void term_snapshot_describe_difference(const term_snapshot *a, const term_snapshot *b,
				       char *buf, size_t size)
{
	unsigned r = 0, c = 0;
	char ca[96], cb[96];
	buf[0] = '\0';
	switch (first_difference(a, b, &r, &c)) {
	case SAME:
		break;
	case SIZE:
		snprintf(buf, size, "size %ux%u != %ux%u", a->cols, a->rows, b->cols, b->rows);
		break;
	case CELL:
		describe_cell(a->lines[r], c, ca, sizeof ca);
		describe_cell(b->lines[r], c, cb, sizeof cb);
		snprintf(buf, size, "cell row %u col %u: %s != %s", r, c, ca, cb);
		break;
	case WRAP:
		snprintf(buf, size, "row %u wrapped %d != %d", r, a->lines[r]->wrapped,
			 b->lines[r]->wrapped);
		break;
	case CURSOR:
		snprintf(buf, size, "cursor %u,%u vis%d blink%d shape%u != %u,%u vis%d blink%d shape%u",
			 a->cursor.row, a->cursor.col, a->cursor.visible, a->cursor.blink,
			 a->cursor.shape, b->cursor.row, b->cursor.col, b->cursor.visible,
			 b->cursor.blink, b->cursor.shape);
		break;
	case MODES:
		snprintf(buf, size, "modes %#x != %#x", a->modes, b->modes);
		break;
	case BELLS:
		snprintf(buf, size, "bells %u != %u", a->bells, b->bells);
		break;
	case TITLE:
		snprintf(buf, size, "title \"%s\" != \"%s\"", a->title, b->title);
		break;
	case CLIP:
		snprintf(buf, size, "clipboard %u != %u", term_snapshot_clip_seq(a),
			 term_snapshot_clip_seq(b));
		break;
	}
}
