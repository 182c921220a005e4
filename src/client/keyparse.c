/*
 * Reading the terminal's bytes into input events: a byte-at-a-time state machine, so a
 * sequence cut anywhere by read() parses the same as whole.
 *
 * Choices: 0x08 is C-h (as tmux; terminals with TERM=xterm-256color send 0x7f for
 * Backspace), 0x0a is C-j, 0x00 is C-Space. Old X10 mouse reports (ESC [ M b x y) are
 * dropped with their three bytes; the Linux console's F1-F5 (ESC [ [ A..E) are read.
 */
#include "keyparse.h"

#include <string.h>

#include "util/utf8.h"
#include "util/xmalloc.h"

#define KEYPARSE_SEQ_MAX 64 /* a longer escape sequence is dropped */
#define KEYPARSE_PARAMS 8
#define KEYPARSE_PARAM_CAP 100000 /* larger numbers saturate: they are refused anyway */

enum kp_state {
	KP_GROUND,
	KP_ESC,     /* ESC seen */
	KP_CSI,     /* ESC [ and maybe parameters */
	KP_SS3,     /* ESC O */
	KP_CONSOLE, /* ESC [ [: the Linux console's F1-F5 */
	KP_DISCARD, /* an over-long sequence, dropped up to its final byte */
	KP_SKIP,    /* the three bytes of an X10 mouse report */
	KP_PASTE,   /* between ESC [ 200~ and ESC [ 201~ */
};

/* A UTF-8 character being read, one byte at a time. */
struct utf8_acc {
	uint8_t b[4];
	uint8_t len, need;
};

static const char paste_end[] = "\x1b[201~";
#define PASTE_END_LEN (sizeof paste_end - 1)

struct keyparse {
	enum kp_state state;
	bool alt; /* an ESC prefix: the next key has Alt */
	uint8_t seq[KEYPARSE_SEQ_MAX];
	size_t seqlen;
	unsigned skip;
	struct utf8_acc acc;

	size_t end_matched; /* bytes of paste_end seen in a paste */
	char *paste;        /* the paste's text not yet emitted, valid UTF-8 */
	size_t paste_len;
};

keyparse *keyparse_new(void)
{
	keyparse *kp = xcalloc(1, sizeof *kp);
	/* A character (4 bytes at most) is added before a full chunk is cut off. */
	kp->paste = xmalloc(TERM_EVENT_PASTE_MAX + 4);
	return kp;
}

void keyparse_free(keyparse *kp)
{
	if (kp == NULL)
		return;
	free(kp->paste);
	free(kp);
}

/* --- UTF-8 ------------------------------------------------------------------------- */

static unsigned utf8_need(uint8_t lead)
{
	if (lead >= 0xc2 && lead <= 0xdf)
		return 2;
	if (lead >= 0xe0 && lead <= 0xef)
		return 3;
	if (lead >= 0xf0 && lead <= 0xf4)
		return 4;
	return 0;
}

/* Whether a character was begun and not finished: it is dropped as U+FFFD. */
static bool utf8_abandon(struct utf8_acc *a)
{
	bool partial = a->len != 0;
	a->len = a->need = 0;
	return partial;
}

/*
 * Adds a byte; returns how many code points it completes into out (0 to 2: a byte that
 * cuts a character short ends it as U+FFFD and then counts itself).
 */
static unsigned utf8_push(struct utf8_acc *a, uint8_t c, uint32_t out[2])
{
	unsigned n = 0;
	if (a->len != 0 && (c & 0xc0) != 0x80) {
		utf8_abandon(a);
		out[n++] = 0xfffd;
	}
	if (a->len == 0) {
		if (c < 0x80) {
			out[n++] = c;
			return n;
		}
		a->need = (uint8_t)utf8_need(c);
		if (a->need == 0) {
			out[n++] = 0xfffd;
			return n;
		}
	}
	a->b[a->len++] = c;
	if (a->len < a->need)
		return n;
	/* utf8_decode refuses overlong forms, surrogates and what lies past U+10FFFF. */
	const uint8_t *p = a->b;
	uint32_t cp;
	out[n++] = utf8_decode(&p, a->b + a->len, &cp) ? cp : 0xfffd;
	a->len = a->need = 0;
	return n;
}

