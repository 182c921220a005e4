/* Strict UTF-8 encoding and decoding of single code points. */
#include "utf8.h"

#include <stddef.h>

static bool scalar(uint32_t cp)
{
	return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
}

unsigned utf8_encode(uint32_t cp, char out[4])
{
	if (!scalar(cp))
		cp = 0xfffd;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3f));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

bool utf8_decode(const uint8_t **p, const uint8_t *end, uint32_t *cp)
{
	static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
	if (*p >= end)
		return false;
	uint8_t b = **p;
	unsigned n = b < 0x80 ? 1 : b >= 0xc0 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3
		   : b >= 0xf0 && b < 0xf8 ? 4 : 0;
	if (n == 0 || (size_t)(end - *p) < n)
		return false;
	uint32_t v = n == 1 ? b : b & (0x7fu >> n);
	for (unsigned i = 1; i < n; i++) {
		uint8_t x = (*p)[i];
		if ((x & 0xc0) != 0x80)
			return false;
		v = v << 6 | (x & 0x3f);
	}
	if (v < least[n] || !scalar(v))
		return false;
	*p += n;
	*cp = v;
	return true;
}

