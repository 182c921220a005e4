/*
 * Command lines: every command's name, aliases, flags and arguments in one table (as
 * tmux's cmd_entry), and a getopt-like parser over it. The words come from the shell or,
 * serialized, from the control socket, so they are untrusted: any bytes, any count.
 *
 * Rules: flags come first and may be combined (-dh); a flag's value may be glued (-sNAME)
 * or the next word (-s NAME); "--" ends the flags, as does the first word not starting
 * with '-' (a lone "-" is a word); what follows are the positional arguments. A flag given
 * twice keeps its last value. A command is named in full, by an alias, or by a prefix of
 * its name that no other name shares.
 */
#ifndef RSH_SERVER_ARGS_H
#define RSH_SERVER_ARGS_H

#include <limits.h>
#include <stdbool.h>
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

#define ARGS_MANY INT_MAX

struct args_command {
	const char *name;
	const char *alias[3];
	const struct args_flag *flags;
	const char *exclusive;   /* flags of which at most one may be given, or NULL */
	enum target_kind target; /* what -t designates */
	int min_args, max_args;  /* positional arguments */
	const char *usage;       /* one line, without "usage: " */
};

extern const struct args_command args_commands[];
extern const size_t args_ncommands;

#define ARGS_LETTERS 52 /* a-z, A-Z */

/* A parsed command line; strings point into the argv given to args_parse. */
struct args {
	const struct args_command *cmd;
	bool set[ARGS_LETTERS];
	const char *value[ARGS_LETTERS]; /* ARGS_STRING and ARGS_TARGET */
	long number[ARGS_LETTERS];       /* ARGS_NUMBER and ARGS_OPTIONAL */
	struct target target;            /* -t; every part current when absent */
	int argc;                        /* positional arguments */
	char *const *argv;
};

/* The command called name, or NULL and an allocated error line. */
const struct args_command *args_find(const char *name, char **error);
/*
 * Parses argv[0] (the command) and its flags and arguments. Returns NULL, or an allocated
 * error line (no newline) such as "rsh: unknown command: foo" or "usage: ...", leaving
 * *a empty. Either way args_free(a) is safe.
 */
char *args_parse(int argc, char *const argv[], struct args *a);
void args_free(struct args *a);

bool args_has(const struct args *a, char flag);
/* The value of a string or target flag, or NULL when not given. */
const char *args_get(const struct args *a, char flag);
/* The value of a number flag, or dflt when not given. */
long args_number(const struct args *a, char flag, long dflt);

#endif
