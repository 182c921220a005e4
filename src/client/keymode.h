/*
 * What a key typed on the attached client is for: the pane, the binding after the prefix
 * (C-b), the line a binding's prompt reads, or closing the list of bindings. Only keys for
 * the pane (and what bindings do) become input events; the client also predicts only those.
 */
#ifndef RSH_CLIENT_KEYMODE_H
#define RSH_CLIENT_KEYMODE_H

#include <stdbool.h>

#include "prefix.h"
#include "prompt.h"
#include "render.h"
#include "term/event.h"

enum keymode_mode {
	KEYMODE_PANE,     /* the pane, unless it is the prefix */
	KEYMODE_PREFIXED, /* a binding */
	KEYMODE_HELP,     /* closing the list of bindings */
	KEYMODE_PROMPT,   /* the line a binding asked for */
};

struct keymode {
	enum keymode_mode mode;
	const struct prefix_binding *asking; /* the binding whose prompt is open */
	struct prompt prompt;
};

/* Sends an event to the server. */
typedef void keymode_send(void *arg, const term_event *ev);

/*
 * Takes a key (ev is a TERM_EVENT_KEY) as the mode says: events it makes go to send.
 * Returns true when what is drawn over the view (a prompt, the list) opened, changed or
 * closed.
 */
bool keymode_key(struct keymode *k, const term_event *ev, keymode_send *send, void *arg);

/* Draws the prompt or the list of bindings over v, if one is open. */
void keymode_draw(const struct keymode *k, render *r, const term_view *v);

#endif
