/*
 * Screen diffs shared within one turn of the server's loop: many clients of one session
 * at one size diff the same pane snapshots against the same bases (the screens their
 * views last acknowledged, and the one sent just before), so each such diff is computed
 * and encoded once and its bytes copied for the others.
 *
 * Between term_diff_share_begin and term_diff_share_end, term_diff_share_write keeps the
 * bytes of each diff it encodes, keyed by the two snapshots themselves: snapshots are
 * immutable, and a kept entry holds a reference to both, so no other screen can take
 * either address while it is kept. At most TERM_DIFF_SHARE_MAX diffs are kept (the least
 * recently used goes); term_diff_share_end drops them all, so nothing outlives the turn.
 * Outside a turn it is term_diff_write. One loop, one thread: the turn is process-wide.
 */
#ifndef RSH_TERM_DIFF_SHARE_H
#define RSH_TERM_DIFF_SHARE_H

#include <msgpack.h>
#include <stdbool.h>
#include <stddef.h>

#include "snapshot.h"

#define TERM_DIFF_SHARE_MAX 32

void term_diff_share_begin(void);
void term_diff_share_end(void);
/* Packs the diff from old (NULL: a blank screen) to new, as term_diff_write does. */
void term_diff_share_write(const term_snapshot *old, const term_snapshot *new,
			   msgpack_packer *pk);

/* Counts since the process started, for tests and benchmarks: diffs computed within a
 * turn, and diffs copied from one computed earlier in the same turn. */
struct term_diff_share_stats {
	unsigned long long computed, copied;
};
struct term_diff_share_stats term_diff_share_stats(void);

#endif
