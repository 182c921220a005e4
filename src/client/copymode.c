/* The copy-mode engine: position, movement, search, selection and copy. */
#include "copymode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/copycmd.h"
#include "copymode_lines.h"
#include "term/capture.h"
#include "util/xmalloc.h"

void copymode_init(struct copymode *cm, enum copymode_keys keys)
{
	memset(cm, 0, sizeof *cm);
	cm->keys = keys;
	memcpy(cm->separators, KEY_SEPARATORS_DEFAULT, sizeof KEY_SEPARATORS_DEFAULT);
}

void copymode_clear(struct copymode *cm)
{
	term_snapshot_unref(cm->frozen);
	enum copymode_keys keys = cm->keys;
	char search[sizeof cm->search];
	size_t search_len = cm->search_len;
	bool back = cm->search_back, regex = cm->search_regex;
	uint32_t serial = cm->serial;
	bool mouse_pending = cm->mouse_pending; /* the binding's, running on */
	term_mouse mouse = cm->mouse;
	bool text_left = cm->text_left;
	uint32_t text_left_epoch = cm->text_left_epoch;
	memcpy(search, cm->search, sizeof search);
	copymode_init(cm, keys);
	cm->mouse_pending = mouse_pending;
	cm->mouse = mouse;
	cm->text_left = text_left;
	cm->text_left_epoch = text_left_epoch;
	/* The last search outlives copy mode, as tmux's does (n after entering again). */
	memcpy(cm->search, search, sizeof search);
	cm->search_len = search_len;
	cm->search_back = back;
	cm->search_regex = regex;
	cm->serial = serial;
}

/* Keeps the cursor inside the lines and the view around the cursor. */
static void clamp(struct copymode *cm, const struct copymode_io *io)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	if (cm->cur.line < l.first)
		cm->cur.line = l.first;
	if (cm->cur.line > l.last)
		cm->cur.line = l.last;
	if (cm->cur.col >= l.cols)
		cm->cur.col = l.cols - 1;
	if (cm->top > cm->cur.line)
		cm->top = cm->cur.line;
	if (cm->cur.line >= cm->top + l.rows)
		cm->top = cm->cur.line - l.rows + 1;
	if (cm->top < l.first)
		cm->top = l.first;
	if (cm->top > l.bottom)
		cm->top = l.bottom;
}

/* Asks the server for the lines the cache lacks near the view (at most one request
 * outstanding that covers them). */
static void request_missing(struct copymode *cm, const struct copymode_io *io)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	uint64_t margin = (uint64_t)COPYMODE_MARGIN_SCREENS * l.rows;
	uint64_t lo = cm->top - l.first > margin ? cm->top - margin : l.first;
	uint64_t hi = cm->top + l.rows < l.total ? cm->top + l.rows : l.total;
	uint64_t miss_lo = UINT64_MAX, miss_hi = 0;
	for (uint64_t n = lo; n < hi; n++)
		if (copymode_line(cm, &l, n) == NULL) {
			if (miss_lo == UINT64_MAX)
				miss_lo = n;
			miss_hi = n + 1;
		}
	if (miss_lo == UINT64_MAX)
		return;
	if (cm->req_epoch == cm->epoch && cm->req_lo <= miss_lo && miss_hi <= cm->req_hi)
		return;
	if (miss_hi - miss_lo > TERM_EVENT_HISTORY_MAX)
		miss_lo = miss_hi - TERM_EVENT_HISTORY_MAX;
	term_event ev = {.type = TERM_EVENT_HISTORY};
	ev.history.pane = cm->source;
	ev.history.epoch = cm->epoch;
	ev.history.first = miss_lo;
	ev.history.count = (uint32_t)(miss_hi - miss_lo);
	io->send(io->arg, &ev);
	cm->req_epoch = cm->epoch;
	cm->req_lo = miss_lo;
	cm->req_hi = miss_hi;
}

