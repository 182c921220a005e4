/*
 * Text from elsewhere on its way to a terminal or into a listing: names, titles, end
 * lines, error messages, what a remote host says. A control character there (C0, DEL,
 * or C1, which some terminals take in UTF-8 too) would act on the user's terminal: set
 * its title, clear it, forge lines, write the clipboard. Every such string goes through
 * here, on the side that makes it and on the side that shows it.
 */
#ifndef RSH_UTIL_PRINTABLE_H
#define RSH_UTIL_PRINTABLE_H

#include <stdbool.h>
#include <stddef.h>

/* Whether s (len bytes) is UTF-8 holding no control character. */
bool printable_is_clean(const char *s, size_t len);
/*
 * A copy of s (len bytes) fit for a terminal, NUL-terminated, to free: each control
 * character but those in keep (such as "\n\t" for messages of several lines), and each
 * byte that is not part of UTF-8, becomes its bytes as octal escapes, as tmux shows
 * them ("\033", "\302\233"); a backslash stays as it is.
 */
char *printable_copy(const char *s, size_t len, const char *keep);

#endif
