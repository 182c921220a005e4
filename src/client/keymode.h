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
 *   confirm-before, send-prefix, switch-client -T, detach-client, copy-mode,
 *   send-keys -X); the others go to the server as COMMAND events, in order (list-keys
 *   too: what it prints shows in view mode, copy mode over the server's text, as all
 *   output does);
 * - while the active pane is in copy mode (copymode.h), a key that would be looked up in
 *   root is looked up in copy mode's table first (copy-mode-vi or copy-mode, by the
 *   window's mode-keys), then in root, and goes nowhere when neither binds it, as tmux
 *   does for a pane in a mode; the prefix still works. Those tables' bindings run
 *   send-keys -X (copy mode's commands, -N a repeat count, -F copy mode's formats) and
 *   command-prompt here, so copy mode never waits on the server; send-keys -X with no
 *   copy mode on the pane says "not in a mode";
 * - `run-shell -d SECONDS` with no command (tmux's double-click bindings) pauses the
 *   rest of the list here, which runs once the time has passed;
 * - the server may ask the client to run such a command (term_view's run request:
 *   `rsh command-prompt -t CLIENT`, `rsh copy-mode -t PANE` and `rsh send-keys -X`
 *   with the pane as -t %ID, or a binding's command-prompt after commands the server
 *   ran).
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

/* command-prompt -T: the prompt's type, each with a history of its own, as tmux. */
enum keymode_prompt_type {
	KEYMODE_PROMPT_COMMAND, KEYMODE_PROMPT_SEARCH, KEYMODE_PROMPT_TARGET,
	KEYMODE_PROMPT_WINDOW_TARGET, KEYMODE_PROMPT_TYPES
};

/* What the open prompt asks for. */
struct keymode_ask {
	bool confirm;          /* confirm-before: y runs command */
	bool single, numeric;  /* -1: one key answers; -N: digits only */
	bool key;              /* -k: any key answers, with its name (tmux's PROMPT_KEY) */
	/* -i: the template runs as the line changes, with the line after a character: '='
	 * (changed), '-' (C-r: again backward), '+' (C-s: forward); Enter just closes. The
	 * line starts empty; -I's text (last) comes back with C-r or C-s on an empty line. */
	bool incremental;
	char *last;
	enum keymode_prompt_type type;
	char *template;        /* command-prompt's template, or confirm-before's command */
	char **prompts, **inputs; /* one per answer asked for */
	int nprompts, current;
	char **answers;
};

/* What refresh-client and suspend-client, run here, ask of the client's loop. */
enum keymode_want {
	KEYMODE_WANT_REDRAW = 1u << 0,  /* draw the whole terminal again */
	KEYMODE_WANT_SUSPEND = 1u << 1, /* stop (SIGTSTP) with the terminal restored */
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
	struct prompt_history history[KEYMODE_PROMPT_TYPES];


	char message[256];     /* a local error, shown until message_until */
	uint64_t message_until;

	term_key held[KEYMODE_HELD];
	unsigned nheld;

	struct copymode copy;
	struct copymode_mouse mouse;
	/* The mouse key whose binding runs now (keymode_mouse): the terminal's event (what
	 * send-keys -M sends on) and what the key is over (what `-t =` names). */
	bool mouse_on;
	term_mouse mouse_event;
	struct copymode_place mouse_place;
	/* resize-pane -M's border drag: on until the button is let go, the motions going to
	 * the server as DRAG events from the last cell (resize_last) to the new one. */
	bool resizing;
	term_mouse resize_last;

	/* The rest of a command list a `run-shell -d` with no command paused (argv form),
	 * run at paused_until; argc 0 for none. */
	int paused_argc;
	char **paused_argv;
	uint64_t paused_until;
	bool paused_here;

	unsigned wants; /* enum keymode_want: what the client's loop does next, then clears */
};

/* An empty keymode; copy mode starts in the table keys (mode-keys by $VISUAL/$EDITOR). */
void keymode_init(struct keymode *k, enum copymode_keys keys);
/* Frees what it holds. */
void keymode_clear(struct keymode *k);

/* Takes a newer view (io->view): its key tables, and the commands it asks this client to
 * run. Events go to io->send. */
void keymode_view(struct keymode *k, uint64_t now, const struct copymode_io *io);
/*
 * Takes a key (ev is a TERM_EVENT_KEY): events it makes go to io->send. Returns true when
 * what is drawn (a prompt, a message, copy mode) opened, changed or closed.
 */
bool keymode_key(struct keymode *k, const term_event *ev, uint64_t now,
		 const struct copymode_io *io);
/*
 * A mouse event with the view's mouse option on, as tmux 3.3's keys (copymode.h's
 * struct copymode_mouse) at the place the event is over (copymode_mouse_where: Pane,
 * Border, Status, StatusLeft, StatusRight, StatusDefault), looked up as a key is: in copy
 * mode's table when the pane under the mouse (the active one off the panes) is in copy
 * mode, then in the current table and root (tmux's root defaults, key_defaults.c). The
 * binding runs here with the mouse's event: `-t =` (or {mouse}) names the pane under it
 * (%ID), else the status range's window (:=N), else the active pane; send-keys -M sends
 * the event on to the server (to the pane under it; nothing over a copy-mode pane);
 * copy mode's first command acts at the mouse's cell (MouseDrag1Pane's begin-selection
 * starting a drag the cursor follows); resize-pane -M (MouseDrag1Border) starts a border
 * drag, each motion then a DRAG event from the last cell, as tmux's
 * cmd_resize_pane_mouse_update; if-shell -F decides here when ask_condition can.
 * A key bound nowhere over a pane is sent on as send-keys -M does. False when no key was
 * made (a motion with no button): the caller sends the event on.
 */
bool keymode_mouse(struct keymode *k, const term_mouse *m, uint64_t now,
		   const struct copymode_io *io);
/* Shows msg on the message row for a while (KEYMODE_MESSAGE_MS), as a local error is. */
void keymode_say(struct keymode *k, uint64_t now, const char *msg);
/* The ms until a repeat, a message, a paused list or a double click is due (then call
 * keymode_tick), or -1. */
int keymode_timeout(const struct keymode *k, uint64_t now);
/* Ends what timed out, runs what is due; true when the drawing changed. */
bool keymode_tick(struct keymode *k, uint64_t now, const struct copymode_io *io);
/* escape-time: how long a lone ESC waits for the rest of a sequence. */
unsigned keymode_escape_ms(const struct keymode *k);
/* Draws the prompt (a binding's or copy mode's) or a message over v. */
void keymode_draw(const struct keymode *k, render *r, const term_view *v);

#endif
