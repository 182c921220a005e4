/* Local echo prediction: guesses, their epochs, their checking and their display. */
#include "predict.h"

#include "net/clock.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/utf8.h"
#include "util/xmalloc.h"

/* Adaptive display thresholds, ms of smoothed RTT, with hysteresis (mosh's figures). */
#define SHOW_ABOVE_MS 30
#define SHOW_BELOW_MS 20
#define FLAG_ABOVE_MS 80
#define FLAG_BELOW_MS 50
/* A guess unconfirmed this long shows guesses even on a fast link (a glitch)... */
#define GLITCH_MS 250
/* ...for this long after; a mistake underlines guesses for as long. */
#define GLITCH_HOLD_MS 5000
#define FLAG_HOLD_MS 5000

/* What one cell of the pane should become. */
struct guess {
	uint16_t row, col;
	term_cell cell; /* comb unused: the marks are in chars */
	uint32_t chars[TERM_MAX_CHARS];
	uint8_t nchars;
	uint64_t event, epoch, made_ms;
};

/* A key typed while blind. */
struct held {
	term_key key;
	uint64_t event;
};

struct predict {
	enum predict_mode mode;
	uint32_t pane; /* the pane guessed on, and its size */
	uint16_t rows, cols;
	struct guess *g;
	size_t n, cap; /* cap in bytes (xgrow) */
	/* The guessed cursor, valid while cursor_known. */
	bool cursor_known;
	uint16_t crow, ccol; /* ccol may be cols: past the last column, before the wrap */
	uint64_t cursor_event, cursor_epoch;
	uint64_t epoch, confirmed_epoch;
	/* The text left of the cursor where the newest epoch began from the screen (its
	 * prompt), and the prompt of the last such epoch confirmed: a line editor there
	 * echoed, so a line starting after that prompt again is trusted at once. */
	struct guess *prompt, *trusted;
	uint16_t nprompt, ntrusted;
	uint64_t prompt_epoch;
	/* After a key whose effect is unknown, no guessing until the server applied it:
	 * keys typed meanwhile are held, and guessed from the server's screen then. */
	bool blind;
	uint64_t blind_until; /* the echo acknowledgement that ends it */
	struct held *held;
	size_t nheld, heldcap; /* heldcap in bytes (xgrow) */
	uint64_t acked;       /* the newest echo acknowledgement */
	bool tty_echo;        /* the newest view says the pane's terminal echoes */
	uint64_t sent;        /* events sent so far (the newest one's index + 1) */
	bool show_rtt, flag_rtt;
	uint64_t glitch_until_ms, flag_until_ms;
	struct predict_stats stats;
};

bool predict_mode_parse(const char *s, enum predict_mode *mode)
{
	static const char *const names[] = {"adaptive", "always", "never"};
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0)
			return *mode = (enum predict_mode)i, true;
	return false;
}

predict *predict_new(enum predict_mode mode)
{
	predict *p = xcalloc(1, sizeof *p);
	p->mode = mode;
	p->prompt_epoch = UINT64_MAX; /* none yet */
	return p;
}

void predict_free(predict *p)
{
	if (p == NULL)
		return;
	free(p->g);
	free(p->held);
	free(p->prompt);
	free(p->trusted);
	free(p);
}

unsigned predict_pending(const predict *p)
{
	return (unsigned)p->n;
}

const struct predict_stats *predict_stats(const predict *p)
{
	return &p->stats;
}

/* Forgets every guess: the screen shows the server's cells only. */
static void reset(predict *p)
{
	p->n = 0;
	p->cursor_known = false;
}

static const term_view_pane *active_pane(const term_view *v)
{
	return v->npanes > 0 ? &v->panes[v->active] : NULL;
}

/* Follows the view's active pane: guesses about another pane, or another size, go, and
 * what follows is tentative (keys on their way may not show on its screen yet). */
