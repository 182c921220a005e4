/* The top-level commas of a format and its truth (rules: format_split.h). */
#include "format_split.h"

#include <string.h>

size_t format_split(const char *s, size_t len, const char **part, size_t *plen, size_t max)
{
	const char *end = s + len, *start = s;
	size_t n = 0;
	int level = 0;
	for (const char *c = s; c < end; c++) {
		if (*c == '#' && c + 1 < end && (c[1] == '{' || c[1] == ',' || c[1] == '#')) {
			level += c[1] == '{';
			c++;
		} else if (*c == '}' && level > 0) {
			level--;
		} else if (*c == ',' && level == 0 && n + 1 < max) {
			part[n] = start;
			plen[n++] = (size_t)(c - start);
			start = c + 1;
		}
	}
	part[n] = start;
	plen[n++] = (size_t)(end - start);
	return n;
}

bool format_truthy(const char *s)
{
	return *s != '\0' && strcmp(s, "0") != 0;
}
