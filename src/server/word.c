#include "escape.h"

#include <stdio.h>
#include <string.h>

#include "util/xmalloc.h"

char *escape_word(const char *s)
{
	if (*s == '\0')
		return xstrdup("''");
	char *out = xmalloc(ESCAPE_MAX * 4 + sizeof "...");
	char *p = out;
	size_t i;
	for (i = 0; s[i] != '\0' && i < ESCAPE_MAX; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			*p++ = (char)c;
		else
			p += sprintf(p, "\\%03o", c);
	}
	strcpy(p, s[i] != '\0' ? "..." : "");
	return out;
}
