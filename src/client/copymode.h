/*
 * Copy mode, in the client: scrolling back through a pane's history, searching it,
 * selecting and copying, with no round trip for anything the client's cache holds
 * (histcache.h). One copy mode per client (two clients on one pane scroll on their own).
 *
 * The engine runs tmux's copy-mode commands by their names (send-keys -X: cursor-up,
 * page-up, halfpage-down, search-backward, begin-selection, rectangle-toggle,
 * copy-selection-and-cancel, cancel...: cmd/copycmd.h). Keys reach them through the
 * server's shipped copy-mode and copy-mode-vi tables (keymode.h), whose bindings run
 * send-keys -X here, on the client.
 *
 * Lines are numbered as the server numbers them (term/histpage.h): history lines first ..
 * total - 1, then the pane's screen rows total .. total + rows - 1. The position is
 * absolute, so output arriving meanwhile does not move what is shown (the indicator's
 * count grows) and shows once copy mode is left. Lines the cache lacks are asked for
 * (HISTORY events) when the view comes within COPYMODE_MARGIN_SCREENS of them, and drawn
 * blank until they arrive; a search that meets a line the cache lacks runs on the server
 * (a SEARCH event) and moves the cursor when its answer arrives.
 */
#ifndef RSH_CLIENT_COPYMODE_H
#define RSH_CLIENT_COPYMODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "histcache.h"
#include "term/event.h"
#include "term/view.h"

/* Screens above the view within which lines the cache lacks are asked for. */
#define COPYMODE_MARGIN_SCREENS 4

/* Which of tmux's two tables and behaviours (mode-keys): where the cursor stops at a
 * word's or line's end, whether a selection holds the cursor's cell. */
enum copymode_keys { COPYMODE_EMACS, COPYMODE_VI };

#define COPYMODE_ACTIVE UINT32_MAX /* copymode_enter's pane: the active one */
#define COPYMODE_OWN UINT32_MAX    /* copymode_enter's source: the pane's own lines */

typedef void copymode_send(void *arg, const term_event *ev);

/* A copy command's text and where it goes: a new paste buffer and the clipboard
 * (copy-selection...), a shell command's stdin too (copy-pipe...) or that alone (pipe...). */
struct copymode_copy {
	const char *text;
	size_t len;
	bool buffer;
	const char *pipe; /* NULL, or the command ("": the server's copy-command option) */
	uint32_t pane;    /* the copy-mode pane: the server expands the command's formats for it */
	const char *prefix; /* the new buffer's name prefix, a format too ("buffer": tmux's) */
};

/* What copy mode works with: the newest view, the cache, where its events and copies go. */
struct copymode_io {
	const term_view *view;
	const histcache *cache;
	copymode_send *send;
	void (*copied)(void *arg, const struct copymode_copy *copy);
	void *arg;
};

struct copymode_pos {
	uint64_t line;
	unsigned col;
};

