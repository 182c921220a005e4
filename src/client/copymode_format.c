/* Copy mode's format variables, for send-keys -F and command-prompt -I in its tables. */
#include <stdio.h>
#include <stdlib.h>

#include "ask.h"
#include "copymode_lines.h"
#include "term/capture.h"

/* The cursor's whole line as text (#{copy_cursor_line}); to free. */
static char *cursor_line(const struct copymode *cm, const struct copymode_lines *l)
{
	const term_row *row = copymode_line(cm, l, cm->cur.line);
	size_t len;
	if (row == NULL) {
		char *empty = calloc(1, 1);
		if (empty == NULL)
			abort();
		return empty;
	}
	return term_capture_row(row, l->cols, 0, l->cols, &len, NULL);
}

int copymode_condition(const struct copymode *cm, const struct copymode_io *io, uint32_t pane,
		       const char *s)
{
	const term_view_pane *p = term_view_find(io->view, pane);
	if (p == NULL)
		return -1;
	bool on = cm->on && cm->pane == pane;
	bool active = io->view->npanes > 0 && io->view->panes[io->view->active].id == pane;
	struct ask_var vars[] = {
		{"pane_in_mode", on ? "1" : "0"},
		{"pane_mode", on ? "copy-mode" : ""},
		{"mouse_any_flag", copymode_takes_mouse(p) ? "1" : "0"},
		{"pane_search_string", on ? cm->search : ""},
		/* the view's name is the active pane's: another's is the server's to say */
		{"pane_index", active ? io->view->names[TERM_VIEW_PANE_INDEX] : NULL},
	};
	return ask_condition(s, io->view, vars, sizeof vars / sizeof *vars);
}

char *copymode_expand(const struct copymode *cm, const struct copymode_io *io, const char *s)
{
	struct copymode_lines l;
	char word[256], x[16], y[16], scroll[24];
	bool on = copymode_lines(cm, io->view, io->cache, &l);
	char *line = on ? cursor_line(cm, &l) : NULL;

	copymode_cursor_word(cm, io, word, sizeof word);
	snprintf(x, sizeof x, "%u", on ? cm->cur.col : 0);
	snprintf(y, sizeof y, "%llu", on ? (unsigned long long)(cm->cur.line - cm->top) : 0ULL);
	snprintf(scroll, sizeof scroll, "%llu",
		 on && cm->top < l.bottom ? (unsigned long long)(l.bottom - cm->top) : 0ULL);
	struct ask_var vars[] = {
		{"copy_cursor_word", word},
		{"copy_cursor_line", line != NULL ? line : ""},
		{"copy_cursor_x", on ? x : ""},
		{"copy_cursor_y", on ? y : ""},
		{"pane_search_string", cm->search},
		{"scroll_position", on ? scroll : ""},
		{"pane_in_mode", on ? "1" : "0"},
	};
	char *out = ask_expand_vars(s, io->view, vars, sizeof vars / sizeof *vars);
	free(line);
	return out;
}
