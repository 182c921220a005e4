/*
 * Screen diffs: apply(a, diff(a, b)) == b for random screens and changes, through the wire
 * form too, and the diff's shape and size for the frames a terminal sends most.
 */
#include <stdio.h>

#include "random_screen.h"
#include "term/emulator.h"
#include "term/wire.h"
#include "util/xmalloc.h"

#include "check.h"

static void check_same(const term_snapshot *got, const term_snapshot *want, const char *what,
		       unsigned long seed, unsigned step)
{
	char why[512] = "apply refused the diff";
	if (got)
		term_snapshot_describe_difference(got, want, why, sizeof why);
	CHECKF(got && why[0] == '\0', "seed %lu step %u (%s): %s", seed, step, what, why);
}

/* Sends b to a receiver holding its own copy of a: diff, apply, and the same through the
 * wire. Returns the receiver's new copy. */
static term_snapshot *send_screen(const term_snapshot *a, const term_snapshot *receiver,
			   const term_snapshot *b, unsigned long seed, unsigned step)
{
	const char *err = NULL;
	term_diff *d = term_diff_compute(a, b);
	term_snapshot *direct = term_diff_apply(a, d, &err);
	check_same(direct, b, "apply", seed, step);
	term_snapshot_unref(direct);

	msgpack_sbuffer buf;
	encode_diff(d, &buf);
	mp_reader r;
	mp_reader_init(&r, buf.data, buf.size);
	term_diff *back = term_diff_decode(&r, &err);
	CHECKF(back && mp_finish(&r), "seed %lu step %u: decode: %s", seed, step,
	       back ? r.error : err);
	CHECKF(term_diff_equal(d, back), "seed %lu step %u: decoded diff differs", seed, step);
	term_snapshot *got = term_diff_apply(receiver, back, &err);
	check_same(got, b, "through the wire", seed, step);
	msgpack_sbuffer_destroy(&buf);
	term_diff_free(back);
	term_diff_free(d);
	return got;
}

/* Sends b, which becomes the sender's screen; the receiver's copy moves on with it. */
static void advance(term_snapshot **a, term_snapshot **receiver, term_snapshot *b,
		    unsigned long seed, unsigned step)
{
	term_snapshot *next = send_screen(*a, *receiver, b, seed, step);
	term_snapshot_unref(*a);
	term_snapshot_unref(*receiver);
	*a = b;
	*receiver = next;
}

static void test_random(void)
{
	unsigned long first = test_seed(), cases = test_cases(2000);
	for (unsigned long seed = first; seed < first + cases; seed++) {
		rng g;
		rng_seed(&g, seed);
		bool terminal = rng_below(&g, 4) == 0;
		term_snapshot *a = terminal ? random_screen(&g, 24, 80)
					    : random_screen(&g, 1 + rng_below(&g, 30),
							    1 + rng_below(&g, 100));
		term_snapshot *receiver = send_screen(NULL, NULL, a, seed, 0);
		for (unsigned step = 1; step <= 4; step++) {
			advance(&a, &receiver, random_change(&g, a), seed, step);
		}
		term_snapshot_unref(a);
		term_snapshot_unref(receiver);
	}
	printf("%lu random screen sequences from seed %lu\n", cases, first);
}

static size_t encoded_size(const term_snapshot *a, const term_snapshot *b)
{
	msgpack_sbuffer buf;
	term_diff *d = term_diff_compute(a, b);
	encode_diff(d, &buf);
	size_t n = buf.size;
	msgpack_sbuffer_destroy(&buf);
	term_diff_free(d);
	return n;
}

/* An 80x24 screen of `seq` output: "first", "first+1", ... */
static term_snapshot *seq_screen(unsigned first)
{
	term_snapshot *s = term_snapshot_new(24, 80);
	for (unsigned r = 0; r < 24; r++) {
		char line[16];
		snprintf(line, sizeof line, "%u", first + r);
		put_text(s, r, 0, line);
	}
	return s;
}

