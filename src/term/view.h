/*
 * What one attached client sees: the state the server ships to it through the sync layer.
 *
 * A view is the client's size, the window's visible panes (each its id, its place and its
 * own screen, so that a change in one pane costs only that pane's diff), which pane is
 * active, a status line, the echo acknowledgement and the active pane's terminal echo for
 * prediction, a notice, the terminal title to set, the key tables the client acts on, a
 * command the server asks the client to run and, at the end of the attachment, why it
 * ended. Borders are not
 * shipped: the client draws them from the panes' rectangles (only the text of their
 * status lines comes from the server, in borders).
 *
 * Views are immutable once shared and reference counted, like term_snapshot. A builder
 * takes term_view_new, fills the fields (each pane's screen and the status take a
 * reference), and may check the result with term_view_check. view_wire.h is the diff.
 */
#ifndef RSH_TERM_VIEW_H
#define RSH_TERM_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "histpage.h"
#include "keytable.h"
#include "snapshot.h"

#define TERM_VIEW_MAX_PANES 64
#define TERM_VIEW_MAX_NOTICE 256
#define TERM_VIEW_MAX_TERMINAL 4096 /* bytes of terminal-features or -overrides */
/* tmux 3.3's terminal-features, which a new view has (items joined by newlines). */
#define TERM_VIEW_DEFAULT_FEATURES "xterm*:clipboard:ccolour:cstyle:focus:title\nscreen*:title"
#define TERM_VIEW_MAX_STATUS 5 /* status lines (tmux's status option: off, on, 2 to 5) */
/* A pane of this id is no pane: it is view mode's text (what the client's own commands
 * printed), with its history; the client shows it in copy mode, from the top, and tells
 * the server when it leaves (a VIEW_DONE event). No pane has the id. */
#define TERM_VIEW_TEXT_PANE (UINT32_MAX - 1)

typedef struct term_view_pane {
	uint32_t id;
	uint16_t x, y;          /* top-left cell within the view */
	term_snapshot *screen;  /* the pane's own size, at least 1x1 */
	/* The pane's history (histpage.h): lines hist_total - hist_len .. hist_total - 1
	 * are held, numbered within hist_epoch. hist_len <= hist_total. hist_limit: the
	 * most it keeps (its history-limit), which bounds the client's cache of it. */
	uint64_t hist_total;
	uint32_t hist_len, hist_epoch, hist_limit;
} term_view_pane;

/* What the client's own prompts expand (#S #I #W #P in command-prompt -I and
 * confirm-before -p, run on the client): the session's name, the current window's index
 * and name, the active pane's index. */
enum term_view_name {
	TERM_VIEW_SESSION_NAME, TERM_VIEW_WINDOW_INDEX, TERM_VIEW_WINDOW_NAME,
	TERM_VIEW_PANE_INDEX, TERM_VIEW_NAMES
};

/* The pens (term_cell colours and attributes only) the client draws its own parts in,
 * from the session's and window's style options: the notice and prompt
 * (message-style), the prompt in vi's command mode (message-command-style), copy mode's
 * selection (mode-style), borders (pane-border-style) and those of the active pane
 * (pane-active-border-style). term_view_new gives tmux's defaults. */
enum term_view_pen {
	TERM_VIEW_PEN_MESSAGE, TERM_VIEW_PEN_COMMAND, TERM_VIEW_PEN_MODE,
	TERM_VIEW_PEN_BORDER, TERM_VIEW_PEN_ACTIVE_BORDER, TERM_VIEW_PENS
};

/* Where each pane's border status line is (tmux's pane-border-status, in its order). */
enum term_view_border_status {
	TERM_VIEW_BORDER_OFF, TERM_VIEW_BORDER_TOP, TERM_VIEW_BORDER_BOTTOM
};

/* The lines borders are drawn with (tmux's pane-border-lines, in its order). */
enum term_view_lines {
	TERM_VIEW_LINES_SINGLE, TERM_VIEW_LINES_DOUBLE, TERM_VIEW_LINES_HEAVY,
	TERM_VIEW_LINES_SIMPLE, TERM_VIEW_LINES_NUMBER
};