bool copymode_enter(struct copymode *cm, const struct copymode_io *io, uint32_t pane,
		    uint32_t source, bool page_up, bool exit_at_bottom)
{
	const term_view *v = io->view;
	const term_view_pane *shown = pane != COPYMODE_ACTIVE ? term_view_find(v, pane)
						: v->npanes > 0 ? &v->panes[v->active] : NULL;
	const term_view_pane *p = source == COPYMODE_OWN ? shown : term_view_find(v, source);
	if (shown == NULL || p == NULL)
		return false;
	if (!cm->on) {
		copymode_clear(cm);
		cm->on = true;
		cm->keys = v->mode_keys ? COPYMODE_VI : COPYMODE_EMACS;
		if (v->keys != NULL)
			memcpy(cm->separators, v->keys->opt.word_separators,
			       sizeof cm->separators);
		cm->pane = shown->id;
		cm->source = p->id;
		cm->epoch = p->hist_epoch;
		cm->top = p->hist_total;
		cm->cur = (struct copymode_pos){p->hist_total + p->screen->cursor.row,
						p->screen->cursor.col};
		cm->mark = cm->cur; /* tmux's, not shown until set */
		cm->frozen = term_snapshot_ref(p->screen);
		cm->frozen_total = p->hist_total;
		cm->exit_at_bottom = exit_at_bottom;
	}
	clamp(cm, io);
	if (page_up)
		copymode_run(cm, io, "page-up", NULL);
	request_missing(cm, io);
	return true;
}

/* Scrolls the view by n lines (negative: up), the cursor staying on its screen row. */
static void scroll_view(struct copymode *cm, const struct copymode_io *io, int64_t n)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	uint64_t row = cm->cur.line - cm->top;
	int64_t top = (int64_t)cm->top + n;
	if (top < (int64_t)l.first)
		top = (int64_t)l.first;
	if (top > (int64_t)l.bottom)
		top = (int64_t)l.bottom;
	cm->top = (uint64_t)top;
	cm->cur.line = cm->top + row;
	if (cm->exit_at_bottom && n > 0 && cm->top == l.bottom)
		copymode_clear(cm);
}

/* Moves the cursor by n lines, the view following. */
static void move_lines(struct copymode *cm, const struct copymode_io *io, int64_t n)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	int64_t line = (int64_t)cm->cur.line + n;
	if (line < (int64_t)l.first)
		line = (int64_t)l.first;
	if (line > (int64_t)l.last)
		line = (int64_t)l.last;
	cm->cur.line = (uint64_t)line;
}

/*
 * cursor-up (n -1) and cursor-down (1); with select-line's whole lines selected, tmux's
 * lineflag: leaving the first row of the selection upwards makes it right-to-left,
 * leaving its last row downwards left-to-right again (tmux's other-end then), and the
 * cursor goes to the start of each row right-to-left, to its end left-to-right.
 */
static void move_vertically(struct copymode *cm, const struct copymode_io *io,
			    const struct copymode_lines *l, int64_t n)
{
	bool lineflag = cm->selecting && cm->lines && !cm->rect && !cm->stopped;
	if (lineflag) {
		uint64_t y = cm->cur.line;
		bool above = y < cm->line_at;
		uint64_t first = above ? y : cm->line_first;
		uint64_t last = above || y < cm->line_last ? cm->line_last : y;
		if (n < 0 && !cm->line_right_left && y == first)
			cm->line_right_left = true;
		else if (n > 0 && cm->line_right_left && y == last)
			cm->line_right_left = false;
	}
	move_lines(cm, io, n);
	if (lineflag)
		cm->cur.col = cm->line_right_left ? 0 : copymode_line_length(cm, l, cm->cur.line);
}

/* next-word (end false) and next-word-end (end true), or their -space twins. */
static void next_word(struct copymode *cm, const struct copymode_io *io, bool end,
		      bool spaces_only)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	struct copymode_pos p = cm->cur;
	if (end) {
		if (!copymode_step(&l, &p, true))
			return;
		while (copymode_char_class(cm, &l, p, spaces_only) == 0 && copymode_step(&l, &p, true))
			;
		int c = copymode_char_class(cm, &l, p, spaces_only);
		struct copymode_pos q = p;
		while (copymode_step(&l, &q, true) && copymode_char_class(cm, &l, q, spaces_only) == c)
			p = q;
		/* emacs's cursor stops after the word, vi's on its last character. */
		if (cm->keys == COPYMODE_EMACS && q.line == p.line && q.col > p.col)
			p = q;
	} else {
		int c = copymode_char_class(cm, &l, p, spaces_only);
		while (copymode_step(&l, &p, true) && c != 0 && copymode_char_class(cm, &l, p, spaces_only) == c)
			;
		while (copymode_char_class(cm, &l, p, spaces_only) == 0 && copymode_step(&l, &p, true))
			;
	}
	cm->cur = p;
}