/* The screen scrolled up by k lines, as the grid does it: rows move, k new ones. */
static term_snapshot *scrolled(const term_snapshot *a, unsigned k, unsigned first)
{
	term_snapshot *b = term_snapshot_new(a->rows, a->cols);
	for (unsigned r = 0; r + k < a->rows; r++) {
		term_row_unref(b->lines[r]);
		b->lines[r] = term_row_ref(a->lines[r + k]);
	}
	for (unsigned r = a->rows - k; r < a->rows; r++) {
		char line[16];
		snprintf(line, sizeof line, "%u", first + r + k);
		put_text(b, r, 0, line);
	}
	return b;
}

static void test_scroll(void)
{
	term_snapshot *a = seq_screen(1000);
	size_t full = encoded_size(NULL, a), by_one = 0;
	for (unsigned k = 1; k < 24; k++) {
		term_snapshot *b = scrolled(a, k, 1000);
		term_diff *d = term_diff_compute(a, b);
		CHECKF(d->nops == 1 + k, "scroll %u: %u ops", k, d->nops);
		CHECK(d->ops[0].kind == TERM_DIFF_COPY && d->ops[0].src == k &&
		      d->ops[0].count == 24 - k);
		for (unsigned i = 1; i <= k; i++)
			CHECK(d->ops[i].kind == TERM_DIFF_LITERAL);
		size_t size = encoded_size(a, b);
		if (k == 1)
			by_one = size;
		/* a copy run, then k rows of 4 digits at about 7 bytes each */
		CHECKF(size <= 12 + 8 * k, "scroll %u: %zu bytes", k, size);
		CHECKF(size < full && (k > 4 || size * 4 < full), "scroll %u: %zu bytes, full %zu", k,
		       size, full);
		const char *err;
		term_snapshot *got = term_diff_apply(a, d, &err);
		for (unsigned r = 0; r + k < 24; r++)
			CHECK(got->lines[r] == a->lines[r + k]); /* shared, not copied */
		term_snapshot_unref(got);
		term_diff_free(d);
		term_snapshot_unref(b);
	}
	printf("80x24 of seq: full screen %zu bytes, scrolled by one line %zu bytes\n", full,
	       by_one);
	term_snapshot_unref(a);
}

/* Rows 1..22 scroll, the top and the status line stay (an editor's scroll region). */
static void test_scroll_region(void)
{
	term_snapshot *a = seq_screen(1);
	term_snapshot *b = term_snapshot_clone(a);
	term_row *gone = b->lines[1];
	memmove(&b->lines[1], &b->lines[2], 21 * sizeof *b->lines);
	b->lines[22] = term_row_new(0);
	term_row_unref(gone);
	put_text(b, 22, 0, "new");
	term_diff *d = term_diff_compute(a, b);
	CHECKF(d->nops == 4, "%u ops", d->nops);
	CHECK(d->ops[0].kind == TERM_DIFF_COPY && d->ops[0].src == 0 && d->ops[0].count == 1);
	CHECK(d->ops[1].kind == TERM_DIFF_COPY && d->ops[1].src == 2 && d->ops[1].count == 21);
	CHECK(d->ops[2].kind == TERM_DIFF_PATCH || d->ops[2].kind == TERM_DIFF_LITERAL);
	CHECK(d->ops[3].kind == TERM_DIFF_COPY && d->ops[3].src == 23 && d->ops[3].count == 1);
	term_diff_free(d);
	/* Equal content without shared rows is found by hash. */
	term_snapshot *c = seq_screen(3);
	d = term_diff_compute(a, c);
	CHECKF(d->nops == 3 && d->ops[0].kind == TERM_DIFF_COPY && d->ops[0].src == 2 &&
	       d->ops[0].count == 22, "%u ops", d->nops);
	term_diff_free(d);
	term_snapshot_unref(c);
	term_snapshot_unref(b);
	term_snapshot_unref(a);
}

