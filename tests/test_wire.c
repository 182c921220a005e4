/*
 * The screen diff's wire form: the bytes of docs/protocol.md's examples, and hostile input
 * (wrong types, oversize values, bad cells, rows beyond the base, truncation at every
 * byte, trailing bytes), which must give an error and never a crash.
 */
#include <stdio.h>

#include "random_screen.h"
#include "term/link.h"
#include "term/wire.h"

#include "check.h"

static size_t from_hex(const char *hex, uint8_t *out, size_t size)
{
	size_t n = 0;
	for (const char *p = hex; *p;) {
		if (*p == ' ') {
			p++;
			continue;
		}
		unsigned byte;
		CHECK(sscanf(p, "%2x", &byte) == 1 && n < size);
		out[n++] = (uint8_t)byte;
		p += 2;
	}
	return n;
}

static term_diff *decode_bytes(const uint8_t *buf, size_t len, const char **err)
{
	mp_reader r;
	mp_reader_init(&r, buf, len);
	term_diff *d = term_diff_decode(&r, err);
	if (d && !mp_finish(&r)) {
		*err = r.error;
		term_diff_free(d);
		return NULL;
	}
	return d;
}

static term_diff *decode_hex(const char *hex, const char **err)
{
	uint8_t buf[256];
	return decode_bytes(buf, from_hex(hex, buf, sizeof buf), err);
}

static void rejected(const char *hex, const char *reason)
{
	const char *err = NULL;
	term_diff *d = decode_hex(hex, &err);
	CHECKF(d == NULL && err && strstr(err, reason), "%s: wanted \"%s\", got \"%s\"", hex,
	       reason, d ? "success" : err);
}

static term_snapshot *cells_of(const char *hex, unsigned cols)
{
	const char *err = NULL;
	term_diff *d = decode_hex(hex, &err);
	CHECKF(d != NULL, "%s: %s", hex, err);
	term_snapshot *s = term_diff_apply(NULL, d, &err);
	CHECKF(s != NULL && s->cols == cols, "%s: %s", hex, err);
	term_diff_free(d);
	return s;
}

static void check_cell(const term_snapshot *s, unsigned col, uint32_t ch, unsigned nchars,
		       unsigned width, term_colour fg)
{
	term_cell c = term_row_get(s->lines[0], col);
	uint32_t chars[TERM_MAX_CHARS];
	unsigned n = term_row_chars(s->lines[0], col, chars);
	CHECKF(c.ch == ch && n == nchars && c.width == width && c.fg == fg,
	       "col %u: U+%04X n%u w%u fg%08x", col, c.ch, n, c.width, c.fg);
}

/* The example of docs/protocol.md, "Cells". */
static void test_documented_cells(void)
{
	/* [1, 7, [[2, [2], "a", 2, "\x02漢", [], "e\x01\u0301", [0, 0x1000000 + 0x102030, 5], 1]]] */
	term_snapshot *s = cells_of("93 01 07 91 99 02 91 02 a1 61 02 a4 02 e6 bc a2 90 a4 65 01 cc 81"
				    " 93 00 ce 01 10 20 30 05 01", 7);
	check_cell(s, 0, 'a', 1, 1, TERM_COLOUR_PALETTE(1));
	check_cell(s, 1, 0, 0, 1, TERM_COLOUR_PALETTE(1));
	check_cell(s, 3, 0x6f22, 1, 2, TERM_COLOUR_PALETTE(1));
	check_cell(s, 4, 0, 0, 0, TERM_COLOUR_PALETTE(1));
	check_cell(s, 5, 'e', 2, 1, TERM_COLOUR_DEFAULT);
	check_cell(s, 6, 0, 0, 1, TERM_COLOUR_DEFAULT);
	term_cell c = term_row_get(s->lines[0], 6);
	CHECK(c.bg == TERM_COLOUR_RGB(0x10, 0x20, 0x30) &&
	      c.attrs == (TERM_ATTR_BOLD | TERM_ATTR_BLINK));
	term_snapshot_unref(s);
}

/* The link example of docs/protocol.md, "Cells": a literal row [2, [0, 0, 0, 0, "u", "i"],
 * "ab", [], "c"] on a screen 3 wide. */
static void test_documented_link(void)
{
	term_snapshot *s = cells_of("93 01 03 91 95 02 96 00 00 00 00 a1 75 a1 69 a2 61 62 90 a1 63",
				    3);
	const char *id, *uri;
	term_cell a = term_row_get(s->lines[0], 0), b = term_row_get(s->lines[0], 1);
	CHECK(term_link_get(a.link, &id, &uri) && strcmp(id, "i") == 0 && strcmp(uri, "u") == 0);
	CHECK(b.link == a.link && b.ch == 'b' && term_row_get(s->lines[0], 2).link == 0);
	term_snapshot_unref(s);
}

