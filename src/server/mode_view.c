/* view mode (mode_view.h): a command's output as a text pane the client's copy mode shows. */
#include "mode_view.h"

#include <stdlib.h>
#include <string.h>

#include "mode.h"
#include "server_client.h"
#include "term/emulator.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

struct view {
	char **lines; /* without their '\n', control characters dropped */
	size_t n;
	size_t written;  /* lines written into text.em */
	unsigned cols, rows; /* text.em's size */
	struct history_text text;
	struct history_feed *feed; /* the client's: text is its source while the mode lasts */
};

/* A new epoch for every text written, so no client's cache mistakes one for another. */
static uint32_t next_epoch(void)
{
	static uint32_t epoch;
	return ++epoch;
}

/* line as tmux's screen_write_vnputs writes it: printable characters (UTF-8) kept, control
 * characters and bytes that are no UTF-8 dropped. Allocated. */
static char *printable(const char *line, size_t len)
{
	char *out = xmalloc(len + 1), *o = out;
	const uint8_t *p = (const uint8_t *)line, *end = p + len;
	while (p < end) {
		const uint8_t *at = p;
		uint32_t cp;
		if (!utf8_decode(&p, end, &cp)) {
			p = at + 1;
			continue;
		}
		if (!utf8_is_control(cp)) {
			memcpy(o, at, (size_t)(p - at));
			o += p - at;
		}
	}
	*o = '\0';
	return out;
}

/* The text at cols x rows: written again from its first line when the size changed. */
static void write_text(struct view *d, unsigned cols, unsigned rows)
{
	if (d->text.em == NULL || d->cols != cols || d->rows != rows) {
		if (d->text.em != NULL)
			term_emulator_free(d->text.em);
		d->text.em = term_emulator_new(rows, cols, MODE_VIEW_HISTORY);
		d->text.epoch = next_epoch();
		d->cols = cols;
		d->rows = rows;
		d->written = 0;
	}
	for (; d->written < d->n; d->written++) {
		if (d->written > 0)
			term_emulator_write(d->text.em, "\r\n", 2); /* tmux: CRLF before a line */
		term_emulator_write(d->text.em, d->lines[d->written], strlen(d->lines[d->written]));
	}
}

static void view_draw(struct client *c, term_view *v, unsigned cols, unsigned rows,
		      uint64_t now)
{
	struct view *d = c->mode_data;
	(void)now;
	write_text(d, cols, rows);
	term_snapshot *s = term_emulator_snapshot(d->text.em);
	mode_cover(v, s);
	term_snapshot_unref(s);
	const term_grid *g = term_emulator_main_grid(d->text.em);
	term_view_pane *p = &v->panes[0];
	p->id = TERM_VIEW_TEXT_PANE;
	p->hist_total = g->sb_total;
	p->hist_len = g->sb.len;
	p->hist_epoch = d->text.epoch;
	p->hist_limit = g->sb.limit;
}

/* Keys come here only until the client shows the text in copy mode. */
static bool view_key(struct client *c, const char *key, uint64_t now)
{
	(void)now;
	if (mode_key_is(key, "q", "Escape", "C-c"))
		mode_end(c);
	return true;
}

static void view_free(void *data)
{
	struct view *d = data;
	if (d->feed->text == &d->text)
		d->feed->text = NULL;
	if (d->text.em != NULL)
		term_emulator_free(d->text.em);
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
		d->feed = &c->in.hist;
		d->feed->text = &d->text;
	}
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t n = nl != NULL ? (size_t)(nl - text) - at : len - at;
		d->lines = xreallocarray(d->lines, d->n + 1, sizeof *d->lines);
		d->lines[d->n++] = printable(text + at, n);
		at += n + 1;
	}
	if (d->text.em != NULL)
		write_text(d, d->cols, d->rows); /* the client may ask for the new lines at once */
}

void mode_view_done(struct client *c)
{
	if (mode_data(c, &view_ops) != NULL)
		mode_end(c);
}
