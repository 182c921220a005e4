/* Fuzz target: connect lines (from a remote host through ssh). An accepted line must
 * format back to itself, its line ending aside. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/token.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct net_connect c;
	if (net_connect_parse((const char *)data, size, &c) != NULL)
		return 0;
	char *line = net_connect_format(&c);
	size_t len = strlen(line) - 1;
	if (size < len || memcmp(line, data, len) != 0)
		abort();
	free(line);
	return 0;
}
