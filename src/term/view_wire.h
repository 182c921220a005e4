/*
 * The diff between two views (docs/protocol.md, "View"), and the sync layer's interface
 * for views: the server's state for each attached client, the client's remote state.
 *
 * Panes travel separately, keyed by id: an unchanged pane costs its id and place, a
 * changed one a screen diff from the base's pane of the same id (from a blank screen for
 * a new id), and panes the base had but the new view lists no more are gone. The other
 * fields travel only when they changed.
 */
#ifndef RSH_TERM_VIEW_WIRE_H
#define RSH_TERM_VIEW_WIRE_H

#include <msgpack.h>

#include "../net/sync.h"
#include "../util/msgpack_read.h"
#include "view.h"

/* Writes the msgpack value that turns from into to. */
void term_view_diff(const term_view *from, const term_view *to, msgpack_packer *pk);
/*
 * from plus the diff read from r, or NULL with the reason in *err (and r failed) when the
 * diff is malformed, does not fit from or makes a view that breaks term_view_check. The
 * caller checks with mp_finish that nothing follows.
 */
term_view *term_view_apply(const term_view *from, mp_reader *r, const char **err);

extern const sync_state_ops term_view_sync_ops;

#endif
