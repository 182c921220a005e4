/*
 * The replay window of one receiving direction: a sequence number already accepted, or
 * older than the window, is refused; reordered packets inside the window are accepted.
 * Check before opening a packet (cheap), mark only after it proved authentic, so forged
 * packets never move the window.
 */
#ifndef RSH_NET_REPLAY_H
#define RSH_NET_REPLAY_H

#include <stdbool.h>
#include <stdint.h>

#define NET_REPLAY_WINDOW 1024 /* sequence numbers, a multiple of 64 */

enum net_replay_verdict {
	NET_REPLAY_NEW,     /* newer than everything accepted so far */
	NET_REPLAY_LATE,    /* older than the newest but inside the window and unseen */
	NET_REPLAY_SEEN,    /* accepted before: a duplicate or a replay */
	NET_REPLAY_TOO_OLD, /* older than the window reaches */
};

struct net_replay {
	uint64_t top; /* newest sequence accepted */
	bool any;     /* whether anything was accepted yet */
	uint64_t bits[NET_REPLAY_WINDOW / 64]; /* bit (seq % WINDOW): seq accepted */
};

void net_replay_init(struct net_replay *w);
enum net_replay_verdict net_replay_check(const struct net_replay *w, uint64_t seq);
/* Records seq as accepted; seq must have been checked NEW or LATE. */
void net_replay_mark(struct net_replay *w, uint64_t seq);

#endif
