/*
 * Command lines: a getopt-like parser over a command's entry (entry.h). The words come
 * from the shell, a config file or, serialized, from the control socket, so they are
 * untrusted: any bytes, any count.
 *
 * Rules: flags come first and may be combined (-dh); a flag's value may be glued (-sNAME)
 * or the next word (-s NAME); "--" ends the flags, as does the first word not starting
 * with '-' (a lone "-" is a word); what follows are the positional arguments. A flag given
 * twice keeps its last value (every value of a string flag is kept too: args_values). A command is named in full, by an alias, or by a prefix of
 * its name that no other name shares.
 */
#ifndef RSH_CMD_ARGS_H
#define RSH_CMD_ARGS_H

#include <stdbool.h>

#include "entry.h"
#include "target.h"

#define ARGS_LETTERS 62 /* a-z, A-Z, 0-9 */

/* A parsed command line; strings point into the argv given to args_parse. */
struct args {
	const struct cmd_entry *cmd;
	bool set[ARGS_LETTERS];
	const char *value[ARGS_LETTERS]; /* ARGS_STRING and ARGS_TARGET */
	long number[ARGS_LETTERS];       /* ARGS_NUMBER and ARGS_OPTIONAL */
	const char **all[ARGS_LETTERS];  /* every value of an ARGS_STRING, in order (allocated) */
	unsigned nall[ARGS_LETTERS];
	struct target target;            /* -t; every part current when absent */
	int argc;                        /* positional arguments */
	char *const *argv;
};

/*
 * Parses the flags and arguments of argv[1..] for entry (argv[0] is the command's name as
 * written). Returns 0, or -1 with *cause (cause.h) such as "usage: ..." or "kill-pane:
 * unknown flag -x", leaving *a empty. Either way args_free(a) is safe.
 */
int args_parse(const struct cmd_entry *entry, int argc, char *const argv[], struct args *a,
	       char **cause);
/*
 * The same for a whole command line: argv[0] found with cmd_entry_find. Defined beside the
 * table (src/server/cmd_table.c).
 */
int args_parse_command(int argc, char *const argv[], struct args *a, char **cause);
void args_free(struct args *a);

bool args_has(const struct args *a, char flag);
/* The value of a string or target flag, or NULL when not given. */
const char *args_get(const struct args *a, char flag);
/* Every value a string flag was given, in order (-e A=1 -e B=2); *n of them. */
const char *const *args_values(const struct args *a, char flag, unsigned *n);
/* The value of a number flag, or dflt when not given. */
long args_number(const struct args *a, char flag, long dflt);

#endif
