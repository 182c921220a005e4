/* The emulator: libvterm's state machine writing into our grids. */
#include "emulator.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/utf8.h"
#include "../util/xmalloc.h"
#include "link.h"
#include "sgr.h"
#include "vterm_guard.h"

struct term_emulator {
	VTerm *vt;
	VTermState *state;
	term_vterm_guard guard;
	term_grid *main, *alt;
	term_grid *grid; /* the one on show: main or alt */
	term_cell pen;   /* colours and attributes new characters get (SGR: sgr.h) */
	/* What a cursor save keeps beyond libvterm's own (vterm_guard.h): the pen and the
	 * charsets designated to G0-G3 (their final bytes, 'B' for ASCII). */
	term_cell saved_pen;
	term_cursor saved_cursor; /* its position, moved with its line on a resize */
	char charsets[4], saved_charsets[4];
	unsigned char gl, saved_gl; /* which of G0-G3 is shifted into GL (SO, SI, LS2, LS3) */
	bool lr_margins; /* DECLRMM: CSI s sets margins rather than saving the cursor */
	term_cursor cursor;
	uint32_t modes;
	uint32_t bells;
	char *title;
	char *rename; /* the last ESC k NAME not yet taken, or NULL */
	term_clip *clip; /* OSC 52: the clipboard set last, or NULL */
	term_clip_check *clip_allowed;
	void *clip_arg;
	uint64_t changes;
	/* The last character printed, for REP (the guard hands it to us): its code points,
	 * encoded only when repeated (this runs for every character of a flood). */
	uint32_t last_glyph[TERM_MAX_CHARS]; /* as many as libvterm gives a cell */
	unsigned last_n;
	term_output_fn *out;
	void *out_arg;
	/* A wrap to watch for (libvterm 0.1.4 keeps no line flag we can read): the last
	 * glyph reached the right edge of wrap_row at wrap_col; the next glyph at column 0 of
	 * the row below, with no cursor move between but this glyph's phantom, is the text
	 * wrapping, and marks wrap_row's row wrapped (term_row.wrapped). */
	bool wrap_armed;
	int wrap_row, wrap_col;
	/* While probing modes, output is caught here instead of going to the program. */
	bool probing;
	size_t probe_len;
	char probe[8];
};

term_colour term_colour_from_vterm(const VTermColor *colour)
{
	if (colour->type & VTERM_COLOR_DEFAULT_MASK)
		return TERM_COLOUR_DEFAULT;
	if (VTERM_COLOR_IS_INDEXED(colour))
		return TERM_COLOUR_PALETTE(colour->indexed.idx);
	return TERM_COLOUR_RGB(colour->rgb.red, colour->rgb.green, colour->rgb.blue);
}

static bool on_screen(const term_emulator *em, int row, int col)
{
	return row >= 0 && col >= 0 && (unsigned)row < em->grid->rows &&
	       (unsigned)col < em->grid->cols;
}

_Static_assert(TERM_MAX_CHARS == VTERM_MAX_CHARS_PER_CELL, "a cell holds what libvterm gives");

static int on_putglyph(VTermGlyphInfo *info, VTermPos pos, void *user)
{
	term_emulator *em = user;
	if (!on_screen(em, pos.row, pos.col))
		return 1;
	unsigned n = 0;
	/* libvterm prints C1 controls that came in UTF-8 (U+0085...): a cell never holds a
	 * control, which capture and the client's terminal would act on. The characters go
	 * straight to where REP finds them. */
	uint32_t *chars = em->last_glyph;
	while (n < TERM_MAX_CHARS && info->chars[n] != 0) {
		chars[n] = utf8_is_control(info->chars[n]) ? 0xfffd : info->chars[n];
		n++;
	}
	em->last_n = n;
	if (em->wrap_armed && pos.col == 0 && pos.row == em->wrap_row + 1)
		term_grid_writable(em->grid, (unsigned)em->wrap_row)->wrapped = true;
	/* A wide character that does not fit in the last column wraps too. */
	em->wrap_armed = (unsigned)pos.col + (info->width == 2 ? 2 : 1) + 1 >= em->grid->cols;
	em->wrap_row = pos.row;
	em->wrap_col = pos.col;
	/* As in VTermScreen, overwriting half of a wide character leaves the other half as
	 * it was; readers show such a half as blank (capture.h). */
	term_row *row = term_grid_writable(em->grid, (unsigned)pos.row);
	term_cell cell = em->pen;
	cell.width = info->width == 2 ? 2 : 1;
	term_row_set(row, (unsigned)pos.col, &cell, chars, n);
	if (cell.width == 2 && (unsigned)pos.col + 1 < em->grid->cols) {
		cell.width = 0;
		term_row_set(row, (unsigned)pos.col + 1, &cell, NULL, 0);
	}
	em->changes++;
	return 1;
}

