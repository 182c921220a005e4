/* Selecting with the mouse (the mouse option on), as tmux's default mouse bindings do. */
#include "copymode_lines.h"

#define DOUBLE_CLICK_MS 300 /* tmux's: a second press within this, on the same cell */

static bool takes_mouse(const term_view_pane *p)
{
	return p->screen->modes & (TERM_MODE_MOUSE_CLICK | TERM_MODE_MOUSE_DRAG |
				   TERM_MODE_MOUSE_MOVE);
}

/* The pane under the cell, or NULL. */
static const term_view_pane *pane_at(const term_view *v, unsigned row, unsigned col)
{
	for (size_t i = 0; i < v->npanes; i++) {
		const term_view_pane *p = &v->panes[i];
		if (row >= p->y && row < p->y + p->screen->rows && col >= p->x &&
		    col < p->x + p->screen->cols)
			return p;
	}
	return NULL;
}

/* The cursor to the cell under the mouse (clamped to the pane). */
static void move_to(struct copymode *cm, const struct copymode_io *io, const term_mouse *m)
{
	const term_view_pane *p = term_view_find(io->view, cm->pane);
	unsigned row = m->row > p->y ? m->row - p->y : 0, col = m->col > p->x ? m->col - p->x : 0;
	if (row >= p->screen->rows)
		row = p->screen->rows - 1u;
	if (col >= p->screen->cols)
		col = p->screen->cols - 1u;
	cm->cur = (struct copymode_pos){cm->top + row, col};
}

/* A drag on (or past) the pane's top or bottom row scrolls a line that way, so a
 * selection can reach past the screen (a line a motion report). */
static void edge_scroll(struct copymode *cm, const struct copymode_io *io,
			const term_mouse *m)
{
	const term_view_pane *p = term_view_find(io->view, cm->pane);
	if (m->row <= p->y)
		copymode_run(cm, io, "scroll-up", NULL);
	else if (m->row + 1u >= p->y + p->screen->rows)
		copymode_run(cm, io, "scroll-down", NULL);
}

/* Copy mode on the pane under the press (entered at the bottom when off). */
static bool enter_at(struct copymode *cm, const struct copymode_io *io, const term_mouse *m)
{
	const term_view_pane *p = pane_at(io->view, m->row, m->col);
	if (p == NULL)
		return false;
	if (cm->on && cm->pane != p->id)
		copymode_clear(cm);
	if (!copymode_enter(cm, io, p->id, false, false))
		return false;
	move_to(cm, io, m);
	return true;
}

/* A double (select-word) or triple (select-line) click: selected and copied at once. */
static void click_select(struct copymode *cm, const struct copymode_io *io,
			 const term_mouse *m, const char *command)
{
	if (!enter_at(cm, io, m))
		return;
	cm->hide_position = true;
	copymode_run(cm, io, command, NULL);
	copymode_run(cm, io, "copy-selection-and-cancel", NULL);
}

bool copymode_mouse(struct copymode *cm, struct copymode_mouse *ms,
		    const struct copymode_io *io, const term_mouse *m, uint64_t now)
{
	const term_view *v = io->view;
	const term_view_pane *p = pane_at(v, m->row, m->col);
	bool mine = p != NULL && (cm->on ? p->id == cm->pane || !takes_mouse(p) : !takes_mouse(p));
	if (!v->mouse)
		return false;
	if (m->action == TERM_MOUSE_PRESS && m->button == 1) {
		bool again = ms->pressed_ms != 0 && now - ms->pressed_ms <= DOUBLE_CLICK_MS &&
			     ms->row == m->row && ms->col == m->col;
		ms->clicks = again ? ms->clicks % 3 + 1 : 1;
		ms->pressed_ms = now;
		ms->row = m->row;
		ms->col = m->col;
		ms->held = mine;
		ms->dragging = false;
		if (mine && ms->clicks == 2)
			click_select(cm, io, m, "select-word");
		else if (mine && ms->clicks == 3)
			click_select(cm, io, m, "select-line");
		return false; /* the server still makes the pane active */
	}
	if (m->action == TERM_MOUSE_MOVE && ms->held) {
		bool began = ms->dragging;
		if (!ms->dragging) {
			/* The drag begins where the button went down. */
			term_mouse at = *m;
			at.row = ms->row;
			at.col = ms->col;
			if (!enter_at(cm, io, &at))
				return false;
			copymode_run(cm, io, "begin-selection", NULL);
			ms->dragging = true;
		}
		if (cm->on && began)
			edge_scroll(cm, io, m);
		if (cm->on)
			move_to(cm, io, m);
		return true;
	}
	if (m->action == TERM_MOUSE_RELEASE && ms->held) {
		bool dragged = ms->dragging;
		ms->held = ms->dragging = false;
		if (dragged && cm->on)
			copymode_run(cm, io, "copy-selection-and-cancel", NULL);
		return dragged;
	}
	return false;
}
