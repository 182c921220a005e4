/*
 * Fuzz target: layout strings (select-layout's argument, any bytes from the control
 * socket) over a window of 1 to 16 panes. A string is refused with a cause and changes
 * nothing, or is taken; what is taken dumps to a string that reads back the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "server/layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	uint32_t n = 1 + data[0] % 16;
	char *s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	struct layout *l = layout_create(80, 24, 0);
	for (uint32_t i = 1; i < n; i++)
		layout_split(l, i - 1, i % 2 ? LAYOUT_SIDE_BY_SIDE : LAYOUT_ABOVE_BELOW, 0, i);
	char *before = layout_dump(l), *cause = NULL;
	if (!layout_parse(l, s, 80, 24, &cause)) {
		char *after = layout_dump(l);
		if (cause == NULL || strcmp(before, after) != 0)
			abort();
		free(after);
	} else {
		char *dump = layout_dump(l), *again;
		if (layout_count(l) != n || !layout_parse(l, dump, 80, 24, &cause))
			abort();
		again = layout_dump(l);
		if (strcmp(dump, again) != 0)
			abort();
		free(dump);
		free(again);
	}
	free(cause);
	free(before);
	free(s);
	layout_free(l);
	return 0;
}
