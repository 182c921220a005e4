/*
 * The client draws exactly what the pane holds (issue 11). Full-screen programs (vim,
 * less, man, vttest through its screen features) and an SGR/Unicode test pattern, plain
 * and in reverse video, run three ways: without rsh, in a pty of the pane's size read by
 * the project's emulator (the reference); in an rsh pane, read back from the server
 * (capture-pane -e); and through the real client, whose terminal the test reads with the
 * same emulator, which parses every SGR form (colon sub-parameters, underline styles and
 * colours). Cell for cell: characters (wide, combining, emoji), colours, every attribute,
 * the cursor's place and shape. htop, whose screen no second run repeats, is compared
 * with the server's view alone.
 *
 * Three local terminals: xterm-256color with COLORTERM=truecolor (24-bit colours exact,
 * palette colours as indices; no Smulx, so underline styles show as a single underline
 * and underline colours not at all), and tmux-256color (Smulx: styles and underline
 * colours exact; 256 colours, so a 24-bit colour shows as the nearest of them), the same
 * with COLORTERM=truecolor (curses on tmux-direct, whose setaf sends only 0-7 as indices:
 * the palette must still go as indices). What a terminal cannot show is the only
 * difference allowed (shown() says which).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "client/colour.h"
#include "term/row.h"
#include "util/xmalloc.h"

#define COLS 80
#define ROWS 24 /* the client's: the pane has one row less (the status row) */

struct terminal {
	const char *term, *colorterm;
	bool direct; /* 24-bit colours exact (a -direct terminfo entry) */
	bool styles; /* terminfo Smulx: underline styles and colours */
};

static const struct terminal terminals[] = {
	{ "xterm-256color", "truecolor", true, false },
	{ "tmux-256color", "", false, true },
	/* its sibling tmux-direct: palette colours 8-255 as indices all the same */
	{ "tmux-256color", "truecolor", true, true },
};

/* A cell as a terminal t shows what the pane holds: what it cannot show, left out. */
static term_cell shown(term_cell c, const struct terminal *t)
{
	unsigned ul = (c.attrs & TERM_ATTR_UNDERLINE_MASK) >> TERM_ATTR_UNDERLINE_SHIFT;
	if (!t->styles) {
		if (ul > 1)
			c.attrs = (uint16_t)((c.attrs & ~TERM_ATTR_UNDERLINE_MASK) |
					     (1u << TERM_ATTR_UNDERLINE_SHIFT));
		c.ul = TERM_COLOUR_DEFAULT;
	}
	if (ul == 0)
		c.ul = TERM_COLOUR_DEFAULT; /* an underline colour shows on an underline */
	term_colour *colours[] = { &c.fg, &c.bg };
	for (unsigned i = 0; i < 2; i++) {
		if (TERM_COLOUR_KIND(*colours[i]) != 2)
			continue;
		int n = colour_curses(*colours[i], 256, t->direct ? 256 : 0);
		*colours[i] = t->direct ? TERM_COLOUR_RGB(n >> 16 & 0xff, n >> 8 & 0xff, n & 0xff)
					: TERM_COLOUR_PALETTE(n);
	}
	return c;
}

/* A blank cell and a space in the same pen look the same. */
static uint32_t shown_char(const term_row *row, unsigned col, uint32_t chars[TERM_MAX_CHARS],
			   unsigned *n)
{
	*n = term_row_chars(row, col, chars);
	if (*n == 0 || chars[0] == 0) {
		chars[0] = ' ';
		*n = 1;
	}
	return chars[0];
}

static void describe(char *buf, size_t size, const term_row *row, unsigned col)
{
	term_cell c = term_row_get(row, col);
	uint32_t chars[TERM_MAX_CHARS];
	unsigned n = term_row_chars(row, col, chars), len;
	len = (unsigned)snprintf(buf, size, "w%u fg %#x bg %#x ul %#x attrs %#x chars", c.width,
				 c.fg, c.bg, c.ul, c.attrs);
	for (unsigned i = 0; i < n && len < size; i++)
		len += (unsigned)snprintf(buf + len, size - len, " U+%04X", chars[i]);
}

/* How much of a reference same_cells holds the client to. */
enum compare {
	EXACT,   /* every cell: character, attributes, colours */
	TEXT,    /* characters and attributes of cells that show text */
	TRIMMED, /* exact up to each row's last non-blank cell, then characters only */
};

/*
 * Whether the client's cells show the reference's (rows x cols from the top left) as
 * terminal t can; the first difference in *why. A reference read back with capture-pane
 * has lost its rows' trailing blanks and their pens: compare it TEXT or TRIMMED. flip:
 * attributes the terminal shows toggled (reverse, for want in DECSCNM).
 */
