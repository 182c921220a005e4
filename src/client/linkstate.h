/*
 * The link state the client draws at the right end of the status row: only the client
 * knows when the server has gone silent (docs/client.md).
 */
#ifndef RSH_CLIENT_LINKSTATE_H
#define RSH_CLIENT_LINKSTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net/sync_link.h"

/* Silence shorter than this is not worth mentioning: an idle server speaks only every
 * SYNC_HEARTBEAT_MS, so two heartbeats must have gone missing (and a little more for the
 * round trip), as mosh waits before it says so. */
#define LINKSTATE_QUIET_MS (2 * SYNC_HEARTBEAT_MS + 500)

/* What the client knows of its link to the server. */
struct linkstate {
	uint64_t last_heard_ms;     /* the last authentic packet; 0: never */
	uint64_t last_roundtrip_ms; /* the last completed round trip; 0: never */
	unsigned srtt_ms;           /* the smoothed round-trip time */
	bool local;                 /* the server runs on this machine */
	const char *path;           /* the path in use, "udp" or "ssh", or NULL: not shown */
};

/*
 * Writes the link state's text into buf (NUL-terminated, cut to size): "last contact N s
 * ago" when nothing was heard from the server for over LINKSTATE_QUIET_MS before now
 * (with ", server gone?" when it is local: no network lies between),
 * else "rtt N ms" ("rtt <1 ms" on loopback) once a round trip was measured, else "";
 * with a path, it comes first: "ssh, rtt 3 ms", "udp, last contact 8 s ago", "ssh".
 * Returns its length.
 */
size_t linkstate_text(char *buf, size_t size, uint64_t now_ms, const struct linkstate *ls);

#endif
