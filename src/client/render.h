/*
 * Drawing views on the local terminal with ncurses: panes cell for cell, the borders the
 * client works out (borders.h), the status row with the notice and the link state.
 */
#ifndef RSH_CLIENT_RENDER_H
#define RSH_CLIENT_RENDER_H

#include <stdio.h>

#include "term/event.h"
#include "term/view.h"

typedef struct render render;

/*
 * Starts ncurses on the terminal at in/out (raw, no echo, keypad off: keyparse reads the
 * bytes). term is the terminfo name ($TERM); colorterm is $COLORTERM (NULL when unset):
 * "truecolor" or "24bit" asks for direct colour, taken when the terminfo entry has it or
 * has a "-direct" variant. term must outlive the render (it says which terminals take
 * titles). Returns NULL when the terminal is unknown.
 */
render *render_new(const char *term, const char *colorterm, FILE *in, FILE *out);

/* Leaves ncurses and frees everything. */
void render_free(render *r);

/* Grows each time the render takes a view's other terminal lists (terminal-features,
 * terminal-overrides): what it uses of the terminal may have changed. */
unsigned render_caps_serial(const render *r);
/* Sends the terminal as the render uses it now, as TERMINAL events (termdesc.h). */
void render_describe(const render *r, void (*send)(void *arg, const term_event *ev), void *arg);

/* The terminal's contents are unknown (the client was stopped): redraw them all next. */
void render_invalidate(render *r);
/* Leaves curses' modes (the normal screen back) for a stop; the next flush resumes them. */
void render_suspend(render *r);
/* The terminal is now rows x cols: ncurses draws at that size from the next flush, all
 * of the screen. (SIGWINCH is the client's, so ncurses never sees it itself.) False when
 * ncurses cannot (out of memory): it draws at the size it had. The caller keeps the size
 * within TERM_MAX_COLS x TERM_MAX_ROWS. */
bool render_resize(render *r, unsigned rows, unsigned cols);

/*
 * Draws v, with link (the link state's text, "" for none) at the status row's right end,
 * and puts the cursor where the active pane has it. Drawing shows with render_flush.
 * The render keeps a reference to v and draws next time only what differs from it, so a
 * view must not change once drawn: build the next one as a clone (term_view_clone,
 * term_snapshot_clone, term_row_writable). The same view object drawn again is drawn in
 * full.
 */
void render_view(render *r, const term_view *v, const char *link);

/* Draws text over v's message row in message-style: a prompt and its line so far with the
 * cursor at column cursor (in message-command-style while command, vi's command mode), or
 * (cursor < 0) a message, as the notice. */
void render_prompt(render *r, const term_view *v, const char *text, int cursor, bool command);

/* Shows what was drawn. */
void render_flush(render *r);
/* Sets the terminal's clipboard to a copy (base64), as tmux's copy mode does: through
 * terminfo Ms when the entry has it, else xterm's OSC 52 (`\e]52;c;DATA\a`). */
void render_copy(render *r, const char *base64);

#endif