static bool same_cells(const term_snapshot *want, const term_snapshot *have, unsigned rows,
		       unsigned cols, const struct terminal *t, enum compare how, uint16_t flip,
		       char *why, size_t size)
{
	for (unsigned y = 0; y < rows; y++) {
		unsigned used = how == TRIMMED ? term_row_used(want->lines[y]) : cols;
		for (unsigned x = 0; x < cols; x++) {
			term_cell a = shown(term_row_get(want->lines[y], x), t);
			a.attrs ^= flip;
			term_cell b = term_row_get(have->lines[y], x);
			uint32_t ca[TERM_MAX_CHARS], cb[TERM_MAX_CHARS];
			unsigned na, nb;
			shown_char(want->lines[y], x, ca, &na);
			shown_char(have->lines[y], x, cb, &nb);
			if (how == TEXT && ca[0] == ' ')
				continue;
			bool same = na == nb && memcmp(ca, cb, na * sizeof *ca) == 0;
			if (x < used)
				same = same && a.width == b.width && a.attrs == b.attrs;
			if (how != TEXT && x < used)
				same = same && a.fg == b.fg && a.bg == b.bg && a.ul == b.ul;
			if (same)
				continue;
			char da[160], db[160];
			describe(da, sizeof da, want->lines[y], x);
			describe(db, sizeof db, have->lines[y], x);
			snprintf(why, size, "row %u col %u: want %s (shown as attrs %#x fg %#x bg"
				 " %#x ul %#x), have %s", y, x, da, a.attrs, a.fg, a.bg, a.ul, db);
			return false;
		}
	}
	return true;
}

static bool same_cursor(const term_cursor *a, const term_cursor *b)
{
	return a->row == b->row && a->col == b->col && a->visible == b->visible &&
	       a->shape == b->shape && (a->shape == TERM_CURSOR_DEFAULT || a->blink == b->blink);
}

/* A key sequence typed (none for the first step), then the text that says the screen
 * it leads to is being drawn (the screen is taken once quiet). */
struct step {
	const char *keys, *ready;
};

/* The program run without rsh, in a pty of the pane's size, through the steps: its
 * screen once settled after each, into want[]. */
static void reference(const char *cmd, const struct step *steps, size_t n,
		      term_snapshot **want)
{
	char *argv[] = { "/bin/sh", "-c", (char *)cmd, NULL };
	harness_client *p = harness_program_start(COLS, ROWS - 1, argv);
	for (size_t i = 0; i < n; i++) {
		if (steps[i].keys != NULL)
			harness_send(p, steps[i].keys);
		harness_wait_text(p, steps[i].ready);
		harness_settle(p, 500);
		want[i] = harness_snapshot(p);
	}
	harness_client_free(p);
}

/* Waits until the client (terminal t) shows the reference, else fails with both. */
static void wait_same(harness_client *c, const term_snapshot *want, const struct terminal *t,
		      const char *what)
{
	char why[512] = "";
	for (int tries = 0;; tries++) {
		harness_settle(c, 300);
		term_snapshot *have = harness_snapshot(c);
		/* DECSCNM: the client shows every cell reversed, as xterm does. */
		uint16_t flip = want->modes & TERM_MODE_REVERSE_VIDEO ? TERM_ATTR_REVERSE : 0;
		bool same = same_cells(want, have, ROWS - 1, COLS, t, EXACT, flip, why, sizeof why);
		if (same && !same_cursor(&want->cursor, &have->cursor))
			snprintf(why, sizeof why, "cursor %u,%u shape %u blink %d visible %d, want"
				 " %u,%u shape %u blink %d visible %d", have->cursor.row,
				 have->cursor.col, have->cursor.shape, have->cursor.blink,
				 have->cursor.visible, want->cursor.row, want->cursor.col,
				 want->cursor.shape, want->cursor.blink, want->cursor.visible);
		same = same && same_cursor(&want->cursor, &have->cursor);
		term_snapshot_unref(have);
		if (same)
			return;
		if (tries == 20)
			harness_fail(c, "%s on %s: the client differs from the program without rsh:"
				     " %s", what, t->term, why);
	}
}

/* A client on terminal t: a new session name running cmd, or attached to it (cmd NULL). */
static harness_client *client(const struct terminal *t, const char *name, const char *cmd)
{
	char *term, *colorterm;
	xasprintf(&term, "TERM=%s", t->term);
	xasprintf(&colorterm, "COLORTERM=%s", t->colorterm);
	char *argv[] = { "/usr/bin/env", term, colorterm, (char *)harness_rsh_path(), "-S",
			 (char *)harness_socket(), cmd != NULL ? "new" : "attach",
			 cmd != NULL ? "-s" : "-t", (char *)name, "sh", "-c", (char *)cmd,
			 NULL };
	if (cmd == NULL)
		argv[9] = NULL;
	harness_client *c = harness_program_start(COLS, ROWS, argv);
	free(term);
	free(colorterm);
	return c;
}

