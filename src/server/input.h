/*
 * Applying a client's input events (term/event.h) as the server takes them from its input
 * log, each exactly once: keys, pastes and mouse events go to a pane of the client's
 * session, encoded for that pane's modes; a command line runs as the control socket's
 * would, with the client's session current; resize, focus and detach change the client's
 * record, for the attach loop to act on.
 */
#ifndef RSH_SERVER_INPUT_H
#define RSH_SERVER_INPUT_H

#include <stdbool.h>
#include <stdint.h>

#include "client_term.h"
#include "history.h"
#include "server.h"
#include "term/event.h"

/* What the server knows of an attached client from its events. */
struct input_client {
	uint32_t session;    /* the id of the session it is attached to */
	unsigned cols, rows; /* its terminal, from its last resize (0 before any) */
	bool focused;
	bool detach;   /* it asked to detach */
	char *message; /* the last failed command's error line, for the status line, or NULL */
	struct history_feed hist; /* the history it asked for and is sent */
	/* A copy arriving in BUFFER events, until its last piece makes it a paste buffer. */
	char *copy;
	size_t copy_len;
	bool copy_dropped; /* it grew past INPUT_COPY_MAX: the rest is dropped too */
	unsigned message_seq; /* counts the messages set (a command's own, as display's) */
	struct client_term term; /* its terminal, as it told (show-messages -T) */
	/* What its commands printed since it was last taken (view mode shows it), or NULL. */
	char *output;
	size_t output_len;
};

/* The largest copy a client can make a paste buffer of. */
#define INPUT_COPY_MAX (64u << 20)

/*
 * Applies one decoded event. Key and paste go to the active pane of the session's current
 * window; a mouse event to the pane under its cell (window coordinates), relative to that
 * pane, a button press first making that pane the active one; focus to the active pane
 * when focus-events is on, which reports it if it asked to (mode 1004); a terminal
 * description to c->term. A command's error line is kept in
 * c->message; its output is added to c->output (for view mode, mode_view.h). Does nothing
 * to panes when the session is gone.
 */
void server_apply_event(struct input_client *c, const term_event *ev);
/* Runs argv-form words (cmd/cmdlist.h) as a COMMAND event's, s being the client's
 * session: its error line kept in c->message, its output added to c->output. */
void input_run(struct input_client *c, struct session *s, int argc, char *argv[]);
/* A COMMAND event's words, allocated (cmdlist_free_words frees them). */
char **input_event_words(const term_event *ev, int *argc);
/* Frees what the record holds. */
void input_client_clear(struct input_client *c);

#endif
