#include "xmalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t size)
{
	fprintf(stderr, "rsh: out of memory allocating %zu bytes\n", size);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		oom(size);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		oom(n * size);
	return p;
}

void *xreallocarray(void *ptr, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		oom(SIZE_MAX);
	void *p = realloc(ptr, n != 0 && size != 0 ? n * size : 1);
	if (p == NULL)
		oom(n * size);
	return p;
}

void *xgrow(void *buf, size_t *cap, size_t need, size_t first)
{
	if (need <= *cap)
		return buf;
	size_t n = *cap ? *cap : first;
	while (n < need)
		n = n > SIZE_MAX / 2 ? need : n * 2;
	*cap = n;
	return xreallocarray(buf, n, 1);
}

void *xmemdup(const void *src, size_t size)
{
	void *p = xmalloc(size);
	if (size)
		memcpy(p, src, size);
	return p;
}

char *xstrdup(const char *s)
{
	return xmemdup(s, strlen(s) + 1);
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

int xvasprintf(char **out, const char *fmt, va_list ap)
{
	int n = vasprintf(out, fmt, ap);
	if (n < 0)
		oom(0);
	return n;
}

int xasprintf(char **out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = xvasprintf(out, fmt, ap);
	va_end(ap);
	return n;
}
