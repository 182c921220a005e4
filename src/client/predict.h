/*
 * Local echo prediction, after mosh's: what the user types into the active pane is
 * guessed at once (printable characters, Backspace, Left and Right at the cursor, with
 * wide characters and the wrap at the pane's right edge; typing in the middle of a line
 * shifts the rest of it, as a shell's line editor does) and drawn over the server's screen
 * until the server's screen confirms or refutes it.
 *
 * Each keystroke is an input event with its index in the input log. The view's echo
 * acknowledgement (term_view.echo_events) says how many events the server applied long
 * enough ago for the program to have echoed them: a guess for an event it covers is
 * checked against the pane's real cells then. A right guess goes (the screen now shows
 * it); a wrong one takes every guess with it, so the screen shows exactly the server's
 * cells within one round trip of the mistake.
 *
 * Guesses come in epochs: a key whose effect cannot be modelled (Enter, Tab, an arrow up,
 * a control key, a paste) starts a new one. Guesses of an epoch are shown only once one of
 * them has been confirmed, so after Enter at a password prompt, where nothing echoes,
 * nothing is ever shown.
 *
 * Whether guesses are shown at all: always, never, or adaptively: when the link's smoothed
 * RTT is above 30 ms (until it falls below 20 ms), and for a while after a guess waited
 * longer than 250 ms for its confirmation even on a fast link. Unconfirmed guesses are
 * underlined while the RTT is above 80 ms (until below 50 ms) and for a while after a
 * mistake.
 */
#ifndef RSH_CLIENT_PREDICT_H
#define RSH_CLIENT_PREDICT_H

#include <stdbool.h>
#include <stdint.h>

#include "term/input.h"
#include "term/view.h"

enum predict_mode { PREDICT_ADAPTIVE, PREDICT_ALWAYS, PREDICT_NEVER };

/* "adaptive", "always" or "never" (--predict, RSH_PREDICT); false for anything else. */
bool predict_mode_parse(const char *s, enum predict_mode *mode);

struct predict_stats {
	uint64_t guessed;   /* cells guessed */
	uint64_t confirmed; /* guesses the server's screen confirmed */
	uint64_t wrong;     /* guesses that were shown and proved wrong */
};

typedef struct predict predict;

predict *predict_new(enum predict_mode mode);
void predict_free(predict *p);

/*
 * The user typed key, sent as input event number event, with v the newest view received.
 * Guesses its effect on v's active pane when it can, else starts a new epoch.
 */
void predict_key(predict *p, const term_view *v, const term_key *key, uint64_t event,
		 uint64_t now_ms);
/* Any other event went out (a paste, a command, a mouse event): a new epoch. */
void predict_other(predict *p, uint64_t event);
/* A newer view arrived: checks the guesses its echo acknowledgement covers. */
void predict_view(predict *p, const term_view *v, uint64_t now_ms);
/* The link's smoothed RTT, for the adaptive display. */
void predict_link(predict *p, unsigned srtt_ms, uint64_t now_ms);

/*
 * The view to draw: v itself (a new reference) when nothing is to be shown, else a copy
 * whose active pane shows the guesses (underlined while flagged) and the guessed cursor.
 */
term_view *predict_overlay(const predict *p, term_view *v, uint64_t now_ms);
/* Whether predict_overlay(p, v, now_ms) shows anything (is not v itself). */
bool predict_shows(const predict *p, const term_view *v, uint64_t now_ms);
/*
 * Milliseconds from now_ms until predict_overlay's result changes by itself, with no new
 * key or view (a guess starts to show after waiting too long, a glitch or a mistake stops
 * counting): -1 when nothing will.
 */
int predict_timeout_ms(const predict *p, uint64_t now_ms);
/* Guesses made and not yet checked. */
unsigned predict_pending(const predict *p);
const struct predict_stats *predict_stats(const predict *p);

#endif
