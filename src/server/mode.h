/*
 * A client's mode: what the server draws over that client's window area instead of (or
 * on top of) the panes, and where the client's keys go while it is on: the choosers
 * (choose-tree, choose-client, choose-buffer: mode_tree.c), display-panes
 * (mode_panes.c), clock-mode (mode_clock.c) and view mode (mode_view.c, whose text the
 * client's copy mode shows).
 *
 * Modes are the server's, per client: they show the server's objects (every session,
 * window, pane, client and buffer), which the client does not have, and are drawn from
 * the live objects at every compose, so a chooser is never stale; two clients of one
 * session each have their own. The client needs no change: it ships keys as always, and
 * the server gives the key events of a client in a mode to the mode (pastes and mouse
 * events are dropped meanwhile); bindings (the prefix table) still run, as in tmux.
 *
 * Rules: a mode's data is its own (freed by its free); a mode never holds a pointer to a
 * server object across calls (ids only: objects go at any time); draw may end the mode
 * (its object is gone), key may end it and then run commands.
 */
#ifndef RSH_SERVER_MODE_H
#define RSH_SERVER_MODE_H

#include <stdbool.h>
#include <stdint.h>

#include "term/event.h"
#include "term/view.h"

struct client;

/* The id the view gives a mode's own screen: no pane has it (pane ids count up from 0). */
#define MODE_PANE_ID UINT32_MAX

struct mode_ops {
	const char *name;
	/* Draws into v (new, unshared; its look set), whose window area is cols x rows (both
	 * >= 1). */
	void (*draw)(struct client *c, term_view *v, unsigned cols, unsigned rows, uint64_t now);
	/* A key typed, by its tmux name (term/keyname.h: "Up", "j", "C-c", "M-a"): false
	 * when the mode lets it through to the pane (display-panes -N). */
	bool (*key)(struct client *c, const char *key, uint64_t now);
	/* ms until the mode must be drawn again by itself (a timeout, a clock), -1: never. */
	int (*wait)(struct client *c, uint64_t now);
	void (*free)(void *data);
};

/* Puts c in a mode (ending the one it was in); data is the mode's, taken. */
void mode_start(struct client *c, const struct mode_ops *ops, void *data);
/* Leaves c's mode, if any. */
void mode_end(struct client *c);
/* c's mode's data when c is in the mode ops, else NULL. */
void *mode_data(const struct client *c, const struct mode_ops *ops);

/* For the compose: c's mode drawn into v (nothing without a mode or a window area). */
void mode_draw(struct client *c, term_view *v, uint64_t now);
/* For the event loop: whether c's mode took the event (a key, a paste, a mouse event,
 * VIEW_DONE: the end of view mode). */
bool mode_event(struct client *c, const term_event *ev, uint64_t now);
/* ms until c's mode must be drawn again, -1 when never (or no mode). */
int mode_wait(struct client *c, uint64_t now);

/* Replaces the panes of v with one screen covering its window area (MODE_PANE_ID,
 * active; below the status lines when they are at the top); takes a reference to
 * screen. */
void mode_cover(term_view *v, term_snapshot *screen);
/* Drawing a mode's screen (its own snapshot, from term_snapshot_new); everything is
 * clipped to the screen. */
/* text as it is (no #[style] read: names and contents are data) at row, col, at most max
 * cells, in base's colours; returns the cells drawn. */
unsigned mode_text(term_snapshot *s, unsigned row, unsigned col, unsigned max,
		   const char *text, const term_cell *base);
/* n blank cells of pen's colours at row from col. */
void mode_fill(term_snapshot *s, unsigned row, unsigned col, unsigned n, const term_cell *pen);
/* A box of line characters whose outer edge is x, y, w x h (w, h >= 2). */
void mode_box(term_snapshot *s, unsigned x, unsigned y, unsigned w, unsigned h,
	      const term_cell *pen);
/* The top-left w x h cells of src at x, y (a wide character cut in two is blanked). */
void mode_blit(term_snapshot *s, unsigned x, unsigned y, unsigned w, unsigned h,
	       const term_snapshot *src);

/* tmux's big characters (its clock's, 5 x 5, one column between): digits, ':', 'A', 'P',
 * 'M'; each filled cell a blank of background bg. Others are skipped. */
#define MODE_BIG_WIDTH 6
#define MODE_BIG_HEIGHT 5
void mode_big(term_snapshot *s, unsigned x, unsigned y, const char *text, term_colour bg);

/* Whether key is a, b or c (b and c may be NULL): a mode's keys by their names. */
bool mode_key_is(const char *key, const char *a, const char *b, const char *c);

/* Runs a command line (tmux's syntax) as c's own typed at a prompt would: its error on
 * c's status row. */
void mode_run(struct client *c, const char *line);

#endif
