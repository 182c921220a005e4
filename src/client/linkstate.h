/*
 * The link state the client draws at the right end of the status row: only the client
 * knows when the server has gone silent (docs/client.md).
 */
#ifndef RSH_CLIENT_LINKSTATE_H
#define RSH_CLIENT_LINKSTATE_H

#include <stddef.h>
#include <stdint.h>

/* Silence shorter than this is not worth mentioning: a heartbeat may be in flight. */
#define LINKSTATE_QUIET_MS 2000

/*
 * Writes the link state's text into buf (NUL-terminated, cut to size): "last contact N s
 * ago" when nothing was heard from the server for over LINKSTATE_QUIET_MS before now,
 * else "". Returns its length.
 */
size_t linkstate_text(char *buf, size_t size, uint64_t now_ms, uint64_t last_heard_ms);

#endif
