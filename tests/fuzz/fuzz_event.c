/*
 * Fuzz target: an input event, any bytes from the network. What decodes passes the range
 * check, and its encoding decodes and encodes again to the same bytes (the input itself
 * may differ: msgpack lets an integer take several widths).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "term/event.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	term_event ev, back;
	if (term_event_decode(data, size, &ev) != NULL)
		return 0;
	if (term_event_check(&ev) != NULL)
		abort();
	size_t len, again_len;
	uint8_t *buf = term_event_encode(&ev, &len);
	if (buf == NULL || term_event_decode(buf, len, &back) != NULL)
		abort();
	uint8_t *again = term_event_encode(&back, &again_len);
	if (again == NULL || again_len != len || memcmp(again, buf, len) != 0)
		abort();
	free(again);
	free(buf);
	return 0;
}
