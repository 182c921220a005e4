/*
 * The line a prefix binding asks for in the status row (C-b , for rename-window): printable
 * characters, Backspace, Enter to send, Escape or C-c to cancel.
 */
#ifndef RSH_CLIENT_PROMPT_H
#define RSH_CLIENT_PROMPT_H

#include <stddef.h>

#include "term/input.h"

#define PROMPT_MAX 256 /* bytes of UTF-8, NUL included */

struct prompt {
	char line[PROMPT_MAX]; /* UTF-8, NUL-terminated */
	size_t len;
};

enum prompt_result {
	PROMPT_EDITING,
	PROMPT_DONE,   /* Enter: the line is the answer */
	PROMPT_CANCEL, /* Escape or C-c */
};

/* Takes one key; keys that edit nothing (arrows, a full line) are ignored. */
enum prompt_result prompt_key(struct prompt *p, const term_key *key);

#endif
