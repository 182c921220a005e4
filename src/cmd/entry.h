/*
 * A command's entry, as tmux's cmd_entry: everything about one command in one place, in
 * the command's own file (src/server/cmd_NAME.c). The rsh command checks a command line
 * against the entry before it reaches a server; the server parses it again (the words
 * come from another process) and runs the entry's exec.
 *
 * Rules an entry keeps (tests/test_args checks them all): the usage line starts with the
 * name and shows every flag; min_args <= max_args; the exclusive letters are flags of the
 * command. Names and aliases are unique across the table.
 */
#ifndef RSH_CMD_ENTRY_H
#define RSH_CMD_ENTRY_H

#include <limits.h>
#include <stddef.h>

#include "target.h"

enum args_value {
	ARGS_BOOL,     /* -d */
	ARGS_STRING,   /* -s name */
	ARGS_NUMBER,   /* -p 30: decimal digits within [min, max] */
	ARGS_OPTIONAL, /* -L [n]: a number glued on or in the next word, else min */
	ARGS_TARGET,   /* -t target, parsed for the command's target kind */
};

struct args_flag {
	char letter; /* 0 ends a command's list */
	enum args_value value;
	long min, max;
};

/* Writing a command's flags: .flags = ARGS_FLAGS(FLAG_BOOL('d'), FLAG_TARGET). */
#define FLAG_BOOL(c) {c, ARGS_BOOL, 0, 0}
#define FLAG_STRING(c) {c, ARGS_STRING, 0, 0}
#define FLAG_NUMBER(c, lo, hi) {c, ARGS_NUMBER, lo, hi}
#define FLAG_OPTIONAL(c, lo, hi) {c, ARGS_OPTIONAL, lo, hi}
#define FLAG_TARGET {'t', ARGS_TARGET, 0, 0}
#define FLAG_END {0, ARGS_BOOL, 0, 0}
#define ARGS_FLAGS(...) ((const struct args_flag[]){__VA_ARGS__, FLAG_END})
#define ARGS_NO_FLAGS ((const struct args_flag[]){FLAG_END})

#define ARGS_MANY INT_MAX

/* What a command's exec returns: its exit status, or (CMD_RETURN_WAIT, only when its
 * context allows it: cmd_ctx.wait) that it finishes later, from the server's loop. */
enum cmd_retval { CMD_RETURN_NORMAL = 0, CMD_RETURN_ERROR = 1, CMD_RETURN_WAIT = 2 };

struct cmd_ctx; /* the server's (src/server/cmd.h) */

struct cmd_entry {
	const char *name;
	const char *alias[3];
	const struct args_flag *flags;
	const char *exclusive;   /* flags of which at most one may be given, or NULL */
	enum target_kind target; /* what -t designates */
	int min_args, max_args;  /* positional arguments */
	const char *usage;       /* one line, without "usage: " */
	/* Runs the parsed command; an error is given back with cmd_error (src/server/cmd.h). */
	enum cmd_retval (*exec)(struct cmd_ctx *ctx);
};

/*
 * The table of every command's entry, NULL-terminated, in name order. It is defined
 * beside the entries (src/server/cmd_table.c), since each carries the server's exec; the
 * rsh command links it to check a line before sending it.
 */
extern const struct cmd_entry *const cmd_table[];

/*
 * The command called name: in full, by an alias, or by a prefix of its name no other name
 * shares. NULL and *cause (allocated, one line) when none or several.
 */
const struct cmd_entry *cmd_entry_find(const char *name, char **cause);
/* The command named exactly name or one of its aliases, else NULL. */
const struct cmd_entry *cmd_entry_exact(const char *name);

#endif
