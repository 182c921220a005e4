/*
 * display-panes (C-b q), as tmux 3.3a draws it: over each visible pane its index, in
 * tmux's big digits when the pane has room (else small, in the middle), in
 * display-panes-active-colour for the active pane and display-panes-colour for the others,
 * with the pane's size at its top right; for display-panes-time (or -d), or until a key:
 * a digit chooses the pane of that index (the template, select-pane -t '%%' by default),
 * any other key leaves. With -N keys go to the pane as usual.
 */
#include "mode_panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mode.h"
#include "options.h"
#include "server_client.h"
#include "cmd/cmdlist.h"
#include "util/xmalloc.h"

struct panes {
	uint64_t until_ms; /* 0: until a key */
	char *template;
	bool no_keys;
};

/* The index and size drawn over one pane's screen (a private copy, returned). */
static term_snapshot *draw_pane(const struct pane *p, const term_snapshot *screen,
				term_colour colour)
{
	term_snapshot *s = term_snapshot_clone(screen);
	const struct window *w = p->window;
	unsigned sx = s->cols, sy = s->rows, px = sx / 2, py = sy / 2;
	char index[16], size[32];
	long long base = options_get_number(w->options, "pane-base-index");
	int len = snprintf(index, sizeof index, "%lld", (long long)window_pane_index(w, p) + base);
	int slen = snprintf(size, sizeof size, "%ux%u", p->cols, p->rows);
	term_cell fg = term_cell_blank();
	fg.fg = colour;
	if (sx < (unsigned)len)
		return s;
	if (sx < (unsigned)len * MODE_BIG_WIDTH || sy < MODE_BIG_HEIGHT) {
		mode_text(s, py, px - (unsigned)len / 2, (unsigned)len, index, &fg);
		return s;
	}
	mode_big(s, px - (unsigned)len * 3, py - 2, index, colour);
	if (sy > 6 && sx >= (unsigned)slen)
		mode_text(s, 0, sx - (unsigned)slen, (unsigned)slen, size, &fg);
	return s;
}

static void panes_draw(struct client *c, term_view *v, unsigned cols, unsigned rows,
		       uint64_t now)
{
	struct panes *d = c->mode_data;
	struct session *s = session_find_id(c->in.session);
	if ((d->until_ms != 0 && now >= d->until_ms) || s == NULL) {
		mode_end(c);
		return;
	}
	for (size_t i = 0; i < v->npanes; i++) {
		struct window *w;
		struct pane *p = pane_find_id(v->panes[i].id, &w);
		if (p == NULL)
			continue;
		const char *name = p == w->active ? "display-panes-active-colour"
						  : "display-panes-colour";
		term_colour colour = (term_colour)options_get_number(s->options, name);
		term_snapshot *drawn = draw_pane(p, v->panes[i].screen, colour);
		term_snapshot_unref(v->panes[i].screen);
		v->panes[i].screen = drawn;
	}
	(void)cols;
	(void)rows;
}

static bool panes_key(struct client *c, const char *key, uint64_t now)
{
	struct panes *d = c->mode_data;
	(void)now;
	if (d->no_keys)
		return false;
	struct session *s = session_find_id(c->in.session);
	struct window *w = s != NULL ? s->current : NULL;
	char *line = NULL;
	if (w != NULL && key[0] >= '0' && key[0] <= '9' && key[1] == '\0') {
		long long base = options_get_number(w->options, "pane-base-index");
		long long at = key[0] - '0' - base;
		struct pane *p = at >= 0 ? window_pane_at(w, (size_t)at) : NULL;
		if (p != NULL) {
			char id[16], *target = id;
			snprintf(id, sizeof id, "%%%u", p->id);
			line = cmdlist_fill(d->template != NULL ? d->template : "select-pane -t '%%'",
					    &target, 1);
		}
	}
	mode_end(c);
	if (line != NULL)
		mode_run(c, line);
	free(line);
	return true;
}

static int panes_wait(struct client *c, uint64_t now)
{
	struct panes *d = c->mode_data;
	if (d->until_ms == 0)
		return -1;
	return d->until_ms > now ? (int)(d->until_ms - now) : 0;
}

static void panes_free(void *data)
{
	struct panes *d = data;
	free(d->template);
	free(d);
}

static const struct mode_ops panes_ops = {
	.name = "display-panes",
	.draw = panes_draw,
	.key = panes_key,
	.wait = panes_wait,
	.free = panes_free,
};

void mode_panes_start(struct client *c, long long duration_ms, const char *template,
		      bool no_keys, uint64_t now)
{
	struct panes *d = xcalloc(1, sizeof *d);
	d->until_ms = duration_ms > 0 ? now + (uint64_t)duration_ms : 0;
	d->template = template != NULL ? xstrdup(template) : NULL;
	d->no_keys = no_keys;
	mode_start(c, &panes_ops, d);
}
