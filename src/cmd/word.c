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

char *word_quote(const char *s)
{
	if (*s == '\0')
		return xstrdup("''");
	char quote = s[strcspn(s, " #';${}%")] != '\0' ? '"'
		     : s[strcspn(s, "\"")] != '\0'     ? '\''
							: 0;
	if (s[1] == '\0' && (quote != 0 || s[0] == '~') && s[0] != ' ') {
		char *out;
		xasprintf(&out, "\\%c", s[0]);
		return out;
	}
	char *out = xmalloc(strlen(s) * 4 + 4), *p = out;
	if (quote != 0)
		*p++ = quote;
	if (*s == '~')
		*p++ = '\\';
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x20 || c == 0x7f)
			p += sprintf(p, "\\%03o", c);
		else if (quote == '"' && (c == '"' || c == '\\' || c == '$'))
			p += sprintf(p, "\\%c", c);
		else
			*p++ = (char)c;
	}
	if (quote != 0)
		*p++ = quote;
	*p = '\0';
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