static int on_movecursor(VTermPos pos, VTermPos oldpos, int visible, void *user)
{
	term_emulator *em = user;
	/* Any move but to the glyph's own phantom place (where text ends at the edge) means
	 * what follows is not a wrap. */
	if (pos.row != em->wrap_row || pos.col < em->wrap_col)
		em->wrap_armed = false;
	em->cursor.row = (uint16_t)(pos.row > 0 ? pos.row : 0);
	em->cursor.col = (uint16_t)(pos.col > 0 ? pos.col : 0);
	em->changes++;
	return 1;
}

static int on_erase(VTermRect rect, int selective, void *user)
{
	term_emulator *em = user;
	for (int r = rect.start_row; r < rect.end_row; r++) {
		if (on_screen(em, r, 0))
			term_grid_erase(em->grid, (unsigned)r, (unsigned)rect.start_col,
					(unsigned)rect.end_col, em->pen.bg);
	}
	em->changes++;
	return 1;
}

/* Copies one row's cells [from, from + n) out, so that overlapping moves are safe. */
static void copy_cells(const term_row *row, unsigned from, unsigned n, term_cell *cells,
		       uint32_t (*chars)[TERM_MAX_CHARS], unsigned *nchars)
{
	for (unsigned i = 0; i < n; i++) {
		cells[i] = term_row_get(row, from + i);
		nchars[i] = term_row_chars(row, from + i, chars[i]);
	}
}

static int on_moverect(VTermRect dest, VTermRect src, void *user)
{
	term_emulator *em = user;
	if (!on_screen(em, dest.start_row, dest.start_col) ||
	    !on_screen(em, src.start_row, src.start_col) || dest.end_col <= dest.start_col)
		return 1;
	unsigned n = (unsigned)(dest.end_col - dest.start_col);
	term_cell *cells = xcalloc(n, sizeof *cells);
	uint32_t(*chars)[TERM_MAX_CHARS] = xcalloc(n, sizeof *chars);
	unsigned *nchars = xcalloc(n, sizeof *nchars);
	int height = dest.end_row - dest.start_row;
	bool upward = dest.start_row < src.start_row;
	for (int i = 0; i < height; i++) {
		int k = upward ? i : height - 1 - i;
		unsigned from = (unsigned)(src.start_row + k), to = (unsigned)(dest.start_row + k);
		copy_cells(term_grid_row(em->grid, from), (unsigned)src.start_col, n, cells, chars,
			   nchars);
		term_row *row = term_grid_writable(em->grid, to);
		for (unsigned c = 0; c < n; c++)
			term_row_set(row, (unsigned)dest.start_col + c, &cells[c], chars[c],
				     nchars[c]);
	}
	free(cells);
	free(chars);
	free(nchars);
	em->changes++;
	return 1;
}

static int on_scrollrect(VTermRect rect, int downward, int rightward, void *user)
{
	term_emulator *em = user;
	if (rightward == 0 && rect.start_col == 0 && (unsigned)rect.end_col >= em->grid->cols) {
		/* The edge's row moves with its lines: a linefeed at the bottom scrolls them
		 * before the wrapped text lands. */
		if (em->wrap_armed && em->wrap_row >= rect.start_row && em->wrap_row < rect.end_row)
			em->wrap_row -= downward;
		if (em->wrap_row < rect.start_row)
			em->wrap_armed = false;
		/* Whole lines: the grid moves row pointers (or just turns its ring). */
		term_grid_scroll(em->grid, (unsigned)rect.start_row, (unsigned)rect.end_row,
				 downward, em->pen.bg);
	} else {
		vterm_scroll_rect(rect, downward, rightward, on_moverect, on_erase, em);
	}
	em->changes++;
	return 1;
}

