/* Control characters shown as escapes, never sent (printable.h). */
#include "printable.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

bool printable_is_clean(const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	uint32_t cp;
	while (p < end) {
		if (!utf8_decode(&p, end, &cp) || utf8_is_control(cp))
			return false;
	}
	return true;
}

char *printable_copy(const char *s, size_t len, const char *keep)
{
	/* At worst every byte becomes four. */
	char *out = xmalloc(len * 4 + 1), *o = out;
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	while (p < end) {
		const uint8_t *at = p;
		uint32_t cp;
		bool ok = utf8_decode(&p, end, &cp);
		if (!ok)
			p = at + 1; /* a byte that is not UTF-8: escaped alone */
		if (ok && (!utf8_is_control(cp) || (cp != 0 && strchr(keep, (int)cp) != NULL))) {
			memcpy(o, at, (size_t)(p - at));
			o += p - at;
			continue;
		}
		for (const uint8_t *b = at; b < p; b++)
			o += sprintf(o, "\\%03o", *b);
	}
	*o = '\0';
	return out;
}
