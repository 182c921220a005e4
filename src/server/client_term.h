/*
 * What an attached client told of its terminal (TERMINAL events, term/event.h): its name
 * ($TERM) and the capabilities it uses, as its terminfo entry and terminal-overrides give
 * them, for show-messages -T (tmux's tty_term_describe lines) and #{client_termname}.
 *
 * The events come from the network: the decoder checked every field; the values are kept
 * as bytes and shown only through tmux's vis escapes, so no control character of a
 * capability reaches anyone's terminal.
 */
#ifndef RSH_SERVER_CLIENT_TERM_H
#define RSH_SERVER_CLIENT_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "term/event.h"

/* The most capabilities kept a client (later ones are dropped). */
#define CLIENT_TERM_CAPS_MAX 512

struct client_term_cap {
	char *name;
	uint8_t type; /* enum term_cap_type */
	bool flag;
	uint32_t number;
	char *string; /* NUL-terminated (it holds no NUL) */
};

struct client_term {
	char *name; /* NULL until the client told */
	struct client_term_cap *caps;
	size_t ncaps;
};

/* A TERMINAL event: a first piece replaces what was told, a later one adds to it. */
void client_term_event(struct client_term *t, const term_event *ev);
void client_term_clear(struct client_term *t);
/* tmux's flags of the terminal (TERM_NOAM 0x2, TERM_DECSLRM 0x4, TERM_DECFRA 0x8,
 * TERM_RGBCOLOURS 0x10, TERM_VT100LIKE 0x20) by tmux's rules, from the capabilities told:
 * one not told counts as missing. */
unsigned client_term_flags(const struct client_term *t);
/* Capability i as tmux's tty_term_describe prints it ("%4u: name: (string) value", the
 * value in vis escapes cut at 127 characters, "[missing]"...); allocated. */
char *client_term_describe(const struct client_term *t, size_t i);

#endif
