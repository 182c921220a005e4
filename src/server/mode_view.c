/* view mode (mode_view.h): a command's output over the client's window area. */
#include "mode_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mode.h"
#include "server_client.h"
#include "status.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

struct view {
	char **lines; /* without their '\n' */
	size_t n;
	size_t top;   /* the first row shown, counting wrapped rows */
	unsigned cy;  /* the cursor's row on the screen */
	unsigned cols, rows; /* the area at the last draw, for the keys */
};

/* The rows a line takes at cols cells: where each starts, into cut (NULL: counts only). */
static size_t wrap(const char *line, unsigned cols, const char **cut)
{
	size_t n = 1;
	unsigned used = 0;
	const uint8_t *p = (const uint8_t *)line, *end = p + strlen(line);
	if (cut != NULL)
		cut[0] = line;
	while (p < end) {
		const uint8_t *at = p;
		uint32_t cp;
		unsigned w = utf8_decode(&p, end, &cp) ? status_width(cp) : 1;
		if (used + w > cols && used > 0) {
			if (cut != NULL)
				cut[n] = (const char *)at;
			n++;
			used = 0;
		}
		used += w;
	}
	return n;
}

static size_t total_rows(const struct view *d, unsigned cols)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += wrap(d->lines[i], cols, NULL);
	return n;
}

/* Rows past the screen's: tmux's history size. */
static size_t history(const struct view *d)
{
	if (d->cols == 0)
		return 0; /* not drawn yet */
	size_t n = total_rows(d, d->cols);
	return n > d->rows ? n - d->rows : 0;
}

/* Draws line's rows from its row skip on at y; returns the rows drawn. */
static unsigned draw_line(term_snapshot *s, const char *line, size_t skip, unsigned y,
			  unsigned cols, unsigned rows)
{
	size_t n = wrap(line, cols, NULL);
	const char **cut = xcalloc(n + 1, sizeof *cut);
	wrap(line, cols, cut);
	cut[n] = line + strlen(line);
	term_cell plain = term_cell_blank();
	unsigned drawn = 0;
	for (size_t r = skip; r < n && y + drawn < rows; r++, drawn++) {
		char *piece = xstrndup(cut[r], (size_t)(cut[r + 1] - cut[r]));
		mode_text(s, y + drawn, 0, cols, piece, &plain);
		free(piece);
	}
	free(cut);
	return drawn;
}

static void view_draw(struct client *c, term_view *v, unsigned cols, unsigned rows,
		      uint64_t now)
{
	struct view *d = c->mode_data;
	d->cols = cols;
	d->rows = rows;
	size_t hsize = history(d);
	if (d->top > hsize)
		d->top = hsize;
	term_snapshot *s = term_snapshot_new(rows, cols);
	unsigned y = 0;
	size_t row = 0;
	for (size_t i = 0; i < d->n && y < rows; i++) {
		size_t n = wrap(d->lines[i], cols, NULL);
		if (row + n > d->top)
			y += draw_line(s, d->lines[i], row < d->top ? d->top - row : 0, y, cols, rows);
		row += n;
	}
	char pos[48];
	snprintf(pos, sizeof pos, "[%zu/%zu]", hsize - d->top, hsize);
	size_t len = strlen(pos);
	if (len <= cols) {
		term_cell pen = v->pens[TERM_VIEW_PEN_MODE];
		mode_text(s, 0, cols - (unsigned)len, (unsigned)len, pos, &pen);
	}
	s->cursor.row = (uint16_t)(d->cy < rows ? d->cy : rows - 1);
	s->cursor.col = 0;
	mode_cover(v, s);
	term_snapshot_unref(s);
	(void)now;
}

/* The cursor a row up or down, the view scrolling at the edges (never past the text). */
static void cursor_move(struct view *d, bool up, size_t hsize)
{
	size_t total = hsize + d->rows;
	if (up && d->cy > 0)
		d->cy--;
	else if (up && d->top > 0)
		d->top--;
	else if (!up && d->top + d->cy + 1 < total && d->cy + 1 < d->rows)
		d->cy++;
	else if (!up && d->top < hsize)
		d->top++;
}

static bool view_key(struct client *c, const char *key, uint64_t now)
{
	struct view *d = c->mode_data;
	size_t hsize = history(d), page = d->rows > 0 ? d->rows : 1;
	(void)now;
	if (mode_key_is(key, "q", "Escape", "C-c"))
		mode_end(c);
	else if (mode_key_is(key, "Up", "k", "C-p"))
		cursor_move(d, true, hsize);
	else if (mode_key_is(key, "Down", "j", "C-n"))
		cursor_move(d, false, hsize);
	else if (mode_key_is(key, "PageUp", "C-b", "M-v"))
		d->top = d->top > page ? d->top - page : 0;
	else if (mode_key_is(key, "PageDown", "C-f", "C-v"))
		d->top = d->top + page < hsize ? d->top + page : hsize;
	else if (mode_key_is(key, "g", "M-<", "Home")) {
		d->top = 0;
		d->cy = 0;
	} else if (mode_key_is(key, "G", "M->", "End")) {
		size_t total = d->cols > 0 ? total_rows(d, d->cols) : 0;
		d->top = hsize;
		d->cy = total > 0 ? (unsigned)(total - 1 - hsize) : 0; /* the last row of text */
	}
	return true;
}

static void view_free(void *data)
{
	struct view *d = data;
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i]);
	free(d->lines);
	free(d);
}

static const struct mode_ops view_ops = {
	.name = "view-mode",
	.draw = view_draw,
	.key = view_key,
	.free = view_free,
};

void mode_view_add(struct client *c, const char *text, size_t len)
{
	struct view *d = mode_data(c, &view_ops);
	if (d == NULL) {
		d = xcalloc(1, sizeof *d);
		mode_start(c, &view_ops, d);
	}
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl != NULL ? (size_t)(nl - text) - at : len - at;
		d->lines = xreallocarray(d->lines, d->n + 1, sizeof *d->lines);
		d->lines[d->n++] = xstrndup(text + at, n);
		at += n + 1;
	}
}