/* previous-word and previous-space: to the start of the word before the cursor. */
static void previous_word(struct copymode *cm, const struct copymode_io *io, bool spaces_only)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	struct copymode_pos p = cm->cur;
	if (!copymode_step(&l, &p, false))
		return;
	while (copymode_char_class(cm, &l, p, spaces_only) == 0 && copymode_step(&l, &p, false))
		;
	int c = copymode_char_class(cm, &l, p, spaces_only);
	struct copymode_pos q = p;
	while (copymode_step(&l, &q, false) && copymode_char_class(cm, &l, q, spaces_only) == c)
		p = q;
	cm->cur = p;
}

/* The cursor where the match at (line, col) starts, the match's line in view. */
static void show_match(struct copymode *cm, const struct copymode_io *io, uint64_t line,
		       unsigned col)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	cm->cur = (struct copymode_pos){line, col};
	if (line < cm->top || line >= cm->top + l.rows)
		cm->top = line > l.rows / 2 ? line - l.rows / 2 : 0;
	clamp(cm, io);
}

/* Searches from the cursor in the cache; where it meets a line the cache lacks the
 * server searches instead. */
static void search(struct copymode *cm, const struct copymode_io *io, bool back)
{
	struct copymode_lines l;
	struct term_search ts;
	if (cm->search_len == 0 || !copymode_lines(cm, io->view, io->cache, &l))
		return;
	copymode_search_start(cm, &ts);
	uint64_t n = l.last - l.first + 1;
	for (uint64_t k = 0; k <= n; k++) {
		uint64_t line = l.first + (cm->cur.line - l.first + (back ? n - k % n : k)) % n;
		const term_row *row = copymode_line(cm, &l, line);
		if (row == NULL) {
			term_event ev = {.type = TERM_EVENT_SEARCH};
			ev.search.pane = cm->source;
			ev.search.epoch = cm->epoch;
			ev.search.serial = ++cm->serial;
			ev.search.line = cm->cur.line;
			ev.search.col = (uint16_t)cm->cur.col;
			ev.search.flags = copymode_search_flags(cm, back);
			ev.search.text = cm->search;
			ev.search.len = (uint32_t)cm->search_len;
			io->send(io->arg, &ev);
			cm->awaiting = true;
			break;
		}
		int from = k == 0 ? (back ? (int)cm->cur.col - 1 : (int)cm->cur.col + 1)
				  : back ? (int)l.cols : 0;
		unsigned end;
		int col = copymode_search_line(cm, &l, &ts, line, from, back, &end);
		if (col >= 0) {
			show_match(cm, io, line, (unsigned)col);
			break;
		}
	}
	term_search_free(&ts);
}

static void set_search(struct copymode *cm, const char *text, bool back, bool regex)
{
	size_t len = text != NULL ? strlen(text) : 0;
	if (len == 0)
		return;
	if (len > TERM_EVENT_SEARCH_MAX)
		len = TERM_EVENT_SEARCH_MAX;
	memcpy(cm->search, text, len);
	cm->search[len] = '\0';
	cm->search_len = len;
	cm->search_back = back;
	cm->search_regex = regex;
}

/* jump-forward and friends: to (or next to) character ch on the cursor's line. */
static void jump(struct copymode *cm, const struct copymode_io *io, const char *command,
		 uint32_t ch)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	bool back = strstr(command, "backward") != NULL, to = strstr(command, "-to-") != NULL;
	const term_row *row = copymode_line(cm, &l, cm->cur.line);
	if (row == NULL)
		return;
	for (int c = (int)cm->cur.col + (back ? -1 - to : 1 + to); c >= 0 && c < (int)l.cols;
	     c += back ? -1 : 1)
		if (term_row_get(row, (unsigned)c).ch == ch) {
			cm->cur.col = (unsigned)(back ? c + to : c - to);
			return;
		}
}

