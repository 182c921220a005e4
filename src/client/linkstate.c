/* The link state's text for the status row. */
#include "linkstate.h"

#include <inttypes.h>
#include <stdio.h>

size_t linkstate_text(char *buf, size_t size, uint64_t now_ms, uint64_t last_heard_ms)
{
	uint64_t quiet = now_ms > last_heard_ms ? now_ms - last_heard_ms : 0;
	int n;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (quiet <= LINKSTATE_QUIET_MS)
		return 0;
	n = snprintf(buf, size, "last contact %" PRIu64 " s ago", quiet / 1000);
	if (n < 0) {
		buf[0] = '\0';
		return 0;
	}
	return (size_t)n < size ? (size_t)n : size - 1;
}