static int on_initpen(void *user)
{
	term_emulator *em = user;
	em->pen = term_cell_blank();
	return 1;
}

/* SGR, which the guard keeps from libvterm (vterm_guard.h): read by us (sgr.h). */
static void on_sgr(void *arg, const char *params, size_t len)
{
	term_emulator *em = arg;
	term_sgr_apply(&em->pen, params, len);
}

static void save_cursor(term_emulator *em)
{
	em->saved_cursor = em->cursor;
	em->saved_pen = em->pen;
	memcpy(em->saved_charsets, em->charsets, sizeof em->charsets);
	em->saved_gl = em->gl;
}

/* What libvterm's restore leaves out: our pen, and the designations, injected back. */
static void restore_cursor(term_emulator *em)
{
	static const char g[4] = {'(', ')', '*', '+'};
	unsigned row = em->saved_cursor.row, col = em->saved_cursor.col;
	if (row >= em->grid->rows)
		row = em->grid->rows - 1;
	if (col >= em->grid->cols)
		col = em->grid->cols - 1;
	if (row != em->cursor.row || col != em->cursor.col) {
		/* libvterm's saved position was not moved by a resize (or was overwritten by
		 * the resize guard's save): ours was. */
		char cup[32];
		int n = snprintf(cup, sizeof cup, "\033[%u;%uH", row + 1, col + 1);
		term_vterm_guard_inject(&em->guard, em->vt, cup, (size_t)n);
	}
	em->pen = em->saved_pen;
	for (unsigned i = 0; i < 4; i++) {
		if (em->charsets[i] == em->saved_charsets[i])
			continue;
		char seq[3] = {'\033', g[i], em->saved_charsets[i]};
		term_vterm_guard_inject(&em->guard, em->vt, seq, 3);
		em->charsets[i] = em->saved_charsets[i];
	}
	if (em->gl != em->saved_gl) {
		static const char *const shifts[4] = { "\017", "\016", "\033n", "\033o" };
		term_vterm_guard_inject(&em->guard, em->vt, shifts[em->saved_gl],
					strlen(shifts[em->saved_gl]));
		em->gl = em->saved_gl;
	}
}

/*
 * DECSCUSR (CSI Ps SP q): 0 or none the terminal's own shape, 1-6 blinking and steady
 * block, underline, bar. The cursor's style is ours, not libvterm's: its DECRC restores
 * a style it saved, which xterm's does not (vim's `CSI ? 1049 l` then forced a block).
 */
static void cursor_style(term_emulator *em, unsigned long ps)
{
	static const uint8_t shapes[] = { TERM_CURSOR_BLOCK, TERM_CURSOR_UNDERLINE,
					  TERM_CURSOR_BAR };
	if (ps > 6)
		return;
	em->cursor.shape = ps == 0 ? TERM_CURSOR_DEFAULT : shapes[(ps - 1) / 2];
	em->cursor.blink = ps != 0 && ps % 2 == 1;
	em->changes++;
}


/* RIS and DECSTR: the default pen (libvterm's DECSTR resets only its own), ASCII in G0-G3,
 * and a save made before the reset is forgotten. */
static void reset_saved(term_emulator *em)
{
	em->pen = term_cell_blank();
	memset(em->charsets, 'B', sizeof em->charsets);
	em->saved_pen = term_cell_blank();
	memset(&em->saved_cursor, 0, sizeof em->saved_cursor);
	memcpy(em->saved_charsets, em->charsets, sizeof em->charsets);
	em->gl = em->saved_gl = 0;
}

/* CSI ? Pm h or l: the modes that save or restore the cursor, DECCOLM and DECLRMM. */
static void private_modes(term_emulator *em, const char *p, const char *end, bool set)
{
	while (p < end) {
		unsigned long n = 0;
		/* Saturated, but every digit is read (a long number looped for ever). */
		for (; p < end && *p >= '0' && *p <= '9'; p++)
			n = n < 100000 ? n * 10 + (unsigned long)(*p - '0') : n;
		if (n == 1048 || n == 1049) {
			if (set)
				save_cursor(em);
			else
				restore_cursor(em);
		} else if (n == 3) {
			/* DECCOLM: the width stays (the pane's is the window's), the screen is
			 * cleared and the cursor homed, as tmux does. */
			term_vterm_guard_inject(&em->guard, em->vt, "\033[H\033[2J", 7);
		} else if (n == 69) {
			em->lr_margins = set;
		} else if (n == 12) {
			em->cursor.blink = set; /* att610 */
			em->changes++;
		}
		p++; /* the separator (or the final byte) */
	}
}

