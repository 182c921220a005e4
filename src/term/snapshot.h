/*
 * An immutable picture of a pane's visible screen: the state the sync layer ships.
 *
 * Taking one is cheap: it holds references to the grid's rows (see row.h), so it costs one
 * pointer per row, and rows the pane has not touched since stay shared.
 */
#ifndef RSH_TERM_SNAPSHOT_H
#define RSH_TERM_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "row.h"

/* Modes a client must know to draw the pane and to send it input. */
enum term_mode {
	TERM_MODE_ALTSCREEN = 1u << 0,
	TERM_MODE_APP_CURSOR = 1u << 1, /* DECCKM */
	TERM_MODE_APP_KEYPAD = 1u << 2, /* DECKPAM */
	TERM_MODE_BRACKETED_PASTE = 1u << 3,
	TERM_MODE_REVERSE_VIDEO = 1u << 4, /* DECSCNM */
	TERM_MODE_MOUSE_CLICK = 1u << 5,   /* 1000 */
	TERM_MODE_MOUSE_DRAG = 1u << 6,    /* 1002 */
	TERM_MODE_MOUSE_MOVE = 1u << 7,    /* 1003 */
	TERM_MODE_FOCUS_REPORT = 1u << 8,  /* 1004 */
};
#define TERM_MODE_ALL 0x1ffu

enum term_cursor_shape {
	TERM_CURSOR_DEFAULT = 0, /* the terminal's own (DECSCUSR 0): never forced */
	TERM_CURSOR_BLOCK = 1,
	TERM_CURSOR_UNDERLINE = 2,
	TERM_CURSOR_BAR = 3,
};

typedef struct term_cursor {
	uint16_t row, col;
	bool visible;
	bool blink;
	uint8_t shape; /* enum term_cursor_shape */
} term_cursor;

#define TERM_MAX_ROWS 1000
#define TERM_MAX_COLS 1000
#define TERM_MAX_TITLE 1024

/*
 * What a program last set the clipboard to (OSC 52), shared by every snapshot that shows
 * it: immutable once made, reference counted. text is "SELECTIONS;BASE64" as the program
 * sent it (selections from "cpqs01234567", none meaning "s0"; base64 checked), at most
 * TERM_MAX_CLIP bytes. seq counts the sets in the pane, from 1: a client writes the
 * clipboard to its terminal when a pane it showed shows a higher one.
 */
#define TERM_MAX_CLIP 65536
typedef struct term_clip {
	uint32_t refs;
	uint32_t seq;
	uint32_t len;
	char text[]; /* len bytes, then a NUL */
} term_clip;

term_clip *term_clip_new(uint32_t seq, const char *text, size_t len);
term_clip *term_clip_ref(term_clip *clip); /* NULL stays NULL */
void term_clip_unref(term_clip *clip);
/* Whether text is a clipboard set as a program may send it (see term_clip). */
bool term_clip_valid(const char *text, size_t len);
/* Same seq and text (both NULL included). */
bool term_clip_equal(const term_clip *a, const term_clip *b);

typedef struct term_snapshot {
	uint32_t refs;
	uint16_t rows, cols;
	term_row **lines; /* rows entries, top to bottom; never NULL */
	term_cursor cursor;
	uint32_t modes;  /* enum term_mode */
	uint32_t bells;  /* bells rung so far: a client rings once per increase */
	char *title;     /* UTF-8, never NULL */
	term_clip *clip; /* the clipboard set last, or NULL */
} term_snapshot;

/* The clipboard's seq, 0 with none. */
uint32_t term_snapshot_clip_seq(const term_snapshot *s);
/* A blank screen: every row blank, cursor visible block at 0,0, no modes, empty title. */
term_snapshot *term_snapshot_new(unsigned rows, unsigned cols);
term_snapshot *term_snapshot_ref(term_snapshot *snap);
void term_snapshot_unref(term_snapshot *snap);
/* A private copy sharing the rows (for building a changed snapshot from an old one). */
term_snapshot *term_snapshot_clone(const term_snapshot *snap);
void term_snapshot_set_title(term_snapshot *snap, const char *title, size_t len);
/*
 * The top-left rows x cols of s (each at most s's own size, at least 1), for a pane
 * partly outside a client's view. Rows are shared: a row reads only its first cols cells,
 * so only a row whose last kept cell is the left half of a wide character is copied, that
 * half blanked. The cursor is hidden when it falls outside; modes, bells and title stay.
 */
term_snapshot *term_snapshot_crop(const term_snapshot *s, unsigned rows, unsigned cols);

bool term_cursor_equal(const term_cursor *a, const term_cursor *b);
bool term_snapshot_equal(const term_snapshot *a, const term_snapshot *b);
/* Describes the first difference in buf ("" when equal): for test failure messages. */
void term_snapshot_describe_difference(const term_snapshot *a, const term_snapshot *b,
				       char *buf, size_t size);

#endif
