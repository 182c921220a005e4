/*
 * Input events: what an attached client tells the server, one event per entry of the
 * input log (net/inputlog.h). Keys, pastes and mouse events are for the pane (input.h
 * encodes them for its modes); the rest is about the client: its terminal's size, its
 * focus, a command line (what a prefix binding runs), a request to detach, its
 * terminal's name and capabilities, that it is done with view mode's text.
 *
 * The wire form is a msgpack array [type, fields...] (docs/protocol.md, "Input events").
 * The bytes come from the network, so decoding checks every type, range and count and
 * refuses trailing bytes. Every event fits INPUTLOG_EVENT_MAX (4096 bytes). A terminal
 * event is refused whole for a name that is not UTF-8 or holds a control character,
 * more than TERM_EVENT_CAPS_MAX capabilities, a capability name empty, too long or of
 * other bytes than letters, digits and '_', a value other than nil, a bool, an integer
 * up to TERM_CAP_NUMBER_MAX or a bin without NUL of at most TERM_EVENT_CAP_VALUE_MAX
 * bytes; what it carries is shown later only through escapes (the server's vis).
 */
#ifndef RSH_TERM_EVENT_H
#define RSH_TERM_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input.h"

enum term_event_type {
	TERM_EVENT_KEY,
	TERM_EVENT_PASTE,
	TERM_EVENT_MOUSE,
	TERM_EVENT_RESIZE,
	TERM_EVENT_FOCUS,
	TERM_EVENT_COMMAND,
	TERM_EVENT_DETACH,
	TERM_EVENT_HISTORY, /* the client lacks these history lines of a pane */
	TERM_EVENT_SEARCH,  /* search a pane's history and screen for text */
	TERM_EVENT_BUFFER,  /* a copy, for a new paste buffer */
	TERM_EVENT_PIPE,    /* the copy so far, for a shell command's stdin */
	TERM_EVENT_DRAG,    /* a border dragged with the mouse (resize-pane -M) */
	TERM_EVENT_TERMINAL, /* the client's terminal and the capabilities it uses */
	TERM_EVENT_VIEW_DONE, /* the client left copy mode over view mode's text */
};
#define TERM_EVENT_TYPES 14

/* A longer paste goes as several events, each cut on a character boundary. */
#define TERM_EVENT_PASTE_MAX 4000
#define TERM_EVENT_WORDS_MAX 64
#define TERM_EVENT_WORD_MAX 1024
/* A history request asks for at most this many lines; a search text is 1..this bytes. */
#define TERM_EVENT_HISTORY_MAX 100000
#define TERM_EVENT_SEARCH_MAX 1024
/* A pipe's shell command is 0..this many bytes. */
#define TERM_EVENT_PIPE_MAX 4000
/* A copy's buffer name prefix is 0..this many bytes (with a 4000-byte piece or command,
 * the event still fits INPUTLOG_EVENT_MAX). */
#define TERM_EVENT_PREFIX_MAX 64
/* A terminal event: the terminal's name (TERM) in 0..TERMINAL_NAME_MAX bytes, and
 * 0..CAPS_MAX capabilities, each named in 1..CAP_NAME_MAX bytes of letters, digits and
 * '_', a string value 0..CAP_VALUE_MAX bytes (tmux shows no more of one: 127 characters
 * at most). So the largest event is some 2.9 KB, within INPUTLOG_EVENT_MAX. */
#define TERM_EVENT_TERMINAL_NAME_MAX 256
#define TERM_EVENT_CAPS_MAX 16
#define TERM_EVENT_CAP_NAME_MAX 32
#define TERM_EVENT_CAP_VALUE_MAX 127

enum term_search_flags {
	TERM_SEARCH_BACKWARD = 1 << 0, /* towards older lines */
	TERM_SEARCH_REGEX = 1 << 1,    /* text is a POSIX extended regular expression */
	TERM_SEARCH_ICASE = 1 << 2,    /* letters match either case */
};
#define TERM_SEARCH_FLAGS 7u

struct term_event_word {
	const char *p; /* any bytes but NUL; not NUL-terminated */
	uint32_t len;
};

/* A terminal capability as the client uses it: missing, or a flag, number or string. */
enum term_cap_type { TERM_CAP_MISSING, TERM_CAP_FLAG, TERM_CAP_NUMBER, TERM_CAP_STRING };
#define TERM_CAP_NUMBER_MAX 0x7fffffffu /* tmux's int */
struct term_event_cap {
	struct term_event_word name; /* [A-Za-z0-9_], 1..TERM_EVENT_CAP_NAME_MAX bytes */
	uint8_t type;                /* enum term_cap_type */
	bool flag;
	uint32_t number;             /* 0..TERM_CAP_NUMBER_MAX */
	struct term_event_word string; /* any bytes but NUL, 0..TERM_EVENT_CAP_VALUE_MAX */
};

