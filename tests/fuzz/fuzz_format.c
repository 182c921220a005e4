/*
 * Fuzz target: format text (format.h) of any bytes, expanded with no objects (every
 * variable empty) and without running #() commands. It terminates, and the result is a
 * string within the output bound.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "server/format.h"
#include "server/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	if (!ready) {
		options_init();
		ready = true;
	}
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	struct format_ctx ctx = {.nojobs = true, .time = size > 0 && data[0] & 1};
	char *out = format_expand(text, &ctx);
	if (strlen(out) > (64u << 10) + 4 * size + 256)
		abort();
	free(out);
	free(text);
	return 0;
}
