/*
 * The hyperlink table (link.h): a ring of the newest links, the link numbered n in slot
 * n % TERM_LINK_MAX, and a hash of them for lookups. Live numbers are [oldest, next).
 */
#include "link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xmalloc.h"

struct link {
	uint64_t hash;
	char *id, *uri;
	uint16_t id_len, uri_len;
};

/* Open addressing (linear probing) over twice the most links: a probe always meets an
 * empty slot, and deletion shifts entries back so no tombstones build up. */
#define SLOTS (2 * TERM_LINK_MAX)
#define LAST_NUMBER (UINT32_MAX - 1)

static struct link ring[TERM_LINK_MAX];
static uint32_t slots[SLOTS]; /* link numbers, 0 for empty */
static uint32_t oldest = 1, next = 1;
static size_t nbytes;

static struct link *entry(uint32_t n)
{
	return &ring[n % TERM_LINK_MAX];
}

/* Printable ASCII; for a URI also strict UTF-8 of code points past the C1 controls. */
static bool printable(const char *s, size_t len, bool is_id)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + len;
	while (p < end) {
		uint32_t cp;
		if (*p >= 0x80 && !is_id) {
			if (!utf8_decode(&p, end, &cp) || utf8_is_control(cp))
				return false;
			continue;
		}
		if (*p <= 0x20 || *p >= 0x7f || (is_id && (*p == ':' || *p == ';')))
			return false;
		p++;
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
	return l->id_len == id_len && memcmp(l->id, id, id_len) == 0 &&
	       l->uri_len == uri_len && memcmp(l->uri, uri, uri_len) == 0;
}

/* Whether slot s lies cyclically in (from, to]. */
static bool between(size_t from, size_t s, size_t to)
{
	return from < to ? s > from && s <= to : s > from || s <= to;
}

/* Empties slot hole, moving back each later entry of its probe run that may live there. */
static void slot_delete(size_t hole)
{
	for (size_t s = (hole + 1) % SLOTS; slots[s] != 0; s = (s + 1) % SLOTS) {
		size_t home = entry(slots[s])->hash % SLOTS;
		if (!between(hole, home, s)) {
			slots[hole] = slots[s];
			hole = s;
		}
	}
	slots[hole] = 0;
}

static void expire_oldest(void)
{
	struct link *l = entry(oldest);
	size_t s = l->hash % SLOTS;
	while (slots[s] != oldest)
		s = (s + 1) % SLOTS;
	slot_delete(s);
	nbytes -= (size_t)l->id_len + l->uri_len;
	free(l->id);
	free(l->uri);
	*l = (struct link){0};
	oldest++;
}

bool term_link_valid(const char *id, size_t id_len, const char *uri, size_t uri_len)
{
	return uri_len > 0 && uri_len <= TERM_LINK_MAX_URI && id_len <= TERM_LINK_MAX_ID &&
	       printable(uri, uri_len, false) && printable(id, id_len, true);
}

uint32_t term_link_make(const char *id, size_t id_len, const char *uri, size_t uri_len)
{
	if (!term_link_valid(id, id_len, uri, uri_len))
		return 0;
	uint64_t h = hash(id, id_len, uri, uri_len);
	size_t s = h % SLOTS;
	for (; slots[s] != 0; s = (s + 1) % SLOTS)
		if (same(entry(slots[s]), id, id_len, uri, uri_len))
			return slots[s];
	if (next > LAST_NUMBER)
		return 0;
	bool expired = false;
	while (next - oldest == TERM_LINK_MAX || nbytes + id_len + uri_len > TERM_LINK_MAX_BYTES) {
		expire_oldest();
		expired = true;
	}
	if (expired) /* deletions moved entries back: the first empty slot may be earlier */
		for (s = h % SLOTS; slots[s] != 0; s = (s + 1) % SLOTS)
			;
	struct link *l = entry(next);
	*l = (struct link){h, xstrndup(id, id_len), xstrndup(uri, uri_len), (uint16_t)id_len,
			   (uint16_t)uri_len};
	nbytes += id_len + uri_len;
	slots[s] = next;
	return next++;
}

bool term_link_get(uint32_t link, const char **id, const char **uri)
{
	if (link < oldest || link >= next)
		return false;
	*id = entry(link)->id;
	*uri = entry(link)->uri;
	return true;
}

/* OSC 8 ; params ; uri: params are key=value pairs separated by ':'; only id is kept. */
uint32_t term_link_parse_osc(const char *text, size_t len)
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

size_t term_link_osc(uint32_t link, char *buf)
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
