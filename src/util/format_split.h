/*
 * The shape of tmux's format syntax that both ends read: the server's format engine
 * (server/format.h) and the client's own evaluation of the conditions it can decide
 * (client/ask.h). Untrusted text is fine: nothing here allocates or reads past len.
 */
#ifndef RSH_UTIL_FORMAT_SPLIT_H
#define RSH_UTIL_FORMAT_SPLIT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Cuts s[0..len) at its top-level commas (not inside #{ }, and not the escapes "#," and
 * "##") into at most max parts (max >= 1; the last takes the rest): part[i] points into s,
 * plen[i] is its length. Returns the number of parts.
 */
size_t format_split(const char *s, size_t len, const char **part, size_t *plen, size_t max);
/* A format's truth: not empty and not "0". */
bool format_truthy(const char *s);

#endif
