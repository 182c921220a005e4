/*
 * view mode, as tmux's: what a client's own commands print (a key binding's, a prompt's,
 * a chooser's template: list-buffers from C-b #, show-messages from C-b ~) shown over its
 * window area instead of going nowhere, the top first, the cursor on the top line, long
 * lines wrapped and "[offset/history]" at the top right in mode-style. Output while it
 * is shown is added at the end. Keys: Up/Down (k j C-p C-n) move the cursor, scrolling at
 * the edges; PageUp/PageDown (C-b C-f M-v C-v) a page; g/G (M-< M->) the top and the
 * end; q, Escape and C-c leave. (tmux's view mode is copy mode over the text, with its
 * search and selection; this one scrolls only.)
 */
#ifndef RSH_SERVER_MODE_VIEW_H
#define RSH_SERVER_MODE_VIEW_H

#include <stddef.h>

struct client;

/* Shows text (len bytes, lines ending in '\n') in c's view mode, after what it shows
 * already, opening it (ending another mode) when c is not in it. */
void mode_view_add(struct client *c, const char *text, size_t len);

#endif