/* --- keys -------------------------------------------------------------------------- */

static void emit_key(keyparse *kp, term_key key, keyparse_emit *emit, void *arg)
{
	term_event ev = {.type = TERM_EVENT_KEY};
	if (kp->alt)
		key.mods |= TERM_MOD_ALT;
	kp->alt = false;
	ev.key = key;
	emit(arg, &ev);
}

static void emit_code(keyparse *kp, enum term_key_code code, unsigned mods,
		      keyparse_emit *emit, void *arg)
{
	emit_key(kp, (term_key){.code = (uint8_t)code, .mods = (uint8_t)mods}, emit, arg);
}

/* A character as typed: C0 controls are Ctrl and a letter, as tmux reads them. */
static void emit_char(keyparse *kp, uint32_t cp, keyparse_emit *emit, void *arg)
{
	term_key key = {.code = TERM_KEY_CHAR, .ch = cp};
	if (cp == '\r')
		key = (term_key){.code = TERM_KEY_ENTER};
	else if (cp == '\t')
		key = (term_key){.code = TERM_KEY_TAB};
	else if (cp == 0x7f)
		key = (term_key){.code = TERM_KEY_BACKSPACE};
	else if (cp == 0)
		key = (term_key){.code = TERM_KEY_CHAR, .mods = TERM_MOD_CTRL, .ch = ' '};
	else if (cp < 0x1b)
		key = (term_key){.code = TERM_KEY_CHAR, .mods = TERM_MOD_CTRL, .ch = 'a' + cp - 1};
	else if (cp < 0x20)
		key = (term_key){.code = TERM_KEY_CHAR, .mods = TERM_MOD_CTRL, .ch = cp + 0x40};
	emit_key(kp, key, emit, arg);
}

static void ground_byte(keyparse *kp, uint8_t c, keyparse_emit *emit, void *arg)
{
	uint32_t cps[2];
	unsigned n = utf8_push(&kp->acc, c, cps);
	for (unsigned i = 0; i < n; i++)
		emit_char(kp, cps[i], emit, arg);
}

/* --- paste ------------------------------------------------------------------------- */

static void paste_emit(keyparse *kp, size_t len, keyparse_emit *emit, void *arg)
{
	term_event ev = {.type = TERM_EVENT_PASTE};
	ev.paste.text = kp->paste;
	ev.paste.len = (uint32_t)len;
	emit(arg, &ev);
	memmove(kp->paste, kp->paste + len, kp->paste_len - len);
	kp->paste_len -= len;
}

static void paste_char(keyparse *kp, uint32_t cp, keyparse_emit *emit, void *arg)
{
	char *out = kp->paste + kp->paste_len;
	kp->paste_len += utf8_encode(cp, out);
	if (kp->paste_len >= TERM_EVENT_PASTE_MAX)
		paste_emit(kp, term_event_paste_cut(kp->paste, kp->paste_len), emit, arg);
}

static void paste_text_byte(keyparse *kp, uint8_t c, keyparse_emit *emit, void *arg)
{
	uint32_t cps[2];
	unsigned n = utf8_push(&kp->acc, c, cps);
	for (unsigned i = 0; i < n; i++)
		paste_char(kp, cps[i], emit, arg);
}

static void paste_finish(keyparse *kp, keyparse_emit *emit, void *arg)
{
	if (utf8_abandon(&kp->acc))
		paste_char(kp, 0xfffd, emit, arg);
	if (kp->paste_len > 0)
		paste_emit(kp, kp->paste_len, emit, arg);
	kp->state = KP_GROUND;
}

