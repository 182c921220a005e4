/*
 * Formats as tmux expands them: #{variable}, the short forms #S #I #W #P #T #H #h #F #D,
 * ## for #, conditionals #{?cond,then,else}, comparisons #{==:a,b} #{!=:a,b} #{<:a,b}
 * #{>:a,b} #{<=:a,b} #{>=:a,b} #{||:a,b} #{&&:a,b}, #{m:pattern,text} (fnmatch(3);
 * #{m/r:...} a POSIX extended regex, i in the flags ignores case), #{C:text} (the number
 * of the first line of the pane's screen holding text, 0 for none; flags r and i as m's),
 * truncation
 * #{=N:x} (from the end when N is negative; #{=/N/marker:x} puts marker where it cut;
 * styles count nothing and are kept), #{b:x} #{d:x} (basename, dirname), #{l:x}
 * (literal), #{E:x} (x's value expanded again), #{T:x} (the same with strftime),
 * #{e|op|flags|precision:a,b} (tmux 3.3's arithmetic: + - * / % m == != > < >= <=, f
 * for floating point), #{a:n} (the ASCII character n),
 * #{t:x} (a time), modifiers chained with ';' (#{T;=/10:status-left}), the loops
 * #{W:a,b} (each window of the session, b for the current one), #{P:a,b} (each pane of
 * the window, b for the active one) and #{S:a} (each session), an option's value by its
 * name, and #(command): the first line of the command's output, run through /bin/sh in
 * the background and kept until status-interval has passed (empty until its first run
 * ends). #[style] is kept for the status line to draw (status.h), the formats inside it
 * expanded, as tmux.
 *
 * The text is untrusted (a config file, a command line): unknown variables are empty,
 * unbalanced braces are copied as they are, nesting and length are bounded.
 */
#ifndef RSH_SERVER_FORMAT_H
#define RSH_SERVER_FORMAT_H

#include <stdbool.h>
#include <time.h>

#include "server.h"

struct client;

/* What the variables describe; any may be NULL (their variables are then empty). */
struct format_ctx {
	struct client *client;
	struct session *s;
	struct window *w;
	struct pane *p;
	const struct paste_buffer *pb; /* the buffer_* variables' */
	bool time;   /* expand strftime(3) sequences (%H:%M) first, as status-left/right do */
	bool nojobs; /* #() expands to nothing and runs nothing (the fuzz target) */
	/*
	 * Values as they are, for text that is run or used (a shell command, a directory),
	 * not shown. Otherwise a value holding a control character (a process name, a
	 * title, a path, a #() line: anything a program in a pane can choose) has it
	 * escaped as util/printable.h does, so a listing or the status line never carries
	 * it to a terminal. The format's own text is the user's and stays as written.
	 */
	bool raw;
	/* Variables of the caller's before all others (tmux's format_add: a chooser's
	 * #{line}): name, value, name, value..., NULL. */
	const char *const *vars;
};

/*
 * Fills what ctx lacks from what it has: a client's session, a session's current window,
 * a window's active pane; with nothing, the current session's; the most recent paste
 * buffer (tmux's defaults).
 */
void format_defaults(struct format_ctx *ctx);

/* text expanded; allocated. */
char *format_expand(const char *text, const struct format_ctx *ctx);

/* Whether text, expanded for the client's current pane (or the current session's),
 * is true: not empty and not "0". */
bool format_true(const char *text, struct client *client);
/* The same, expanded for ctx. */
bool format_true_for(const char *text, const struct format_ctx *ctx);

/* Has every #() command run again at its next expansion (a run under way stopped), its
 * output kept until then (refresh-client -S). */
void format_jobs_force(void);
/* Forgets the #() commands' cached output and stops those still running. */
void format_jobs_free(void);

#endif