/* The server's own view of the pane (characters and attributes: capture-pane -e) is the
 * reference too. */
static void check_server(const char *name, const term_snapshot *want, const char *what)
{
	char pane[64], why[512];
	snprintf(pane, sizeof pane, "%s:0.0", name);
	term_snapshot *server = harness_capture_cells(pane, COLS, ROWS - 1);
	static const struct terminal exact = { "", "", true, true };
	CHECKF(same_cells(want, server, ROWS - 1, COLS, &exact, TEXT, 0, why, sizeof why),
	       "%s: the server's view differs from the program without rsh: %s", what, why);
	term_snapshot_unref(server);
}

/*
 * One program, through its steps on the first nterms terminals: the reference, then the
 * client and the server's view at each step. A program of one step runs once, the other
 * terminals attaching to it; one of several steps runs anew on each terminal.
 */
static void fidelity_steps(const char *name, const char *cmd, const struct step *steps,
			   size_t n, size_t nterms)
{
	term_snapshot **want = xcalloc(n, sizeof *want);
	reference(cmd, steps, n, want);
	for (size_t i = 0; i < nterms; i++) {
		const struct terminal *t = &terminals[i];
		char session[64];
		if (n > 1)
			snprintf(session, sizeof session, "%s%zu", name, i);
		else
			snprintf(session, sizeof session, "%s", name);
		harness_client *c = client(t, session, i == 0 || n > 1 ? cmd : NULL);
		for (size_t k = 0; k < n; k++) {
			if (steps[k].keys != NULL)
				harness_send(c, steps[k].keys);
			harness_wait_text(c, steps[k].ready);
			char what[160];
			snprintf(what, sizeof what, "%s, step %zu (%s)", name, k, steps[k].ready);
			wait_same(c, want[k], t, what);
			check_server(session, want[k], what);
		}
		harness_detach(c);
	}
	for (size_t k = 0; k < n; k++)
		term_snapshot_unref(want[k]);
	free(want);
}

static void fidelity(const char *name, const char *cmd, const char *ready)
{
	const struct step step = { NULL, ready };
	fidelity_steps(name, cmd, &step, 1, sizeof terminals / sizeof terminals[0]);
}

/*
 * A program whose screen changes by itself (htop: the machine's processes), so no run
 * without rsh shows the same: the client on terminal 0 against the server's own view,
 * taken when the program is quiet, colours and all up to each row's trailing blanks.
 */
static void fidelity_live(const char *name, const char *cmd, const char *ready)
{
	const struct terminal *t = &terminals[0];
	harness_client *c = client(t, name, cmd);
	harness_wait_text(c, ready);
	char pane[64], why[512];
	snprintf(pane, sizeof pane, "%s:0.0", name);
	for (int tries = 0;; tries++) {
		harness_settle(c, 300);
		term_snapshot *server = harness_capture_cells(pane, COLS, ROWS - 1);
		term_snapshot *have = harness_snapshot(c);
		bool same = same_cells(server, have, ROWS - 1, COLS, t, TRIMMED, 0, why, sizeof why);
		term_snapshot_unref(server);
		term_snapshot_unref(have);
		if (same)
			break;
		if (tries == 20)
			harness_fail(c, "%s: the client differs from the server's view: %s", name,
				     why);
	}
	harness_detach(c);
}