/* A sequence libvterm ran whose effect on the pen or the charsets we keep ourselves. */
static void on_renamed(void *arg, const char *name, size_t len)
{
	term_emulator *em = arg;
	free(em->rename);
	em->rename = xstrndup(name, len);
}

static void on_ran(void *arg, const char *seq, size_t len)
{
	term_emulator *em = arg;
	char final = seq[len - 1];
	if (len == 1) {
		em->gl = final == 0x0e; /* SO or SI */
	} else if (len == 2 && (final == 'n' || final == 'o')) {
		em->gl = final == 'n' ? 2 : 3;
	} else if (len == 2) {
		if (final == '7')
			save_cursor(em);
		else if (final == '8')
			restore_cursor(em);
		else if (final == 'c') {
			reset_saved(em);
			cursor_style(em, 0);
		}
	} else if (len == 3 && seq[1] != '[') {
		const char *g = memchr("()*+", seq[1], 4);
		if (g != NULL)
			em->charsets[g - "()*+"] = final;
	} else if (seq[1] == '[' && len >= 3) {
		bool private = seq[2] == '?';
		if (final == 'q' && seq[len - 2] == ' ' &&
		    strspn(seq + 2, "0123456789") == len - 4)
			cursor_style(em, strtoul(seq + 2, NULL, 10));
		else if (final == 'p' && seq[len - 2] == '!')
			reset_saved(em);
		else if (private && (final == 'h' || final == 'l'))
			private_modes(em, seq + 3, seq + len - 1, final == 'h');
		else if (!private && final == 's' && len == 3 && !em->lr_margins)
			save_cursor(em);
		else if (!private && final == 'u' && len == 3)
			restore_cursor(em);
	}
}

static void set_mode(term_emulator *em, uint32_t mode, bool on)
{
	uint32_t modes = on ? em->modes | mode : em->modes & ~mode;
	if (modes != em->modes)
		em->changes++;
	em->modes = modes;
}

static const uint32_t mouse_modes[] = {
	[VTERM_PROP_MOUSE_NONE] = 0,
	[VTERM_PROP_MOUSE_CLICK] = TERM_MODE_MOUSE_CLICK,
	[VTERM_PROP_MOUSE_DRAG] = TERM_MODE_MOUSE_DRAG,
	[VTERM_PROP_MOUSE_MOVE] = TERM_MODE_MOUSE_MOVE,
};

static int on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	term_emulator *em = user;
	switch (prop) {
	case VTERM_PROP_CURSORVISIBLE: em->cursor.visible = val->boolean; break;
	case VTERM_PROP_CURSORBLINK: /* ours (cursor_style): libvterm's restore changes it */
	case VTERM_PROP_CURSORSHAPE: break;
	case VTERM_PROP_ALTSCREEN:
		/* libvterm erases the screen switched to once this returns. */
		em->grid = val->boolean ? em->alt : em->main;
		set_mode(em, TERM_MODE_ALTSCREEN, val->boolean);
		break;
	case VTERM_PROP_REVERSE: set_mode(em, TERM_MODE_REVERSE_VIDEO, val->boolean); break;
	case VTERM_PROP_MOUSE:
		set_mode(em, TERM_MODE_MOUSE_CLICK | TERM_MODE_MOUSE_DRAG | TERM_MODE_MOUSE_MOVE,
			 false);
		if (val->number > 0 && val->number < VTERM_N_PROP_MOUSES)
			set_mode(em, mouse_modes[val->number], true);
		break;
	case VTERM_PROP_TITLE:
		free(em->title);
		em->title = xstrndup(val->string, TERM_MAX_TITLE);
		break;
	default: break; /* the icon name: not shown */
	}
	em->changes++;
	return 1;
}

static int on_bell(void *user)
{
	term_emulator *em = user;
	em->bells++;
	em->changes++;
	return 1;
}