/* Text up to ESC [ 201~; the bytes of a near miss are text. */
static void paste_byte(keyparse *kp, uint8_t c, keyparse_emit *emit, void *arg)
{
	if ((uint8_t)paste_end[kp->end_matched] == c) {
		if (++kp->end_matched == PASTE_END_LEN) {
			kp->end_matched = 0;
			paste_finish(kp, emit, arg);
		}
		return;
	}
	for (size_t i = 0; i < kp->end_matched; i++)
		paste_text_byte(kp, (uint8_t)paste_end[i], emit, arg);
	kp->end_matched = 0;
	if ((uint8_t)paste_end[0] == c)
		kp->end_matched = 1;
	else
		paste_text_byte(kp, c, emit, arg);
}

/* --- escape sequences ---------------------------------------------------------------- */

static bool is_final(uint8_t c)
{
	return c >= 0x40 && c <= 0x7e;
}

/* xterm's modifier parameter: 1 + (1 shift, 2 alt, 4 ctrl); meta (8) is taken as alt. */
static unsigned xterm_mods(long p)
{
	if (p < 2 || p > 16)
		return 0;
	unsigned m = (unsigned)(p - 1);
	return (m & TERM_MOD_ALL) | (m & 8 ? TERM_MOD_ALT : 0);
}

/* Numeric parameters separated by ';', an empty one as 0; -1 when there are others. */
static int parse_params(const uint8_t *p, const uint8_t *end, long *params)
{
	int n = 0;
	long v = 0;
	for (; p <= end; p++) {
		if (p == end || *p == ';') {
			if (n == KEYPARSE_PARAMS)
				return -1;
			params[n++] = v;
			v = 0;
		} else if (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p - '0');
			if (v > KEYPARSE_PARAM_CAP)
				v = KEYPARSE_PARAM_CAP;
		} else {
			return -1;
		}
	}
	return n;
}

/* ESC [ n ~: editing and function keys by number. */
static int tilde_key(long n)
{
	switch (n) {
	case 1:
	case 7:
		return TERM_KEY_HOME;
	case 4:
	case 8:
		return TERM_KEY_END;
	case 2:
		return TERM_KEY_INSERT;
	case 3:
		return TERM_KEY_DELETE;
	case 5:
		return TERM_KEY_PAGEUP;
	case 6:
		return TERM_KEY_PAGEDOWN;
	}
	if (n >= 11 && n <= 15)
		return TERM_KEY_F1 + (int)(n - 11);
	if (n >= 17 && n <= 21)
		return TERM_KEY_F1 + 5 + (int)(n - 17);
	if (n == 23 || n == 24)
		return TERM_KEY_F1 + 10 + (int)(n - 23);
	return -1;
}

/* The final letter of a cursor or F1-F4 key (CSI or SS3). */
static int letter_key(uint8_t c)
{
	switch (c) {
	case 'A':
		return TERM_KEY_UP;
	case 'B':
		return TERM_KEY_DOWN;
	case 'C':
		return TERM_KEY_RIGHT;
	case 'D':
		return TERM_KEY_LEFT;
	case 'H':
		return TERM_KEY_HOME;
	case 'F':
		return TERM_KEY_END;
	case 'P':
	case 'Q':
	case 'R':
	case 'S':
		return TERM_KEY_F1 + (c - 'P');
	}
	return -1;
}

/* ESC [ < b ; x ; y M (press) or m (release); the position from 1. */
static void sgr_mouse(keyparse *kp, const long *p, int n, uint8_t final,
		      keyparse_emit *emit, void *arg)
{
	if (n != 3 || p[1] < 1 || p[1] > TERM_MAX_COLS || p[2] < 1 || p[2] > TERM_MAX_ROWS ||
	    p[0] >= 128)
		return;
	term_event ev = {.type = TERM_EVENT_MOUSE};
	term_mouse *m = &ev.mouse;
	long b = p[0];
	m->col = (uint16_t)(p[1] - 1);
	m->row = (uint16_t)(p[2] - 1);
	m->mods = (uint8_t)((b & 4 ? TERM_MOD_SHIFT : 0) | (b & 8 ? TERM_MOD_ALT : 0) |
			    (b & 16 ? TERM_MOD_CTRL : 0));
	if (b & 32) {
		m->action = TERM_MOUSE_MOVE;
	} else if (b & 64) {
		if ((b & 3) > 1 || final != 'M') /* wheel left and right are not kept */
			return;
		m->action = TERM_MOUSE_PRESS;
		m->button = (uint8_t)(4 + (b & 3));
	} else {
		if ((b & 3) == 3)
			return;
		m->action = final == 'M' ? TERM_MOUSE_PRESS : TERM_MOUSE_RELEASE;
		m->button = (uint8_t)(1 + (b & 3));
	}
	kp->alt = false;
	emit(arg, &ev);
}

