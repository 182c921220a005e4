/* Holds back unfinished sequences and characters until they are whole (vterm_guard.h). */
#include "vterm_guard.h"

#include <stdlib.h>
#include <string.h>

#include "../util/xmalloc.h"

enum { GROUND, ESCAPE, CSI, STRING, STRING_ESCAPE, RENAME };

#define ESC 0x1b
#define SO 0x0e /* shift out: G1 into GL */
#define SI 0x0f /* shift in: G0 again */
#define BEL 0x07
#define CAN 0x18 /* CAN and SUB abort a string */
#define SUB 0x1a

static void hold(term_vterm_guard *g, const char *p, size_t n)
{
	if (g->dropping || n == 0)
		return;
	if (g->len + n > TERM_GUARD_MAX_STRING) {
		g->len = 0;
		g->dropping = true;
		return;
	}
	g->held = xgrow(g->held, &g->cap, g->len + n, 256);
	memcpy(g->held + g->len, p, n);
	g->len += n;
}

/* A sequence ended at buf[end - 1]: hand over what was held with its tail, in one call. */
static size_t end_sequence(term_vterm_guard *g, VTerm *vt, const char *buf, size_t start,
			   size_t end)
{
	if (g->dropping) {
		g->dropping = false;
		return end;
	}
	if (g->len == 0)
		return start; /* all of it is in buf: it goes with the rest */
	hold(g, buf + start, end - start);
	if (!g->dropping)
		vterm_input_write(vt, g->held, g->len);
	g->len = 0;
	g->dropping = false;
	return end;
}

/*
 * A control right after an ESC: libvterm 0.1.4 runs it and goes on with the escape, and
 * inside a string it then takes a backslash for ST and reads past the end of its input.
 * Such controls are left out.
 */
static bool is_inner_control(unsigned char c)
{
	return (c < 0x20 || c == 0x7f) && c != ESC && c != CAN && c != SUB;
}

/* Intermediate and non-ASCII bytes: libvterm stays in an escape after them. */
static bool goes_on_escape(unsigned char c)
{
	return (c >= 0x20 && c <= 0x2f) || c >= 0x80;
}

/*
 * Leaves out buf[i] (see is_inner_control). What came before the sequence, which began at
 * buf[seq_at], goes on as usual; the sequence so far is held, to reach libvterm whole.
 */
static size_t leave_out(term_vterm_guard *g, VTerm *vt, const char *buf, size_t start,
			size_t seq_at, size_t i)
{
	if (g->len == 0 && !g->dropping) {
		if (seq_at > start)
			vterm_input_write(vt, buf + start, seq_at - start);
		start = seq_at;
	}
	hold(g, buf + start, i - start);
	return i + 1;
}

/*
 * A C0 control or DEL inside a CSI: libvterm 0.1.4 runs the control (NUL and DEL it
 * ignores) and goes on with the CSI. Its effect does not depend on the CSI, so it runs
 * now, ahead of the held sequence, which then reaches libvterm without it: a control
 * never hides a REP from the guard (libvterm's own REP loops for ever before any
 * character).
 */
static size_t run_inside(term_vterm_guard *g, VTerm *vt, const char *buf, size_t start,
			 size_t seq_at, size_t i)
{
	start = leave_out(g, vt, buf, start, seq_at, i);
	vterm_input_write(vt, buf + i, 1);
	return start;
}

static void begin_csi(term_vterm_guard *g)
{
	g->state = CSI;
	g->intermediate = 0;
	g->separators = 0;
	g->plain = true;
	g->count = 0;
	g->rest_len = 0;
	g->rest_cut = false;
}

/* A parameter byte of a CSI past its 16th parameter, kept in case it is an SGR. */
static void keep_rest(term_vterm_guard *g, char c)
{
	if (g->rest_len < sizeof g->rest)
		g->rest[g->rest_len++] = c;
	else
		g->rest_cut = true;
}

/*
 * Hands an SGR's parameters to the owner: the bytes held (params, len) and those left
 * out past the 16th parameter, which a cut sequence loses back to its last whole one.
 */
static void dispatch_sgr(term_vterm_guard *g, const char *params, size_t len)
{
	size_t rest = g->rest_len;
	if (g->rest_cut) {
		while (rest > 0 && g->rest[rest - 1] != ';')
			rest--;
		rest -= rest > 0; /* the separator too: an empty last parameter would reset */
	}
	if (rest == 0) {
		g->sgr(g->repeat_arg, params, len);
		return;
	}
	char *all = xmalloc(len + rest);
	memcpy(all, params, len);
	memcpy(all + len, g->rest, rest);
	g->sgr(g->repeat_arg, all, len + rest);
	free(all);
}

/* Saturates a parameter well past any screen's cell count. */
#define COUNT_MAX 100000000ul

/*
 * A REP ended at buf[i]: what came before it goes to libvterm, the REP itself is dropped
 * and the owner repeats the character. Returns where the rest of buf starts.
 */
