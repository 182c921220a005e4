/*
 * Config files: tmux's syntax (cmd/parse.h) read and run as source-file does, and the
 * file read at server start. A bad line or a failing command is reported as
 * "file:line: message" and the other lines still run.
 */
#ifndef RSH_SERVER_CFG_H
#define RSH_SERVER_CFG_H

#include <stdbool.h>

#include "cmd.h"

/* Files nested deeper than this (a file sourcing itself) are refused, as tmux. */
#define CFG_MAX_DEPTH 50
/* A config file larger than this is refused whole. */
#define CFG_MAX_SIZE (4u << 20)

struct cfg_flags {
	bool quiet;      /* -q: a pattern matching no file is no error */
	bool parse_only; /* -n: check the syntax, run nothing */
	bool verbose;    /* -v: print each command, file:line: before it, as it runs */
};

/*
 * Runs the files the patterns name (glob(3) patterns; relative to the request's cwd) in
 * order, with ctx's request, client and output, as tmux's queue does: a line that waits
 * (run-shell, if-shell without -b) holds the lines after it. Returns CMD_RETURN_ERROR
 * when anything failed (each failure already reported on the request's stderr), or
 * CMD_RETURN_WAIT when a line waits and ctx->wait lets the caller wait too: the run
 * resumes it at its end with its result. When the caller cannot wait, it goes on: the
 * rest runs later, its errors going to the message log.
 */
enum cmd_retval cfg_source(struct cmd_ctx *ctx, char *const patterns[], int n,
			   const struct cfg_flags *flags);

/*
 * At server start, before any request: file when given (its absence an error), else the
 * first of ~/.config/rsh/rsh.conf and ~/.rsh.conf that exists. What it reported is kept
 * for the first client that attaches (cfg_take_messages). While a line of it waits,
 * cfg_busy() is true: the request of the rsh that started the server waits until it is
 * over, as tmux's initial client waits for its configuration.
 */
void cfg_load_startup(const char *file);
bool cfg_busy(void);
/* The start-up file's error lines, once (allocated; NULL when there were none or they
 * were taken). */
char *cfg_take_messages(void);

#endif
