/*
 * view mode, as tmux's: what a client's own commands print (a key binding's, a prompt's,
 * a chooser's template: list-keys from C-b ?, list-buffers from C-b #, show-messages from
 * C-b ~) shown over its window area instead of going nowhere. As in tmux it is copy mode
 * over the text: the server writes the text into an emulator of the window area's size
 * (no pty; control characters dropped, as tmux's screen_write_vnputs drops them; long
 * lines wrapped, flagged as the terminal wrapped them) and shows it as the view's pane
 * TERM_VIEW_TEXT_PANE with its history, which the client's copy mode shows from the top,
 * with copy mode's keys (mode-keys), search, selection and copies (client/copymode.h);
 * the client's history requests and searches for that pane read this text
 * (history.h's text source). Output while it is shown is added at the end. When the
 * window area changes size the text is written again at the new size (reflowed, as
 * tmux's), under a new history epoch. The client's VIEW_DONE event (it left copy mode
 * over the text) ends it; so do q, Escape and C-c typed before the client took the text
 * over (its keys go to the mode until then).
 */
#ifndef RSH_SERVER_MODE_VIEW_H
#define RSH_SERVER_MODE_VIEW_H

#include <stddef.h>

struct client;

/* The most lines of text a view mode keeps (its emulator's history limit). */
#define MODE_VIEW_HISTORY 100000

/* Shows text (len bytes, lines ending in '\n') in c's view mode, after what it shows
 * already, opening it (ending another mode) when c is not in it. */
void mode_view_add(struct client *c, const char *text, size_t len);
/* Ends c's view mode, if it is in it (not another mode). */
void mode_view_done(struct client *c);

#endif