static void test_typing(void)
{
	term_snapshot *a = seq_screen(1);
	put_text(a, 23, 0, "user@host:~/src$ ls");
	a->cursor.col = 19;
	term_snapshot *b = term_snapshot_clone(a);
	put_text(b, 23, 19, "x");
	b->cursor.col = 20;
	term_diff *d = term_diff_compute(a, b);
	CHECK(d->nops == 2 && d->ops[1].kind == TERM_DIFF_PATCH && d->ops[1].nspans == 1);
	CHECK(d->ops[1].spans[0].col == 19 && d->ops[1].spans[0].len == 1);
	CHECK(d->changes == TERM_DIFF_CURSOR);
	size_t size = encoded_size(a, b);
	CHECKF(size <= 32, "one typed character: %zu bytes", size);
	printf("one typed character: %zu bytes\n", size);
	term_diff_free(d);
	term_snapshot_unref(b);
	term_snapshot_unref(a);
}

/* A blank row stays the old screen's row where that was blank too: the client's render
 * takes a kept row for one it need not draw again (a new blank row each frame had it
 * draw every blank row of the screen at every keystroke). */
static void test_blank_rows_kept(void)
{
	term_snapshot *a = term_snapshot_new(24, 80);
	put_text(a, 0, 0, "$ ");
	term_snapshot *b = term_snapshot_clone(a);
	put_text(b, 0, 2, "x");
	term_diff *d = term_diff_compute(a, b);
	const char *err = NULL;
	term_snapshot *c = term_diff_apply(a, d, &err);
	CHECK(c != NULL);
	for (unsigned y = 1; y < 24; y++)
		CHECKF(c->lines[y] == a->lines[y], "row %u made anew", y);
	CHECK(term_row_equal(c->lines[0], b->lines[0], 80));
	term_snapshot_unref(c);
	term_diff_free(d);
	/* Onto a screen with text where the new one is blank: a blank row, not the old. */
	term_snapshot *e = term_snapshot_new(24, 80);
	d = term_diff_compute(b, e);
	c = term_diff_apply(b, d, &err);
	CHECK(c != NULL && term_row_used(c->lines[0]) == 0 && c->lines[0] != b->lines[0]);
	term_snapshot_unref(c);
	term_diff_free(d);
	term_snapshot_unref(e);
	term_snapshot_unref(b);
	term_snapshot_unref(a);
}

static void test_clear_and_resize(void)
{
	term_snapshot *a = seq_screen(1);
	term_snapshot *blank = term_snapshot_new(24, 80);
	term_diff *d = term_diff_compute(a, blank);
	CHECK(d->nops == 1 && d->ops[0].kind == TERM_DIFF_BLANK && d->ops[0].count == 24);
	term_diff_free(d);
	CHECKF(encoded_size(a, blank) <= 8, "clear: %zu bytes", encoded_size(a, blank));
	CHECKF(encoded_size(a, a) <= 8, "nothing: %zu bytes", encoded_size(a, a));

	/* Wider and taller: the rows stay, blank rows below. */
	term_snapshot *b = term_snapshot_new(30, 100);
	for (unsigned r = 0; r < 24; r++) {
		term_row_unref(b->lines[r]);
		b->lines[r] = term_row_ref(a->lines[r]);
	}
	d = term_diff_compute(a, b);
	CHECKF(d->nops == 2 && d->ops[0].kind == TERM_DIFF_COPY && d->ops[0].count == 24 &&
	       d->ops[1].kind == TERM_DIFF_BLANK, "%u ops", d->nops);
	term_diff_free(d);

	/* A row hiding cells past the old width shows them when the screen widens: the old
	 * row alone cannot make it, since the receiver's copy never had those cells. */
	term_snapshot *narrow = term_snapshot_clone(a);
	narrow->cols = 3;
	put_text(narrow, 0, 0, "abcdef");
	term_snapshot *wide = term_snapshot_clone(narrow);
	wide->cols = 80;
	d = term_diff_compute(narrow, wide);
	CHECK(d->ops[0].kind != TERM_DIFF_COPY);
	term_diff_free(d);
	term_snapshot *receiver = term_snapshot_new(24, 3);
	d = term_diff_compute(receiver, narrow);
	const char *err;
	term_snapshot *got = term_diff_apply(receiver, d, &err);
	term_diff_free(d);
	d = term_diff_compute(narrow, wide);
	term_snapshot *got_wide = term_diff_apply(got, d, &err);
	check_same(got_wide, wide, "widen", 0, 0);
	term_snapshot_unref(got_wide);
	term_snapshot_unref(got);
	term_snapshot_unref(receiver);
	term_diff_free(d);
	term_snapshot_unref(wide);
	term_snapshot_unref(narrow);
	term_snapshot_unref(b);
	term_snapshot_unref(blank);
	term_snapshot_unref(a);
}

