/*
 * The values formats read (format.h): tmux's variables for a client, session, window and
 * pane, options by name, and the cached output of #() commands.
 */
#ifndef RSH_SERVER_FORMAT_VARS_H
#define RSH_SERVER_FORMAT_VARS_H

#include "format.h"

/* The variable's value (allocated), or NULL when name is none (or describes nothing
 * ctx has). An option's name gives its value for ctx's session, window or pane. */
char *format_var(const char *name, const struct format_ctx *ctx);

/* The number of the first line of p's screen (from 1) holding text (fnmatch(3) *text*,
 * or a regex), trailing blanks dropped as tmux's window_pane_search; 0 when none. */
unsigned format_search(struct pane *p, const char *text, bool regex, bool icase);

/* v (allocated, or NULL; taken) as ctx shows a value: its control characters escaped
 * unless ctx->raw (format.h). */
char *format_shown(char *v, const struct format_ctx *ctx);

/* The first line of cmd's latest output: started when not yet run or older than the
 * session's status-interval, read without waiting; "" until its first run ends. */
const char *format_job(const char *cmd, const struct format_ctx *ctx);
/* Counts the times a #() command's output changed (the status line's cache reads it). */
extern unsigned long long format_jobs_changed;

#endif
