/* A client's mode: starting and ending it, its share of the compose and of the input. */
#include "mode.h"

#include <stdlib.h>
#include <string.h>

#include "mode_view.h"
#include "server_client.h"
#include "status.h"
#include "cmd/cmdlist.h"
#include "term/keyname.h"

void mode_end(struct client *c)
{
	if (c->mode == NULL)
		return;
	const struct mode_ops *ops = c->mode;
	void *data = c->mode_data;
	c->mode = NULL;
	c->mode_data = NULL;
	ops->free(data);
}

void mode_start(struct client *c, const struct mode_ops *ops, void *data)
{
	mode_end(c);
	c->mode = ops;
	c->mode_data = data;
}

void *mode_data(const struct client *c, const struct mode_ops *ops)
{
	return c->mode == ops ? c->mode_data : NULL;
}

/* The status lines' rows: the window area is the rest. */
static unsigned status_rows(const term_view *v)
{
	return v->status != NULL ? v->status->rows : 0;
}

void mode_draw(struct client *c, term_view *v, uint64_t now)
{
	unsigned lines = status_rows(v);
	if (c->mode != NULL && v->npanes > 0 && v->rows > lines)
		c->mode->draw(c, v, v->cols, v->rows - lines, now);
}

bool mode_event(struct client *c, const term_event *ev, uint64_t now)
{
	if (c->mode == NULL)
		return false;
	switch (ev->type) {
	case TERM_EVENT_KEY: {
		char name[KEYNAME_MAX];
		keyname_print(&ev->key, name);
		return c->mode->key(c, name, now);
	}
	case TERM_EVENT_PASTE:
	case TERM_EVENT_MOUSE:
		return true; /* not the panes' while the mode covers them */
	case TERM_EVENT_VIEW_DONE:
		mode_view_done(c);
		return true;
	default:
		return false;
	}
}

int mode_wait(struct client *c, uint64_t now)
{
	return c->mode != NULL && c->mode->wait != NULL ? c->mode->wait(c, now) : -1;
}

void mode_cover(term_view *v, term_snapshot *screen)
{
	for (size_t i = 0; i < v->npanes; i++)
		term_snapshot_unref(v->panes[i].screen);
	v->panes[0] = (term_view_pane){.id = MODE_PANE_ID,
				       .y = (uint16_t)(v->status_top ? status_rows(v) : 0),
				       .screen = term_snapshot_ref(screen)};
	v->npanes = 1;
	v->active = 0;
	v->marked = 0;
	v->tty_echo = false;
	term_snapshot *none = term_snapshot_new(0, v->cols); /* no panes' border lines */
	term_view_set_borders(v, none);
	term_snapshot_unref(none);
	v->border_status = TERM_VIEW_BORDER_OFF;
}

bool mode_key_is(const char *key, const char *a, const char *b, const char *c)
{
	return strcmp(key, a) == 0 || (b != NULL && strcmp(key, b) == 0) ||
	       (c != NULL && strcmp(key, c) == 0);
}

void mode_run(struct client *c, const char *line)
{
	char **argv, *cause = NULL;
	struct session *s = session_find_id(c->in.session);
	int argc = cmdlist_parse_line(line, &argv, &cause);
	if (argc < 0) {
		free(c->in.message);
		c->in.message = cause;
		c->in.message_seq++;
		return;
	}
	if (s != NULL && argc > 0)
		input_run(&c->in, s, argc, argv);
	cmdlist_free_words(argc, argv);
}

unsigned mode_text(term_snapshot *s, unsigned row, unsigned col, unsigned max,
		   const char *text, const term_cell *base)
{
	if (row >= s->rows || col >= s->cols)
		return 0;
	if (max > s->cols - col)
		max = s->cols - col;
	return status_draw(term_row_writable(&s->lines[row]), col, max, text, base, false);
}

void mode_fill(term_snapshot *s, unsigned row, unsigned col, unsigned n, const term_cell *pen)
{
	if (row >= s->rows)
		return;
	term_row *r = term_row_writable(&s->lines[row]);
	term_cell blank = *pen;
	blank.ch = 0;
	blank.width = 1;
	blank.comb = 0;
	for (unsigned i = col; i < col + n && i < s->cols; i++)
		term_row_set(r, i, &blank, NULL, 0);
}