static term_diff *one_op_diff(uint8_t kind, unsigned src, unsigned count)
{
	term_diff *d = xcalloc(1, sizeof *d);
	d->rows = (uint16_t)count;
	d->cols = 10;
	d->nops = 1;
	d->ops = xcalloc(1, sizeof *d->ops);
	d->ops[0] = (term_diff_op){.kind = kind, .src = (uint16_t)src, .count = (uint16_t)count};
	return d;
}

static void refused(const term_snapshot *base, term_diff *d, const char *reason)
{
	const char *err = NULL;
	term_snapshot *s = term_diff_apply(base, d, &err);
	CHECKF(s == NULL && err && strstr(err, reason), "wanted \"%s\", got \"%s\"", reason,
	       s ? "success" : err);
	term_diff_free(d);
}

static void test_apply_refuses(void)
{
	term_snapshot *base = term_snapshot_new(5, 10);
	refused(base, one_op_diff(TERM_DIFF_COPY, 3, 3), "beyond the base");
	refused(NULL, one_op_diff(TERM_DIFF_COPY, 1, 5), "beyond the base");
	refused(base, one_op_diff(TERM_DIFF_COPY, 0, 0), "empty");
	refused(base, one_op_diff(9, 0, 1), "unknown");
	term_diff *d = one_op_diff(TERM_DIFF_BLANK, 0, 3);
	d->rows = 4;
	refused(base, d, "do not cover");
	d = one_op_diff(TERM_DIFF_BLANK, 0, 3);
	d->rows = d->ops[0].count = TERM_MAX_ROWS + 1;
	refused(NULL, d, "too large");
	d = one_op_diff(TERM_DIFF_PATCH, 5, 1);
	d->ops[0].row = term_row_new(0);
	refused(base, d, "beyond the base");
	d = one_op_diff(TERM_DIFF_PATCH, 0, 1);
	d->ops[0].row = term_row_new(0);
	d->ops[0].nspans = 2;
	d->ops[0].spans = xcalloc(2, sizeof *d->ops[0].spans);
	d->ops[0].spans[0] = (term_diff_span){2, 3};
	d->ops[0].spans[1] = (term_diff_span){4, 1};
	refused(base, d, "bad span");
	d = one_op_diff(TERM_DIFF_BLANK, 0, 1);
	d->changes = TERM_DIFF_CURSOR;
	d->cursor.row = 1;
	refused(base, d, "cursor");
	d = one_op_diff(TERM_DIFF_BLANK, 0, 1);
	base->cursor.row = 4; /* fine on the base, outside the new one-row screen */
	refused(base, d, "cursor");
	term_snapshot_unref(base);
}

/* Pieces of terminal output: text of every width, SGR, motion, erasing, scroll regions,
 * insertions, the alternate screen, title, bell, modes. %u takes a small random number. */
