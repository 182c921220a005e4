/*
 * Words from the command line or the control socket shown back in error messages: they
 * are untrusted bytes, so the line stays one short printable line whatever they hold.
 */
#ifndef RSH_SERVER_ESCAPE_H
#define RSH_SERVER_ESCAPE_H

/*
 * An allocated copy of s with bytes outside printable ASCII (and the backslash) written
 * as \ooo octal, cut after ESCAPE_MAX input bytes with "..." appended; '' for "".
 */
#define ESCAPE_MAX 64
char *escape_word(const char *s);

#endif
