/*
 * The choosers (mode.h): choose-tree (sessions, their windows and their panes),
 * choose-client and choose-buffer, drawn as tmux 3.3 draws them (mode_tree.c). Keys:
 * Up/Down (k/j, C-p/C-n) move, wrapping; PageUp/PageDown, Home/End; Right/Left (l/h,
 * + -) expand and collapse (Left on a leaf goes to its parent), M-+ and M-- every
 * top-level item; m marks the item's pane, M clears the mark; Enter, or an item's own key
 * (its -K key format expanded for it, #{line} its line; tmux's default gives 0-9, then
 * M-a..M-z; it comes before the other keys), runs the template with %% as the item's
 * target and leaves; x asks
 * (y/n) on the status row, then kills, detaches or deletes it; t tags the item (and moves
 * down), T untags all, C-t tags every top-level item, X kills the tagged ones, ':' runs a
 * command for the tagged ones (else the current one); f sets the filter, O cycles the
 * order, r reverses it, v shows or hides the preview; q, Escape and C-g leave.
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
	const char *key_format; /* -K: each line's key, or NULL for tmux's; copied */
	const char *template; /* run on choosing, %% the target; NULL for tmux's; copied */
	const char *filter;   /* -f: the items kept (mode_tree_items.h), or NULL; copied */
	const char *sort;     /* -O: the order's name (tmux's), or NULL for the first */
	bool reversed;        /* -r */
};

/* Opens the chooser on client c, its current item the client's own (session, window,
 * pane; client), or the first. */
void mode_tree_start(struct client *c, const struct mode_tree_args *a);
/*
 * The chooser's own prompts answer through its command (f: `choose-tree -f "text"`, ':':
 * `choose-tree "command"`): when c is in a chooser of a's kind, a's filter (empty: none),
 * order (-O) and -r change it, and a template runs at once, as c's, for each tagged item
 * (else the current one), %% its target; the chooser stays. False when c is in no such
 * chooser (nothing done).
 */
bool mode_tree_change(struct client *c, const struct mode_tree_args *a);

#endif