/* The example of docs/protocol.md, "Example": typing one character at a prompt. */
static void test_documented_typing(void)
{
	term_snapshot *a = term_snapshot_new(3, 20);
	put_text(a, 0, 0, "$ make");
	put_text(a, 1, 0, "make: Nothing to do.");
	put_text(a, 2, 0, "$ echo hi");
	a->cursor.row = 2;
	a->cursor.col = 9;
	term_snapshot *b = term_snapshot_clone(a);
	put_text(b, 2, 9, "x");
	b->cursor.col = 10;
	term_diff *d = term_diff_compute(a, b);
	msgpack_sbuffer buf;
	encode_diff(d, &buf);
	uint8_t want[64];
	size_t n = from_hex("94 03 14 92 93 00 00 02 93 03 02 92 09 a1 78 93 02 0a 05", want,
			    sizeof want);
	CHECKF(buf.size == n && memcmp(buf.data, want, n) == 0, "%zu bytes", buf.size);
	msgpack_sbuffer_destroy(&buf);
	term_diff_free(d);
	term_snapshot_unref(b);
	term_snapshot_unref(a);
}

static void test_hostile_structure(void)
{
	rejected("01", "expected an array");
	rejected("92 02 03", "array length out of range");
	rejected("9a 02 03 91 92 01 02 c0 c0 c0 c0 c0 c0 c0", "array length out of range");
	rejected("93 cd 03 e9 03 91 92 01 02", "integer out of range");
	rejected("93 02 cd 03 e9 91 92 01 02", "integer out of range");
	rejected("93 a1 61 03 91 92 01 02", "expected an integer");
	rejected("93 ff 03 91 92 01 02", "integer out of range");
	rejected("93 02 03 c0", "expected an array");
	rejected("93 02 03 93 92 01 01 92 01 01 92 01 01", "array length out of range");
	rejected("93 02 03 91 92 04 02", "integer out of range");
	rejected("93 02 03 91 92 01 00", "empty row run");
	rejected("93 02 03 91 92 01 03", "integer out of range");
	rejected("93 02 03 91 91 01", "bad blank run");
	rejected("93 02 03 91 94 00 00 02 00", "bad copy");
	rejected("93 02 03 91 93 00 cd 03 e8 02", "integer out of range");
	rejected("93 02 03 91 92 01 01", "do not cover");
	rejected("93 02 03 92 92 01 02 92 01 01", "beyond the screen");
	rejected("93 00 03 91 91 02", "array length out of range");
	rejected("93 02 03 91 92 01 02 00", "trailing bytes");
}

/* A one-row literal of 3 columns holding the entries given in hex. */
static void rejected_cells(const char *entries, unsigned n, const char *reason)
{
	char hex[256];
	snprintf(hex, sizeof hex, "93 01 03 91 %02x 02 %s", 0x90 + n + 1, entries);
	rejected(hex, reason);
}