static size_t repeat(term_vterm_guard *g, VTerm *vt, const char *buf, size_t start,
		     size_t seq_at, size_t i)
{
	if (g->len == 0 && seq_at > start)
		vterm_input_write(vt, buf + start, seq_at - start);
	g->len = 0; /* a held start of the REP */
	g->repeat(g->repeat_arg, g->count);
	return i + 1;
}

/* The last sequence in seq[0, len): a CSI that an ESC aborted does nothing. */
static size_t last_escape(const char *seq, size_t len)
{
	size_t k = len;
	while (k > 0 && seq[k - 1] != ESC)
		k--;
	return k > 0 ? k - 1 : 0;
}

/*
 * A watched sequence ended at buf[i] (vterm_guard.h): what came before it goes to
 * libvterm, then the sequence unless it is an SGR, which goes to the owner's sgr instead;
 * the owner's ran hears of the others after libvterm. Returns where the rest of buf starts.
 */
static size_t watched(term_vterm_guard *g, VTerm *vt, const char *buf, size_t start,
		      size_t seq_at, size_t i, bool sgr)
{
	const char *seq = buf + seq_at;
	size_t len = i + 1 - seq_at;

	if (g->dropping) {
		g->dropping = false;
		return i + 1;
	}
	if (g->len == 0 && seq_at > start)
		vterm_input_write(vt, buf + start, seq_at - start);
	if (g->len > 0) {
		hold(g, buf + start, i + 1 - start);
		seq = g->held;
		len = g->len;
		if (g->dropping) { /* it outgrew the limit just now */
			g->dropping = false;
			return i + 1;
		}
	}
	size_t at = last_escape(seq, len);
	if (sgr) {
		const char *open = memchr(seq + at, '[', len - at); /* after any intermediates */
		size_t from = open != NULL ? (size_t)(open - seq) + 1 : len - 1;
		dispatch_sgr(g, seq + from, len - 1 - from);
	} else {
		vterm_input_write(vt, seq, len);
		g->ran(g->repeat_arg, seq + at, len - at);
	}
	g->len = 0;
	return i + 1;
}

/* Whether an escape's final byte (after its intermediate, 0 for none) is watched. */
static bool watched_escape(unsigned char intermediate, unsigned char c)
{
	if (intermediate == 0)
		return c == '7' || c == '8' || c == 'c' || c == 'n' || c == 'o';
	return intermediate == '(' || intermediate == ')' || intermediate == '*' ||
	       intermediate == '+';
}

static bool watched_csi(unsigned char c)
{
	return c == 's' || c == 'u' || c == 'h' || c == 'l' || c == 'p' || c == 'q';
}

/*
 * A rename string (ESC k NAME) ended before buf[i]: what came before it goes to libvterm,
 * NAME without its controls to the owner's renamed, the sequence nowhere. Returns i.
 */
static size_t renamed(term_vterm_guard *g, VTerm *vt, const char *buf, size_t start,
		      size_t seq_at, size_t i)
{
	if (g->len == 0 && !g->dropping && seq_at > start)
		vterm_input_write(vt, buf + start, seq_at - start);
	const char *seq = buf + seq_at;
	size_t len = i - seq_at;
	if (g->len > 0 || g->dropping) {
		hold(g, buf + start, i - start);
		seq = g->held;
		len = g->len;
	}
	if (g->dropping) { /* longer than the limit: as if it had never come */
		g->dropping = false;
		g->len = 0;
		return i;
	}
	char *name = xmalloc(len + 1);
	size_t n = 0;
	for (size_t k = 2; k < len; k++) /* after ESC k */
		if ((unsigned char)seq[k] >= 0x20 && seq[k] != 0x7f)
			name[n++] = seq[k];
	g->renamed(g->repeat_arg, name, n);
	free(name);
	g->len = 0;
	return i;
}

void term_vterm_guard_inject(term_vterm_guard *g, VTerm *vt, const char *seq, size_t len)
{
	vterm_input_write(vt, seq, len); /* libvterm is between sequences (see below) */
}