static void follow_pane(predict *p, const term_view_pane *ap)
{
	if (ap != NULL && ap->id == p->pane && ap->screen->rows == p->rows &&
	    ap->screen->cols == p->cols)
		return;
	if (p->rows != 0)
		p->epoch++;
	reset(p);
	p->blind = false;
	p->nheld = 0;
	p->ntrusted = 0; /* another program, perhaps */
	p->pane = ap != NULL ? ap->id : 0;
	p->rows = ap != NULL ? ap->screen->rows : 0;
	p->cols = ap != NULL ? ap->screen->cols : 0;
}

static struct guess *find_guess(predict *p, unsigned row, unsigned col)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->g[i].row == row && p->g[i].col == col)
			return &p->g[i];
	return NULL;
}

/* A cell as the server's screen has it. */
static struct guess actual_cell(const term_snapshot *s, unsigned row, unsigned col)
{
	struct guess c = {.row = (uint16_t)row, .col = (uint16_t)col};
	c.cell = term_row_get(s->lines[row], col);
	c.nchars = (uint8_t)term_row_chars(s->lines[row], col, c.chars);
	c.cell.comb = 0;
	return c;
}

/* The cells of a row as the user sees them: guesses over the server's screen. */
static void shown_row(predict *p, const term_snapshot *s, unsigned row, struct guess *out)
{
	for (unsigned col = 0; col < p->cols; col++) {
		const struct guess *g = find_guess(p, row, col);
		out[col] = g != NULL ? *g : actual_cell(s, row, col);
	}
}

static bool is_blank_char(const struct guess *c)
{
	return c->nchars == 0 || (c->nchars == 1 && c->chars[0] == ' ');
}

/* The same characters in the same width: a blank and a space are alike, pens are not
 * compared (a program may colour what it echoes). */
static bool same_content(const struct guess *a, const struct guess *b)
{
	if (a->cell.width != b->cell.width)
		return false;
	if (is_blank_char(a) || is_blank_char(b))
		return is_blank_char(a) && is_blank_char(b);
	return a->nchars == b->nchars &&
	       memcmp(a->chars, b->chars, a->nchars * sizeof a->chars[0]) == 0;
}

/* Guesses that the cell at row, col becomes c because of event. */
static void put_guess(predict *p, const struct guess *c, unsigned row, unsigned col,
		      uint64_t event, uint64_t now_ms)
{
	struct guess *g = find_guess(p, row, col);
	if (g == NULL) {
		p->g = xgrow(p->g, &p->cap, (p->n + 1) * sizeof *p->g, 16 * sizeof *p->g);
		g = &p->g[p->n++];
	}
	*g = *c;
	g->row = (uint16_t)row;
	g->col = (uint16_t)col;
	g->event = event;
	g->epoch = p->epoch;
	g->made_ms = now_ms;
	p->stats.guessed++;
}

/* Guesses the cells of row that event changes from what the user sees (want: cols
 * cells); a cell it leaves alone keeps its older guess, checked with that guess's key. */
static void put_row(predict *p, unsigned row, const struct guess *want, const struct guess *shown,
		    uint64_t event, uint64_t now_ms)
{
	for (unsigned col = 0; col < p->cols; col++)
		if (!same_content(&want[col], &shown[col]))
			put_guess(p, &want[col], row, col, event, now_ms);
}

static struct guess blank_cell(void)
{
	struct guess c = {0};
	c.cell = term_cell_blank();
	return c;
}

/* Moves the cursor to the guess; later keys start from there. */
static void move_cursor(predict *p, unsigned row, unsigned col, uint64_t event)
{
	p->crow = (uint16_t)row;
	p->ccol = (uint16_t)col;
	p->cursor_event = event;
	p->cursor_epoch = p->epoch;
}

/* An event we cannot model, or a wrong guess: guess nothing until the server has
 * applied the events before until, then start again from its screen in a new epoch. */
static void go_blind(predict *p, uint64_t until)
{
	p->epoch++;
	p->blind = true;
	p->blind_until = until;
	p->cursor_known = false;
}

/* The cell a character starts at, left of col (skipping a wide character's right half). */
static unsigned char_start(const struct guess *row, unsigned col)
{
	return col > 1 && row[col - 1].cell.width == 0 ? col - 2 : col - 1;
}