static void jump_command(struct copymode *cm, const struct copymode_io *io,
			 const char *command, const char *arg)
{
	const uint8_t *p = (const uint8_t *)(arg != NULL ? arg : "");
	if (strcmp(command, "jump-again") == 0 || strcmp(command, "jump-reverse") == 0) {
		if (cm->jump_command[0] == '\0')
			return;
		char again[sizeof cm->jump_command];
		strcpy(again, cm->jump_command);
		if (command[5] == 'r') { /* the other way */
			char *dir = strstr(again, "forward");
			if (dir != NULL)
				memcpy(again + (dir - again), "backward", 9);
			else if ((dir = strstr(again, "backward")) != NULL)
				memcpy(again + (dir - again), "forward", 8);
		}
		jump(cm, io, again, cm->jump_ch);
		return;
	}
	if (*p == '\0')
		return;
	snprintf(cm->jump_command, sizeof cm->jump_command, "%s", command);
	cm->jump_ch = *p; /* one ASCII key, as the prompt takes it */
	jump(cm, io, command, cm->jump_ch);
}

void copymode_cursor_word(const struct copymode *cm, const struct copymode_io *io, char *out,
			  size_t size)
{
	struct copymode_lines l;
	out[0] = '\0';
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	const term_row *row = copymode_line(cm, &l, cm->cur.line);
	int c = copymode_char_class(cm, &l, cm->cur, false);
	if (row == NULL || c == 0)
		return;
	struct copymode_pos a = cm->cur, b = cm->cur, p = cm->cur;
	while (copymode_step(&l, &p, false) && p.line == a.line && copymode_char_class(cm, &l, p, false) == c)
		a = p;
	p = b;
	while (copymode_step(&l, &p, true) && p.line == b.line && copymode_char_class(cm, &l, p, false) == c)
		b = p;
	size_t len;
	char *t = term_capture_row(row, l.cols, a.col, b.col + 1, &len, NULL);
	snprintf(out, size, "%s", t);
	free(t);
}

static void end_of_line(struct copymode *cm, const struct copymode_lines *l);
static void start_of_line(struct copymode *cm, const struct copymode_lines *l);

/* What a copy command takes: the selection, or the cursor to its line's end
 * (copy-end-of-line...), or the cursor's line (copy-line...). */
enum copy_what { COPY_SELECTION, COPY_END_OF_LINE, COPY_LINE };

/* Copies (to a buffer named by prefix, NULL for tmux's default, a command or both: struct
 * copymode_copy); the selection then goes unless keep (-no-clear). Nothing when nothing is
 * selected and nothing is piped. */
static void copy(struct copymode *cm, const struct copymode_io *io, enum copy_what what,
		 bool keep, bool buffer, const char *pipe, const char *prefix)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	struct copymode_pos was = cm->cur;
	if (what != COPY_SELECTION) {
		cm->selecting = true;
		cm->rect = cm->stopped = false;
		cm->lines = what == COPY_LINE;
		/* copy-line: the whole logical line, as select-line takes it */
		cm->line_at = cm->cur.line;
		if (what == COPY_LINE)
			start_of_line(cm, &l);
		cm->line_first = cm->cur.line;
		cm->anchor = cm->cur;
		end_of_line(cm, &l);
		cm->line_last = cm->cur.line;
	}
	struct copymode_copy out = {.text = "", .pipe = pipe, .pane = cm->pane,
				    .prefix = prefix != NULL ? prefix : "buffer"};
	char *text = NULL;
	if (cm->selecting) {
		out.text = text = copymode_selection_text(cm, &l, &out.len);
		out.buffer = buffer && (out.len > 0 || pipe == NULL); /* tmux keeps no empty pipe's */
	} else if (pipe == NULL)
		return; /* tmux pipes nothing to a command all the same */
	if (io->copied != NULL)
		io->copied(io->arg, &out);
	free(text);
	cm->selecting = keep;
	if (what != COPY_SELECTION)
		cm->cur = was; /* tmux puts the cursor back */
}

