/*
 * The choosers (mode.h): choose-tree (sessions, their windows and their panes),
 * choose-client and choose-buffer, drawn as tmux 3.3 draws them (mode_tree.c). Keys:
 * Up/Down (k/j, C-p/C-n) move, wrapping; PageUp/PageDown, Home/End; Right/Left (l/h)
 * expand and collapse (Left on a leaf goes to its parent); Enter, or an item's own key
 * (0-9, M-a..M-z), runs the template with %% as the item's target and leaves; x asks
 * (y/n) on the status row, then kills, detaches or deletes it; q, Escape and C-c leave.
 */
#ifndef RSH_SERVER_MODE_TREE_H
#define RSH_SERVER_MODE_TREE_H

#include <stdbool.h>

struct client;

enum mode_tree_kind { MODE_TREE_SESSIONS, MODE_TREE_CLIENTS, MODE_TREE_BUFFERS };
/* What choose-tree starts expanded to: -s sessions collapsed, -w windows collapsed,
 * else everything open (panes of windows with more than one). */
enum mode_tree_start { MODE_TREE_PANES, MODE_TREE_WINDOWS, MODE_TREE_SESSIONS_ONLY };

struct mode_tree_args {
	enum mode_tree_kind kind;
	enum mode_tree_start start;
	bool preview;         /* the box below the list (not -N) */
	const char *format;   /* -F: each line's text, or NULL for tmux's; copied */
	const char *template; /* run on choosing, %% the target; NULL for tmux's; copied */
};

/* Opens the chooser on client c, its current item the client's own (session, window,
 * pane; client), or the first. */
void mode_tree_start(struct client *c, const struct mode_tree_args *a);

#endif
