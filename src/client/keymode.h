/*
 * What a key typed on the attached client is for: the pane, the binding after the prefix
 * (C-b), the line a binding's prompt reads, closing the list of bindings, or copy mode
 * (copymode.h) while the active pane is in it. Only keys for the pane (and what bindings
 * do) become input events; the client also predicts only those.
 */
#ifndef RSH_CLIENT_KEYMODE_H
#define RSH_CLIENT_KEYMODE_H

#include <stdbool.h>
#include <stdint.h>

#include "copymode.h"
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
	uint64_t repeat_until; /* after a repeatable binding (tmux's -r): until when (net_clock_ms)
				  the next repeatable key needs no prefix; 0 when not repeating */
	struct prompt prompt;
	struct copymode copy;
};

void keymode_init(struct keymode *k, enum copykeys_table keys);
void keymode_clear(struct keymode *k);

/*
 * Takes a key (ev is a TERM_EVENT_KEY) as the mode says: events it makes go to io->send.
 * Returns true when what is drawn (a prompt, the list, copy mode) opened, changed or
 * closed.
 */
bool keymode_key(struct keymode *k, const term_event *ev, const struct copymode_io *io);

/* Draws the prompt (a binding's or copy mode's) or the list of bindings over v. */
void keymode_draw(const struct keymode *k, render *r, const term_view *v);

#endif
