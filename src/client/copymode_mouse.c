/* The mouse's keys as tmux makes them, and the drag copy mode follows. */
#include "copymode_lines.h"

bool copymode_takes_mouse(const term_view_pane *p)
{
	return p->screen->modes & (TERM_MODE_MOUSE_CLICK | TERM_MODE_MOUSE_DRAG |
				   TERM_MODE_MOUSE_MOVE);
}

const term_view_pane *copymode_pane_at(const term_view *v, unsigned row, unsigned col)
{
	for (size_t i = 0; i < v->npanes; i++) {
		const term_view_pane *p = &v->panes[i];
		if (row >= p->y && row < p->y + p->screen->rows && col >= p->x &&
		    col < p->x + p->screen->cols)
			return p;
	}
	return NULL;
}

bool copymode_mouse_where(const term_view *v, const term_mouse *m, struct copymode_place *pl)
{
	unsigned top = term_view_area_top(v), area = term_view_area_rows(v);
	*pl = (struct copymode_place){0};
	if (m->row < top || m->row >= top + area) { /* a status line */
		unsigned line = m->row < top ? m->row : m->row - top - area;
		const term_view_range *r = term_view_range_at(v, line, m->col);
		pl->where = r == NULL ? TERM_MOUSE_STATUS_DEFAULT
			  : r->type == TERM_VIEW_RANGE_LEFT ? TERM_MOUSE_STATUS_LEFT
			  : r->type == TERM_VIEW_RANGE_RIGHT ? TERM_MOUSE_STATUS_RIGHT
							      : TERM_MOUSE_STATUS;
		pl->window = r != NULL && r->type == TERM_VIEW_RANGE_WINDOW;
		pl->window_index = pl->window ? r->window : 0;
		return m->row < v->rows;
	}
	for (size_t i = 0; i < v->npanes && v->npanes > 1; i++) {
		/* tmux's border test: the column right of the pane (from the row above it to
		 * the one below) or the row below it (from the column left of it on) */
		const term_view_pane *p = &v->panes[i];
		unsigned x = p->x, y = p->y, cols = p->screen->cols, rows = p->screen->rows;
		if ((m->col == x + cols && y <= 1u + m->row && y + rows >= m->row) ||
		    (m->row == y + rows && x <= 1u + m->col && x + cols >= m->col)) {
			pl->where = TERM_MOUSE_BORDER;
			pl->pane = p;
			return true;
		}
	}
	pl->where = TERM_MOUSE_PANE;
	pl->pane = copymode_pane_at(v, m->row, m->col);
	return pl->pane != NULL;
}

static term_key mouse_key(enum term_mouse_kind kind, unsigned button, uint8_t mods)
{
	return (term_key){.code = TERM_KEY_MOUSE, .mods = mods, .ch = TERM_MOUSE_KEY(kind, button)};
}

/* A press of button 1..3: down, or a second or third click as tmux counts them. */
static term_key press(struct copymode_mouse *ms, const term_mouse *m, uint64_t now)
{
	bool again = ms->clicks > 0 && m->button == ms->button &&
		     now - ms->pressed_ms <= COPYMODE_CLICK_MS;
	enum term_mouse_kind kind = TERM_MOUSE_DOWN;
	ms->double_ms = 0;
	if (again && ms->clicks == 1) {
		kind = TERM_MOUSE_SECONDCLICK;
		ms->clicks = 2;
		ms->double_ms = now + COPYMODE_CLICK_MS; /* unless a third comes first */
		ms->second = *m;
	} else if (again) {
		kind = TERM_MOUSE_TRIPLECLICK;
		ms->clicks = 0;
	} else {
		ms->clicks = 1;
	}
	ms->pressed_ms = now;
	ms->button = m->button;
	ms->held = m->button;
	ms->dragged = false;
	ms->press = *m;
	return mouse_key(kind, m->button, m->mods);
}

