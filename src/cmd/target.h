/*
 * Targets as tmux writes them, parsed but not resolved: `work`, `work:2`, `work:2.1`,
 * `:2`, `:.1`, `2.1`, `=work` (exact name only), `:=logs`, window or pane offsets `:+`,
 * `:-2`, `:.+`, the ids `$3` (session), `@7` (window), `%12` (pane), and the mouse
 * target `=` (or `{mouse}`).
 *
 * A word without `:` or `.` names what the command acts on: `-t 2` is session "2" for
 * attach, window 2 for select-window, pane 2 for select-pane. An absent or empty part means
 * the current one. Resolving against sessions, windows and panes (index first, then name,
 * then name prefix, as tmux) is the server's business.
 */
#ifndef RSH_CMD_TARGET_H
#define RSH_CMD_TARGET_H

#include <stdbool.h>

enum target_kind { TARGET_SESSION, TARGET_WINDOW, TARGET_PANE };

enum target_form {
	TARGET_CURRENT, /* absent or empty */
	TARGET_NUMBER,  /* digits: an index, or a name made of digits */
	TARGET_OFFSET,  /* +N or -N from the current one (+ and - alone are 1) */
	TARGET_NAME,    /* a name: exact, else a unique prefix */
	TARGET_EXACT,   /* =name: exact only */
	TARGET_ID,      /* $N, @N or %N: the object's unique id */
};

struct target_part {
	enum target_form form;
	long value; /* NUMBER and ID: the number; OFFSET: signed distance */
	char *name; /* NUMBER, NAME and EXACT: the text (without the =) */
};

struct target {
	struct target_part session, window, pane;
	/* `=` or `{mouse}`: what the mouse event of a mouse key's binding is over (the
	 * client puts that pane or window in before the server sees the command; the
	 * server, which holds no mouse event, says "no mouse target"). */
	bool mouse;
};

/*
 * Parses s as a target for a command acting on kind. Returns NULL and fills *t (free with
 * target_free), or an allocated one-line error "bad target: ..." and leaves *t empty.
 */
char *target_parse(const char *s, enum target_kind kind, struct target *t);
void target_free(struct target *t);

#endif
