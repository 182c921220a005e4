/*
 * The hyperlink table (term/link.h): the oldest links expire so new ones are always made,
 * memory stays within its bounds, a number is never reused, and URIs may hold UTF-8 but
 * never a control. The table is process-wide, so the cases run in order on one table.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "term/link.h"

static uint32_t make(const char *id, const char *uri)
{
	return term_link_make(id, strlen(id), uri, strlen(uri));
}

static uint32_t make_nth(unsigned n)
{
	char uri[64];
	snprintf(uri, sizeof uri, "file://host/tmp/%u", n);
	return make("", uri);
}

static bool has(uint32_t n, const char *id, const char *uri)
{
	const char *i, *u;
	return term_link_get(n, &i, &u) && strcmp(i, id) == 0 && strcmp(u, uri) == 0;
}

/* Raw UTF-8 in a URI is kept; C1 controls, bad sequences and DEL are refused. */
static void test_utf8(void)
{
	const char *good = "https://example.com/\xc3\xbcn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9/"
			   "\xe4\xb8\xad\xe6\x96\x87/\xf0\x9f\x98\x80";
	uint32_t n = make("", good);
	CHECK(n != 0 && has(n, "", good));
	char osc[TERM_LINK_OSC_MAX];
	size_t len = term_link_osc(n, osc);
	CHECK(len == strlen(good) + 7 && memcmp(osc + 5, good, strlen(good)) == 0);
	static const char *bad[] = {
		"http://a/\xc2\x9b" "31m",  /* CSI as C1 */
		"http://a/\xc2\x85",         /* NEL */
		"http://a/\x80",             /* a lone continuation byte */
		"http://a/\xc0\xaf",         /* overlong '/' */
		"http://a/\xe4\xb8",         /* truncated */
		"http://a/\xed\xa0\x80",     /* a surrogate */
		"http://a/\xf4\x90\x80\x80", /* past U+10FFFF */
		"http://a/\x7f",             /* DEL */
		"http://a/\xff",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECKF(make("", bad[i]) == 0, "bad URI %zu made", i);
	CHECK(make("\xc3\xbc", "http://a/") == 0); /* an id stays ASCII */
	const char *osc8 = "id=x;https://\xe4\xb8\xad";
	CHECK(has(term_link_parse_osc(osc8, strlen(osc8)), "x", "https://\xe4\xb8\xad"));
}

/* Past TERM_LINK_MAX links the oldest expire; new ones are made, numbers go on rising. */
static void test_expiry(void)
{
	uint32_t first = make_nth(0), prev = first;
	CHECK(first != 0 && make_nth(0) == first);
	for (unsigned i = 1; i < TERM_LINK_MAX + 100; i++) {
		uint32_t n = make_nth(i);
		CHECKF(n > prev, "link %u got %u after %u", i, n, prev);
		prev = n;
	}
	const char *id, *uri;
	CHECK(!term_link_get(first, &id, &uri));
	CHECK(has(prev, "", "file://host/tmp/16483"));
	/* The live ones are still found by content; the expired first gets a new number. */
	CHECK(make_nth(TERM_LINK_MAX + 50) == prev - 49);
	uint32_t again = make_nth(0);
	CHECK(again > prev && has(again, "", "file://host/tmp/0"));
	CHECK(!term_link_get(first, &id, &uri));
}

/* Long URIs: the bytes held stay within TERM_LINK_MAX_BYTES. */
static void test_bytes(void)
{
	static char uri[TERM_LINK_MAX_URI + 1];
	uint32_t nums[3000];
	for (unsigned i = 0; i < 3000; i++) {
		snprintf(uri, sizeof uri, "http://%u/", i);
		size_t n = strlen(uri);
		memset(uri + n, 'x', TERM_LINK_MAX_URI - n);
		uri[TERM_LINK_MAX_URI] = '\0';
		nums[i] = make("", uri);
		CHECK(nums[i] != 0);
	}
	unsigned live = 0;
	for (unsigned i = 0; i < 3000; i++) {
		const char *id, *u;
		live += term_link_get(nums[i], &id, &u);
	}
	unsigned most = TERM_LINK_MAX_BYTES / TERM_LINK_MAX_URI;
	CHECKF(live <= most && live + 16 >= most, "%u long links live, at most %u", live, most);
	CHECK(has(nums[2999], "", uri));
}

/*
 * Seeded model check: links drawn from a pool bigger than the table, with ids, made in a
 * random order. Every number the table gives names what it was made for or nothing; a
 * link still live is found again (the hash survives its deletions); new numbers rise.
 */
#define POOL 40000
static void test_model(unsigned long seed)
{
	static uint32_t latest[POOL];
	static char uris[POOL][40], ids[POOL][8];
	memset(latest, 0, sizeof latest);
	srandom((unsigned)seed);
	for (unsigned i = 0; i < POOL; i++) {
		snprintf(uris[i], sizeof uris[i], "https://h/%lu/%u", seed, i);
		snprintf(ids[i], sizeof ids[i], "%s", random() % 3 == 0 ? "i" : "");
	}
	uint32_t top = 0;
	for (unsigned step = 0; step < 200000; step++) {
		unsigned k = (unsigned)random() % (random() % 2 ? POOL : 64);
		const char *id, *uri;
		bool live = latest[k] != 0 && term_link_get(latest[k], &id, &uri);
		uint32_t n = make(ids[k], uris[k]);
		CHECKF(n != 0, "seed %lu step %u: no link", seed, step);
		if (live)
			CHECKF(n == latest[k], "seed %lu step %u: live link renumbered", seed, step);
		else
			CHECKF(n > top, "seed %lu step %u: number %u reused", seed, step, n);
		if (n > top)
			top = n;
		latest[k] = n;
		unsigned j = (unsigned)random() % POOL;
		if (latest[j] != 0 && term_link_get(latest[j], &id, &uri))
			CHECKF(strcmp(id, ids[j]) == 0 && strcmp(uri, uris[j]) == 0,
			       "seed %lu step %u: number %u names another link", seed, step,
			       latest[j]);
	}
}

int main(void)
{
	test_utf8();
	test_expiry();
	test_bytes();
	unsigned long seed = test_seed();
	for (unsigned long i = 0; i < test_cases(3); i++)
		test_model(seed + i);
	puts("test_link: ok");
	return 0;
}
