/*
 * Options, as tmux's: a table of named, typed options (options_table.c) with tmux's names
 * and defaults, and sets of values scoped as tmux scopes them:
 *
 *   server options   one set, options_server
 *   session options  options_global_session, each session's set inheriting from it
 *   window options   options_global_window, each window's set inheriting from it, and
 *                    each pane's from its window's (for the options tmux lets panes set)
 *
 * A value not set in a set is its parent's; the global sets hold every default, so a
 * read never fails for a name in the table of the right scope. Readers ask at the moment
 * they act (a pane's spawn, the status line's drawing), so a change takes effect at once
 * for every client.
 *
 * Rules for hostile input: values come from config files and command lines; every parse
 * checks the value against the option's type and gives back a cause (cmd/cause.h) in
 * tmux's words ("invalid option: foo", "value is too small: -1", "bad colour: x").
 *
 * An option whose behaviour rsh lacks is in the table (its name and default are known,
 * so a config naming it is read) but marked unwired: setting it is refused with
 * "option not supported yet: NAME", never accepted and ignored. Whoever wires an option
 * drops the mark (options_table.c) and reads it where it acts.
 */
#ifndef RSH_SERVER_OPTIONS_H
#define RSH_SERVER_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

enum option_type {
	OPTION_STRING,
	OPTION_NUMBER, /* within [min, max] */
	OPTION_FLAG,   /* 0 or 1: on/off/yes/no/1/0, or toggled when no value is given */
	OPTION_CHOICE, /* the index of one of choices; two-choice ones toggle like flags */
	OPTION_COLOUR, /* a term_colour (term/cell.h), as style.h parses it */
	OPTION_STYLE,  /* a string that style_parse accepts (or holding #{}) */
	OPTION_KEY,    /* a key name (term/keyname.h, "None" too), kept as the string given */
	/* tmux's array options (status-format, terminal-overrides): strings at indexes,
	 * with gaps. Set whole, a value splits at the entry's separator (empty pieces
	 * dropped) into items put at the lowest free indexes, after the old ones are
	 * dropped (appending: kept). options_get_string reads the items joined by
	 * newlines, in index order; options_array_* read and set one item. */
	OPTION_ARRAY,
};

/* Where an option may be set. */
#define OPTION_SCOPE_SERVER 1u
#define OPTION_SCOPE_SESSION 2u
#define OPTION_SCOPE_WINDOW 4u
#define OPTION_SCOPE_PANE 8u /* together with WINDOW: a pane may override its window */

struct option_entry {
	const char *name;
	enum option_type type;
	unsigned scope;
	long long min, max;         /* OPTION_NUMBER */
	const char *const *choices; /* OPTION_CHOICE, NULL-terminated */
	const char *default_str;    /* STRING, STYLE, KEY, ARRAY (items split at separator) */
	const char *const *default_arr; /* ARRAY: the items at 0, 1, ... (NULL-terminated),
					 * instead of default_str */
	const char *separator;      /* ARRAY: the characters that split a value into items */
	long long default_num;      /* NUMBER, FLAG, CHOICE, COLOUR */
	bool unwired;               /* refused until rsh does what it says */
	const char *unit;           /* for docs and show: "milliseconds", or NULL */
};

/* The table, in name order, NULL name last. */
extern const struct option_entry options_table[];

struct options;

extern struct options *options_server, *options_global_session, *options_global_window;
/* Counts every change to any set (what caches of drawn options compare). */
extern unsigned long long options_changes;

/* Makes the global sets with every default. Called once, at server start. */
void options_init(void);
/* An empty set whose reads fall through to parent (a global set, or a window's). */
struct options *options_create(struct options *parent);
void options_free(struct options *oo);
/* A pane moved to another window reads that window's options from now on (as tmux). */
void options_set_parent(struct options *oo, struct options *parent);

/*
 * The option called name: in full or by a prefix no other name shares. NULL and *cause
 * ("invalid option: x", "ambiguous option: x") otherwise.
 */
const struct option_entry *options_find(const char *name, char **cause);

/*
 * name, or name[N] for one item of an array (N from 0): the entry and *index (-1
 * without brackets). NULL and *cause in tmux's words otherwise, naming the whole
 * argument ("invalid option: x[1]"; a malformed index reads "ambiguous option", as in
 * tmux 3.3a). Whether the entry is an array is the caller's to check ("not an array").
 */
const struct option_entry *options_find_indexed(const char *arg, int *index, char **cause);

/*
 * Reads, inherited. name must be in the table (a programming error aborts otherwise):
 * callers name options literally.
 */
const char *options_get_string(const struct options *oo, const char *name);
long long options_get_number(const struct options *oo, const char *name);

/*
 * Sets name (an entry's full name) in oo from its text form. append: a string's value
 * goes after the current one. value NULL: a flag or two-way choice toggles; others are
 * refused ("empty value"). Returns 0, or -1 with *cause and nothing changed.
 */
int options_set(struct options *oo, const struct option_entry *oe, const char *value,
		bool append, char **cause);
/* Whether oo itself holds a value for oe (not its parent). */
bool options_is_set(const struct options *oo, const struct option_entry *oe);
/* Forgets oo's own value, so the parent's shows; a global set goes back to the default. */
void options_unset(struct options *oo, const struct option_entry *oe);
/* One item of an array oe (inherited: the items of the nearest set holding the array);
 * NULL when there is none at index. */
const char *options_array_get(const struct options *oo, const struct option_entry *oe,
			      unsigned index);
/* Whether oo itself holds an item at index (set -o's test). */
bool options_array_own(const struct options *oo, const struct option_entry *oe,
		       unsigned index);
/* The items in index order: how many, and the i-th (its index in *index), inherited. */
size_t options_array_count(const struct options *oo, const struct option_entry *oe);
const char *options_array_item(const struct options *oo, const struct option_entry *oe,
			       size_t i, unsigned *index);
/*
 * Sets the item at index of oo's own array (made empty first when oo held none, as
 * tmux): value, or appended to the item there; value NULL removes it. Returns 0.
 */
int options_array_set(struct options *oo, const struct option_entry *oe, unsigned index,
		      const char *value, bool append);
/* oe's value in oo as show-options prints it (flags on/off, choices by name; an array's
 * items joined by newlines), allocated. */
char *options_to_string(const struct options *oo, const struct option_entry *oe);

#endif