struct copymode {
	bool on;
	enum copymode_keys keys;
	/* word-separators as the view's key tables had them when copy mode began */
	char separators[KEY_SEPARATORS_MAX + 1];
	uint32_t pane, epoch;
	uint32_t source;         /* the pane whose lines it shows: pane, or copy-mode -s's */
	uint64_t top;            /* the line shown on the pane's first row */
	struct copymode_pos cur; /* the cursor */
	bool exit_at_bottom;     /* entered by the wheel: scrolling to the bottom leaves */
	bool hide_position;      /* toggle-position */
	/* Selection: from anchor to the cursor, by character, whole lines or rectangle; after
	 * stop-selection, to end (the cursor moves on alone). */
	bool selecting, lines, rect, stopped;
	struct copymode_pos anchor, end;
	/* select-line's whole lines, as tmux's SEL_LINE: the line it ran on (tmux's dy) and
	 * the rows of the logical line it took; lineflag: right_left once cursor-up left
	 * that line's first row (the cursor then at each row's start, else its end). */
	uint64_t line_at, line_first, line_last;
	bool line_right_left;
	/* The mouse event a binding runs for (a mouse key's), used by its first copy-mode
	 * command: that one acts at the mouse's cell (the cursor moved there first, not for
	 * the wheel), begin-selection then starting a drag the cursor follows (dragging)
	 * until the button is released. */
	bool mouse_pending, dragging;
	term_mouse mouse;
	/* A drag held on the pane's top or bottom row scrolls a line every COPYMODE_DRAG_MS
	 * (copymode_drag_tick) while the cursor stays there, as tmux's drag timer: when the
	 * next line is due (0 for none), and the last motion's cell. */
	uint64_t drag_ms;
	term_mouse drag_at;
	/* The mark, for jump-to-mark: where copy mode began until set-mark; shown (marked,
	 * as tmux's showmark) once set-mark or jump-to-mark ran. */
	bool marked;
	struct copymode_pos mark;
	/* The last search, and the server's answer awaited (serial) when it went there. */
	char search[TERM_EVENT_SEARCH_MAX + 1];
	size_t search_len;
	bool search_back, awaiting;
	bool search_regex; /* search-forward/backward: a regex; -text, -incremental: plain */
	uint32_t serial;
	/* Where an incremental search began (the cursor and top), so that a changed text
	 * searches again from there; forgotten by any command but a search. */
	bool inc_on;
	struct copymode_pos inc_cur;
	uint64_t inc_top;
	/* The last jump (jump-forward and friends), for jump-again. */
	char jump_command[32];
	uint32_t jump_ch;
	/* A repeat count for the next command (send-keys -N with no command: the vi digits),
	 * 0 for none. */
	unsigned prefix;
	/* The screen when copy mode began and its first line's number: shown for lines that
	 * left the screen since, until the cache has them. */
	term_snapshot *frozen;
	uint64_t frozen_total;
	/* The last history request, not sent again while it covers what is missing. */
	uint32_t req_epoch;
	uint64_t req_lo, req_hi;
	/* View mode's text (TERM_VIEW_TEXT_PANE) copy mode left, by its epoch, until the
	 * server ends view mode: not entered again meanwhile. */
	bool text_left;
	uint32_t text_left_epoch;
};

void copymode_init(struct copymode *cm, enum copymode_keys keys);
/* Leaves copy mode (if on) and frees what it holds. */
void copymode_clear(struct copymode *cm);
/*
 * Enters copy mode on pane (COPYMODE_ACTIVE: the view's active pane; false when the view
 * lacks it) showing source's lines (copy-mode -s; COPYMODE_OWN: the pane's; a source
 * must be in the view too, and copy mode ends when either leaves it), with the keys the
 * view's mode-keys says; page_up scrolls a page at once (copy-mode -u), exit_at_bottom
 * leaves when scrolled back to the bottom (-e). In copy mode already (on any pane), it
 * stays where it is and only page_up acts.
 */
bool copymode_enter(struct copymode *cm, const struct copymode_io *io, uint32_t pane,
		    uint32_t source, bool page_up, bool exit_at_bottom);
/* Runs a copy-mode command by tmux's name; arg is its argument or NULL. A name rsh does
 * not run (checked first with cmd/copycmd.h) does nothing. */
void copymode_run(struct copymode *cm, const struct copymode_io *io, const char *command,
		  const char *arg);
/*
 * send-keys -X: argv[0] the command, argv[1] its argument, run count times (0: the
 * pending prefix, else once; the prefix is used up); with a mouse event pending, at its
 * cell (struct copymode's mouse). A copy command's last argument, after a copy-pipe's
 * command, is the buffer name prefix (copy-selection PREFIX, copy-pipe CMD PREFIX). A
 * pipe's command (copy-pipe "cmd", pipe "cmd") and a prefix have copy mode's formats
 * expanded here, the rest by the server. Returns 0, or -1 with *cause (allocated) and
 * nothing run: for a name or count copycmd_check refuses, a pipe's command longer than
 * TERM_EVENT_PIPE_MAX or a prefix longer than TERM_EVENT_PREFIX_MAX.
 */
int copymode_command(struct copymode *cm, const struct copymode_io *io, unsigned count,
		     int argc, char *const argv[], char **cause);
/* s with copy mode's format variables replaced (#{copy_cursor_word},
 * #{copy_cursor_line}, #{copy_cursor_x}, #{copy_cursor_y}, #{pane_search_string},
 * #{scroll_position}, #{pane_in_mode}); the rest kept as it is. Allocated. */
char *copymode_expand(const struct copymode *cm, const struct copymode_io *io, const char *s);
/* Whether the if-shell -F condition s is true for the pane (ask_condition, ask.h):
 * #{pane_in_mode} and #{pane_mode} (this client's copy mode there), #{mouse_any_flag}
 * (its program asked for the mouse), #{pane_search_string} and the view's names; 1, 0,
 * or -1 when the client cannot say. */
