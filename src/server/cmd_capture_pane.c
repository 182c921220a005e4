/*
 * capture-pane: a pane's lines as text, printed (-p) or into a buffer (-b, else a new
 * one), as tmux: -S and -E name the first and last line, 0 the screen's top row,
 * negative numbers lines of history, "-" the start of history or the end of the screen;
 * -e with SGR escapes; -J joins the lines the terminal wrapped (their trailing blanks
 * kept), which the emulator marks as it sees text wrap (term_row.wrapped).
 */
#include <stdlib.h>

#include "cmd.h"
#include "paste.h"
#include "term/capture.h"

static enum cmd_retval cmd_capture_pane_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_capture_pane_entry = {
	.name = "capture-pane",
	.alias = {"capturep"},
	.flags = ARGS_FLAGS(FLAG_BOOL('e'), FLAG_BOOL('J'), FLAG_BOOL('p'), FLAG_STRING('b'),
			    FLAG_STRING('E'), FLAG_STRING('S'), FLAG_TARGET),
	.target = TARGET_PANE,
	.usage = "capture-pane [-eJp] [-b buffer-name] [-E end-line] [-S start-line] "
		 "[-t target-pane]",
	.exec = cmd_capture_pane_exec,
};

/* A line of -S or -E as an index from history's first line: dflt for "-", the value
 * clamped into the lines there are; false when it is not a number. */
static bool line_arg(const char *s, long hsize, long rows, long dflt, long *out)
{
	if (s[0] == '-' && s[1] == '\0') {
		*out = dflt;
		return true;
	}
	char *end;
	long n = strtol(s, &end, 10);
	if (end == s || *end != '\0')
		return false;
	n = n < -hsize ? 0 : hsize + n;
	*out = n > hsize + rows - 1 ? hsize + rows - 1 : n;
	return true;
}

static enum cmd_retval cmd_capture_pane_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	const term_grid *g = term_emulator_main_grid(p->em);
	term_snapshot *snap = term_emulator_snapshot(p->em);
	/* The alternate screen has no history, as in tmux. */
	const term_grid *history = snap->modes & TERM_MODE_ALTSCREEN ? NULL : g;
	long hsize = history != NULL ? history->sb.len : 0, rows = snap->rows, top, bottom;
	const char *s = args_get(&ctx->args, 'S'), *e = args_get(&ctx->args, 'E');
	bool good_s = line_arg(s != NULL ? s : "0", hsize, rows, 0, &top);
	if (!good_s || !line_arg(e != NULL ? e : "-", hsize, rows, hsize + rows - 1, &bottom)) {
		term_snapshot_unref(snap);
		return cmd_error(ctx, "capture-pane: bad line: %s", good_s ? e : s);
	}
	if (bottom < top) {
		long t = top;
		top = bottom;
		bottom = t;
	}
	unsigned flags = (args_has(&ctx->args, 'e') ? TERM_CAPTURE_ESCAPES : 0) |
			 (args_has(&ctx->args, 'J') ? TERM_CAPTURE_JOIN : 0);
	size_t len;
	char *text = term_capture_lines(snap, history, (size_t)top, (size_t)bottom, flags, &len);
	term_snapshot_unref(snap);
	if (args_has(&ctx->args, 'p')) {
		cmd_write(ctx, text, len);
		free(text);
	} else {
		paste_set(args_get(&ctx->args, 'b'), text, len);
	}
	return CMD_RETURN_NORMAL;
}
