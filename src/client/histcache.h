/*
 * The client's cache of its panes' history lines (term/histpage.h), from the pages the
 * server's views bring, so copy mode scrolls without waiting for the network.
 *
 * Per pane, the lines are a window of consecutive numbers ending at the newest line
 * received, as long as the pane's history limit (history-limit, which the view carries)
 * but at most the cache's limit: a newer line beyond it pushes the oldest out, an older
 * one is kept only inside it. A pane's lines go when its history epoch changes (a resize
 * took lines back, clear-history), when its history limit changes and when the pane
 * leaves the view, so the cache holds at most min(history-limit, limit) lines a visible
 * pane. Rows are shared with the pages (references).
 */
#ifndef RSH_CLIENT_HISTCACHE_H
#define RSH_CLIENT_HISTCACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "term/view.h"

typedef struct histcache histcache;

/* limit: the most lines kept a pane, whatever its history limit (at least 1). */
#define HISTCACHE_MAX_LINES 100000
histcache *histcache_new(unsigned limit);
void histcache_free(histcache *h);
/* A newer view: its page's lines are kept, panes gone or in a new epoch forgotten. */
void histcache_view(histcache *h, const term_view *v);
/* Line n of the pane, or NULL when it is not held. */
const term_row *histcache_line(const histcache *h, uint32_t pane, uint64_t n);

#endif
