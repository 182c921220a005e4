/*
 * Copy mode's commands, the names `send-keys -X` takes (tmux 3.3's window-copy table):
 * cursor-up, page-up, search-forward, begin-selection, copy-pipe-and-cancel, cancel...
 * with how many arguments each takes. The client's engine runs them (client/copymode.h);
 * the server checks a command line with them before sending it to a client, so a typo
 * from the command line is an error there and then.
 *
 * tmux ignores an unknown name or a wrong count in silence; rsh says so
 * (copycmd_check's messages), on the command line and on the client's status row.
 */
#ifndef RSH_CMD_COPYCMD_H
#define RSH_CMD_COPYCMD_H

struct copycmd {
	const char *name;
	int min_args, max_args; /* after the name */
};

/* The command called exactly name, or NULL. */
const struct copycmd *copycmd_find(const char *name);
/* Checks argv[0] (a name) and the count of argv[1..argc-1]: 0, or -1 with *cause
 * (allocated): "unknown copy-mode command: x", "copy-mode command x takes N arguments". */
int copycmd_check(int argc, char *const argv[], char **cause);

#endif
