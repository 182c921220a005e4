/*
 * What the server sends one attached client of its panes' history (docs/protocol.md,
 * "History"): a page at a time in the client's view, the next one only once the client
 * acknowledged a view holding the last, so pages never outrun the link.
 *
 * In order of priority: the answer to a search (at once, replacing a page not yet
 * delivered, which then goes again later), the lines the client asked for (newest first),
 * and, only while the link is otherwise idle, the previous HISTORY_PREFETCH_SCREENS
 * screens of the active pane, so that the first page up needs no round trip. The server
 * reads history through the grid's own API (term_grid_scrollback_line).
 */
#ifndef RSH_SERVER_HISTORY_H
#define RSH_SERVER_HISTORY_H

#include <stdbool.h>
#include <stdint.h>

#include "server.h"
#include "term/emulator.h"
#include "term/event.h"
#include "term/view.h"

/* Screens of history above the active pane's screen sent before anyone asks, once the
 * client typed nothing for HISTORY_QUIET_MS: a page takes the link's pacing interval
 * (SRTT/2) like any frame, so it should not go between a typist's keys. */
#define HISTORY_PREFETCH_SCREENS 2
#define HISTORY_QUIET_MS 1000
/* A page holds lines of at most this many cells in all (about as many bytes of text:
 * 5 datagrams), and a search answer four times that, around the match. */
#define HISTORY_PAGE_CELLS 6000

enum history_kind { HISTORY_NONE, HISTORY_WANTED, HISTORY_PREFETCH, HISTORY_ANSWER };

struct history_range {
	uint32_t pane, epoch;
	uint64_t lo, hi; /* lines lo .. hi - 1; empty when lo >= hi */
};

/* Lines that are no pane's: view mode's text (term/view.h's TERM_VIEW_TEXT_PANE), in an
 * emulator of its own, numbered within epoch. */
struct history_text {
	term_emulator *em;
	uint32_t epoch;
};

struct history_feed {
	term_histpage *page;    /* in the client's views, or NULL */
	enum history_kind kind; /* why page was sent */
	bool delivered;         /* a view holding page was acknowledged */
	struct history_range want;  /* asked for and not yet delivered */
	struct history_range known; /* the active pane's newest lines delivered */
	term_histpage *answer;  /* a search answer waiting to go */
	/* The text requests and searches for TERM_VIEW_TEXT_PANE read, or NULL: set and
	 * cleared by the mode that holds it (mode_view.h). */
	const struct history_text *text;
};

/* A HISTORY event: the client lacks those lines (replaces what it asked before). */
void history_request(struct history_feed *f, const term_event *ev);
/* A SEARCH event: searched now; the answer goes with the next view. */
void history_search(struct history_feed *f, const term_event *ev);
/*
 * Puts into v (a view being composed) the page in flight, a search answer, or the next
 * page asked for once the last was delivered; acked is the newest view the client
 * acknowledged (NULL: none yet).
 */
void history_feed(struct history_feed *f, term_view *v, const term_view *acked);
/* With the link idle (nothing unacknowledged, no news in v): a prefetch page of the
 * active pane p, if one is due, into v. */
void history_prefetch(struct history_feed *f, term_view *v, struct pane *p);
/* The pane's history as views carry it (term_view_pane's hist_ fields). */
void history_info(const struct pane *p, term_view_pane *vp);
void history_feed_clear(struct history_feed *f);

#endif