/* The cursor after its line's text, on the last row of a line the terminal wrapped (tmux
 * 3.3's grid_reader_cursor_end_of_line, in vi as in emacs). */
static void end_of_line(struct copymode *cm, const struct copymode_lines *l)
{
	while (cm->cur.line < l->last && copymode_wrapped(cm, l, cm->cur.line))
		cm->cur.line++;
	cm->cur.col = copymode_line_length(cm, l, cm->cur.line);
}

/* The cursor to its line's start, on the first row of a line the terminal wrapped. */
static void start_of_line(struct copymode *cm, const struct copymode_lines *l)
{
	while (cm->cur.line > l->first && copymode_wrapped(cm, l, cm->cur.line - 1))
		cm->cur.line--;
	cm->cur.col = 0;
}

static void back_to_indentation(struct copymode *cm, const struct copymode_lines *l)
{
	const term_row *row = copymode_line(cm, l, cm->cur.line);
	unsigned col = 0, len = copymode_line_length(cm, l, cm->cur.line);
	while (row != NULL && col < len && (term_row_get(row, col).ch == 0 ||
					     term_row_get(row, col).ch == ' '))
		col++;
	cm->cur.col = col < len ? col : 0;
}

/* Commands that move by a screen or a part of it, and to its rows. */
static bool run_paging(struct copymode *cm, const struct copymode_io *io,
		       const struct copymode_lines *l, const char *c)
{
	int64_t page = l->rows > 2 ? (int64_t)l->rows - 2 : 1, half = l->rows / 2 ? l->rows / 2 : 1;
	if (strcmp(c, "page-up") == 0)
		scroll_view(cm, io, -page);
	else if (strcmp(c, "page-down") == 0)
		scroll_view(cm, io, page);
	else if (strcmp(c, "halfpage-up") == 0)
		scroll_view(cm, io, -half);
	else if (strcmp(c, "halfpage-down") == 0)
		scroll_view(cm, io, half);
	else if (strcmp(c, "scroll-up") == 0)
		scroll_view(cm, io, -1);
	else if (strcmp(c, "scroll-down") == 0)
		scroll_view(cm, io, 1);
	else if (strcmp(c, "history-top") == 0)
		cm->top = l->first, cm->cur = (struct copymode_pos){l->first, 0};
	else if (strcmp(c, "history-bottom") == 0) {
		cm->top = l->bottom;
		cm->cur.line = l->total + l->pane->screen->cursor.row;
		end_of_line(cm, l);
	} else if (strcmp(c, "top-line") == 0)
		cm->cur = (struct copymode_pos){cm->top, 0};
	else if (strcmp(c, "middle-line") == 0)
		cm->cur = (struct copymode_pos){cm->top + (l->rows - 1) / 2, 0};
	else if (strcmp(c, "bottom-line") == 0)
		cm->cur = (struct copymode_pos){cm->top + l->rows - 1, 0};
	else
		return false;
	return true;
}

/* Cursor motions within and across lines. */
static bool run_motion(struct copymode *cm, const struct copymode_io *io,
		       const struct copymode_lines *l, const char *c, const char *arg)
{
	if (strcmp(c, "cursor-up") == 0 || strcmp(c, "cursor-down") == 0)
		move_vertically(cm, io, l, c[7] == 'u' ? -1 : 1);
	else if (strcmp(c, "cursor-left") == 0)
		cm->cur.col -= cm->cur.col > 0;
	else if (strcmp(c, "cursor-right") == 0)
		cm->cur.col += cm->cur.col + 1 < l->cols;
	else if (strcmp(c, "start-of-line") == 0)
		start_of_line(cm, l);
	else if (strcmp(c, "end-of-line") == 0)
		end_of_line(cm, l);
	else if (strcmp(c, "back-to-indentation") == 0)
		back_to_indentation(cm, l);
	else if (strcmp(c, "next-word") == 0 || strcmp(c, "next-space") == 0)
		next_word(cm, io, false, c[5] == 's');
	else if (strcmp(c, "next-word-end") == 0 || strcmp(c, "next-space-end") == 0)
		next_word(cm, io, true, c[5] == 's');
	else if (strcmp(c, "previous-word") == 0 || strcmp(c, "previous-space") == 0)
		previous_word(cm, io, c[9] == 's');
	else if (strcmp(c, "goto-line") == 0) {
		/* tmux: the line that many lines above the screen's top goes to the top. */
		uint64_t n = arg != NULL ? strtoull(arg, NULL, 10) : 0;
		cm->top = n > l->total - l->first ? l->first : l->total - n;
		cm->cur.line = cm->top;
	} else if (strncmp(c, "jump-", 5) == 0 && strcmp(c, "jump-to-mark") != 0)
		jump_command(cm, io, c, arg);
	else
		return false;
	return true;
}