/* A mouse range of the status lines (tmux's #[range=...] in the status formats): what a
 * click there is on, for the client's mouse keys (StatusLeft, StatusRight, Status). */
enum term_view_range_type {
	TERM_VIEW_RANGE_LEFT = 1, TERM_VIEW_RANGE_RIGHT, TERM_VIEW_RANGE_WINDOW
};
#define TERM_VIEW_MAX_RANGES 1024

typedef struct term_view_range {
	uint8_t line;      /* which status line, from 0 */
	uint8_t type;      /* enum term_view_range_type */
	uint16_t x, width; /* the cells x .. x + width - 1 of that line, width >= 1 */
	uint32_t window;   /* TERM_VIEW_RANGE_WINDOW: the window's index; else 0 */
} term_view_range;

typedef struct term_view {
	uint32_t refs;
	uint16_t cols, rows;
	uint16_t npanes;
	uint16_t active;        /* index into panes; 0 when there are none */
	term_view_pane *panes;  /* inside the view above the status line, none overlapping */
	/* The status lines: 0 to TERM_VIEW_MAX_STATUS rows, cols wide, on the view's last
	 * rows, or its first when status_top (tmux's status-position top); the panes are in
	 * the rows left (the window area). */
	term_snapshot *status;
	bool status_top;
	/* Echo acknowledgement (mosh's echo ack): the input events applied to the active
	 * pane so far (the newest one's index + 1; 0 for none) and the server's clock in ms
	 * when the newest was, so a client can confirm or expire its predictions. */
	uint64_t echo_events;
	uint64_t echo_ms;
	/* The active pane's terminal echoes what is typed (canonical mode with ECHO: cat, a
	 * shell without a line editor), so a prediction there needs no confirmation first. */
	bool tty_echo;
	char *notice;           /* "pane 3 exited", a command's error; UTF-8, never NULL */
	/* Not empty once the attachment is over: the line the client prints as it leaves
	 * ("detached (from session work)", "exited"); UTF-8, never NULL. */
	char *ended;
	/* What the client's own behaviour follows, from the options where the server keeps
	 * them: copy mode's keys (the current window's mode-keys: 0 emacs, 1 vi), the mouse
	 * (the session's mouse option: the terminal reports it and the wheel enters copy
	 * mode) and set-clipboard (0 off: copies stay off the terminal's clipboard; 1
	 * external, 2 on: they reach it by OSC 52). */
	uint8_t mode_keys, clipboard;
	bool mouse;
	/* History lines on their way to this client, or NULL (the view takes a reference). */
	term_histpage *page;
	/* What the client's terminal title is set to (set-titles), "" for leaving it alone;
	 * UTF-8, never NULL, at most TERM_VIEW_MAX_NOTICE bytes. */
	char *title;
	/* The key tables and key options this client acts on (keytable.h), shared and
	 * immutable; a new generation replaces them. NULL in the blank view. */
	key_tables *keys;
	/* A command list (argv form, cmd/cmdlist.h) the server asks the client to run
	 * itself (command-prompt, confirm-before, switch-client -T), once per serial: the
	 * client runs it when the serial grows. run_argc 0 with serial 0 is none. */
	uint64_t run_serial;
	uint32_t run_argc;
	char **run_argv;
	char *names[TERM_VIEW_NAMES]; /* UTF-8, never NULL, at most TERM_VIEW_MAX_NOTICE */
	term_cell pens[TERM_VIEW_PENS]; /* pens only: ch, width and comb are 0 */
	uint8_t border_lines;           /* enum term_view_lines */
	/* The panes' border status lines (pane-border-status, pane-border-format): with
	 * border_status off, borders has no rows; else one row per pane, in the panes'
	 * order, cols wide, whose first cells (the pane's width less 4) are drawn from the
	 * border row's third cell on: on the row above the pane (top) or below it (bottom).
	 * A blank cell (ch 0) there is the border's own line, in that cell's pen. */
	uint8_t border_status;          /* enum term_view_border_status */
	term_snapshot *borders;
	/* The server's terminal-features and terminal-overrides: items joined by newlines
	 * ("xterm*:RGB"), which the client matches against its terminal's name to decide
	 * what the terminal can do; never NULL, at most TERM_VIEW_MAX_TERMINAL bytes. A new
	 * view has TERM_VIEW_DEFAULT_FEATURES and no overrides. */
	char *term_features, *term_overrides;
	/* How many times the server asked the client's terminal bell to ring (tmux's alerts:
	 * bell-action, visual-bell): the client beeps once when it grows. */
	uint32_t bells;
	/* The marked pane (select-pane -m) when it is one of the view's: its index in panes
	 * + 1, 0 for none. The client draws the borders around it in reverse, as tmux. */
	uint8_t marked;
	/* With ended: the client sends SIGHUP to its parent process as it leaves (tmux's
	 * detach-client -P, attach-session -x). */
	bool hup;
	/* The status lines' mouse ranges, at most TERM_VIEW_MAX_RANGES, in order of line and
	 * then cell, none overlapping; a cell in none is StatusDefault's. */
	uint16_t nranges;
	term_view_range *ranges;
} term_view;

