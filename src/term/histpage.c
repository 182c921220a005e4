/* History pages: the type, equality and the wire form. */
#include "histpage.h"

#include <stdlib.h>

#include "../util/xmalloc.h"
#include "wire_cells.h"

/* [pane, epoch, first, [line...]] and, answering a search, [serial] or [serial, line, col] */
#define PAGE_FIELDS 4
/* A line is [flags, entry...]: bit 0, the terminal wrapped it on into the next line. */
#define LINE_WRAPPED 1u
#define LINE_FLAGS LINE_WRAPPED /* every flag defined */

term_histpage *term_histpage_new(uint32_t pane, uint32_t epoch, uint64_t first,
				 uint32_t nlines)
{
	term_histpage *p = xcalloc(1, sizeof *p);
	p->refs = 1;
	p->pane = pane;
	p->epoch = epoch;
	p->first = first;
	p->nlines = nlines;
	p->lines = xcalloc(nlines ? nlines : 1, sizeof *p->lines);
	return p;
}

term_histpage *term_histpage_ref(term_histpage *p)
{
	p->refs++;
	return p;
}

void term_histpage_unref(term_histpage *p)
{
	if (p == NULL || --p->refs > 0)
		return;
	for (uint32_t i = 0; i < p->nlines; i++)
		term_row_unref(p->lines[i]);
	free(p->lines);
	free(p);
}

bool term_histpage_equal(const term_histpage *a, const term_histpage *b)
{
	if (a == b)
		return true;
	if (a == NULL || b == NULL || a->pane != b->pane || a->epoch != b->epoch ||
	    a->first != b->first || a->nlines != b->nlines || a->answer != b->answer ||
	    a->found != b->found || a->serial != b->serial || a->line != b->line ||
	    a->col != b->col)
		return false;
	for (uint32_t i = 0; i < a->nlines; i++)
		if (a->lines[i] != b->lines[i] &&
		    (a->lines[i]->wrapped != b->lines[i]->wrapped ||
		     !term_row_equal(a->lines[i], b->lines[i], TERM_HISTPAGE_MAX_CELLS)))
			return false;
	return true;
}

void term_histpage_write(const term_histpage *p, msgpack_packer *pk)
{
	msgpack_pack_array(pk, PAGE_FIELDS + p->answer);
	msgpack_pack_uint32(pk, p->pane);
	msgpack_pack_uint32(pk, p->epoch);
	msgpack_pack_uint64(pk, p->first);
	msgpack_pack_array(pk, p->nlines);
	for (uint32_t i = 0; i < p->nlines; i++) {
		unsigned used = term_row_used(p->lines[i]);
		wire_pack_cells(pk, p->lines[i]->wrapped ? LINE_WRAPPED : 0, p->lines[i], 0,
				used < TERM_HISTPAGE_MAX_CELLS ? used : TERM_HISTPAGE_MAX_CELLS);
	}
	if (!p->answer)
		return;
	msgpack_pack_array(pk, p->found ? 3 : 1);
	msgpack_pack_uint32(pk, p->serial);
	if (p->found) {
		msgpack_pack_uint64(pk, p->line);
		msgpack_pack_uint16(pk, p->col);
	}
}

static term_row *read_line(mp_reader *r)
{
	uint32_t n, flags;
	if (!mp_read_array(r, 1, TERM_HISTPAGE_MAX_CELLS + 1, &n) ||
	    !mp_read_u32(r, LINE_FLAGS, &flags))
		return NULL;
	term_row *row = term_row_new(0);
	row->wrapped = flags & LINE_WRAPPED;
	wire_read_cells(r, n - 1, row, 0, TERM_HISTPAGE_MAX_CELLS);
	if (r->error != NULL) {
		term_row_unref(row);
		return NULL;
	}
	return row;
}

static void read_answer(mp_reader *r, term_histpage *p)
{
	uint32_t n, col;
	if (!mp_read_array(r, 1, 3, &n) || n == 2)
		return (void)mp_fail(r, "search answer of 2 fields");
	p->answer = true;
	p->found = n == 3;
	mp_read_u32(r, UINT32_MAX, &p->serial);
	if (p->found) {
		mp_read_uint(r, INT64_MAX, &p->line);
		if (mp_read_u32(r, TERM_HISTPAGE_MAX_CELLS - 1, &col))
			p->col = (uint16_t)col;
	}
}

term_histpage *term_histpage_read(mp_reader *r)
{
	uint32_t n, pane, epoch, nlines;
	uint64_t first;
	mp_read_array(r, PAGE_FIELDS, PAGE_FIELDS + 1, &n);
	mp_read_u32(r, UINT32_MAX, &pane);
	mp_read_u32(r, UINT32_MAX, &epoch);
	mp_read_uint(r, INT64_MAX, &first);
	mp_read_array(r, 0, TERM_HISTPAGE_MAX_LINES, &nlines);
	if (r->error != NULL)
		return NULL;
	if (first + nlines > INT64_MAX) {
		mp_fail(r, "history page past the numbering");
		return NULL;
	}
	term_histpage *p = term_histpage_new(pane, epoch, first, nlines);
	for (uint32_t i = 0; i < nlines; i++)
		if ((p->lines[i] = read_line(r)) == NULL) {
			p->nlines = i;
			term_histpage_unref(p);
			return NULL;
		}
	if (n > PAGE_FIELDS)
		read_answer(r, p);
	if (r->error != NULL) {
		term_histpage_unref(p);
		return NULL;
	}
	return p;
}