/*
 * search-*-incremental, as command-prompt -i runs it: arg is the text after '=' (the
 * text changed: from where the search began, this command's way), '-' (again, up) or
 * '+' (again, down).
 */
static void search_incremental(struct copymode *cm, const struct copymode_io *io, bool back,
			       const char *arg)
{
	if (arg == NULL || arg[0] == '\0')
		return;
	char prefix = arg[0];
	const char *text = arg + 1;
	if (!cm->inc_on) {
		cm->inc_on = true;
		cm->inc_cur = cm->cur;
		cm->inc_top = cm->top;
	} else if (strcmp(text, cm->search) != 0) {
		cm->cur = cm->inc_cur;
		cm->top = cm->inc_top;
	}
	if (text[0] == '\0')
		return;
	if (prefix == '-')
		back = true;
	else if (prefix == '+')
		back = false;
	set_search(cm, text, back, false);
	search(cm, io, back);
}

/* Selections. */
static bool run_selection(struct copymode *cm, const struct copymode_lines *l, const char *c)
{
	if (strcmp(c, "begin-selection") == 0) {
		cm->selecting = true;
		cm->lines = cm->stopped = false;
		cm->anchor = cm->cur;
	} else if (strcmp(c, "select-line") == 0) {
		cm->selecting = cm->lines = true;
		cm->stopped = cm->line_right_left = false;
		/* tmux's: from the line's start to its end (a wrapped line's rows all) */
		cm->line_at = cm->cur.line;
		start_of_line(cm, l);
		cm->anchor = cm->cur;
		cm->line_first = cm->cur.line;
		end_of_line(cm, l);
		cm->line_last = cm->cur.line;
	} else if (strcmp(c, "stop-selection") == 0) {
		if (cm->selecting && !cm->stopped) {
			cm->stopped = true;
			cm->end = cm->cur;
		}
	} else if (strcmp(c, "rectangle-toggle") == 0)
		cm->rect = !cm->rect;
	else if (strcmp(c, "rectangle-on") == 0 || strcmp(c, "rectangle-off") == 0)
		cm->rect = c[11] == 'n';
	else if (strcmp(c, "clear-selection") == 0)
		cm->selecting = cm->stopped = false;
	else if (strcmp(c, "other-end") == 0 && cm->selecting) {
		struct copymode_pos t = cm->anchor;
		cm->anchor = copymode_selection_end(cm);
		cm->cur = t;
		cm->stopped = false;
	} else
		return false;
	return true;
}

/* The screen copy mode shows for lines that left it since: the pane's now. */
static void refresh_screen(struct copymode *cm, const struct copymode_io *io)
{
	const term_view_pane *p = term_view_find(io->view, cm->source);
	if (p == NULL)
		return;
	term_snapshot_unref(cm->frozen);
	cm->frozen = term_snapshot_ref(p->screen);
	cm->frozen_total = p->hist_total;
}

