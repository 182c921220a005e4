/*
 * The client's character set. Views hold Unicode; ncursesw writes the locale's encoding
 * and wcwidth measures with it, so in the C locale (LANG unset, as over many ssh logins
 * and in containers) every character past ASCII would be lost. The client therefore draws
 * in UTF-8 always: the environment's LC_CTYPE when it is UTF-8, else the first UTF-8
 * locale installed of C.UTF-8 and en_US.UTF-8, having said so in one line.
 */
#ifndef RSH_CLIENT_UTF8_LOCALE_H
#define RSH_CLIENT_UTF8_LOCALE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Sets LC_CTYPE from the environment (LC_ALL, LC_CTYPE, LANG); when its character set is
 * not UTF-8, switches LC_CTYPE to an installed UTF-8 locale and writes one line on err
 * saying so. Returns false, having written on err why and what to do, when no UTF-8
 * locale is installed: then the client must not start. Only LC_CTYPE changes: numbers
 * and messages stay those of the C locale. Call before anything is drawn or measured.
 */
bool utf8_locale_init(FILE *err);

/* utf8_locale_init with its own list of fallbacks, tried in order (tests use it). */
bool utf8_locale_with(FILE *err, const char *const *fallbacks, size_t n);

#endif