static void test_hostile_cells(void)
{
	rejected_cells("a4 61 62 63 64", 1, "cells beyond the row");
	rejected_cells("c0", 1, "bad cell entry");
	rejected_cells("ca 00 00 00 00", 1, "bad cell entry");
	rejected_cells("a1 61", 2, "truncated");
	rejected_cells("a0", 1, "empty text");
	rejected_cells("a3 ed a0 80", 1, "bad UTF-8");       /* a surrogate */
	rejected_cells("a4 f4 90 80 80", 1, "bad UTF-8");    /* past U+10FFFF */
	rejected_cells("a2 c0 80", 1, "bad UTF-8");          /* overlong */
	rejected_cells("a3 e0 80 80", 1, "bad UTF-8");       /* overlong */
	rejected_cells("a2 e4 b8", 1, "bad UTF-8");          /* cut short */
	rejected_cells("a1 80", 1, "bad UTF-8");
	rejected_cells("a1 f8", 1, "bad UTF-8");
	rejected_cells("a1 05", 1, "control character");
	rejected_cells("a1 00", 1, "control character");
	rejected_cells("a1 1b", 1, "control character");
	rejected_cells("a3 61 01 05", 1, "control character");
	rejected_cells("a2 02 02", 1, "control character");
	rejected_cells("a1 7f", 1, "control character");     /* DEL */
	rejected_cells("a2 c2 9b", 1, "control character");  /* C1 CSI, in UTF-8 */
	rejected_cells("a3 61 c2 85", 1, "control character"); /* C1 NEL */
	rejected_cells("a2 61 01", 1, "marker without a character");
	rejected_cells("a1 02", 1, "marker without a character");
	rejected_cells("a3 01 cc 81", 1, "combining mark without room");
	rejected_cells("a4 04 01 cc 81", 1, "combining mark without room");
	rejected_cells("b3 61 01 cc 81 01 cc 81 01 cc 81 01 cc 81 01 cc 81 01 cc 81", 1,
		       "combining mark without room");
	rejected_cells("a6 61 62 02 e6 bc a2", 1, "cells beyond the row"); /* wide at the edge */
	rejected_cells("00", 1, "empty blank run");
	rejected_cells("04", 1, "cells beyond the row");
	rejected_cells("91 cd 01 01", 1, "bad colour");
	rejected_cells("92 00 ce 00 ff ff ff", 1, "bad colour");
	rejected_cells("91 ce 02 00 00 00", 1, "integer out of range");
	rejected_cells("93 00 00 cd 04 00", 1, "integer out of range");
	rejected_cells("97 00 00 00 00 a1 61 a0 00", 1, "array length out of range");
	/* A pen's hyperlink: a URI string, then maybe an id, as link.h has them. */
	rejected_cells("95 00 00 00 00 00", 1, "expected a string");
	rejected_cells("95 00 00 00 00 a0", 1, "bad link");
	rejected_cells("95 00 00 00 00 a3 61 20 62", 1, "bad link");
	rejected_cells("96 00 00 00 00 a1 61 a3 61 3a 62", 1, "bad link");
	rejected_cells("96 00 00 00 00 a1 61 a1 1b", 1, "bad link");
	rejected_cells("94 00 00 00 cd 01 01", 1, "bad colour");
	rejected_cells("91 a1 61", 1, "expected an integer");
	rejected_cells("91 ff", 1, "integer out of range");
}

static void test_hostile_patches(void)
{
	rejected("93 01 03 91 92 03 00", "bad patch");
	rejected("93 01 01 91 94 03 00 92 00 a1 61 92 00 a1 61", "bad patch");
	rejected("93 01 03 91 93 03 cd 03 e8 92 00 a1 61", "integer out of range");
	rejected("93 01 03 91 93 03 00 92 03 a1 61", "bad span");
	rejected("93 01 03 91 94 03 00 92 00 a2 61 62 92 01 a1 63", "bad span");
	rejected("93 01 03 91 94 03 00 92 01 a1 61 92 00 a1 63", "bad span");
	rejected("93 01 03 91 93 03 00 92 00 90", "empty span");
	rejected("93 01 03 91 93 03 00 91 00", "array length out of range");
	rejected("93 01 03 91 93 03 00 92 01 a3 61 62 63", "cells beyond the row");
	rejected("93 01 03 91 93 03 00 a1 61", "expected an array");
}