static size_t utf8_length(unsigned char lead)
{
	return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/* How many bytes at the end of buf start a UTF-8 character that is not complete yet. */
static size_t utf8_tail(const char *buf, size_t len)
{
	for (size_t k = 1; k <= 3 && k <= len; k++) {
		unsigned char c = (unsigned char)buf[len - k];
		if (c < 0x80)
			return 0;
		if (c >= 0xc0)
			return utf8_length(c) > k ? k : 0;
	}
	return 0;
}

/* Completes a held UTF-8 character from the start of buf; returns the bytes it took. */
static size_t finish_utf8(term_vterm_guard *g, VTerm *vt, const char *buf, size_t len)
{
	size_t need = utf8_length((unsigned char)g->held[0]), i = 0;
	while (g->len < need && i < len && ((unsigned char)buf[i] & 0xc0) == 0x80)
		g->held[g->len++] = buf[i++];
	if (g->len < need && i == len)
		return len; /* still not complete */
	vterm_input_write(vt, g->held, g->len);
	g->len = 0;
	return i;
}

void term_vterm_guard_write(term_vterm_guard *g, VTerm *vt, const char *buf, size_t len)
{
	if (g->state == GROUND && g->len > 0) {
		size_t used = finish_utf8(g, vt, buf, len);
		buf += used;
		len -= used;
	}
	size_t start = 0;  /* first byte of buf not yet passed on, held or dropped */
	size_t seq_at = 0; /* where the current sequence began in buf, if nothing is held */
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];
		switch (g->state) {
		case GROUND:
			if (c == ESC) {
				g->state = ESCAPE;
				g->intermediate = 0;
				seq_at = i;
			} else if (c == SO || c == SI) {
				vterm_input_write(vt, buf + start, i + 1 - start);
				start = i + 1;
				g->ran(g->repeat_arg, buf + i, 1);
			}
			break;
		case ESCAPE:
			if (is_inner_control(c)) {
				start = leave_out(g, vt, buf, start, seq_at, i);
			} else if (goes_on_escape(c)) {
				/* libvterm stays in the escape */
				if (g->intermediate == 0)
					g->intermediate = c;
			} else if (c != ESC && c != ']' && c != 'P' && c != '[' &&
				   watched_escape(g->intermediate, c)) {
				start = watched(g, vt, buf, start, seq_at, i, false);
				g->state = GROUND;
			} else if (c == ']' || c == 'P') {
				g->state = STRING;
			} else if (c == 'k' && g->intermediate == 0) {
				g->state = RENAME;
			} else if (c == '[') {
				begin_csi(g);
			} else if (c != ESC) {
				start = end_sequence(g, vt, buf, start, i + 1);
				g->state = GROUND;
			}
			break;
		case CSI:
			if (c == ESC) {
				g->state = ESCAPE; /* an abort: the new escape goes with the old */
				g->intermediate = 0;
			} else if (is_inner_control(c)) {
				start = run_inside(g, vt, buf, start, seq_at, i);
			} else if (c == 'b' && g->plain && !g->dropping) {
				start = repeat(g, vt, buf, start, seq_at, i);
				g->state = GROUND;
			} else if ((c == 'm' && g->plain) || watched_csi(c)) {
				start = watched(g, vt, buf, start, seq_at, i, c == 'm' && g->plain);
				g->state = GROUND;
			} else if (c == CAN || c == SUB || (c >= 0x40 && c <= 0x7e) || c >= 0x80) {
				/* The end, or (CAN, SUB, non-ASCII) an abort. */
				start = end_sequence(g, vt, buf, start, i + 1);
				g->state = GROUND;
			} else if (c >= 0x30 && c <= 0x3f) {
				if (c >= '0' && c <= '9' && g->separators == 0)
					g->count = g->count >= COUNT_MAX ? COUNT_MAX
									 : g->count * 10 + (c - '0');
				else if (c >= 0x3c)
					g->plain = false; /* a private marker */
				/* Parameters past the last one libvterm has room for are left out. */
				if ((c == ';' || c == ':') && g->separators <= TERM_GUARD_MAX_SEPARATORS)
					g->separators++;
				if (g->separators > TERM_GUARD_MAX_SEPARATORS) {
					if (g->plain)
						keep_rest(g, (char)c);
					start = leave_out(g, vt, buf, start, seq_at, i);
				}
			} else {
				g->plain = false; /* an intermediate */
			}
			break;
		case STRING:
			if (c == BEL || c == CAN || c == SUB) {
				start = end_sequence(g, vt, buf, start, i + 1);
				g->state = GROUND;
			} else if (c == ESC) {
				g->state = STRING_ESCAPE;
			}
			break;
		case RENAME:
			if (c == ESC) {
				/* The end, and the start of the next sequence (ST as a rule). */
				start = seq_at = renamed(g, vt, buf, start, seq_at, i);
				g->state = ESCAPE;
				g->intermediate = 0;
			} else if (c == CAN || c == SUB) {
				start = renamed(g, vt, buf, start, seq_at, i) + 1;
				g->state = GROUND;
			}
			break;
		case STRING_ESCAPE:
			if (is_inner_control(c)) {
				start = leave_out(g, vt, buf, start, seq_at, i);
			} else if (c == '[') {
				begin_csi(g); /* libvterm drops the string: it goes with the CSI */
			} else if (c == ']' || c == 'P' || goes_on_escape(c)) {
				/* libvterm drops the string for a new sequence: keep both together. */
				g->state = goes_on_escape(c) ? ESCAPE : STRING;
				g->intermediate = goes_on_escape(c) ? c : 0;
			} else if (c != ESC) {
				/* ST ends the string; any other escape aborts it. */
				start = end_sequence(g, vt, buf, start, i + 1);
				g->state = GROUND;
			}
			break;
		}
	}
	/* Between two writes libvterm is never inside a sequence: what began is held. */
	size_t keep;
	if (g->state != GROUND)
		keep = g->len > 0 || g->dropping ? start : seq_at;
	else
		keep = len - utf8_tail(buf + start, len - start);
	if (keep > start)
		vterm_input_write(vt, buf + start, keep - start);
	hold(g, buf + keep, len - keep);
}

void term_vterm_guard_free(term_vterm_guard *g)
{
	free(g->held);
	g->held = NULL;
	g->len = g->cap = 0;
}