static bool text_from(const struct guess *row, unsigned col, unsigned cols)
{
	for (; col < cols; col++)
		if (!is_blank_char(&row[col]))
			return true;
	return false;
}

/* A printable character typed: it goes at the cursor, the rest of the line moves right. */
static void type_char(predict *p, const term_snapshot *s, uint32_t ch, unsigned width,
		      uint64_t event, uint64_t now_ms)
{
	unsigned row = p->crow, col = p->ccol;
	if (col + width > p->cols) { /* the wrap at the right edge */
		if (row + 1 >= p->rows) /* it would scroll the screen */
			return go_blind(p, event + 1);
		row++;
		col = 0;
	}
	/* Filling the bottom row: bash forces the wrap at once (a space and a carriage
	 * return), which scrolls; a cooked tty does not. */
	if (col + width == p->cols && row + 1 >= p->rows)
		return go_blind(p, event + 1);
	struct guess shown[p->cols], want[p->cols];
	shown_row(p, s, row, shown);
	memcpy(want, shown, sizeof want);
	if (text_from(shown, col, p->cols)) {
		for (unsigned c = p->cols; c-- > col + width;)
			want[c] = shown[c - width];
		if (want[p->cols - 1].cell.width == 2) /* half a character left at the edge */
			want[p->cols - 1] = blank_cell();
	}
	struct guess c = blank_cell();
	const struct guess *pen = col > 0 && !is_blank_char(&shown[col - 1]) ? &shown[col - 1] : NULL;
	if (pen != NULL) {
		c.cell.fg = pen->cell.fg;
		c.cell.bg = pen->cell.bg;
		c.cell.ul = pen->cell.ul;
		c.cell.attrs = pen->cell.attrs;
	}
	c.cell.ch = ch;
	c.cell.width = (uint8_t)width;
	c.chars[0] = ch;
	c.nchars = 1;
	want[col] = c;
	if (width == 2) {
		struct guess half = c;
		half.cell.width = 0;
		half.cell.ch = 0;
		half.nchars = 0;
		want[col + 1] = half;
	}
	put_row(p, row, want, shown, event, now_ms);
	move_cursor(p, row, col + width, event);
}

/* Backspace: the character left of the cursor goes and the rest of the line moves left. */
static void backspace(predict *p, const term_snapshot *s, uint64_t event, uint64_t now_ms)
{
	unsigned row = p->crow, col = p->ccol < p->cols ? p->ccol : p->cols;
	if (col == 0) /* a line editor would go up a line, or ring the bell */
		return go_blind(p, event + 1);
	struct guess shown[p->cols], want[p->cols];
	shown_row(p, s, row, shown);
	unsigned start = char_start(shown, col), width = col - start;
	for (unsigned c = start; c < p->cols; c++)
		want[c] = c + width < p->cols ? shown[c + width] : blank_cell();
	memcpy(want, shown, start * sizeof *want);
	put_row(p, row, want, shown, event, now_ms);
	move_cursor(p, row, start, event);
}

static void arrow(predict *p, const term_snapshot *s, bool left, uint64_t event)
{
	unsigned row = p->crow, col = p->ccol < p->cols ? p->ccol : p->cols;
	struct guess shown[p->cols];
	shown_row(p, s, row, shown);
	if (left) {
		if (col == 0)
			return go_blind(p, event + 1);
		move_cursor(p, row, char_start(shown, col), event);
	} else if (col < p->cols && text_from(shown, col, p->cols)) {
		move_cursor(p, row, col + (shown[col].cell.width == 2 ? 2 : 1), event);
	} else {
		move_cursor(p, row, col, event); /* at the end of the text: it stays */
	}
}

/* The width a printable character takes, or 0 for what is not one. */
static unsigned char_width(const term_key *key)
{
	if (key->code != TERM_KEY_CHAR || (key->mods & (TERM_MOD_CTRL | TERM_MOD_ALT)) != 0 ||
	    utf8_is_control(key->ch))
		return 0;
	int w = wcwidth((wchar_t)key->ch);
	return w == 1 || w == 2 ? (unsigned)w : 0;
}

