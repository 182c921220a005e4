/* The link state's text for the status row. */
#include "linkstate.h"

#include <inttypes.h>
#include <stdio.h>

#include "net/clock.h"

size_t linkstate_text(char *buf, size_t size, uint64_t now_ms, const struct linkstate *ls)
{
	uint64_t quiet = net_clock_since(now_ms, ls->last_heard_ms);
	const char *path = ls->path != NULL ? ls->path : "";
	const char *sep = ls->path != NULL ? ", " : "";
	int n;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	if (quiet > LINKSTATE_QUIET_MS)
		n = snprintf(buf, size, "%s%slast contact %" PRIu64 " s ago%s", path, sep,
			     quiet / 1000, ls->local ? ", server gone?" : "");
	else if (ls->last_roundtrip_ms == 0)
		n = snprintf(buf, size, "%s", path);
	else if (ls->srtt_ms == 0)
		n = snprintf(buf, size, "%s%srtt <1 ms", path, sep);
	else
		n = snprintf(buf, size, "%s%srtt %u ms", path, sep, ls->srtt_ms);
	if (n < 0) {
		buf[0] = '\0';
		return 0;
	}
	return (size_t)n < size ? (size_t)n : size - 1;
}
