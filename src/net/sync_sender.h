/*
 * The sending half of a sync direction: the local state, and the states sent (numbered)
 * that the receiver may hold.
 *
 * The oldest kept state is always the newest one the receiver acknowledged; states older
 * than it are dropped, and at most SYNC_SENT_MAX are kept (under loss the oldest unacknow-
 * ledged ones go first, which costs nothing: the next acknowledgement names a newer one).
 */
#ifndef RSH_NET_SYNC_SENDER_H
#define RSH_NET_SYNC_SENDER_H

#include "sync.h"

#define SYNC_SENT_MAX 32

typedef struct sync_sender sync_sender;

/* initial is state number 0; the sender takes a reference. */
sync_sender *sync_sender_new(const sync_state_ops *ops, void *initial);
void sync_sender_free(sync_sender *s);

/* Makes state the local state to ship (takes a reference). */
void sync_sender_set(sync_sender *s, void *state);
const void *sync_sender_current(const sync_sender *s);

/* The local state differs from the newest state sent. */
bool sync_sender_has_news(const sync_sender *s);
/* The newest state sent is not yet acknowledged. */
bool sync_sender_unacked(const sync_sender *s);
/* When the newest state sent last went out (0 if nothing was). */
uint64_t sync_sender_last_sent_ms(const sync_sender *s);

/* The receiver holds state num: states older than it are forgotten. */
void sync_sender_ack(sync_sender *s, uint64_t num);
/* The receiver reports it lacks state num (a diff from it arrived): neither that state
 * nor any sent from it serves as a base again until acknowledged. */
void sync_sender_missing(sync_sender *s, uint64_t num, uint64_t now_ms);
/* The newest acknowledged state and its number. */
const void *sync_sender_acked(const sync_sender *s, uint64_t *num);
unsigned sync_sender_kept(const sync_sender *s);

/*
 * Fills f with a frame taking the receiver to the local state (numbering it if it is new);
 * f->diff points into the sender until the next call. The base is the acknowledged state,
 * or a newer state sent less than assume_ms ago when that makes the diff clearly smaller.
 * f->ack and f->missing are left for the caller.
 */
void sync_sender_frame(sync_sender *s, uint64_t now_ms, uint64_t assume_ms, sync_frame *f);
/* Fills f as an acknowledgement-only frame (f->ack and f->missing left for the caller). */
void sync_sender_empty_frame(const sync_sender *s, sync_frame *f);

#endif