/* Epoch epoch proved right: it and those before it show; its prompt is trusted. */
static void confirm_epoch(predict *p, uint64_t epoch)
{
	if (epoch > p->confirmed_epoch)
		p->confirmed_epoch = epoch;
	if (epoch == p->prompt_epoch && p->nprompt > 0) {
		p->trusted = xreallocarray(p->trusted, p->nprompt, sizeof *p->trusted);
		memcpy(p->trusted, p->prompt, p->nprompt * sizeof *p->trusted);
		p->ntrusted = p->nprompt;
	}
}

/* Whether the cursor's row is the trusted prompt, the cursor after it, nothing beyond. */
static bool at_trusted_prompt(const predict *p, const term_snapshot *s)
{
	unsigned row = s->cursor.row;
	if (p->ntrusted == 0 || s->cursor.col != p->ntrusted)
		return false;
	for (unsigned col = 0; col < p->cols; col++) {
		struct guess c = actual_cell(s, row, col);
		if (col < p->ntrusted ? !same_content(&c, &p->trusted[col]) : !is_blank_char(&c))
			return false;
	}
	return true;
}

/*
 * A new epoch is tentative because the program may not echo (a password prompt). Once the
 * server has applied every key before this one (the screen guessed from is settled), two
 * cases need no round trip for a confirmation (mosh waits one in both): the terminal
 * itself echoes (canonical mode with ECHO: a shell without a line editor, cat, a program
 * reading a line), or the line starts after the very prompt at which a line editor echoed
 * before (bash's next command line). Then the epoch's prompt, what is left of the cursor
 * where its first key goes, is remembered.
 */
static void start_epoch_from_screen(predict *p, const term_snapshot *s, uint64_t event)
{
	if (p->epoch > p->confirmed_epoch && p->acked >= event &&
	    (p->tty_echo || at_trusted_prompt(p, s)))
		p->confirmed_epoch = p->epoch;
	if (p->epoch == p->prompt_epoch)
		return; /* guessing again mid-line, all guesses so far confirmed */
	p->prompt = xreallocarray(p->prompt, p->cols, sizeof *p->prompt);
	p->nprompt = s->cursor.col < p->cols ? s->cursor.col : 0;
	for (unsigned col = 0; col < p->nprompt; col++)
		p->prompt[col] = actual_cell(s, s->cursor.row, col);
	p->prompt_epoch = p->epoch;
}

/* Guesses what key, event number event, does to the active pane (when not blind). */
static void guess_key(predict *p, const term_view_pane *ap, const term_key *key,
		      uint64_t event, uint64_t now_ms)
{
	if (p->blind) {
		p->held = xgrow(p->held, &p->heldcap, (p->nheld + 1) * sizeof *p->held,
				16 * sizeof *p->held);
		p->held[p->nheld++] = (struct held){*key, event};
		return;
	}
	const term_snapshot *s = ap->screen;
	if (!p->cursor_known) {
		start_epoch_from_screen(p, s, event);
		/* On a character in the last column the terminal may be waiting to wrap
		 * (after writing it), which the screen does not tell: where the key lands is
		 * unknown. */
		struct guess under = actual_cell(s, s->cursor.row, s->cursor.col);
		if (s->cursor.col + 1u >= p->cols && !is_blank_char(&under))
			return go_blind(p, event + 1);
		p->cursor_known = true;
		move_cursor(p, s->cursor.row, s->cursor.col, event);
	}
	unsigned width = char_width(key);
	bool plain = key->mods == 0;
	if (width > 0)
		type_char(p, s, key->ch, width, event, now_ms);
	else if (key->code == TERM_KEY_BACKSPACE && plain)
		backspace(p, s, event, now_ms);
	else if ((key->code == TERM_KEY_LEFT || key->code == TERM_KEY_RIGHT) && plain)
		arrow(p, s, key->code == TERM_KEY_LEFT, event);
	else if (key->code == TERM_KEY_ENTER && plain && p->crow + 1 < p->rows) {
		p->epoch++; /* what follows is shown once the new line confirms it */
		move_cursor(p, p->crow + 1, 0, event);
	} else {
		go_blind(p, event + 1);
	}
}

