/*
 * Copy mode, in the client: scrolling back through a pane's history, searching it,
 * selecting and copying, with no round trip for anything the client's cache holds
 * (histcache.h). One copy mode per client (two clients on one pane scroll on their own).
 *
 * The engine runs tmux's copy-mode commands by their names (send-keys -X: cursor-up,
 * page-up, halfpage-down, search-backward, begin-selection, rectangle-toggle,
 * copy-selection-and-cancel, cancel...); copykeys.h maps keys to them.
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

#include "copykeys.h"
#include "histcache.h"
#include "prompt.h"
#include "term/event.h"
#include "term/view.h"

/* Screens above the view within which lines the cache lacks are asked for. */
#define COPYMODE_MARGIN_SCREENS 4

typedef void copymode_send(void *arg, const term_event *ev);

/* What copy mode works with: the newest view, the cache, where its events and copies go. */
struct copymode_io {
	const term_view *view;
	const histcache *cache;
	copymode_send *send;
	void (*copied)(void *arg, const char *text, size_t len);
	void *arg;
};

struct copymode_pos {
	uint64_t line;
	unsigned col;
};

struct copymode {
	bool on;
	enum copykeys_table keys;
	uint32_t pane, epoch;
	uint64_t top;            /* the line shown on the pane's first row */
	struct copymode_pos cur; /* the cursor */
	bool exit_at_bottom;     /* entered by the wheel: scrolling to the bottom leaves */
	bool hide_position;      /* toggle-position */
	/* Selection: from anchor to the cursor, by character, whole lines or rectangle. */
	bool selecting, lines, rect;
	struct copymode_pos anchor;
	/* The last search, and the server's answer awaited (serial) when it went there. */
	char search[TERM_EVENT_SEARCH_MAX + 1];
	size_t search_len;
	bool search_back, awaiting;
	uint32_t serial;
	/* The last jump (jump-forward and friends), for jump-again. */
	char jump_command[COPYKEYS_MAX_TEXT];
	uint32_t jump_ch;
	/* A prompt open for a binding (search, goto-line) or one key (jump). */
	const struct copykeys_binding *asking;
	struct prompt prompt;
	/* The screen when copy mode began and its first line's number: shown for lines that
	 * left the screen since, until the cache has them. */
	term_snapshot *frozen;
	uint64_t frozen_total;
	/* The last history request, not sent again while it covers what is missing. */
	uint32_t req_epoch;
	uint64_t req_lo, req_hi;
};

void copymode_init(struct copymode *cm, enum copykeys_table keys);
/* Leaves copy mode (if on) and frees what it holds. */
void copymode_clear(struct copymode *cm);
/* Enters copy mode on the view's active pane (false: none), with the keys the view's
 * mode-keys says; page_up scrolls a page at once (copy-mode -u), exit_at_bottom leaves
 * when scrolled back to the bottom (-e). */
bool copymode_enter(struct copymode *cm, const struct copymode_io *io, bool page_up,
		    bool exit_at_bottom);
/* A key typed in copy mode: its binding in the table, or the open prompt's line. */
void copymode_key(struct copymode *cm, const struct copymode_io *io, const term_key *key);
/* Runs a copy-mode command by tmux's name; arg is its argument or NULL. Unknown names and
 * commands rsh lacks do nothing. */
void copymode_run(struct copymode *cm, const struct copymode_io *io, const char *command,
		  const char *arg);
/* A newer view: the pane gone leaves copy mode, a new epoch drops what it relied on, a
 * search answer moves the cursor, missing lines are asked for. */
void copymode_view(struct copymode *cm, const struct copymode_io *io);
/* v with the copy-mode pane drawn as copy mode shows it (a new reference; v itself when
 * copy mode is off or its pane is not in v). */
term_view *copymode_overlay(const struct copymode *cm, term_view *v, const histcache *h);
/* The prompt's text and line so far while one is open, else NULL; to free. */
char *copymode_prompt_text(const struct copymode *cm);

#endif
