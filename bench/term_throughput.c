/*
 * Throughput of the pane model: MB/s of `seq`-style output and of coloured random text
 * (SGR 16/256/24-bit, CJK) through our emulator, beside libvterm's VTermScreen and
 * VTermState alone on the same input, at 80x24 and 200x50 (scrollback lines are packed
 * inside that time). Also: bytes per packed scrollback line, the cost of unpacking one,
 * and of a snapshot.
 * Usage: term_throughput [MEGABYTES]   (input size, default 8)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "term/emulator.h"
#include "util/xmalloc.h"

#define CHUNK 4096 /* a pty read */

struct input {
	const char *name;
	char *data;
	size_t len;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void append(struct input *in, size_t *cap, const char *s, size_t n)
{
	if (in->len + n > *cap) {
		*cap = (in->len + n) * 2;
		in->data = xreallocarray(in->data, *cap, 1);
	}
	memcpy(in->data + in->len, s, n);
	in->len += n;
}

/* `seq 1 N` as a pty delivers it: CR LF line ends. */
static struct input make_seq(size_t size)
{
	struct input in = {"seq", NULL, 0};
	size_t cap = 0;
	char line[32];
	for (unsigned i = 1; in.len < size; i++) {
		int n = snprintf(line, sizeof line, "%u\r\n", i);
		append(&in, &cap, line, (size_t)n);
	}
	return in;
}

static uint64_t rng = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Lines of 20-79 columns: runs of ASCII and CJK, each run in a random SGR colour. */
static struct input make_colour(size_t size)
{
	struct input in = {"colour", NULL, 0};
	size_t cap = 0;
	char buf[64];
	while (in.len < size) {
		unsigned width = 20 + rnd(60), col = 0;
		while (col < width) {
			int n;
			switch (rnd(3)) {
			case 0: n = snprintf(buf, sizeof buf, "\033[%u;%um", 30 + rnd(8), 40 + rnd(8)); break;
			case 1: n = snprintf(buf, sizeof buf, "\033[38;5;%um", rnd(256)); break;
			default: n = snprintf(buf, sizeof buf, "\033[1;38;2;%u;%u;%um", rnd(256), rnd(256), rnd(256)); break;
			}
			append(&in, &cap, buf, (size_t)n);
			for (unsigned k = 1 + rnd(8); k > 0 && col < width; k--) {
				if (rnd(4) == 0 && col + 2 <= width) {
					unsigned cp = 0x4e00 + rnd(0x5000);
					char u[3] = {(char)(0xe0 | cp >> 12), (char)(0x80 | ((cp >> 6) & 0x3f)),
						     (char)(0x80 | (cp & 0x3f))};
					append(&in, &cap, u, 3);
					col += 2;
				} else {
					char c = (char)('!' + rnd(94));
					append(&in, &cap, &c, 1);
					col++;
				}
			}
		}
		append(&in, &cap, "\033[0m\r\n", 6);
	}
	return in;
}

static double mbps(size_t len, double secs)
{
	return (double)len / (1024.0 * 1024.0) / secs;
}

/* MB/s of feeding the input in pty-read-sized pieces to write(). */
static double feed(const struct input *in, void (*write)(void *, const char *, size_t), void *ctx)
{
	double t = now();
	for (size_t off = 0; off < in->len; off += CHUNK)
		write(ctx, in->data + off, in->len - off < CHUNK ? in->len - off : CHUNK);
	return mbps(in->len, now() - t);
}

static void write_ours(void *em, const char *buf, size_t len)
{
	term_emulator_write(em, buf, len);
}

static void write_vterm(void *vt, const char *buf, size_t len)
{
	vterm_input_write(vt, buf, len);
}

static double run_ours(const struct input *in, int rows, int cols)
{
	term_emulator *em = term_emulator_new((unsigned)rows, (unsigned)cols, TERM_SCROLLBACK_DEFAULT);
	double speed = feed(in, write_ours, em);
	term_emulator_free(em);
	return speed;
}

/* libvterm's own screen, or its state machine alone (no callbacks: the parsing floor). */
static double run_vterm(const struct input *in, int rows, int cols, int screen)
{
	VTerm *vt = vterm_new(rows, cols);
	vterm_set_utf8(vt, 1);
	if (screen) {
		VTermScreen *s = vterm_obtain_screen(vt);
		vterm_screen_enable_altscreen(s, 1);
		vterm_screen_reset(s, 1);
	} else {
		vterm_state_reset(vterm_obtain_state(vt), 1);
	}
	double speed = feed(in, write_vterm, vt);
	vterm_free(vt);
	return speed;
}

/* Bytes the scrollback holds per line, full of the given input's lines (packed as they
 * left the screen, inside the write figures above), and the microseconds unpacking a line
 * takes (capture's history, a resize taking lines back). */
static void scrollback_figures(const struct input *in, int cols)
{
	term_emulator *em = term_emulator_new(24, (unsigned)cols, TERM_SCROLLBACK_DEFAULT);
	term_emulator_write(em, in->data, in->len);
	const term_grid *g = term_emulator_main_grid(em);
	double packed = (double)term_grid_scrollback_memory(g) / g->sb.len;
	double t = now();
	for (unsigned i = 0; i < g->sb.len; i++)
		term_row_unref(term_grid_scrollback_line(g, i));
	double unpack = (now() - t) / g->sb.len * 1e6;
	printf("%-7s %10.0f %10.2f\n", in->name, packed, unpack);
	term_emulator_free(em);
}

static double snapshot_us(int rows, int cols)
{
	term_emulator *em = term_emulator_new((unsigned)rows, (unsigned)cols, 0);
	int n = 100000;
	double t = now();
	for (int i = 0; i < n; i++) {
		term_emulator_write(em, "x", 1); /* one changed row per snapshot */
		term_snapshot_unref(term_emulator_snapshot(em));
	}
	t = now() - t;
	term_emulator_free(em);
	return t / n * 1e6;
}

int main(int argc, char **argv)
{
	size_t size = (size_t)((argc > 1 ? atof(argv[1]) : 8.0) * 1024 * 1024);
	struct input inputs[] = {make_seq(size), make_colour(size)};
	static const int sizes[][2] = {{24, 80}, {50, 200}};
	printf("%-7s %-7s %10s %14s %14s\n", "input", "size", "ours MB/s", "VTermScreen", "VTermState");
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
			int rows = sizes[k][0], cols = sizes[k][1];
			char sz[16];
			snprintf(sz, sizeof sz, "%dx%d", cols, rows);
			printf("%-7s %-7s %10.1f %14.1f %14.1f\n", inputs[i].name, sz,
			       run_ours(&inputs[i], rows, cols), run_vterm(&inputs[i], rows, cols, 1),
			       run_vterm(&inputs[i], rows, cols, 0));
			fflush(stdout);
		}
	}
	/* 80-column text lines for the scrollback figure, besides seq's short ones. */
	struct input text = {"text", NULL, 0};
	size_t cap = 0;
	for (int line = 0; line < 20000; line++) {
		for (int c = 0; c < 80; c++) {
			char ch = (char)('!' + rnd(94));
			append(&text, &cap, &ch, 1);
		}
		append(&text, &cap, "\r\n", 2);
	}
	printf("\nscrollback, 80 columns: bytes per line packed; us to unpack a line\n");
	scrollback_figures(&inputs[0], 80);
	scrollback_figures(&text, 80);
	scrollback_figures(&inputs[1], 80);
	printf("snapshot: %.2f us at 80x24, %.2f us at 200x50\n", snapshot_us(24, 80),
	       snapshot_us(50, 200));
	free(text.data);
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
		free(inputs[i].data);
	return 0;
}
