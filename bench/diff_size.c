/*
 * Screen diffs for the frames a terminal sends most: encoded bytes, and the time of
 * diff + encode + decode + apply, at 80x24 and 200x50.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../tests/random_screen.h"
#include "term/wire.h"

/* A screen of output: `seq` lines, or `ls -l` lines of about half the width. */
static term_snapshot *text_screen(unsigned rows, unsigned cols, unsigned first, bool seq)
{
	static const char *names[] = {"Makefile.am", "README.md", "configure.ac", "setup.sh",
				      "diff.c", "wire_cells.c", "snapshot.h", "row.c"};
	term_snapshot *s = term_snapshot_new(rows, cols);
	for (unsigned r = 0; r < rows; r++) {
		unsigned n = first + r;
		char line[512];
		if (seq)
			snprintf(line, sizeof line, "%u", n);
		else
			snprintf(line, sizeof line, "-rw-r--r-- 1 user user %5u Nov %2u %02u:%02u %s%u",
				 n * 7919 % 65536, 1 + n % 28, n % 24, n * 7 % 60, names[n % 8], n);
		line[cols / 2 < sizeof line ? cols / 2 : sizeof line - 1] = '\0';
		put_text(s, r, 0, line);
	}
	s->cursor.row = (uint16_t)(rows - 1);
	return s;
}

/* Every row full of words in 16, 256 and 24-bit colours, as a highlighting editor shows. */
static term_snapshot *coloured_screen(unsigned rows, unsigned cols)
{
	term_snapshot *s = term_snapshot_new(rows, cols);
	rng g;
	rng_seed(&g, 7);
	for (unsigned r = 0; r < rows; r++) {
		term_row *row = term_row_writable(&s->lines[r]);
		term_cell pen = term_cell_blank();
		for (unsigned c = 0; c < cols; c++) {
			if (rng_below(&g, 6) == 0) {
				unsigned k = rng_below(&g, 3);
				pen.fg = k == 0 ? TERM_COLOUR_PALETTE(rng_below(&g, 16))
				       : k == 1 ? TERM_COLOUR_PALETTE(rng_below(&g, 256))
						: TERM_COLOUR_RGB(rng_below(&g, 256), 128, 64);
				pen.attrs = rng_below(&g, 4) == 0 ? TERM_ATTR_BOLD : 0;
			}
			uint32_t ch = rng_below(&g, 6) == 0 ? ' ' : 'a' + rng_below(&g, 26);
			term_row_set(row, c, &pen, &ch, 1);
		}
	}
	return s;
}

/* The screen scrolled up by k lines with k new lines of output. */
static term_snapshot *scrolled(const term_snapshot *a, unsigned k, unsigned first, bool seq)
{
	term_snapshot *fresh = text_screen(a->rows, a->cols, first + k, seq);
	term_snapshot *b = term_snapshot_clone(fresh);
	for (unsigned r = 0; r + k < a->rows; r++) {
		term_row_unref(b->lines[r]);
		b->lines[r] = term_row_ref(a->lines[r + k]);
	}
	term_snapshot_unref(fresh);
	return b;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One frame through the whole path; returns the encoded size. */
static size_t frame(const term_snapshot *a, const term_snapshot *b, bool check)
{
	msgpack_sbuffer buf;
	msgpack_packer pk;
	msgpack_sbuffer_init(&buf);
	msgpack_packer_init(&pk, &buf, msgpack_sbuffer_write);
	term_diff_write(a, b, &pk);
	mp_reader r;
	const char *err = "";
	mp_reader_init(&r, buf.data, buf.size);
	term_snapshot *got = term_diff_read(a, &r, &err);
	if (got == NULL || !mp_finish(&r) || (check && !term_snapshot_equal(got, b))) {
		fprintf(stderr, "diff_size: frame does not round-trip: %s\n", err);
		exit(1);
	}
	term_snapshot_unref(got);
	size_t size = buf.size;
	msgpack_sbuffer_destroy(&buf);
	return size;
}

static void measure(const char *what, unsigned rows, unsigned cols, const term_snapshot *a,
		    const term_snapshot *b)
{
	size_t size = frame(a, b, true);
	unsigned n = 0;
	double start = now(), t;
	do {
		for (unsigned i = 0; i < 100; i++)
			frame(a, b, false);
		n += 100;
		t = now() - start;
	} while (t < 0.2);
	printf("%3ux%-3u %-36s %6zu bytes %9.1f us\n", cols, rows, what, size, t / n * 1e6);
}

static void bench_size(unsigned rows, unsigned cols)
{
	term_snapshot *a = text_screen(rows, cols, 1, false);
	term_snapshot *typed = term_snapshot_clone(a);
	put_text(typed, rows - 1, cols / 2, "x");
	typed->cursor.col = (uint16_t)(cols / 2 + 1);
	measure("one typed character", rows, cols, a, typed);

	term_snapshot *one = scrolled(a, 1, 1, false);
	measure("one line of ls -l scrolled", rows, cols, a, one);

	term_snapshot *seq = text_screen(rows, cols, 1, true);
	term_snapshot *half = scrolled(seq, rows / 2, 1, true);
	measure("seq: half a screenful scrolled", rows, cols, seq, half);
	term_snapshot *page = scrolled(seq, rows, 1, true);
	measure("seq: a screenful scrolled", rows, cols, seq, page);

	term_snapshot *colour = coloured_screen(rows, cols);
	measure("full screen of coloured text, from blank", rows, cols, NULL, colour);

	term_snapshot *blank = term_snapshot_new(rows, cols);
	blank->cursor = a->cursor;
	measure("clear screen", rows, cols, a, blank);

	term_snapshot_unref(blank);
	term_snapshot_unref(colour);
	term_snapshot_unref(page);
	term_snapshot_unref(half);
	term_snapshot_unref(seq);
	term_snapshot_unref(one);
	term_snapshot_unref(typed);
	term_snapshot_unref(a);
}

int main(void)
{
	printf("screen diff: encoded size, and diff + encode + decode + apply per frame\n");
	bench_size(24, 80);
	bench_size(50, 200);
	return 0;
}
