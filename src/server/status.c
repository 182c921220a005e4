/* The status line: session name and window list in reverse video. */
#include "status.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

/*
 * Wide ranges (East Asian Wide and Fullwidth, emoji). A table of our own because the
 * server runs without a UTF-8 locale, where wcwidth says -1 for anything past ASCII.
 */
static const uint32_t wide[][2] = {
	{0x1100, 0x115f},   {0x2e80, 0x303e},   {0x3041, 0x33ff},   {0x3400, 0x4dbf},
	{0x4e00, 0x9fff},   {0xa000, 0xa4cf},   {0xac00, 0xd7a3},   {0xf900, 0xfaff},
	{0xfe30, 0xfe4f},   {0xff00, 0xff60},   {0xffe0, 0xffe6},   {0x1f300, 0x1f64f},
	{0x1f900, 0x1f9ff}, {0x20000, 0x2fffd}, {0x30000, 0x3fffd},
};

unsigned status_width(uint32_t cp)
{
	for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
		if (cp >= wide[i][0] && cp <= wide[i][1])
			return 2;
	return 1;
}

typedef struct status_pen {
	term_row *row;
	unsigned col, cols;
	term_cell cell;
} status_pen;

/* Writes one character; false once it does not fit. */
static bool put_char(status_pen *pen, uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		cp = '?';
	unsigned width = status_width(cp);
	if (pen->col + width > pen->cols)
		return false;
	pen->cell.width = (uint8_t)width;
	term_row_set(pen->row, pen->col++, &pen->cell, &cp, 1);
	if (width == 2) {
		pen->cell.width = 0;
		term_row_set(pen->row, pen->col++, &pen->cell, NULL, 0);
	}
	return true;
}

static bool put_text(status_pen *pen, const char *text)
{
	const uint8_t *p = (const uint8_t *)text, *end = p + strlen(text);
	while (p < end) {
		uint32_t cp;
		if (!utf8_decode(&p, end, &cp)) {
			cp = '?';
			p++;
		}
		if (!put_char(pen, cp))
			return false;
	}
	return true;
}

term_snapshot *status_line(const struct session *s, unsigned cols)
{
	term_snapshot *snap = term_snapshot_new(1, cols);
	status_pen pen = {term_row_writable(&snap->lines[0]), 0, cols, term_cell_blank()};
	pen.cell.attrs = TERM_ATTR_REVERSE;
	bool fits = put_text(&pen, "[") && put_text(&pen, s->name) && put_text(&pen, "] ");
	for (size_t i = 0; fits && i < s->nwindows; i++) {
		const struct window *w = s->windows[i];
		char index[16];
		snprintf(index, sizeof index, "%s%u:", i ? " " : "", w->index);
		const char *mark = w == s->current ? "*" : w == s->last ? "-" : "";
		fits = put_text(&pen, index) && put_text(&pen, w->name) && put_text(&pen, mark);
	}
	while (pen.col < cols)
		put_char(&pen, ' ');
	snap->cursor.visible = false;
	return snap;
}
