/*
 * What a key typed on the attached client does, decided here without a round trip, from
 * the key tables and key options the server ships in the view (term/keytable.h), as
 * tmux's server does for its clients:
 *
 * - the prefix (or prefix2) switches to the prefix table; a key is looked up in the
 *   current table (root unless a prefix or switch-client -T chose another); a key bound
 *   there runs its command list, and the table goes back to root unless the binding
 *   repeats (-r: the prefix table stays for repeat-time, and a key bound without -r, or
 *   unbound, ends the repeat as in tmux); a key bound nowhere goes to the pane, except
 *   after a prefix, where it is dropped;
 * - a command list runs here when a command is the client's business (command-prompt,
 *   confirm-before, send-prefix, switch-client -T, detach-client, list-keys shown over
 *   the screen, copy-mode); the others go to the server as COMMAND events, in order;
 * - while the active pane is in copy mode (copymode.h), keys that would be looked up in
 *   root go to copy mode instead (its own tables, tmux's copy-mode and copy-mode-vi), as
 *   tmux uses the mode's table; the prefix still works;
 * - the server may ask the client to run such a command (term_view's run request:
 *   `rsh command-prompt -t CLIENT`, or a binding's command-prompt after commands the
 *   server ran).
 *
 * Before the first view with tables arrives, keys are held (up to KEYMODE_HELD) and
 * handled once it does. Only keys for the pane (and what bindings send) become input
 * events; the client predicts only those.
 */
#ifndef RSH_CLIENT_KEYMODE_H
#define RSH_CLIENT_KEYMODE_H

#include <stdbool.h>
#include <stdint.h>

#include "copymode.h"
#include "prompt.h"
#include "render.h"
#include "term/event.h"
#include "term/keytable.h"
#include "term/view.h"

#define KEYMODE_HELD 256
#define KEYMODE_MESSAGE_MS 750 /* tmux's display-time: how long a local error shows */

/* What the open prompt asks for. */
struct keymode_ask {
	bool confirm;          /* confirm-before: y runs command */
	bool single, numeric;  /* -1: one key answers; -N: digits only */
	char *template;        /* command-prompt's template, or confirm-before's command */
	char **prompts, **inputs; /* one per answer asked for */
	int nprompts, current;
	char **answers;
};

struct keymode {
	key_tables *keys;      /* the newest view's, held; NULL before the first */
	char table[KEY_TABLE_NAME_MAX + 1]; /* the current table; "" is root */
	bool repeating;
	uint64_t repeat_until; /* ms */
	uint64_t run_done;     /* the newest run request's serial run */
	const term_view *view; /* the newest view, for names; valid until the next */

	bool prompting;
	struct keymode_ask ask;
	struct prompt prompt;
	struct prompt_history history;

	char *list;            /* list-keys' text while it is shown over the screen */
	size_t list_top;

	char message[256];     /* a local error, shown until message_until */
	uint64_t message_until;

	term_key held[KEYMODE_HELD];
	unsigned nheld;

	struct copymode copy;
};

/* An empty keymode; copy mode starts in the table keys (mode-keys by $VISUAL/$EDITOR). */
void keymode_init(struct keymode *k, enum copykeys_table keys);
/* Frees what it holds. */
void keymode_clear(struct keymode *k);

/* Takes a newer view (io->view): its key tables, and the commands it asks this client to
 * run. Events go to io->send. */
void keymode_view(struct keymode *k, uint64_t now, const struct copymode_io *io);
/*
 * Takes a key (ev is a TERM_EVENT_KEY): events it makes go to io->send. Returns true when
 * what is drawn (a prompt, the list, a message, copy mode) opened, changed or closed.
 */
bool keymode_key(struct keymode *k, const term_event *ev, uint64_t now,
		 const struct copymode_io *io);
/* The ms until a repeat or a message ends (then call keymode_tick), or -1. */
int keymode_timeout(const struct keymode *k, uint64_t now);
/* Ends what timed out; true when the drawing changed. */
bool keymode_tick(struct keymode *k, uint64_t now);
/* escape-time: how long a lone ESC waits for the rest of a sequence. */
unsigned keymode_escape_ms(const struct keymode *k);
/* Draws the prompt (a binding's or copy mode's), the list of bindings or a message over v. */
void keymode_draw(const struct keymode *k, render *r, const term_view *v);

#endif