void predict_key(predict *p, const term_view *v, const term_key *key, uint64_t event,
		 uint64_t now_ms)
{
	const term_view_pane *ap = active_pane(v);
	follow_pane(p, ap);
	p->sent = event + 1;
	if (p->mode != PREDICT_NEVER && ap != NULL)
		guess_key(p, ap, key, event, now_ms);
}

void predict_other(predict *p, uint64_t event)
{
	p->sent = event + 1;
	go_blind(p, p->sent);
}

/* The server has applied what made us blind: the keys held meanwhile that it has not
 * acknowledged are guessed from its screen now. Tentatively (the epoch is new): the
 * screen may show some of them already. */
static void see_again(predict *p, const term_view_pane *ap, uint64_t now_ms)
{
	struct held *held = p->held;
	size_t n = p->nheld;

	p->blind = false;
	p->held = NULL;
	p->nheld = p->heldcap = 0;
	for (size_t i = 0; i < n; i++)
		if (held[i].event >= p->acked)
			guess_key(p, ap, &held[i].key, held[i].event, now_ms);
	free(held);
}

/* A guess proved wrong: all go. Shown ones count as mistakes and flag what follows. Keys
 * still on their way were guessed from the wrong screen: wait for them. */
static void refuted(predict *p, uint64_t epoch, uint64_t now_ms)
{
	if (epoch <= p->confirmed_epoch) {
		p->stats.wrong++;
		p->flag_until_ms = now_ms + FLAG_HOLD_MS;
	}
	reset(p);
	if (p->acked < p->sent)
		go_blind(p, p->sent);
}

/* Checks the guesses the echo acknowledgement covers; false when one was wrong. */
static bool check_guesses(predict *p, const term_snapshot *s, uint64_t now_ms)
{
	size_t kept = 0;
	for (size_t i = 0; i < p->n; i++) {
		struct guess *g = &p->g[i];
		if (g->event >= p->acked) {
			p->g[kept++] = *g;
			continue;
		}
		struct guess real = actual_cell(s, g->row, g->col);
		if (!same_content(g, &real)) {
			refuted(p, g->epoch, now_ms);
			return false;
		}
		confirm_epoch(p, g->epoch);
		if (net_clock_since(now_ms, g->made_ms) > GLITCH_MS)
			p->glitch_until_ms = now_ms + GLITCH_HOLD_MS;
		p->stats.confirmed++;
	}
	p->n = kept;
	return true;
}

/* Whether the screen's cursor is where the guesses put it. Past the last column a
 * terminal waits at the last column for the wrap, but bash forces the wrap itself (a
 * space and a carriage return): the start of the next row is right too. */
static bool cursor_confirmed(const predict *p, const term_cursor *real)
{
	if (p->ccol < p->cols)
		return real->row == p->crow && real->col == p->ccol;
	return (real->row == p->crow && real->col + 1u == p->cols) ||
	       (real->row == p->crow + 1u && real->col == 0);
}

/* Checks the guesses, and the cursor, that the echo acknowledgement covers. */
static void check_view(predict *p, const term_snapshot *s, uint64_t now_ms)
{
	if (!check_guesses(p, s, now_ms) || !p->cursor_known || p->cursor_event >= p->acked)
		return;
	/* Every key that moved the cursor is applied: it must be where we put it. */
	if (!cursor_confirmed(p, &s->cursor)) {
		refuted(p, p->cursor_epoch, now_ms);
		return;
	}
	confirm_epoch(p, p->cursor_epoch);
	if (p->n == 0)
		p->cursor_known = false; /* all confirmed: start from the screen again */
}

void predict_view(predict *p, const term_view *v, uint64_t now_ms)
{
	const term_view_pane *ap = active_pane(v);
	follow_pane(p, ap);
	p->acked = v->echo_events;
	p->tty_echo = v->tty_echo;
	if (ap == NULL)
		return;
	check_view(p, ap->screen, now_ms);
	if (p->blind && p->acked >= p->blind_until)
		see_again(p, ap, now_ms);
}