/* cols x rows, npanes zeroed panes (screen NULL, to be filled), a status line of no rows,
 * empty notice. term_view_new(0, 0, 0) is the blank view every connection starts from. */
term_view *term_view_new(unsigned cols, unsigned rows, unsigned npanes);
term_view *term_view_ref(term_view *v);
/* A private copy sharing the screens, for building a changed view from an old one. */
term_view *term_view_clone(const term_view *v);
void term_view_unref(term_view *v);
/* Replaces the status line (takes a reference), the notice or the end line (copied, cut
 * to TERM_VIEW_MAX_NOTICE). */
void term_view_set_status(term_view *v, term_snapshot *status);
/* Replaces the border status lines (takes a reference). */
void term_view_set_borders(term_view *v, term_snapshot *borders);
void term_view_set_notice(term_view *v, const char *notice, size_t len);
void term_view_set_ended(term_view *v, const char *ended, size_t len);
/* Replaces the history page (takes a reference; NULL for none). */
void term_view_set_page(term_view *v, term_histpage *page);
void term_view_set_title(term_view *v, const char *title, size_t len);
/* Replaces one of the names (copied, cut to TERM_VIEW_MAX_NOTICE). */
void term_view_set_name(term_view *v, enum term_view_name which, const char *text,
			size_t len);
/* Replaces the terminal lists (copied; cut to TERM_VIEW_MAX_TERMINAL). */
void term_view_set_terminal(term_view *v, const char *features, const char *overrides);
/* Replaces the key tables (takes a reference; NULL for none). */
void term_view_set_keys(term_view *v, key_tables *keys);
/* Replaces the status lines' mouse ranges (copied; at most TERM_VIEW_MAX_RANGES kept). */
void term_view_set_ranges(term_view *v, const term_view_range *ranges, size_t n);
/* Whether a and b have the same ranges. */
bool term_view_ranges_equal(const term_view *a, const term_view *b);
/* The range of status line `line` holding cell x, or NULL. */
const term_view_range *term_view_range_at(const term_view *v, unsigned line, unsigned x);
/* Replaces the request to run (the words copied; at most KEY_WORDS_MAX of KEY_WORD_MAX). */
void term_view_set_run(term_view *v, uint64_t serial, uint32_t argc, char *const argv[]);

/* The first row of the window area, and how many rows it has. */
unsigned term_view_area_top(const term_view *v);
unsigned term_view_area_rows(const term_view *v);
/* The row the notice and the prompt are drawn on: the first status line, or without
 * one the window area's last row (its first with status_top). */
unsigned term_view_message_row(const term_view *v);
/* tmux's default pens (message-style and the others at their defaults). */
void term_view_default_pens(term_cell pens[TERM_VIEW_PENS]);

/* The pane with this id, or NULL. */
const term_view_pane *term_view_find(const term_view *v, uint32_t id);
/* Whether v keeps the rules above (and the limits); false with the reason in *err. */
bool term_view_check(const term_view *v, const char **err);
/* Same size, panes in the same order with equal screens, and equal fields. */
bool term_view_equal(const term_view *a, const term_view *b);

#endif
