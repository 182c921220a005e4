/* Allocation that cannot fail: out of memory is fatal, as in tmux. */
#ifndef RSH_UTIL_XMALLOC_H
#define RSH_UTIL_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *ptr, size_t n, size_t size);
/* Makes a byte buffer hold at least need bytes, doubling *cap (from first when 0), so
 * appending n bytes a piece at a time costs O(n) copying in all. */
void *xgrow(void *buf, size_t *cap, size_t need, size_t first);
void *xmemdup(const void *src, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
int xasprintf(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int xvasprintf(char **out, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