static void test_hostile_state(void)
{
	rejected("94 01 03 91 92 01 01 93 01 00 00", "cursor outside");
	rejected("94 01 03 91 92 01 01 93 00 04 00", "cursor outside");
	rejected("94 01 03 91 92 01 01 93 00 00 10", "integer out of range");
	rejected("94 01 03 91 92 01 01 92 00 00", "array length out of range");
	rejected("94 01 03 91 92 01 01 a1 61", "expected an array");
	rejected("95 01 03 91 92 01 01 c0 cd 02 00", "integer out of range");
	rejected("95 01 03 91 92 01 01 c0 c2", "expected an integer");
	rejected("96 01 03 91 92 01 01 c0 c0 ff", "integer out of range");
	rejected("97 01 03 91 92 01 01 c0 c0 c0 a3 61 00 62", "NUL in the title");
	rejected("97 01 03 91 92 01 01 c0 c0 c0 01", "expected a string");
	rejected("97 01 03 91 92 01 01 c0 c0 c0 c4 01 61", "expected a string");
	/* A title one byte over the limit. */
	uint8_t buf[1100];
	size_t n = from_hex("97 01 03 91 92 01 01 c0 c0 c0 da 04 01", buf, sizeof buf);
	memset(buf + n, 'x', TERM_MAX_TITLE + 1);
	const char *err = NULL;
	CHECK(decode_bytes(buf, n + TERM_MAX_TITLE + 1, &err) == NULL && strstr(err, "too long"));
	buf[n - 1] = 0x00; /* exactly the limit */
	term_diff *d = decode_bytes(buf, n + TERM_MAX_TITLE, &err);
	CHECK(d && strlen(d->title) == TERM_MAX_TITLE);
	term_diff_free(d);
	/* The clipboard: [seq, "SELECTIONS;BASE64"] or [] for none. */
	d = decode_hex("98 01 03 91 92 01 01 c0 c0 c0 c0 92 07 a9 63 3b 61 47 56 73 62 47 38",
		       &err);
	CHECKF(d && d->clip && d->clip->seq == 7 && strcmp(d->clip->text, "c;aGVsbG8") == 0,
	       "%s", err);
	term_diff_free(d);
	d = decode_hex("98 01 03 91 92 01 01 c0 c0 c0 c0 90", &err);
	CHECK(d && (d->changes & TERM_DIFF_CLIP) && d->clip == NULL);
	term_diff_free(d);
	rejected("98 01 03 91 92 01 01 c0 c0 c0 c0 91 07", "bad clipboard");
	rejected("98 01 03 91 92 01 01 c0 c0 c0 c0 92 00 a3 63 3b 61", "bad clipboard");
	rejected("98 01 03 91 92 01 01 c0 c0 c0 c0 92 01 a3 63 3b 21", "bad clipboard");
	rejected("98 01 03 91 92 01 01 c0 c0 c0 c0 92 01 a2 78 3b", "bad clipboard");
	rejected("98 01 03 91 92 01 01 c0 c0 c0 c0 92 01 a1 61", "bad clipboard");
	rejected("9a 01 03 91 92 01 01 c0 c0 c0 c0 c0 c0 c0", "array length out of range");
	/* The wrapped rows: a bitmap of at most a bit a row, none set past the last. */
	d = decode_hex("99 0a 03 91 92 01 0a c0 c0 c0 c0 c0 c4 02 05 02", &err);
	CHECKF(d && (d->changes & TERM_DIFF_WRAPS) && term_diff_wrapped(d->wraps, 0) &&
	       !term_diff_wrapped(d->wraps, 1) && term_diff_wrapped(d->wraps, 2) &&
	       term_diff_wrapped(d->wraps, 9) && !term_diff_wrapped(d->wraps, 8), "%s", err);
	term_diff_free(d);
	d = decode_hex("99 01 03 91 92 01 01 c0 c0 c0 c0 c0 c4 00", &err); /* none */
	CHECK(d && (d->changes & TERM_DIFF_WRAPS) && !term_diff_wrapped(d->wraps, 0));
	term_diff_free(d);
	rejected("99 01 03 91 92 01 01 c0 c0 c0 c0 c0 c4 01 02", "wrapped row beyond the screen");
	rejected("99 0a 03 91 92 01 0a c0 c0 c0 c0 c0 c4 02 00 04", "wrapped row beyond");
	rejected("99 01 03 91 92 01 01 c0 c0 c0 c0 c0 c4 02 01 00", "too long");
	rejected("99 01 03 91 92 01 01 c0 c0 c0 c0 c0 a1 01", "expected binary data");
}

/* The rows' wrapped flags travel by index: a scroll of wrapped rows sends them again,
 * a row shared with the base is copied before its flag changes, an unchanged set costs
 * nothing. */
static void test_wraps(void)
{
	term_snapshot *a = term_snapshot_new(3, 4);
	put_text(a, 0, 0, "abcd");
	put_text(a, 1, 0, "ef");
	term_row_writable(&a->lines[0])->wrapped = true;
	term_snapshot *b = term_snapshot_clone(a); /* scrolled up a line */
	for (unsigned r = 0; r < 2; r++) {
		term_row_unref(b->lines[r]);
		b->lines[r] = term_row_ref(a->lines[r + 1]);
	}
	term_row_unref(b->lines[2]);
	b->lines[2] = term_row_new(0);
	CHECK(!term_snapshot_equal(a, b));
	term_snapshot *c = term_snapshot_clone(a);
	term_row_writable(&c->lines[0])->wrapped = false; /* the cells alone are the same */
	CHECK(!term_snapshot_equal(a, c));
	term_snapshot *pairs[][2] = {{a, b}, {b, a}, {a, c}, {c, a}, {NULL, a}, {a, a}};
	for (unsigned i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		term_diff *d = term_diff_compute(pairs[i][0], pairs[i][1]);
		CHECK(!(d->changes & TERM_DIFF_WRAPS) == (i == 5));
		msgpack_sbuffer buf;
		encode_diff(d, &buf);
		const char *err = NULL;
		term_diff *back = decode_bytes((const uint8_t *)buf.data, buf.size, &err);
		CHECKF(back && term_diff_equal(d, back), "%u: %s", i, err);
		term_snapshot *s = term_diff_apply(pairs[i][0], back, &err);
		char why[128];
		term_snapshot_describe_difference(s, pairs[i][1], why, sizeof why);
		CHECKF(s && term_snapshot_equal(s, pairs[i][1]), "%u: %s", i, why);
		term_snapshot_unref(s);
		term_diff_free(back);
		term_diff_free(d);
		msgpack_sbuffer_destroy(&buf);
	}
	CHECK(a->lines[0]->wrapped && !c->lines[0]->wrapped); /* bases untouched */
	term_snapshot_unref(c);
	term_snapshot_unref(b);
	term_snapshot_unref(a);
}

