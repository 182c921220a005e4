/*
 * clock-mode (C-b t), as tmux draws it: the pane's area blank with the time in tmux's big
 * characters in the middle, in clock-mode-colour (small text when the pane has no room),
 * HH:MM, or with clock-mode-style 12 the 12-hour time and AM or PM. Redrawn as the minute
 * changes; any key leaves. It is the client's, over one pane (tmux's is the pane's, seen
 * by every client).
 */
#include "mode_clock.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mode.h"
#include "options.h"
#include "server_client.h"
#include "util/xmalloc.h"

struct clock {
	uint32_t pane;
};

/* The time as clock-mode-style says. */
static void clock_text(const struct window *w, char *out, size_t size)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	if (options_get_number(w->options, "clock-mode-style") == 0) {
		strftime(out, size, "%l:%M ", &tm);
		strncat(out, tm.tm_hour >= 12 ? "PM" : "AM", size - strlen(out) - 1);
	} else {
		strftime(out, size, "%H:%M", &tm);
	}
}

static term_snapshot *clock_screen(const struct window *w, unsigned sx, unsigned sy)
{
	term_snapshot *s = term_snapshot_new(sy, sx);
	s->cursor.visible = false;
	char text[32];
	clock_text(w, text, sizeof text);
	unsigned len = (unsigned)strlen(text);
	term_colour colour = (term_colour)options_get_number(w->options, "clock-mode-colour");
	if (sx < len * MODE_BIG_WIDTH || sy < MODE_BIG_HEIGHT + 1) {
		term_cell fg = term_cell_blank();
		fg.fg = colour;
		if (sx >= len)
			mode_text(s, sy / 2, sx / 2 - len / 2, len, text, &fg);
		return s;
	}
	mode_big(s, sx / 2 - 3 * len, sy / 2 - 3, text, colour);
	return s;
}

static void clock_draw(struct client *c, term_view *v, unsigned cols, unsigned rows,
		       uint64_t now)
{
	struct clock *d = c->mode_data;
	struct window *w;
	struct pane *p = pane_find_id(d->pane, &w);
	if (p == NULL) {
		mode_end(c);
		return;
	}
	for (size_t i = 0; i < v->npanes; i++) {
		if (v->panes[i].id != d->pane)
			continue;
		term_snapshot *s = clock_screen(w, v->panes[i].screen->cols, v->panes[i].screen->rows);
		term_snapshot_unref(v->panes[i].screen);
		v->panes[i].screen = s;
	}
	(void)cols;
	(void)rows;
	(void)now;
}

static bool clock_key(struct client *c, const char *key, uint64_t now)
{
	(void)key;
	(void)now;
	mode_end(c);
	return true;
}

/* Until the wall clock's next minute. */
static int clock_wait(struct client *c, uint64_t now)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	(void)c;
	(void)now;
	return (int)(60000 - ((long long)ts.tv_sec % 60 * 1000 + ts.tv_nsec / 1000000)) + 1;
}

static const struct mode_ops clock_ops = {
	.name = "clock-mode",
	.draw = clock_draw,
	.key = clock_key,
	.wait = clock_wait,
	.free = free,
};

void mode_clock_start(struct client *c, uint32_t pane)
{
	struct clock *d = xcalloc(1, sizeof *d);
	d->pane = pane;
	mode_start(c, &clock_ops, d);
}