int copymode_condition(const struct copymode *cm, const struct copymode_io *io, uint32_t pane,
		       const char *s);
/*
 * The mouse as tmux 3.3 makes keys of it (copymode_mouse.c), over panes: a press is
 * MouseDown{1,2,3}Pane, a second press of that button within 300 ms SecondClick, a
 * third TripleClick; DoubleClick1Pane comes once 300 ms pass after a second click with no
 * third (copymode_mouse_due); a motion with a button held MouseDrag (its first at the
 * press's cell), its release MouseDragEnd (else MouseUp); the wheel WheelUpPane and
 * WheelDownPane. While copy mode follows a drag (dragging) the motions move its cursor
 * instead.
 */
struct copymode_mouse {
	uint64_t pressed_ms;  /* the last press */
	uint8_t button;       /* its button */
	unsigned clicks;      /* presses of it so far within the time: 1..2, 0 after a third */
	uint8_t held;         /* the button down now, 0 for none */
	bool dragged;         /* a motion came while held: its release ends a drag */
	term_mouse press;     /* where the held button went down */
	uint64_t double_ms;   /* when DoubleClick1Pane is due, 0 for none */
	term_mouse second;    /* the second click, where it is for */
};
#define COPYMODE_CLICK_MS 300 /* tmux's KEYC_CLICK_TIMEOUT */

/* The mouse key m makes (a TERM_KEY_MOUSE key) and the event it is for (*at); false
 * when it makes none (a motion with no button held). */
bool copymode_mouse_key(struct copymode_mouse *ms, const term_mouse *m, uint64_t now,
			term_key *key, term_mouse *at);
/* DoubleClick1Pane when it is due at now (true, with the second click's event). */
bool copymode_mouse_due(struct copymode_mouse *ms, uint64_t now, term_key *key,
			term_mouse *at);
/* What the mouse is over, as tmux's server_client_check_mouse finds it: a status line's
 * range (Status, with its window, StatusLeft, StatusRight) or none there
 * (StatusDefault); a border (a cell on the right or bottom edge of pane); a pane. */
struct copymode_place {
	uint8_t where;               /* enum term_mouse_where */
	const term_view_pane *pane;  /* Pane and Border: which; else NULL */
	bool window;                 /* Status: the range's window index follows */
	uint32_t window_index;
};
/* False when the event is on nothing (past the window's panes). */
bool copymode_mouse_where(const term_view *v, const term_mouse *m, struct copymode_place *pl);
/* The pane under the view's cell, or NULL; whether its program asked for the mouse. */
const term_view_pane *copymode_pane_at(const term_view *v, unsigned row, unsigned col);
bool copymode_takes_mouse(const term_view_pane *p);
/* The cursor to the cell under m (clamped to copy mode's pane). */
void copymode_mouse_move(struct copymode *cm, const struct copymode_io *io, const term_mouse *m);
/*
 * A drag copy mode follows, as tmux's window_copy_drag_update: a motion to another cell
 * of the pane moves the cursor there; on the pane's top or bottom row (unless the move
 * was along the row) the cursor goes a line further that way, scrolling, and the drag
 * timer starts; off the pane nothing moves and the timer stops. A motion to the last
 * motion's cell is nothing (tmux drops those).
 */
#define COPYMODE_DRAG_MS 50 /* tmux's WINDOW_COPY_DRAG_REPEAT_TIME */
void copymode_drag(struct copymode *cm, const struct copymode_io *io, const term_mouse *m,
		   uint64_t now);
/* The drag timer at now: while the cursor is on the top or bottom row, a line further
 * (tmux's window_copy_scroll_timer) and the timer again; true when it moved. */
bool copymode_drag_tick(struct copymode *cm, const struct copymode_io *io, uint64_t now);
/* A newer view: the pane gone leaves copy mode, a new epoch drops what it relied on, a
 * search answer moves the cursor, missing lines are asked for. View mode's text in the
 * view (term/view.h's TERM_VIEW_TEXT_PANE) puts copy mode on it, at its top (tmux's view
 * mode is copy mode over the text); a command that leaves copy mode there (cancel, q,
 * a copy ...-and-cancel) tells the server (a VIEW_DONE event), which ends view mode. */
void copymode_view(struct copymode *cm, const struct copymode_io *io);
/* v with the copy-mode pane drawn as copy mode shows it (a new reference; v itself when
 * copy mode is off or its pane is not in v). */
term_view *copymode_overlay(const struct copymode *cm, term_view *v, const histcache *h);

#endif