static void applied_refused(const char *hex, const term_snapshot *base, const char *reason)
{
	const char *err = NULL;
	uint8_t buf[256];
	mp_reader r;
	mp_reader_init(&r, buf, from_hex(hex, buf, sizeof buf));
	term_snapshot *s = term_diff_read(base, &r, &err);
	CHECKF(s == NULL && err && strstr(err, reason) && !mp_finish(&r), "%s: got \"%s\"", hex,
	       s ? "success" : err);
}

static void test_beyond_the_base(void)
{
	term_snapshot *base = term_snapshot_new(2, 3);
	applied_refused("93 02 03 91 93 00 01 02", base, "beyond the base");
	applied_refused("93 01 03 91 93 03 02 92 00 a1 61", base, "beyond the base");
	applied_refused("93 02 03 91 93 00 01 02", NULL, "beyond the base");
	term_snapshot_unref(base);
}

/* The sync layer's path: a diff inside a larger message, written and read in place. */
static void test_embedded(void)
{
	term_snapshot *a = term_snapshot_new(4, 10), *b = term_snapshot_new(4, 10);
	put_text(b, 1, 2, "hi");
	term_snapshot_set_title(b, "t", 1);
	b->clip = term_clip_new(3, "pc;aGk=", 7);
	msgpack_sbuffer buf;
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
	msgpack_pack_array(&pk, 3);
	msgpack_pack_uint32(&pk, 42);
	term_diff_write(a, b, &pk);
	msgpack_pack_nil(&pk);
	mp_reader r;
	uint32_t n;
	uint64_t tag;
	const char *err = NULL;
	mp_reader_init(&r, buf.data, buf.size);
	CHECK(mp_read_array(&r, 3, 3, &n) && mp_read_uint(&r, 100, &tag) && tag == 42);
	term_snapshot *got = term_diff_read(a, &r, &err);
	CHECKF(got && term_snapshot_equal(got, b), "%s", err);
	CHECK(mp_read_nil(&r) && mp_finish(&r));
	term_snapshot_unref(got);
	msgpack_sbuffer_destroy(&buf);
	term_snapshot_unref(b);
	term_snapshot_unref(a);
}

/* Every proper prefix of a valid encoding fails; the whole decodes; one more byte is
 * trailing. */
static void check_truncations(const term_diff *d)
{
	msgpack_sbuffer buf;
	encode_diff(d, &buf);
	uint8_t *bytes = malloc(buf.size + 1);
	memcpy(bytes, buf.data, buf.size);
	const char *err;
	for (size_t len = 0; len < buf.size; len++) {
		term_diff *got = decode_bytes(bytes, len, &err);
		CHECKF(got == NULL, "a prefix of %zu of %zu bytes decoded", len, buf.size);
	}
	term_diff *whole = decode_bytes(bytes, buf.size, &err);
	CHECKF(whole && term_diff_equal(whole, d), "%s", whole ? "differs" : err);
	term_diff_free(whole);
	bytes[buf.size] = 0xc0;
	CHECK(decode_bytes(bytes, buf.size + 1, &err) == NULL && strstr(err, "trailing"));
	free(bytes);
	msgpack_sbuffer_destroy(&buf);
}

static void test_truncation(void)
{
	unsigned long first = test_seed(), cases = test_cases(200);
	for (unsigned long seed = first; seed < first + cases; seed++) {
		rng g;
		rng_seed(&g, seed);
		term_snapshot *a = random_screen(&g, 1 + rng_below(&g, 12), 1 + rng_below(&g, 40));
		term_snapshot *b = random_change(&g, a);
		term_diff *d = term_diff_compute(rng_below(&g, 3) ? a : NULL, b);
		check_truncations(d);
		term_diff_free(d);
		term_snapshot_unref(b);
		term_snapshot_unref(a);
	}
	printf("truncations of %lu encodings from seed %lu\n", cases, first);
}

int main(void)
{
	test_wraps();
	test_documented_cells();
	test_documented_link();
	test_documented_typing();
	test_hostile_structure();
	test_hostile_cells();
	test_hostile_patches();
	test_hostile_state();
	test_beyond_the_base();
	test_embedded();
	test_truncation();
	return 0;
}