void predict_link(predict *p, unsigned srtt_ms, uint64_t now_ms)
{
	if (srtt_ms > SHOW_ABOVE_MS)
		p->show_rtt = true;
	else if (srtt_ms < SHOW_BELOW_MS)
		p->show_rtt = false;
	if (srtt_ms > FLAG_ABOVE_MS)
		p->flag_rtt = true;
	else if (srtt_ms < FLAG_BELOW_MS)
		p->flag_rtt = false;
}

/* A guess has waited too long for its confirmation: the link is slow after all. */
static bool glitching(const predict *p, uint64_t now_ms)
{
	if (now_ms < p->glitch_until_ms)
		return true;
	for (size_t i = 0; i < p->n; i++)
		if (net_clock_since(now_ms, p->g[i].made_ms) > GLITCH_MS)
			return true;
	return false;
}

static bool showing(const predict *p, uint64_t now_ms)
{
	switch (p->mode) {
	case PREDICT_ALWAYS:
		return true;
	case PREDICT_NEVER:
		return false;
	case PREDICT_ADAPTIVE:
		break;
	}
	/* The terminal's own echo is certain: its guess is shown on any link, a fast one
	 * included, where it saves the round trip to the server and back (about 1 ms). */
	return p->show_rtt || p->tty_echo || glitching(p, now_ms);
}

/* The sooner of *next and t, when t is still to come. */
static void sooner(uint64_t *next, uint64_t t, uint64_t now_ms)
{
	if (t > now_ms && t < *next)
		*next = t;
}

int predict_timeout_ms(const predict *p, uint64_t now_ms)
{
	uint64_t next = UINT64_MAX;
	if (p->n == 0 || p->mode == PREDICT_NEVER)
		return -1;
	if (p->mode == PREDICT_ADAPTIVE) {
		for (size_t i = 0; i < p->n; i++)
			sooner(&next, p->g[i].made_ms + GLITCH_MS + 1, now_ms);
		sooner(&next, p->glitch_until_ms, now_ms);
	}
	sooner(&next, p->flag_until_ms, now_ms);
	return next == UINT64_MAX ? -1 : (int)(next - now_ms);
}

/* The active pane's screen with the shown guesses and cursor drawn in. */
static term_snapshot *overlay_screen(const predict *p, const term_snapshot *s, bool flag)
{
	term_snapshot *o = term_snapshot_clone(s);
	for (size_t i = 0; i < p->n; i++) {
		const struct guess *g = &p->g[i];
		if (g->epoch > p->confirmed_epoch)
			continue;
		term_cell cell = g->cell;
		if (flag && cell.width > 0)
			cell.attrs = (uint16_t)((cell.attrs & ~TERM_ATTR_UNDERLINE_MASK) |
						(1u << TERM_ATTR_UNDERLINE_SHIFT));
		term_row_set(term_row_writable(&o->lines[g->row]), g->col, &cell, g->chars,
			     g->nchars);
	}
	if (p->cursor_known && p->cursor_epoch <= p->confirmed_epoch) {
		o->cursor.row = p->crow;
		o->cursor.col = (uint16_t)(p->ccol < p->cols ? p->ccol : p->cols - 1u);
	}
	return o;
}

bool predict_shows(const predict *p, const term_view *v, uint64_t now_ms)
{
	const term_view_pane *ap = active_pane(v);
	/* Guesses made before a key that could not be guessed still show: only the cursor
	 * is the server's then. */
	return ap != NULL && ap->id == p->pane && ap->screen->rows == p->rows &&
	       ap->screen->cols == p->cols && (p->n > 0 || p->cursor_known) && showing(p, now_ms);
}

term_view *predict_overlay(const predict *p, term_view *v, uint64_t now_ms)
{
	const term_view_pane *ap = active_pane(v);
	if (!predict_shows(p, v, now_ms))
		return term_view_ref(v);
	bool flag = p->flag_rtt || now_ms < p->flag_until_ms;
	term_view *o = term_view_clone(v);
	term_view_pane *op = &o->panes[v->active];
	term_snapshot *screen = overlay_screen(p, ap->screen, flag);
	term_snapshot_unref(op->screen);
	op->screen = screen;
	return o;
}