static void csi_dispatch(keyparse *kp, keyparse_emit *emit, void *arg)
{
	const uint8_t *body = kp->seq + 2, *end = kp->seq + kp->seqlen - 1;
	uint8_t final = *end;
	long p[KEYPARSE_PARAMS] = {0};
	if (final == 'M' && body == end) {
		kp->state = KP_SKIP; /* X10 mouse: three raw bytes follow */
		kp->skip = 3;
		return;
	}
	if (*body == '<' && (final == 'M' || final == 'm')) {
		int n = parse_params(body + 1, end, p);
		sgr_mouse(kp, p, n, final, emit, arg);
		return;
	}
	int n = parse_params(body, end, p);
	if (n < 0)
		return;
	if ((final == 'I' || final == 'O') && body == end) {
		term_event ev = {.type = TERM_EVENT_FOCUS, .focus = final == 'I'};
		kp->alt = false;
		emit(arg, &ev);
		return;
	}
	int code = -1;
	unsigned mods = n >= 2 ? xterm_mods(p[1]) : 0;
	if (final == '~' && p[0] == 200 && n == 1) {
		kp->state = KP_PASTE;
		kp->alt = false;
		return;
	}
	if (final == '~')
		code = tilde_key(p[0]);
	else if (final == 'Z')
		code = TERM_KEY_TAB, mods |= TERM_MOD_SHIFT;
	else if (p[0] <= 1)
		code = letter_key(final);
	if (code >= 0 && n <= 2)
		emit_code(kp, code, mods, emit, arg);
}

static void ss3_dispatch(keyparse *kp, keyparse_emit *emit, void *arg)
{
	long p[KEYPARSE_PARAMS] = {0};
	const uint8_t *end = kp->seq + kp->seqlen - 1;
	int n = parse_params(kp->seq + 2, end, p);
	int code = letter_key(*end);
	/* Some terminals send the modifier alone after SS3: ESC O 5 A. */
	if (code >= 0 && n == 1)
		emit_code(kp, code, xterm_mods(p[0]), emit, arg);
}

/* Ends the sequence held; a byte that does not belong in it is read again afresh. */
static void seq_reset(keyparse *kp)
{
	if (kp->state != KP_PASTE && kp->state != KP_SKIP)
		kp->state = KP_GROUND;
	kp->seqlen = 0;
}

/* A complete sequence was read (and emitted, or dropped with any Alt before it). */
static void seq_done(keyparse *kp)
{
	seq_reset(kp);
	kp->alt = false;
}

/* Holds one more byte; an over-long sequence is dropped up to its final byte. */
static void seq_add(keyparse *kp, uint8_t c)
{
	if (kp->seqlen == KEYPARSE_SEQ_MAX) {
		seq_done(kp);
		if (!is_final(c))
			kp->state = KP_DISCARD;
		return;
	}
	kp->seq[kp->seqlen++] = c;
}

static void feed_byte(keyparse *kp, uint8_t c, keyparse_emit *emit, void *arg);

static void esc_byte(keyparse *kp, uint8_t c, keyparse_emit *emit, void *arg)
{
	if (c == '[' || c == 'O') {
		seq_add(kp, c);
		kp->state = c == '[' ? KP_CSI : KP_SS3;
		return;
	}
	seq_reset(kp);
	if (c == 0x1b && kp->alt) /* ESC ESC ESC: Alt+Escape, then a new ESC */
		emit_code(kp, TERM_KEY_ESCAPE, 0, emit, arg);
	else
		kp->alt = true;
	feed_byte(kp, c, emit, arg);
}

