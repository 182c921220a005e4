/*
 * The prefix key and its bindings, tmux's defaults: after C-b, a key runs a command on
 * the server (as a command event), detaches, sends C-b itself, lists the bindings, or
 * asks for a line (C-b , asks for the window's new name).
 */
#ifndef RSH_CLIENT_PREFIX_H
#define RSH_CLIENT_PREFIX_H

#include <stdbool.h>
#include <stddef.h>

#include "term/input.h"

enum prefix_action {
	PREFIX_COMMAND,     /* send words as a command event */
	PREFIX_DETACH,      /* send a detach event */
	PREFIX_SEND_PREFIX, /* send the prefix key itself to the pane */
	PREFIX_HELP,        /* show the list of bindings until a key is pressed */
	PREFIX_PROMPT,      /* read a line in the status line; the command gets it as its
			       last word (rename-window NAME) */
	PREFIX_CLIENT,      /* a command the client runs itself (copy mode): words as tmux
			       binds them, "copy-mode -u" */
};

#define PREFIX_MAX_WORDS 4

struct prefix_binding {
	const char *key;  /* as tmux lists it: "d", "%", "Up", "C-b", "0" */
	enum prefix_action action;
	const char *words[PREFIX_MAX_WORDS + 1]; /* the command, NULL-terminated */
	const char *prompt; /* for PREFIX_PROMPT: "(rename-window) " */
	const char *help;   /* one line for the list */
	bool repeat;        /* tmux's bind -r: repeatable without the prefix for a moment */
};

/* Whether key is the prefix (C-b). */
bool prefix_is_prefix(const term_key *key);
/* What key does after the prefix, or NULL when it is bound to nothing (tmux ignores it). */
const struct prefix_binding *prefix_lookup(const term_key *key);
/* Every binding in list order, for C-b ?. */
const struct prefix_binding *prefix_bindings(size_t *n);

#endif