/* One line character at x, y. */
static void put(term_snapshot *s, unsigned x, unsigned y, uint32_t cp, const term_cell *pen)
{
	if (x >= s->cols || y >= s->rows)
		return;
	term_cell cell = *pen;
	cell.width = 1;
	cell.comb = 0;
	term_row_set(term_row_writable(&s->lines[y]), x, &cell, &cp, 1);
}

void mode_box(term_snapshot *s, unsigned x, unsigned y, unsigned w, unsigned h,
	      const term_cell *pen)
{
	for (unsigned i = 1; i + 1 < w; i++) {
		put(s, x + i, y, 0x2500, pen);
		put(s, x + i, y + h - 1, 0x2500, pen);
	}
	for (unsigned j = 1; j + 1 < h; j++) {
		put(s, x, y + j, 0x2502, pen);
		put(s, x + w - 1, y + j, 0x2502, pen);
	}
	put(s, x, y, 0x250c, pen);
	put(s, x + w - 1, y, 0x2510, pen);
	put(s, x, y + h - 1, 0x2514, pen);
	put(s, x + w - 1, y + h - 1, 0x2518, pen);
}

void mode_blit(term_snapshot *s, unsigned x, unsigned y, unsigned w, unsigned h,
	       const term_snapshot *src)
{
	if (w > src->cols)
		w = src->cols;
	if (h > src->rows)
		h = src->rows;
	for (unsigned j = 0; j < h && y + j < s->rows; j++) {
		term_row *to = term_row_writable(&s->lines[y + j]);
		for (unsigned i = 0; i < w && x + i < s->cols; i++) {
			uint32_t cps[TERM_MAX_CHARS];
			term_cell cell = term_row_get(src->lines[j], i);
			unsigned n = term_row_chars(src->lines[j], i, cps);
			cell.comb = 0;
			if ((cell.width == 2 && (i + 1 >= w || x + i + 1 >= s->cols)) ||
			    (cell.width == 0 && i == 0)) {
				mode_fill(s, y + j, x + i, 1, &cell);
				continue;
			}
			term_row_set(to, x + i, &cell, n > 0 ? cps : NULL, n);
		}
	}
}

/* Each big character's rows, '#' filled. */
static const struct {
	char c;
	const char *rows[MODE_BIG_HEIGHT];
} big[] = {
	{'0', {"#####", "#   #", "#   #", "#   #", "#####"}},
	{'1', {"    #", "    #", "    #", "    #", "    #"}},
	{'2', {"#####", "    #", "#####", "#    ", "#####"}},
	{'3', {"#####", "    #", "#####", "    #", "#####"}},
	{'4', {"#   #", "#   #", "#####", "    #", "    #"}},
	{'5', {"#####", "#    ", "#####", "    #", "#####"}},
	{'6', {"#####", "#    ", "#####", "#   #", "#####"}},
	{'7', {"#####", "    #", "    #", "    #", "    #"}},
	{'8', {"#####", "#   #", "#####", "#   #", "#####"}},
	{'9', {"#####", "#   #", "#####", "    #", "#####"}},
	{':', {"     ", "  #  ", "     ", "  #  ", "     "}},
	{'A', {"#####", "#   #", "#####", "#   #", "#   #"}},
	{'P', {"#####", "#   #", "#####", "#    ", "#    "}},
	{'M', {"#   #", "## ##", "# # #", "#   #", "#   #"}},
};

void mode_big(term_snapshot *s, unsigned x, unsigned y, const char *text, term_colour bg)
{
	term_cell pen = term_cell_blank();
	pen.bg = bg;
	for (; *text != '\0'; text++, x += MODE_BIG_WIDTH)
		for (size_t g = 0; g < sizeof big / sizeof *big; g++) {
			if (big[g].c != *text)
				continue;
			for (unsigned j = 0; j < MODE_BIG_HEIGHT; j++)
				for (unsigned i = 0; i < MODE_BIG_WIDTH - 1; i++)
					if (big[g].rows[j][i] == '#')
						mode_fill(s, y + j, x + i, 1, &pen);
		}
}
