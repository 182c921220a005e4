/*
 * Words from the command line or the control socket: untrusted bytes. Numbers are read
 * strictly, and a word shown back in an error message keeps the line one short printable
 * line whatever it holds.
 */
#ifndef RSH_CMD_WORD_H
#define RSH_CMD_WORD_H

/*
 * An allocated copy of s with bytes outside printable ASCII (and the backslash) written
 * as \ooo octal, cut after WORD_SHOWN input bytes with "..." appended; '' for "".
 */
#define WORD_SHOWN 64
char *word_escape(const char *s);

/*
 * s as one word of the command language (cmd/parse.h reads it back the same): as it is
 * when plain, '' when empty, in double quotes (with \\, \" and \$ escaped, control
 * characters as \ooo) when it holds a space or one of #';${}%, in single quotes when it
 * holds a double quote; a leading ~ is escaped. Allocated. As tmux's show-options prints.
 */
char *word_quote(const char *s);

/* s as a decimal number: digits only, at most max (>= 0). The value, or -1. */
long word_number(const char *s, long max);

#endif
