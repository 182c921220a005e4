/*
 * The receiving half of a sync direction: the states received that the sender may still
 * diff against, newest last.
 *
 * A diff is applied only onto the state it names, and only when it produces a state newer
 * than the newest held; anything else is ignored, since a later frame supersedes it. The
 * sender's throwaway number lets old states go; the newest is always kept, and at most
 * SYNC_HELD_MAX are. Beyond that the second oldest goes, never the oldest: that one may
 * be the sender's acknowledged state, the base it falls back to, and losing it would
 * leave no base in common when the acknowledgements that follow name states the sender
 * has dropped in turn (a client that slept through more than SYNC_SENT_MAX states).
 */
#ifndef RSH_NET_SYNC_RECEIVER_H
#define RSH_NET_SYNC_RECEIVER_H

#include "sync.h"

#define SYNC_HELD_MAX 32

typedef struct sync_receiver sync_receiver;

enum sync_result {
	SYNC_NEW,      /* a newer state is held */
	SYNC_NOTHING,  /* no diff, or one producing a state not newer than the newest held */
	SYNC_NO_BASE,  /* the base is not held: ignored */
	SYNC_BAD_DIFF, /* the diff did not apply: ignored */
};

/* initial is state number 0; the receiver takes a reference. */
sync_receiver *sync_receiver_new(const sync_state_ops *ops, void *initial);
void sync_receiver_free(sync_receiver *r);

/* Takes what f says of this direction (its diff and throwaway number). On SYNC_BAD_DIFF,
 * *err says why. */
enum sync_result sync_receiver_take(sync_receiver *r, const sync_frame *f, const char **err);

/* The newest state held and its number: what to show, and what to acknowledge. */
const void *sync_receiver_newest(const sync_receiver *r, uint64_t *num);
unsigned sync_receiver_held(const sync_receiver *r);

#endif