/*
 * Fewer rows on the main screen: like VTermScreen, push lines off the top into the
 * scrollback when there is text (or the cursor, at row cursor) below the new bottom.
 * Unlike it, never push the cursor's own line away: libvterm would leave the cursor at a
 * negative row and read outside its buffers afterwards. Returns how many lines went.
 */
static unsigned shrink_main(term_emulator *em, unsigned rows, unsigned cursor)
{
	term_grid *grid = em->main;
	unsigned last = grid->rows;
	while (last > rows && last - 1 != cursor && term_grid_row_empty(grid, last - 1))
		last--;
	if (last <= rows)
		return 0;
	unsigned n = last - rows;
	if (n > cursor)
		n = cursor;
	term_grid_scroll(grid, 0, grid->rows, (int)n, TERM_COLOUR_DEFAULT);
	return n;
}

/* The saved cursor follows its line when lines go to or come from the scrollback. */
static void move_saved(term_emulator *em, int rows)
{
	int row = (int)em->saved_cursor.row + rows;
	em->saved_cursor.row = (uint16_t)(row > 0 ? row : 0);
}

/*
 * The hidden main screen (under the alternate one) shrinks as the shown one does, about
 * the cursor 1049 saved, as tmux does: the shell's prompt stays where the lines around it
 * are once the program leaves (issue 11: it was cut off at the bottom, and the cursor
 * restored over old text).
 */
static int on_resize(int rows, int cols, VTermPos *delta, void *user)
{
	term_emulator *em = user;
	bool main_shown = em->grid == em->main;
	unsigned old_rows = em->main->rows;
	if ((unsigned)rows < old_rows) {
		unsigned n = shrink_main(em, (unsigned)rows,
					 main_shown ? em->cursor.row : em->saved_cursor.row);
		if (main_shown)
			delta->row -= (int)n;
		move_saved(em, -(int)n);
	}
	term_grid_resize(em->main, (unsigned)rows, (unsigned)cols);
	term_grid_resize(em->alt, (unsigned)rows, (unsigned)cols);
	em->wrap_armed = false; /* the edge it waited at moved */
	/* More rows: take lines back from the scrollback, as VTermScreen does. */
	for (unsigned r = old_rows; main_shown && r < (unsigned)rows; r++) {
		if (!term_grid_pop_scrollback(em->main))
			break;
		delta->row++;
		move_saved(em, 1);
	}
	em->changes++;
	return 1;
}

/*
 * OSC 52 and OSC 8 (libvterm 0.1.4 has no API for them: its fallback for OSCs it does not
 * know). OSC 52: only sets are kept; a query ("?") is never answered, the clipboard is the
 * user's. OSC 8: the hyperlink is part of the pen (SGR 0 keeps it, as in xterm) until the
 * next OSC 8; one refused (link.h) ends the link before it.
 */
static int on_osc(const char *command, size_t len, void *user)
{
	term_emulator *em = user;
	if (len >= 2 && memcmp(command, "8;", 2) == 0) {
		em->pen.link = term_link_parse_osc(command + 2, len - 2);
		return 1;
	}
	if (len < 3 || memcmp(command, "52;", 3) != 0)
		return 0;
	if (!term_clip_valid(command + 3, len - 3))
		return 1;
	if (em->clip_allowed != NULL && !em->clip_allowed(em->clip_arg, command + 3, len - 3))
		return 1;
	uint32_t seq = em->clip != NULL ? em->clip->seq + 1 : 1;
	term_clip_unref(em->clip);
	em->clip = term_clip_new(seq ? seq : 1, command + 3, len - 3);
	em->changes++;
	return 1;
}

static const VTermParserCallbacks fallbacks = {
	.osc = on_osc,
};

static const VTermStateCallbacks callbacks = {
	.putglyph = on_putglyph,
	.movecursor = on_movecursor,
	.scrollrect = on_scrollrect,
	.moverect = on_moverect,
	.erase = on_erase,
	.initpen = on_initpen,
	.settermprop = on_settermprop,
	.bell = on_bell,
	.resize = on_resize,
};