static const char *pieces[] = {
	"hello world", "\r\n", "\n", "\b", "\t", "x", "  ", "漢字かな", "e\xcc\x81\xcc\x88",
	"\xf0\x9f\x98\x80!", "\033[%um", "\033[1;3%um", "\033[38;5;%um", "\033[48;2;%u;9;9m",
	"\033[0m", "\033[%u;%uH", "\033[%uA", "\033[%uC", "\033[K", "\033[%uJ", "\033[%uX",
	"\033[%u;%ur", "\033[r", "\033[%uS", "\033[%uT", "\033[%uL", "\033[%uM", "\033[%u@",
	"\033[%uP", "\033[?1049h", "\033[?1049l", "\033]2;title %u\007", "\007", "\033[?1h",
	"\033[?2004h", "\033[?1000h", "\033[?25l", "\033[?25h", "\033[%u q", "\033M",
};

static void write_random(rng *g, term_emulator *em, unsigned n)
{
	for (; n > 0; n--) {
		char buf[64];
		unsigned k = rng_below(g, sizeof pieces / sizeof *pieces);
		int len = snprintf(buf, sizeof buf, pieces[k], 1 + rng_below(g, 30),
				   1 + rng_below(g, 30));
		term_emulator_write(em, buf, (size_t)len);
	}
}

/* Screens the real emulator makes, sent through the wire after every burst of output. */
static void test_emulator_screens(void)
{
	unsigned long first = test_seed(), cases = test_cases(2000) / 4;
	for (unsigned long seed = first; seed < first + cases; seed++) {
		rng g;
		rng_seed(&g, seed);
		term_emulator *em = term_emulator_new(1 + rng_below(&g, 30), 1 + rng_below(&g, 90), 50);
		term_snapshot *a = term_emulator_snapshot(em);
		term_snapshot *receiver = send_screen(NULL, NULL, a, seed, 0);
		for (unsigned step = 1; step <= 6; step++) {
			if (rng_below(&g, 6) == 0)
				term_emulator_resize(em, 1 + rng_below(&g, 30), 1 + rng_below(&g, 90));
			write_random(&g, em, 1 + rng_below(&g, 40));
			advance(&a, &receiver, term_emulator_snapshot(em), seed, step);
		}
		term_snapshot_unref(a);
		term_snapshot_unref(receiver);
		term_emulator_free(em);
	}
	printf("%lu emulator sequences from seed %lu\n", cases, first);
}

static void write_lines(term_emulator *em, unsigned from, unsigned n)
{
	for (unsigned i = from; i < from + n; i++) {
		char line[32];
		int len = snprintf(line, sizeof line, "%u\r\n", i);
		term_emulator_write(em, line, (size_t)len);
	}
}

/* `seq` through the emulator: k more lines cost one copy run and about k rows. */
static void test_emulator_seq(unsigned rows, unsigned cols)
{
	term_emulator *em = term_emulator_new(rows, cols, 100);
	write_lines(em, 1, 2 * rows);
	term_snapshot *a = term_emulator_snapshot(em);
	for (unsigned k = 1; k < rows; k++) {
		write_lines(em, 1000 + k * 100, k);
		term_snapshot *b = term_emulator_snapshot(em);
		term_diff *d = term_diff_compute(a, b);
		/* The rows still shown, the k new ones, the cursor's blank row. */
		CHECKF(k + 1 == rows || (d->ops[0].kind == TERM_DIFF_COPY &&
					 d->ops[0].count == rows - k - 1 && d->nops == k + 2),
		       "%ux%u, %u lines: %u ops", cols, rows, k, d->nops);
		term_diff_free(d);
		size_t size = encoded_size(a, b);
		CHECKF(size <= 16 + 8 * k, "%ux%u, %u lines: %zu bytes", cols, rows, k, size);
		term_snapshot_unref(a);
		a = b;
	}
	term_snapshot_unref(a);
	term_emulator_free(em);
}

int main(void)
{
	test_emulator_seq(24, 80);
	test_emulator_seq(50, 200);
	test_emulator_screens();
	test_scroll();
	test_scroll_region();
	test_typing();
	test_blank_rows_kept();
	test_clear_and_resize();
	test_apply_refuses();
	test_random();
	return 0;
}
