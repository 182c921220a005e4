/*
 * The choosers' items (for mode_tree.c only): the chooser's state (ids, never pointers:
 * objects go at any time) and the lines it shows now, rebuilt from the server's objects
 * at every draw and key, as tmux's mode-tree: filtered (-f: a pane, client or buffer is
 * kept when the format is true for it; a window when one of its panes is, a session when
 * one of its windows is; nothing kept, nothing is filtered and no_matches says so),
 * sorted (-O, -r: tmux's orders per kind) and expanded as the chooser's toggles say.
 */
#ifndef RSH_SERVER_MODE_TREE_ITEMS_H
#define RSH_SERVER_MODE_TREE_ITEMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mode_tree.h"
#include "paste.h"
#include "server_client.h"

enum item_type { ITEM_SESSION, ITEM_WINDOW, ITEM_PANE, ITEM_CLIENT, ITEM_BUFFER };

/* An item by identity: a buffer by its name, the others by id. */
struct item_ref {
	uint8_t type;
	uint32_t id;
	char *buffer; /* allocated, ITEM_BUFFER only */
};

/* An expansion the user changed (Right, Left) from the default. */
struct toggle {
	uint8_t type;
	uint32_t id;
	bool expanded;
};

struct tree {
	enum mode_tree_kind kind;
	enum mode_tree_start start;
	char *format, *template, *filter;
	char *key_format; /* -K, NULL for tmux's */
	unsigned sort; /* index into mode_tree_sorts(kind) */
	bool reversed, preview, no_matches;
	/* The current item; index: where it was, for when it goes. */
	struct item_ref sel;
	size_t sel_index;
	bool sel_set;
	size_t offset; /* the first line shown */
	struct toggle *toggles;
	size_t ntoggles;
	struct item_ref *tags; /* tagged (t), in no order */
	size_t ntags;
};

/* One line of the list, for one draw or key: the pointers live as long as the call. */
struct item {
	uint8_t type;
	uint32_t id;
	unsigned depth;
	bool children, expanded, last, flat, tagged;
	size_t parent; /* index of the parent line, for depth > 0 */
	struct session *s;
	struct window *w;
	struct pane *p;
	struct client *c;
	struct paste_buffer *pb;
	char *name;
};

struct items {
	struct item *v;
	size_t n;
	size_t current;
};

/* The kind's sort orders' names, as tmux's (the first the default); *n set. */
const char *const *mode_tree_sorts(enum mode_tree_kind kind, unsigned *n);

/* The items now, the current one found again (or the one now where it was). */
void items_build(struct tree *t, struct items *it);
void items_free(struct items *it);
/* Makes item index the current one. */
void items_select(struct tree *t, const struct items *it, size_t index);

/* Expansions. */
void tree_set_expanded(struct tree *t, uint8_t type, uint32_t id, bool on);

/* Tags: t (on the item, its parents and children off: never both), T (none), C-t (every
 * top-level item); how many of the lines are tagged. */
void tree_tag_toggle(struct tree *t, const struct items *it, size_t index);
void tree_tag_clear(struct tree *t);
void tree_tag_top(struct tree *t, const struct items *it);
size_t tree_tagged(const struct items *it);
void tree_free_state(struct tree *t);

#endif
