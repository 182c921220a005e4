/*
 * Keys, pastes and mouse events for a pane, encoded as the pane's program expects them
 * now (application cursor keys, bracketed paste, mouse modes and encodings) by libvterm,
 * and sent to the program through the emulator's output callback.
 *
 * term_key and term_mouse are plain values, so a client can send them over the wire.
 */
#ifndef RSH_TERM_INPUT_H
#define RSH_TERM_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emulator.h"

enum term_key_code {
	TERM_KEY_CHAR = 0, /* the code point in term_key.ch */
	TERM_KEY_ENTER,
	TERM_KEY_TAB,
	TERM_KEY_BACKSPACE,
	TERM_KEY_ESCAPE,
	TERM_KEY_UP,
	TERM_KEY_DOWN,
	TERM_KEY_LEFT,
	TERM_KEY_RIGHT,
	TERM_KEY_INSERT,
	TERM_KEY_DELETE,
	TERM_KEY_HOME,
	TERM_KEY_END,
	TERM_KEY_PAGEUP,
	TERM_KEY_PAGEDOWN,
	TERM_KEY_F1, /* F1 to F12 follow in order */
	TERM_KEY_F12 = TERM_KEY_F1 + 11,
	/* A mouse key (MouseDown1Pane, WheelUpStatus...), named by ch (TERM_MOUSE_KEY): in
	 * key tables only, never typed into a pane. */
	TERM_KEY_MOUSE,
};

/* The mouse keys, in tmux's order: with a button 1..3, or the wheel's two (button 0). */
enum term_mouse_kind {
	TERM_MOUSE_DOWN, TERM_MOUSE_UP, TERM_MOUSE_DRAG, TERM_MOUSE_DRAGEND,
	TERM_MOUSE_WHEELUP, TERM_MOUSE_WHEELDOWN, TERM_MOUSE_SECONDCLICK,
	TERM_MOUSE_DOUBLECLICK, TERM_MOUSE_TRIPLECLICK, TERM_MOUSE_KINDS
};
/* Where the mouse is, in tmux's order: over a pane, on the status line (a window's
 * range, status-left's, status-right's, none), on a border. */
enum term_mouse_where {
	TERM_MOUSE_PANE, TERM_MOUSE_STATUS, TERM_MOUSE_STATUS_LEFT, TERM_MOUSE_STATUS_RIGHT,
	TERM_MOUSE_STATUS_DEFAULT, TERM_MOUSE_BORDER, TERM_MOUSE_WHERES
};
#define TERM_MOUSE_KEY(kind, button) ((uint32_t)(kind) << 2 | (uint32_t)(button))
#define TERM_MOUSE_KEY_AT(kind, button, where) \
	(TERM_MOUSE_KEY(kind, button) | (uint32_t)(where) << 6)
#define TERM_MOUSE_KEY_KIND(ch) (((ch) >> 2) & 15u)
#define TERM_MOUSE_KEY_WHERE(ch) ((ch) >> 6)
/* Whether ch names a mouse key: a wheel with button 0, the rest with 1..3; a place. */
#define TERM_MOUSE_KEY_VALID(ch)                                                        \
	(((ch) >> 2 & 15u) < TERM_MOUSE_KINDS && (ch) >> 6 < TERM_MOUSE_WHERES &&       \
	 ((((ch) >> 2 & 15u) == TERM_MOUSE_WHEELUP || ((ch) >> 2 & 15u) == TERM_MOUSE_WHEELDOWN) \
		  ? ((ch)&3) == 0                                                        \
		  : ((ch)&3) != 0))

enum term_key_mods { /* the same bits as VTermModifier */
	TERM_MOD_SHIFT = 1 << 0,
	TERM_MOD_ALT = 1 << 1,
	TERM_MOD_CTRL = 1 << 2,
};
#define TERM_MOD_ALL 7u

typedef struct term_key {
	uint8_t code; /* enum term_key_code */
	uint8_t mods; /* enum term_key_mods */
	uint32_t ch;  /* for TERM_KEY_CHAR */
} term_key;

enum term_mouse_action {
	TERM_MOUSE_PRESS,
	TERM_MOUSE_RELEASE,
	TERM_MOUSE_MOVE,
};

typedef struct term_mouse {
	uint8_t action; /* enum term_mouse_action */
	uint8_t button; /* 1 left, 2 middle, 3 right, 4 wheel up, 5 wheel down */
	uint8_t mods;   /* enum term_key_mods */
	uint16_t row, col; /* the cell, from 0 */
} term_mouse;

/* False for a key out of range (nothing is sent). */
bool term_input_key(term_emulator *em, const term_key *key);
/* Line feeds go as carriage returns, as typed; with bracketed paste on, the text is
 * bracketed and any ESC in it dropped, so it cannot end the bracket early. */
void term_input_paste(term_emulator *em, const char *text, size_t len);
/* The text as it is (paste-buffer), bracketed when bracket and the program asked for
 * bracketed paste (any ESC then dropped). */
void term_input_text(term_emulator *em, const char *text, size_t len, bool bracket);
/* Sends nothing unless the program asked for such mouse events. */
void term_input_mouse(term_emulator *em, const term_mouse *mouse);

#endif
