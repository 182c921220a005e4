/*
 * A growing string: appends copy bytes in and keep a NUL after them, so p is always a C
 * string once anything (even nothing, strbuf_add of 0 bytes) was added. The caller owns p
 * (free it; a strbuf of {0} owns nothing).
 */
#ifndef RSH_UTIL_STRBUF_H
#define RSH_UTIL_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *p;
	size_t len, cap; /* cap in bytes (xgrow) */
};

void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_adds(struct strbuf *b, const char *s);
void strbuf_addc(struct strbuf *b, char c);

#endif