static void csi_byte(keyparse *kp, uint8_t c, keyparse_emit *emit, void *arg)
{
	if (c == '[' && kp->seqlen == 2) {
		kp->state = KP_CONSOLE;
		return;
	}
	if (c < 0x20 || c > 0x7e) {
		seq_reset(kp);
		feed_byte(kp, c, emit, arg);
		return;
	}
	seq_add(kp, c);
	if (kp->state == KP_CSI && is_final(c)) {
		kp->state = KP_GROUND;
		csi_dispatch(kp, emit, arg);
		seq_done(kp);
	}
}

static void ss3_byte(keyparse *kp, uint8_t c, keyparse_emit *emit, void *arg)
{
	if (!(c >= '0' && c <= '9') && !(c == ';') && !is_final(c)) {
		seq_reset(kp);
		feed_byte(kp, c, emit, arg);
		return;
	}
	seq_add(kp, c);
	if (kp->state == KP_SS3 && is_final(c)) {
		ss3_dispatch(kp, emit, arg);
		seq_done(kp);
	}
}

static void feed_byte(keyparse *kp, uint8_t c, keyparse_emit *emit, void *arg)
{
	switch (kp->state) {
	case KP_GROUND:
		if (c == 0x1b) {
			if (utf8_abandon(&kp->acc))
				emit_char(kp, 0xfffd, emit, arg);
			kp->state = KP_ESC;
			kp->seq[0] = c;
			kp->seqlen = 1;
		} else {
			ground_byte(kp, c, emit, arg);
		}
		break;
	case KP_ESC:
		esc_byte(kp, c, emit, arg);
		break;
	case KP_CSI:
		csi_byte(kp, c, emit, arg);
		break;
	case KP_SS3:
		ss3_byte(kp, c, emit, arg);
		break;
	case KP_CONSOLE:
		if (c >= 'A' && c <= 'E')
			emit_code(kp, TERM_KEY_F1 + (c - 'A'), 0, emit, arg);
		seq_done(kp);
		if (!is_final(c))
			feed_byte(kp, c, emit, arg);
		break;
	case KP_DISCARD:
		if (is_final(c) || c < 0x20 || c > 0x7e)
			kp->state = KP_GROUND;
		if (c < 0x20 || c > 0x7e)
			feed_byte(kp, c, emit, arg);
		break;
	case KP_SKIP:
		if (--kp->skip == 0)
			kp->state = KP_GROUND;
		break;
	case KP_PASTE:
		paste_byte(kp, c, emit, arg);
		break;
	}
}

void keyparse_feed(keyparse *kp, const uint8_t *buf, size_t len, keyparse_emit *emit,
		   void *arg)
{
	for (size_t i = 0; i < len; i++)
		feed_byte(kp, buf[i], emit, arg);
}

int keyparse_pending(const keyparse *kp)
{
	if (kp->state == KP_PASTE)
		return 0;
	return kp->state != KP_GROUND || kp->acc.len != 0;
}

void keyparse_flush(keyparse *kp, keyparse_emit *emit, void *arg)
{
	if (kp->state == KP_PASTE)
		return;
	if (utf8_abandon(&kp->acc))
		emit_char(kp, 0xfffd, emit, arg);
	uint8_t held[KEYPARSE_SEQ_MAX];
	size_t n = kp->seqlen;
	bool console = kp->state == KP_CONSOLE;
	memcpy(held, kp->seq, n);
	kp->state = KP_GROUND;
	kp->seqlen = 0;
	kp->skip = 0;
	if (n == 0) {
		kp->alt = false;
		return;
	}
	if (n == 1) {
		emit_code(kp, TERM_KEY_ESCAPE, 0, emit, arg);
		return;
	}
	/* Alt and the first character after ESC, then the rest as typed. */
	kp->alt = true;
	for (size_t i = 1; i < n; i++)
		emit_char(kp, held[i], emit, arg);
	if (console)
		emit_char(kp, '[', emit, arg);
}
