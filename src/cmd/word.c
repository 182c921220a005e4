#include "word.h"

#include <stdio.h>
#include <string.h>

#include "util/xmalloc.h"

char *word_escape(const char *s)
{
	if (*s == '\0')
		return xstrdup("''");
	char *out = xmalloc(WORD_SHOWN * 4 + sizeof "...");
	char *p = out;
	size_t i;
	for (i = 0; s[i] != '\0' && i < WORD_SHOWN; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			*p++ = (char)c;
		else
			p += sprintf(p, "\\%03o", c);
	}
	strcpy(p, s[i] != '\0' ? "..." : "");
	return out;
}

long word_number(const char *s, long max)
{
	long v = 0;
	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		long d = *s - '0';
		if (v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	return v;
}