/* Searches, copies, the rest. */
static void run_other(struct copymode *cm, const struct copymode_io *io, const char *c,
		      const char *arg, const char *prefix)
{
	bool cancel = strstr(c, "-and-cancel") != NULL;
	if (strcmp(c, "search-forward-incremental") == 0 ||
	    strcmp(c, "search-backward-incremental") == 0)
		search_incremental(cm, io, c[7] == 'b', arg);
	else if (strncmp(c, "search-forward", 14) == 0 || strncmp(c, "search-backward", 15) == 0) {
		set_search(cm, arg, c[7] == 'b', strstr(c, "-text") == NULL);
		search(cm, io, cm->search_back);
	} else if (strcmp(c, "search-again") == 0)
		search(cm, io, cm->search_back);
	else if (strcmp(c, "search-reverse") == 0)
		search(cm, io, !cm->search_back);
	else if (strcmp(c, "toggle-position") == 0)
		cm->hide_position = !cm->hide_position;
	else if (strncmp(c, "copy-", 5) == 0 || strncmp(c, "append-selection", 16) == 0 ||
		 strncmp(c, "pipe", 4) == 0) {
		enum copy_what what = strstr(c, "end-of-line") != NULL ? COPY_END_OF_LINE
				      : strstr(c, "-line") != NULL ? COPY_LINE : COPY_SELECTION;
		bool piped = strncmp(c, "copy-pipe", 9) == 0 || c[0] == 'p';
		copy(cm, io, what, strstr(c, "-no-clear") != NULL, c[0] != 'p',
		     piped ? (arg != NULL ? arg : "") : NULL, prefix);
		if (cancel) /* tmux leaves even when there was nothing to copy */
			copymode_clear(cm);
	} else if (strcmp(c, "refresh-from-pane") == 0)
		refresh_screen(cm, io);
	else if (strcmp(c, "cancel") == 0)
		copymode_clear(cm);
}

/* cursor-down-and-cancel and the like: the motion, then copy mode left once at the
 * bottom (the view on the live screen, the cursor on its last row for cursor-down). */
static bool run_and_cancel(struct copymode *cm, const struct copymode_io *io,
			   const struct copymode_lines *l, const char *c)
{
	const char *end = strstr(c, "-and-cancel");
	if (end == NULL || strncmp(c, "copy-", 5) == 0 || strncmp(c, "append-", 7) == 0 ||
	    strncmp(c, "pipe", 4) == 0 || strcmp(c, "cancel") == 0)
		return false;
	char motion[32];
	snprintf(motion, sizeof motion, "%.*s", (int)(end - c), c);
	if (!run_paging(cm, io, l, motion) && !run_motion(cm, io, l, motion, NULL))
		return false;
	if (cm->on && cm->top >= l->bottom && (strcmp(motion, "cursor-down") != 0 ||
					      cm->cur.line == l->last))
		copymode_clear(cm);
	return true;
}

/* Copy mode left view mode's text of epoch: the server is told, and copy mode does not
 * go back to that text while the views still show it. */
static void left_text(struct copymode *cm, const struct copymode_io *io, uint32_t epoch)
{
	term_event ev = {.type = TERM_EVENT_VIEW_DONE};
	io->send(io->arg, &ev);
	cm->text_left = true;
	cm->text_left_epoch = epoch;
}

/* copymode_run, a copy's buffer named by prefix (NULL: tmux's default). */
static void run(struct copymode *cm, const struct copymode_io *io, const char *command,
		const char *arg, const char *prefix)
{
	struct copymode_lines l;
	if (!copymode_lines(cm, io->view, io->cache, &l))
		return;
	bool text = cm->pane == TERM_VIEW_TEXT_PANE;
	uint32_t epoch = cm->epoch;
	if (strncmp(command, "search-", 7) != 0)
		cm->inc_on = false;
	if (!run_paging(cm, io, &l, command) && !run_motion(cm, io, &l, command, arg) &&
	    !run_and_cancel(cm, io, &l, command) && !copymode_run_structure(cm, &l, command) &&
	    !run_selection(cm, &l, command))
		run_other(cm, io, command, arg, prefix);
	if (!cm->on && text)
		left_text(cm, io, epoch);
	if (!cm->on)
		return;
	clamp(cm, io);
	request_missing(cm, io);
}

void copymode_run(struct copymode *cm, const struct copymode_io *io, const char *command,
		  const char *arg)
{
	run(cm, io, command, arg, NULL);
}

/* The first command of a mouse key's binding acts at the mouse's cell, as tmux's
 * window_copy_command does; begin-selection there starts a drag. */
