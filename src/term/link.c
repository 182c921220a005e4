/* The hyperlink table (link.h): an array in order made, and a hash of it for lookups. */
#include "link.h"

#include <stdio.h>
#include <string.h>

#include "../util/xmalloc.h"

struct link {
	char *id, *uri;
};

/* Open addressing over twice the most links: a lookup always meets an empty slot. */
#define SLOTS (2 * TERM_LINK_MAX)

static struct link links[TERM_LINK_MAX + 1]; /* [0] unused: number 0 is no link */
static uint16_t slots[SLOTS];                /* link numbers, 0 for empty */
static unsigned nlinks;
static size_t nbytes;

static bool printable(const char *s, size_t len, bool is_id)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c >= 0x7f || (is_id && (c == ':' || c == ';')))
			return false;
	}
	return true;
}

static uint64_t hash(const char *id, size_t id_len, const char *uri, size_t uri_len)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < id_len; i++)
		h = (h ^ (unsigned char)id[i]) * 1099511628211u;
	h = (h ^ 0xff) * 1099511628211u; /* no byte of an id: keeps (a, bc) from (ab, c) */
	for (size_t i = 0; i < uri_len; i++)
		h = (h ^ (unsigned char)uri[i]) * 1099511628211u;
	return h;
}

static bool same(const struct link *l, const char *id, size_t id_len, const char *uri,
		 size_t uri_len)
{
	return strlen(l->id) == id_len && memcmp(l->id, id, id_len) == 0 &&
	       strlen(l->uri) == uri_len && memcmp(l->uri, uri, uri_len) == 0;
}

bool term_link_valid(const char *id, size_t id_len, const char *uri, size_t uri_len)
{
	return uri_len > 0 && uri_len <= TERM_LINK_MAX_URI && id_len <= TERM_LINK_MAX_ID &&
	       printable(uri, uri_len, false) && printable(id, id_len, true);
}

uint16_t term_link_make(const char *id, size_t id_len, const char *uri, size_t uri_len)
{
	if (!term_link_valid(id, id_len, uri, uri_len))
		return 0;
	size_t s = hash(id, id_len, uri, uri_len) % SLOTS;
	for (; slots[s] != 0; s = (s + 1) % SLOTS)
		if (same(&links[slots[s]], id, id_len, uri, uri_len))
			return slots[s];
	if (nlinks == TERM_LINK_MAX || nbytes + id_len + uri_len > TERM_LINK_MAX_BYTES)
		return 0;
	struct link *l = &links[++nlinks];
	l->id = xstrndup(id, id_len);
	l->uri = xstrndup(uri, uri_len);
	nbytes += id_len + uri_len;
	slots[s] = (uint16_t)nlinks;
	return (uint16_t)nlinks;
}

bool term_link_get(uint16_t link, const char **id, const char **uri)
{
	if (link == 0 || link > nlinks)
		return false;
	*id = links[link].id;
	*uri = links[link].uri;
	return true;
}

/* OSC 8 ; params ; uri: params are key=value pairs separated by ':'; only id is kept. */
uint16_t term_link_parse_osc(const char *text, size_t len)
{
	const char *semi = memchr(text, ';', len);
	if (semi == NULL)
		return 0;
	const char *uri = semi + 1, *id = "";
	size_t uri_len = len - (size_t)(uri - text), id_len = 0;
	for (const char *p = text; p < semi;) {
		const char *end = memchr(p, ':', (size_t)(semi - p));
		if (end == NULL)
			end = semi;
		if (end - p >= 3 && memcmp(p, "id=", 3) == 0) {
			id = p + 3;
			id_len = (size_t)(end - id);
		}
		p = end + 1;
	}
	return term_link_make(id, id_len, uri, uri_len);
}

size_t term_link_osc(uint16_t link, char *buf)
{
	const char *id, *uri;
	int n;
	if (!term_link_get(link, &id, &uri))
		n = snprintf(buf, TERM_LINK_OSC_MAX, "\033]8;;\033\\");
	else
		n = snprintf(buf, TERM_LINK_OSC_MAX, "\033]8;%s%s;%s\033\\", *id ? "id=" : "", id,
			     uri);
	return (size_t)n;
}
