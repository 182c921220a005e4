/*
 * The input log: what the client sends the server, as an append-only sequence of events
 * (opaque byte strings here: keys, pastes, resizes, mouse, commands are encoded above).
 * Synced as a state (sync.h), so every event arrives exactly once and in order whatever
 * the loss.
 *
 * A state is the events from index first to end (exclusive); two states with the same end
 * are equal. The diff from a base is the base's end and the events after it. The writer
 * (client) keeps only events the server has not acknowledged, and refuses new ones beyond
 * INPUTLOG_PENDING_EVENTS or INPUTLOG_PENDING_BYTES: that is back-pressure, the caller
 * stops reading input until acknowledgements make room.
 *
 * On the receiving side a state holds the events its diff brought, from its base's end,
 * so the reader must take the events of every newer state as it arrives
 * (inputlog_state_next after each SYNC_NEW).
 */
#ifndef RSH_NET_INPUTLOG_H
#define RSH_NET_INPUTLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sync.h"

#define INPUTLOG_EVENT_MAX 4096
#define INPUTLOG_PENDING_EVENTS 1024
#define INPUTLOG_PENDING_BYTES (48 * 1024)

typedef struct inputlog_state inputlog_state;
extern const sync_state_ops inputlog_ops;

/* State number 0: no events. */
inputlog_state *inputlog_state_empty(void);
inputlog_state *inputlog_state_ref(inputlog_state *s);
void inputlog_state_unref(inputlog_state *s);
uint64_t inputlog_state_first(const inputlog_state *s);
uint64_t inputlog_state_end(const inputlog_state *s);
/*
 * The event at *next and advances *next: false when there is none. A reader keeps *next
 * (starting at 0) and calls this until false after each newer state; a *next older than
 * the state's first is a reader that skipped a state: it aborts rather than lose events.
 */
bool inputlog_state_next(const inputlog_state *s, uint64_t *next, const uint8_t **ev,
			 size_t *len);

typedef struct inputlog inputlog;

enum inputlog_status {
	INPUTLOG_OK,
	INPUTLOG_FULL,    /* too much unacknowledged: try again after acknowledgements */
	INPUTLOG_TOO_BIG, /* longer than INPUTLOG_EVENT_MAX: never fits */
};

inputlog *inputlog_new(void);
void inputlog_free(inputlog *log);
enum inputlog_status inputlog_append(inputlog *log, const void *ev, size_t len);
/* The server holds every event before end: forget them. */
void inputlog_acked(inputlog *log, uint64_t end);
/*
 * The log as a state to sync (a new reference): the unacknowledged events, as many of the
 * oldest as fit in window bytes (at least one). The window bounds a frame diffed from the
 * acknowledged state, which matters under loss: such a frame is lost when any of its
 * datagrams is, so a large one seldom arrives whole. Take a new snapshot when events are
 * added or acknowledged.
 */
inputlog_state *inputlog_snapshot(inputlog *log, size_t window);
/* About seven datagrams: typing never reaches it, a paste flows at about a window per
 * round trip, and a frame diffed from the acknowledged state still arrives whole now and
 * then at 30-50 % loss (measured with tests/test_inputlog's simulation). */
#define INPUTLOG_WINDOW 8192
size_t inputlog_pending_events(const inputlog *log);
size_t inputlog_pending_bytes(const inputlog *log);

#endif
