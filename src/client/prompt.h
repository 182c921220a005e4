/*
 * The status row's line editor, as tmux's with status-keys emacs: printable characters
 * insert at the cursor; Left/C-b, Right/C-f, Home/C-a, End/C-e move; BSpace/C-h delete
 * before the cursor, Delete/C-d at it; C-k kills to the end, C-u the whole line, C-w the
 * word before the cursor; Up/C-p and Down/C-n walk the history; Enter answers, Escape,
 * C-c and C-g cancel.
 *
 * With vi set (status-keys vi), as tmux's: the prompt starts inserting, with the keys
 * above; Escape goes to command mode (message-command-style), where h/l/Left/Right,
 * 0 ^ $, b B w W e E (words, between spaces), x/Delete, X/BSpace, D, d (the whole line),
 * j/k/Up/Down (history), q and C-c (cancel) act, and i a A I s S C insert again (a after
 * the cursor, A at the end, I at the start, s after deleting the character, S after
 * emptying the line, C after deleting to the end); Escape there inserts again.
 *
 * The line is UTF-8, never cut inside a character; the cursor is a byte offset at a
 * character boundary.
 */
#ifndef RSH_CLIENT_PROMPT_H
#define RSH_CLIENT_PROMPT_H

#include <stddef.h>

#include "term/input.h"

#define PROMPT_MAX 1024 /* bytes of UTF-8, NUL included */
#define PROMPT_HISTORY 100

/* Lines answered, oldest first; kept by the client across prompts, as tmux's. */
struct prompt_history {
	char *line[PROMPT_HISTORY];
	size_t n;
};

struct prompt {
	char line[PROMPT_MAX]; /* UTF-8, NUL-terminated */
	size_t len;
	size_t cursor;         /* byte offset into line, 0..len */
	struct prompt_history *history; /* or NULL */
	size_t browsing;       /* history->n when on the line being typed */
	bool vi;               /* status-keys vi (the caller sets it before each key) */
	bool command;          /* vi's command mode */
};

enum prompt_result {
	PROMPT_EDITING,
	PROMPT_DONE,   /* Enter: the line is the answer */
	PROMPT_CANCEL, /* Escape, C-c, C-g */
};

/* Starts editing text (cut to fit), the cursor at its end, with history h (or NULL);
 * inserting; emacs keys while p->vi is not set. */
void prompt_start(struct prompt *p, const char *text, struct prompt_history *h);
/* Takes one key; keys that edit nothing are ignored. */
enum prompt_result prompt_key(struct prompt *p, const term_key *key);
/* The columns before the cursor (one per character; the prompt is drawn in them). */
size_t prompt_cursor_column(const struct prompt *p);
/* Adds a non-empty line to h, unless it repeats the newest. */
void prompt_history_add(struct prompt_history *h, const char *line);
void prompt_history_free(struct prompt_history *h);

#endif
