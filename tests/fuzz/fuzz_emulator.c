/*
 * Fuzz target: the emulator on arbitrary program output, cut into arbitrary writes, with
 * resizes and input events between them; then every snapshot invariant is checked.
 *
 * Input: two bytes of initial size, then commands. A command byte below 0xf0 writes the
 * next (byte % 64 + 1) bytes; 0xf0-0xf7 resizes to the next two bytes (so a resize may pull
 * packed lines back); 0xf8-0xfb sends a key from the next two bytes; 0xfc-0xff a mouse
 * event from the next three. At the end, every scrollback line packed again reads back
 * equal, and capture reads the whole history.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "term/capture.h"
#include "term/input.h"

#include "../check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void discard(const char *buf, size_t len, void *arg)
{
}

static void check_snapshot(const term_snapshot *snap)
{
	CHECK(snap->cursor.row < snap->rows && snap->cursor.col < snap->cols);
	CHECK((snap->modes & ~TERM_MODE_ALL) == 0);
	CHECK(snap->clip == NULL || term_clip_valid(snap->clip->text, snap->clip->len));
	for (unsigned r = 0; r < snap->rows; r++) {
		for (unsigned c = 0; c < snap->cols; c++) {
			term_cell cell = term_row_get(snap->lines[r], c);
			uint32_t chars[TERM_MAX_CHARS];
			CHECK(cell.width <= 2);
			CHECK(TERM_COLOUR_IS_VALID(cell.fg) && TERM_COLOUR_IS_VALID(cell.bg) &&
			      TERM_COLOUR_IS_VALID(cell.ul) && (cell.attrs & ~TERM_ATTR_ALL) == 0);
			CHECK(term_row_chars(snap->lines[r], c, chars) <= TERM_MAX_CHARS);
		}
	}
}

/* Each line the scrollback holds packs again into one that reads back equal. */
static void check_scrollback(const term_grid *g)
{
	term_scrollback again;
	term_sb_init(&again, g->sb.len);
	for (unsigned i = 0; i < g->sb.len; i++) {
		term_row *line = term_grid_scrollback_line(g, i);
		term_sb_push(&again, line, TERM_ROW_MAX_CELLS);
		term_row *back = term_sb_line(&again, i);
		CHECK(term_row_equal(line, back, TERM_ROW_MAX_CELLS));
		term_row_unref(back);
		term_row_unref(line);
	}
	term_sb_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	term_emulator *em = term_emulator_new(data[0] % 60 + 1, data[1] % 200 + 1, 50);
	term_emulator_set_output(em, discard, NULL);
	size_t i = 2;
	while (i < size) {
		uint8_t cmd = data[i++];
		size_t left = size - i;
		if (cmd < 0xf0) {
			size_t n = (size_t)(cmd % 64) + 1;
			n = n < left ? n : left;
			term_emulator_write(em, (const char *)data + i, n);
			i += n;
		} else if (cmd < 0xf8 && left >= 2) {
			term_emulator_resize(em, data[i] % 60 + 1, data[i + 1] % 200 + 1);
			i += 2;
		} else if (cmd < 0xfc && left >= 2) {
			term_key key = {.code = data[i] % 28, .mods = data[i + 1] & 7,
					.ch = data[i + 1] >> 3};
			term_input_key(em, &key);
			i += 2;
		} else if (left >= 3) {
			term_mouse m = {.action = data[i] % 3, .button = data[i] / 3 % 6,
					.mods = data[i] >> 5, .row = data[i + 1], .col = data[i + 2]};
			term_input_mouse(em, &m);
			i += 3;
		} else {
			break;
		}
	}
	term_snapshot *snap = term_emulator_snapshot(em);
	check_snapshot(snap);
	check_scrollback(term_emulator_main_grid(em));
	size_t len;
	free(term_capture(snap, term_emulator_main_grid(em), TERM_CAPTURE_ESCAPES, &len));
	term_snapshot_unref(snap);
	term_emulator_free(em);
	return 0;
}