typedef struct term_event {
	uint8_t type; /* enum term_event_type */
	union {
		term_key key;
		struct {
			const char *text; /* UTF-8, strictly */
			uint32_t len;
		} paste;
		/* A piece of a copy (UTF-8, strictly, at most TERM_EVENT_PASTE_MAX bytes, cut
		 * as pastes are); more: pieces of the same copy follow. The last piece's pane
		 * (the copy-mode pane) and prefix name the new buffer: prefix (a format,
		 * expanded for pane; "buffer" for tmux's default) and the next index, as
		 * tmux's paste_add. */
		struct {
			const char *text;
			uint32_t len;
			bool more;
			uint32_t pane;
			const char *prefix; /* any bytes but NUL; not NUL-terminated */
			uint32_t prefix_len;
		} buffer;
		/* The end of a copy whose pieces came in BUFFER events, all with more set (none
		 * for an empty one): its text goes to command's stdin (empty: the copy-command
		 * option's), command run as a format for pane; buffer: it also becomes a paste
		 * buffer (copy-pipe) named as a BUFFER event's prefix says, else not (pipe). */
		struct {
			uint32_t pane;
			bool buffer;
			const char *command; /* any bytes but NUL; not NUL-terminated */
			uint32_t len;
			const char *prefix; /* as the BUFFER event's */
			uint32_t prefix_len;
		} pipe;
		term_mouse mouse;
		/* A step of a border drag (resize-pane -M in a mouse key's binding): the pointer
		 * moved from (row, col) to (to_row, to_col), the client's cells, each below
		 * TERM_MAX_ROWS and TERM_MAX_COLS; the borders there move with it. */
		struct {
			uint16_t row, col, to_row, to_col;
		} drag;
		struct {
			uint16_t cols, rows; /* 1..TERM_MAX_COLS, 1..TERM_MAX_ROWS */
		} resize;
		bool focus; /* true: the client's terminal gained focus; false: lost it */
		/* The client's terminal (its TERM, UTF-8 without control characters) and the
		 * capabilities it uses, as its terminfo entry and terminal-overrides give them,
		 * in pieces: first starts the description again, each further piece adds its
		 * capabilities to it (show-messages -T prints it). */
		struct {
			bool first;
			struct term_event_word name;
			uint32_t ncaps; /* 0..TERM_EVENT_CAPS_MAX */
			struct term_event_cap caps[TERM_EVENT_CAPS_MAX];
		} terminal;
		struct {
			uint32_t argc; /* 1..TERM_EVENT_WORDS_MAX */
			struct term_event_word argv[TERM_EVENT_WORDS_MAX];
		} command;
		/* Lines first .. first + count - 1 of the pane's history in epoch (histpage.h):
		 * the server sends those it still holds, newest first. count 1..HISTORY_MAX. */
		struct {
			uint32_t pane, epoch;
			uint64_t first; /* below 2^63 */
			uint32_t count;
		} history;
		/* The first match of text from (line, col) on, exclusive, in the direction
		 * flags say, wrapping round; lines numbered as histpage.h's answer. The answer
		 * comes back in a history page carrying serial. */
		struct {
			uint32_t pane, epoch, serial;
			uint64_t line; /* below 2^63 */
			uint16_t col;  /* below TERM_MAX_COLS */
			uint8_t flags; /* enum term_search_flags */
			const char *text; /* UTF-8, strictly, without NUL */
			uint32_t len;
		} search;
	};
} term_event;

/* NULL when every field is in range, else why not (as decoding would refuse it). */
const char *term_event_check(const term_event *ev);
/* An allocated wire form of *len bytes, or NULL when term_event_check refuses ev. */
uint8_t *term_event_encode(const term_event *ev, size_t *len);
/*
 * Decodes one event. Returns NULL with *ev filled in, its text and words pointing into
 * buf, or why the bytes were refused.
 */
const char *term_event_decode(const uint8_t *buf, size_t len, term_event *ev);
/*
 * How much of text the next paste event takes: at most TERM_EVENT_PASTE_MAX bytes, ending
 * on a character boundary (len itself when it fits). text must be valid UTF-8.
 */
size_t term_event_paste_cut(const char *text, size_t len);

#endif