static void on_output(const char *buf, size_t len, void *user)
{
	term_emulator *em = user;
	if (em->probing) {
		size_t n = len < sizeof em->probe - em->probe_len ? len
								 : sizeof em->probe - em->probe_len;
		memcpy(em->probe + em->probe_len, buf, n);
		em->probe_len += n;
	} else {
		term_emulator_send(em, buf, len);
	}
}

static unsigned clamp(unsigned v, unsigned max)
{
	return v < 1 ? 1 : v > max ? max : v;
}

/*
 * REP (CSI Pn b), which the guard keeps from libvterm (vterm_guard.h): the last character
 * printed again, count times (0 counts as 1), as xterm does, wrapping at the margin; at
 * most a screenful. Before any character nothing is repeated.
 */
static void on_repeat(void *arg, unsigned long count)
{
	term_emulator *em = arg;
	unsigned long screen = (unsigned long)em->grid->rows * em->grid->cols;
	count = count == 0 ? 1 : count < screen ? count : screen;
	if (em->last_n == 0)
		return;
	char buf[4096], glyph[4 * TERM_MAX_CHARS];
	size_t len = 0;
	for (unsigned i = 0; i < em->last_n; i++)
		len += utf8_encode(em->last_glyph[i], glyph + len);
	size_t per = sizeof buf / len;
	while (count > 0) {
		size_t n = count < per ? count : per;
		for (size_t i = 0; i < n; i++)
			memcpy(buf + i * len, glyph, len);
		vterm_input_write(em->vt, buf, n * len);
		count -= n;
	}
}

term_emulator *term_emulator_new(unsigned rows, unsigned cols, unsigned scrollback_limit)
{
	rows = clamp(rows, TERM_MAX_ROWS);
	cols = clamp(cols, TERM_MAX_COLS);
	term_emulator *em = xcalloc(1, sizeof *em);
	em->main = term_grid_new(rows, cols, scrollback_limit);
	em->alt = term_grid_new(rows, cols, 0);
	em->grid = em->main;
	em->pen = term_cell_blank();
	em->title = xstrdup("");
	em->cursor.visible = true;
	em->vt = vterm_new((int)rows, (int)cols);
	vterm_set_utf8(em->vt, 1);
	vterm_output_set_callback(em->vt, on_output, em);
	em->state = vterm_obtain_state(em->vt);
	vterm_state_set_callbacks(em->state, &callbacks, em);
	vterm_state_set_unrecognised_fallbacks(em->state, &fallbacks, em);
	vterm_state_reset(em->state, 1);
	cursor_style(em, 0); /* the terminal's own, until a program asks */
	em->guard.repeat = on_repeat;
	em->guard.sgr = on_sgr;
	em->guard.ran = on_ran;
	em->guard.renamed = on_renamed;
	em->guard.repeat_arg = em;
	reset_saved(em);
	return em;
}

void term_emulator_free(term_emulator *em)
{
	if (em == NULL)
		return;
	vterm_free(em->vt);
	term_vterm_guard_free(&em->guard);
	free(em->rename);
	term_grid_free(em->main);
	term_grid_free(em->alt);
	free(em->title);
	term_clip_unref(em->clip);
	free(em);
}

void term_emulator_set_output(term_emulator *em, term_output_fn *fn, void *arg)
{
	em->out = fn;
	em->out_arg = arg;
}

/* What an encoder says (into em->probe): how libvterm's private modes show through its API. */
static size_t probe(term_emulator *em, void (*encode)(term_emulator *))
{
	em->probing = true;
	em->probe_len = 0;
	encode(em);
	em->probing = false;
	return em->probe_len;
}

static void encode_up(term_emulator *em)
{
	vterm_keyboard_key(em->vt, VTERM_KEY_UP, VTERM_MOD_NONE);
}

static void encode_keypad(term_emulator *em)
{
	vterm_keyboard_key(em->vt, VTERM_KEY_KP_ENTER, VTERM_MOD_NONE);
}

static void encode_paste(term_emulator *em)
{
	vterm_keyboard_start_paste(em->vt);
}

static void encode_focus(term_emulator *em)
{
	vterm_state_focus_in(em->state);
}

