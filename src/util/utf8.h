/* UTF-8 one code point at a time, strictly: what is not a Unicode scalar value is refused. */
#ifndef RSH_UTIL_UTF8_H
#define RSH_UTIL_UTF8_H

#include <stdbool.h>
#include <stdint.h>

/* Writes cp (U+FFFD if it is a surrogate or past U+10FFFF) into out; returns its length. */
unsigned utf8_encode(uint32_t cp, char out[4]);
/* Reads one code point at *p, advancing *p; false on a truncated sequence, an overlong
 * form, a surrogate or a code point past U+10FFFF. */
bool utf8_decode(const uint8_t **p, const uint8_t *end, uint32_t *cp);

/* C0 controls, DEL and C1 controls: a terminal acts on them (C1 too, in UTF-8 in some).
 * Inline: the emulator asks for every character a pane prints. */
static inline bool utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

#endif