bool copymode_mouse_key(struct copymode_mouse *ms, const term_mouse *m, uint64_t now,
			term_key *key, term_mouse *at)
{
	*at = *m;
	if (m->action == TERM_MOUSE_PRESS && (m->button == 4 || m->button == 5)) {
		*key = mouse_key(m->button == 4 ? TERM_MOUSE_WHEELUP : TERM_MOUSE_WHEELDOWN, 0,
				 m->mods);
	} else if (m->action == TERM_MOUSE_PRESS) {
		*key = press(ms, m, now);
	} else if (ms->held == 0) {
		return false; /* a motion or a stray release */
	} else if (m->action == TERM_MOUSE_MOVE) {
		if (!ms->dragged)
			*at = ms->press; /* tmux's drag starts where the button went down */
		ms->dragged = true;
		*key = mouse_key(TERM_MOUSE_DRAG, ms->held, m->mods);
	} else {
		*key = mouse_key(ms->dragged ? TERM_MOUSE_DRAGEND : TERM_MOUSE_UP, ms->held,
				 m->mods);
		ms->held = 0;
		ms->dragged = false;
	}
	return true;
}

bool copymode_mouse_due(struct copymode_mouse *ms, uint64_t now, term_key *key,
			term_mouse *at)
{
	if (ms->double_ms == 0 || now < ms->double_ms)
		return false;
	ms->double_ms = 0;
	ms->clicks = 0;
	*key = mouse_key(TERM_MOUSE_DOUBLECLICK, ms->second.button, ms->second.mods);
	*at = ms->second;
	return true;
}

void copymode_mouse_move(struct copymode *cm, const struct copymode_io *io, const term_mouse *m)
{
	const term_view_pane *p = term_view_find(io->view, cm->pane);
	if (p == NULL)
		return;
	unsigned row = m->row > p->y ? m->row - p->y : 0, col = m->col > p->x ? m->col - p->x : 0;
	if (row >= p->screen->rows)
		row = p->screen->rows - 1u;
	if (col >= p->screen->cols)
		col = p->screen->cols - 1u;
	cm->cur = (struct copymode_pos){cm->top + row, col};
}

/* At row y of the pane's rows (the cursor's): on the top or bottom row, a line further
 * and the timer again. */
static bool drag_edge(struct copymode *cm, const struct copymode_io *io, unsigned y,
		      unsigned rows, uint64_t now)
{
	if (y != 0 && y + 1 != rows)
		return false;
	cm->drag_ms = now + COPYMODE_DRAG_MS;
	copymode_run(cm, io, y == 0 ? "cursor-up" : "cursor-down", NULL);
	return true;
}

void copymode_drag(struct copymode *cm, const struct copymode_io *io, const term_mouse *m,
		   uint64_t now)
{
	const term_view_pane *p = term_view_find(io->view, cm->pane);
	if (m->row == cm->drag_at.row && m->col == cm->drag_at.col)
		return;
	cm->drag_at = *m;
	cm->drag_ms = 0;
	if (p == NULL || m->row < p->y || m->row >= p->y + p->screen->rows || m->col < p->x ||
	    m->col >= p->x + p->screen->cols)
		return; /* off the pane: tmux's cmd_mouse_at fails */
	struct copymode_pos old = cm->cur;
	copymode_mouse_move(cm, io, m);
	if (old.line != cm->cur.line || old.col == cm->cur.col)
		drag_edge(cm, io, m->row - p->y, p->screen->rows, now);
}

bool copymode_drag_tick(struct copymode *cm, const struct copymode_io *io, uint64_t now)
{
	if (cm->drag_ms == 0 || now < cm->drag_ms)
		return false;
	cm->drag_ms = 0;
	const term_view_pane *p = cm->on && cm->dragging ? term_view_find(io->view, cm->pane) : NULL;
	if (p == NULL || cm->cur.line < cm->top)
		return false;
	return drag_edge(cm, io, (unsigned)(cm->cur.line - cm->top), p->screen->rows, now);
}