static void at_mouse(struct copymode *cm, const struct copymode_io *io,
				   const char *command)
{
	cm->mouse_pending = false;
	if (cm->mouse.action == TERM_MOUSE_PRESS && cm->mouse.button >= 4)
		return; /* the wheel moves nothing */
	copymode_mouse_move(cm, io, &cm->mouse);
	cm->dragging = strcmp(command, "begin-selection") == 0;
	cm->drag_ms = 0;
	cm->drag_at = (term_mouse){.row = UINT16_MAX, .col = UINT16_MAX}; /* none yet */
}

int copymode_command(struct copymode *cm, const struct copymode_io *io, unsigned count,
		     int argc, char *const argv[], char **cause)
{
	if (copycmd_check(argc, argv, cause) != 0)
		return -1;
	bool pipe = strncmp(argv[0], "pipe", 4) == 0 || strncmp(argv[0], "copy-pipe", 9) == 0;
	/* tmux's copy commands take a buffer name prefix last: copy-selection PREFIX,
	 * copy-pipe COMMAND PREFIX (a format, as a pipe's command) */
	int at = strncmp(argv[0], "copy-", 5) != 0 ? 0 : pipe ? 2 : 1;
	char *arg = argc < 2 || at == 1 ? NULL
		    : pipe ? copymode_expand(cm, io, argv[1]) : xstrdup(argv[1]);
	char *prefix = at > 0 && argc > at ? copymode_expand(cm, io, argv[at]) : NULL;
	const char *too_long = pipe && arg != NULL && strlen(arg) > TERM_EVENT_PIPE_MAX ? "command"
			       : prefix != NULL && strlen(prefix) > TERM_EVENT_PREFIX_MAX ? "prefix"
											  : NULL;
	if (too_long != NULL) {
		xasprintf(cause, "%s: %s too long", argv[0], too_long);
		free(arg);
		free(prefix);
		return -1;
	}
	if (count == 0)
		count = cm->prefix != 0 ? cm->prefix : 1;
	cm->prefix = 0;
	if (cm->mouse_pending)
		at_mouse(cm, io, argv[0]);
	for (unsigned i = 0; i < count && cm->on; i++)
		run(cm, io, argv[0], arg, prefix);
	free(arg);
	free(prefix);
	return 0;
}

/* Copy mode on view mode's text when the view shows one copy mode has not left, from
 * its top as tmux's view mode starts. */
static void view_text(struct copymode *cm, const struct copymode_io *io)
{
	const term_view_pane *t = term_view_find(io->view, TERM_VIEW_TEXT_PANE);
	if (t == NULL) {
		cm->text_left = false; /* the server ended it */
		return;
	}
	if ((cm->on && cm->pane == TERM_VIEW_TEXT_PANE) ||
	    (cm->text_left && cm->text_left_epoch == t->hist_epoch))
		return;
	copymode_clear(cm);
	if (copymode_enter(cm, io, TERM_VIEW_TEXT_PANE, COPYMODE_OWN, false, false))
		copymode_run(cm, io, "history-top", NULL);
}

/* The newer view for copy mode as it is (copymode_view without view mode's text). */
static void follow_view(struct copymode *cm, const struct copymode_io *io)
{
	if (!cm->on)
		return;
	const term_view_pane *p = term_view_find(io->view, cm->source);
	if (p == NULL || term_view_find(io->view, cm->pane) == NULL) {
		copymode_clear(cm);
		return;
	}
	if (p->hist_epoch != cm->epoch) {
		/* Numbers name other lines now: keep the cursor's distance from the bottom. */
		uint64_t up = cm->top < p->hist_total ? p->hist_total - cm->top : 0;
		cm->epoch = p->hist_epoch;
		term_snapshot_unref(cm->frozen);
		cm->frozen = NULL;
		cm->top = p->hist_total > up ? p->hist_total - up : 0;
		cm->cur.line = cm->top;
	}
	const term_histpage *page = io->view->page;
	if (cm->awaiting && page != NULL && page->answer && page->serial == cm->serial &&
	    page->pane == cm->source && page->epoch == cm->epoch) {
		cm->awaiting = false;
		if (page->found)
			show_match(cm, io, page->line, page->col);
	}
	clamp(cm, io);
	request_missing(cm, io);
}

void copymode_view(struct copymode *cm, const struct copymode_io *io)
{
	follow_view(cm, io);
	view_text(cm, io);
}