/* Every SGR form and attribute, Unicode of every width, then a bar cursor at 10,20. */
static const char pattern[] =
	"U: \u4e2d\u6587 \u00b1 \u00e9 \u250c\u2500\u2510 \U0001f600 e\u0301 a\u0300\u0323"
	" \u00a0\u00bf\u00ff end\r\n"
	"\033[1mbold\033[22m \033[2mdim\033[22m \033[3mitalic\033[23m \033[5mblink\033[25m"
	" \033[7mreverse\033[27m \033[8mconceal\033[28m \033[9mstrike\033[29m\r\n"
	"\033[4msingle\033[24m \033[4:2mdouble\033[4:0m \033[21mdouble21\033[24m"
	" \033[4:3mcurly\033[24m \033[4:4mdotted\033[24m \033[4:5mdashed\033[24m\r\n"
	"\033[4;58;5;196mred-ul\033[59;24m \033[4:3;58:2::10:200:30mgreen-curly\033[0m"
	" \033[4;58:5:33mblue-ul\033[0m\r\n"
	"\033[31mred\033[32mgreen\033[94mbright\033[39m \033[41mbg\033[49m"
	" \033[38;5;208m208\033[48;5;17mon17\033[0m \033[38;5;3mthemed3\033[0m\r\n"
	"\033[38;2;255;128;16mrgb\033[0m \033[38:2::10:200:30mcolon-cs\033[0m"
	" \033[38:2:20:100:250mcolon\033[0m \033[48:2::200:20:100mbg-colon\033[0m"
	" \033[38:5:141mcolon-256\033[0m\r\n"
	"\033[1;3;4:3;58:2::1:2:255;38;2;250;250;10;48;5;236mall at once\033[0m"
	" \033[2;9;7mdim-strike-rev\033[0m\r\n"
	"\033[48;5;24m\033[K\033[0m\r\n"
	"\033)0\016lqk\017 so-si \016\0337\017qq\0338qq\017|\r\n"
	"wide at the edge: \033[1;79H\u4e2d\r\n"
	"\033[5 q\033[10;20H";

int main(void)
{
	harness_init();
	/* The server first, from the test's own environment: the panes then get what the
	 * program without rsh gets, whatever the clients' TERM and COLORTERM. */
	CHECK(harness_rsh(NULL, "new-session", "-d", "-s", "boot", (char *)NULL) == 0);

	char *path, *cmd;
	xasprintf(&path, "%s/pattern", harness_dir());
	FILE *f = fopen(path, "w");
	CHECK(f != NULL);
	fputs(pattern, f);
	fclose(f);
	xasprintf(&cmd, "cat '%s'; read x", path);
	fidelity("pattern", cmd, "end");
	free(cmd);
	/* The same in reverse video (DECSCNM), which tmux ignores. */
	xasprintf(&cmd, "printf '\\033[?5h'; cat '%s'; read x", path);
	fidelity("reverse", cmd, "end");
	free(cmd);

	/* A file for the full-screen programs: CJK, combining marks, a long line. */
	char *text;
	xasprintf(&text, "%s/text.txt", harness_dir());
	f = fopen(text, "w");
	CHECK(f != NULL);
	fprintf(f, "first line \u4e2d\u6587\u5b57 caf\u00e9 e\u0301\n\tindented\n");
	for (int i = 0; i < 40; i++)
		fprintf(f, "line %d %s\n", i, i % 7 == 0 ? "\u250c\u2500\u2500\u2510 box" : "");
	for (int i = 0; i < 30; i++)
		fprintf(f, "long ");
	fprintf(f, "\nlast\n");
	fclose(f);

	xasprintf(&cmd, "vim -u NONE -i NONE -N -n -c 'syntax off' '%s'", text);
	fidelity("vim", cmd, "first line");
	free(cmd);
	xasprintf(&cmd, "LESS= LESSHISTFILE=- less '%s'", text);
	fidelity("less", cmd, "first line");
	free(cmd);
	/* man's bold and underlined words, through less. */
	fidelity("man", "MANWIDTH=80 MANPAGER='less' LESS= LESSHISTFILE=- man ls", "NAME");

	/* vttest's screen features (wrap, tabs, DECCOLM, DECSCNM, scroll regions, origin
	 * mode, every rendition dark and light, DECSC) and its character sets. */
	static const struct step vttest[] = {
		{ NULL, "Enter choice number" },
		{ "2\r", "three identical lines" },
		{ "\r", "TAB setting" },
		{ "\r", "132 column mode, light" },
		{ "\r", "80 column mode, light" },
		{ "\r", "132 column mode, dark" },
		{ "\r", "80 column mode, dark" },
		{ "\r", "Soft scroll down region [11..12]" },
		{ "\r", "Soft scroll down region [1..23]" },
		{ "\r", "Jump scroll down region [11..12]" },
		{ "\r", "Jump scroll down region [1..23]" },
		{ "\r", "one above the bottom" },
		{ "\r", "at the top of the screen" },
		{ "\r", "Dark background. Push" },
		{ "\r", "Light background. Push" },
		{ "\r", "of 5 x 4 A's" },
		{ "\r", "Enter choice number" },
		{ "3\r", "These are the installed character sets" },
	};
	fidelity_steps("vttest", "vttest 23x80", vttest, sizeof vttest / sizeof vttest[0], 1);

	/* htop's meters, colours and line drawing, against the server's view. */
	char *rc;
	xasprintf(&rc, "HTOPRC='%s/htoprc' htop -d 100", harness_dir());
	fidelity_live("htop", rc, "F1Help");
	free(rc);
	free(text);
	free(path);
	return 0;
}