/* DECCKM, DECKPAM, bracketed paste and focus reports have no callback in 0.1.4. */
static void probe_modes(term_emulator *em)
{
	/* Up is ESC O A in application mode, ESC [ A otherwise. */
	set_mode(em, TERM_MODE_APP_CURSOR, probe(em, encode_up) > 1 && em->probe[1] == 'O');
	/* Keypad Enter is ESC O M in application mode, CR otherwise. */
	set_mode(em, TERM_MODE_APP_KEYPAD, probe(em, encode_keypad) > 1);
	set_mode(em, TERM_MODE_BRACKETED_PASTE, probe(em, encode_paste) > 0);
	set_mode(em, TERM_MODE_FOCUS_REPORT, probe(em, encode_focus) > 0);
}

/* libvterm 0.1.4 keeps a text run's code points on its stack: a write of a few MB of text
 * overflows it. The guard keeps sequences whole across the pieces. */
#define WRITE_PIECE 4096

void term_emulator_write(term_emulator *em, const char *buf, size_t len)
{
	for (size_t off = 0; off < len; off += WRITE_PIECE) {
		size_t n = len - off < WRITE_PIECE ? len - off : WRITE_PIECE;
		term_vterm_guard_write(&em->guard, em->vt, buf + off, n);
	}
	probe_modes(em);
}

void term_emulator_resize(term_emulator *em, unsigned rows, unsigned cols)
{
	rows = clamp(rows, TERM_MAX_ROWS);
	cols = clamp(cols, TERM_MAX_COLS);
	bool smaller = rows < em->main->rows || cols < em->main->cols;
	if (rows != em->main->rows || cols != em->main->cols)
		vterm_set_size(em->vt, (int)rows, (int)cols);
	/*
	 * libvterm 0.1.4 keeps margins (DECSTBM, DECSLRM) and the saved cursor past the edge
	 * of a smaller screen, and then memmoves negative sizes or writes outside. Reset the
	 * margins, as xterm does on a resize, and save the cursor where it now is.
	 */
	if (smaller) /* libvterm's saved cursor is then the current one; ours stays */
		term_vterm_guard_inject(&em->guard, em->vt, "\0337\033[s\033[r\0338", 10);
}

char *term_emulator_take_rename(term_emulator *em)
{
	char *name = em->rename;
	em->rename = NULL;
	return name;
}

uint32_t term_emulator_bells(const term_emulator *em)
{
	return em->bells;
}

const char *term_emulator_title(const term_emulator *em)
{
	return em->title;
}

void term_emulator_set_title(term_emulator *em, const char *title)
{
	free(em->title);
	em->title = xstrndup(title, TERM_MAX_TITLE);
	em->changes++;
}

void term_emulator_set_clipboard_check(term_emulator *em, term_clip_check *allowed, void *arg)
{
	em->clip_allowed = allowed;
	em->clip_arg = arg;
}

term_snapshot *term_emulator_snapshot(term_emulator *em)
{
	term_grid *grid = em->grid;
	term_snapshot *s = xcalloc(1, sizeof *s);
	s->refs = 1;
	s->rows = (uint16_t)grid->rows;
	s->cols = (uint16_t)grid->cols;
	s->lines = xcalloc(grid->rows, sizeof *s->lines);
	for (unsigned r = 0; r < grid->rows; r++)
		s->lines[r] = term_row_ref(*term_grid_slot(grid, r));
	s->cursor = em->cursor;
	if (s->cursor.row >= grid->rows)
		s->cursor.row = (uint16_t)(grid->rows - 1);
	if (s->cursor.col >= grid->cols)
		s->cursor.col = (uint16_t)(grid->cols - 1);
	s->modes = em->modes;
	s->bells = em->bells;
	s->title = xstrdup(em->title);
	s->clip = term_clip_ref(em->clip);
	return s;
}

void term_emulator_send(term_emulator *em, const char *buf, size_t len)
{
	if (len > 0 && em->out != NULL)
		em->out(buf, len, em->out_arg);
}

uint32_t term_emulator_modes(const term_emulator *em)
{
	return em->modes;
}

uint64_t term_emulator_changes(const term_emulator *em)
{
	return em->changes;
}

void term_emulator_clear_history(term_emulator *em)
{
	term_grid_clear_scrollback(em->main);
}

const term_grid *term_emulator_main_grid(const term_emulator *em)
{
	return em->main;
}

VTerm *term_emulator_vterm(term_emulator *em)
{
	return em->vt;
}
