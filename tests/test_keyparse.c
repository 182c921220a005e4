/*
 * The terminal's bytes to input events: a table of what terminals send, each fed whole,
 * cut at every byte boundary and byte by byte; long pastes cut into valid chunks.
 */
#include <stdint.h>

#include "check.h"
#include "client/keyparse.h"
#include "term/input.h"
#include "util/utf8.h"

/* What the events were, written as text: keys as tmux names them, joined with '|'. */
struct record {
	char text[8192];
	size_t len;
	char paste[32768]; /* every paste's text, joined */
	size_t paste_len;
	size_t pastes;
};

static void add(struct record *r, const char *s, size_t n)
{
	CHECK(r->len + n + 2 < sizeof r->text);
	if (r->len > 0)
		r->text[r->len++] = '|';
	memcpy(r->text + r->len, s, n);
	r->len += n;
	r->text[r->len] = '\0';
}

static const char *code_names[] = {
	[TERM_KEY_ENTER] = "Enter", [TERM_KEY_TAB] = "Tab",	  [TERM_KEY_BACKSPACE] = "BSpace",
	[TERM_KEY_ESCAPE] = "Escape", [TERM_KEY_UP] = "Up",	  [TERM_KEY_DOWN] = "Down",
	[TERM_KEY_LEFT] = "Left",     [TERM_KEY_RIGHT] = "Right", [TERM_KEY_INSERT] = "IC",
	[TERM_KEY_DELETE] = "DC",     [TERM_KEY_HOME] = "Home",	  [TERM_KEY_END] = "End",
	[TERM_KEY_PAGEUP] = "PPage",  [TERM_KEY_PAGEDOWN] = "NPage",
};

static void record_event(void *arg, const term_event *ev)
{
	struct record *r = arg;
	char s[64];
	int n = 0;
	const char *why = term_event_check(ev);
	CHECKF(why == NULL, "event refused: %s", why);
	switch (ev->type) {
	case TERM_EVENT_KEY: {
		const term_key *k = &ev->key;
		n = snprintf(s, sizeof s, "%s%s%s", k->mods & TERM_MOD_CTRL ? "C-" : "",
			     k->mods & TERM_MOD_ALT ? "M-" : "", k->mods & TERM_MOD_SHIFT ? "S-" : "");
		if (k->code == TERM_KEY_CHAR)
			n += (int)utf8_encode(k->ch, s + n);
		else if (k->code >= TERM_KEY_F1)
			n += snprintf(s + n, sizeof s - (size_t)n, "F%d", k->code - TERM_KEY_F1 + 1);
		else
			n += snprintf(s + n, sizeof s - (size_t)n, "%s", code_names[k->code]);
		break;
	}
	case TERM_EVENT_PASTE:
		CHECK(r->paste_len + ev->paste.len <= sizeof r->paste);
		memcpy(r->paste + r->paste_len, ev->paste.text, ev->paste.len);
		r->paste_len += ev->paste.len;
		r->pastes++;
		n = snprintf(s, sizeof s, "paste");
		break;
	case TERM_EVENT_MOUSE: {
		static const char *actions[] = {"press", "release", "move"};
		const term_mouse *m = &ev->mouse;
		n = snprintf(s, sizeof s, "mouse %s %u mods %u at %u,%u", actions[m->action],
			     m->button, m->mods, m->row, m->col);
		break;
	}
	case TERM_EVENT_FOCUS:
		n = snprintf(s, sizeof s, "focus %s", ev->focus ? "in" : "out");
		break;
	default:
		CHECKF(0, "unexpected event type %u", ev->type);
	}
	add(r, s, (size_t)n);
}

/* Feeds the pieces (cut at the given offsets, ascending), then flushes. */
static void run(const char *in, size_t len, const size_t *cuts, size_t ncuts, struct record *r)
{
	keyparse *kp = keyparse_new();
	memset(r, 0, sizeof *r);
	size_t at = 0;
	for (size_t i = 0; i <= ncuts; i++) {
		size_t to = i < ncuts ? cuts[i] : len;
		keyparse_feed(kp, (const uint8_t *)in + at, to - at, record_event, r);
		at = to;
	}
	keyparse_flush(kp, record_event, r);
	CHECK(!keyparse_pending(kp));
	keyparse_free(kp);
}

struct expect {
	const char *in;
	const char *events;
	const char *paste; /* the pastes' text joined, when there is one */
};

static const struct expect table[] = {
	/* characters and C0 controls */
	{"a", "a", NULL},
	{"A", "A", NULL},
	{"\xc3\xa9", "\xc3\xa9", NULL},
	{"\xe2\x82\xac\xf0\x9f\x98\x80", "\xe2\x82\xac|\xf0\x9f\x98\x80", NULL},
	{"\xff", "\xef\xbf\xbd", NULL},
	{"\xc3x", "\xef\xbf\xbd|x", NULL},
	{"\xed\xa0\x80", "\xef\xbf\xbd", NULL}, /* a surrogate */
	{"\xe0\x80\xaf", "\xef\xbf\xbd", NULL}, /* overlong */
	{"\xc3", "\xef\xbf\xbd", NULL},	  /* cut short, then flushed */
	{"\x01\x02\x1a", "C-a|C-b|C-z", NULL},
	{"\t\r\n", "Tab|Enter|C-j", NULL},
	{"\x7f\x08", "BSpace|C-h", NULL},
	{"\x1c\x1d\x1e\x1f", "C-\\|C-]|C-^|C-_", NULL},
	{"\0", "C- ", NULL},
	{"\x1b", "Escape", NULL},
	/* Alt as an ESC prefix */
	{"\x1b" "a", "M-a", NULL},
	{"\x1b\x01", "C-M-a", NULL},
	{"\x1b\x7f", "M-BSpace", NULL},
	{"\x1b\r", "M-Enter", NULL},
	{"\x1b\xc3\xa9", "M-\xc3\xa9", NULL},
	{"\x1b\x1b", "M-Escape", NULL},
	{"\x1b\x1b\x1b", "M-Escape|Escape", NULL},
	{"\x1b\x1b[A", "M-Up", NULL},
	{"\x1b[", "M-[", NULL},
	{"\x1bO", "M-O", NULL},
	{"\x1b[1;", "M-[|1|;", NULL},
	/* cursor and editing keys */
	{"\x1b[A\x1b[B\x1b[C\x1b[D", "Up|Down|Right|Left", NULL},
	{"\x1bOA\x1bOB\x1bOC\x1bOD", "Up|Down|Right|Left", NULL},
	{"\x1b[1;5A\x1b[1;2B\x1b[1;3C\x1b[1;8D", "C-Up|S-Down|M-Right|C-M-S-Left", NULL},
	{"\x1bO5A", "C-Up", NULL},
	{"\x1b[H\x1b[F\x1bOH\x1bOF", "Home|End|Home|End", NULL},
	{"\x1b[1~\x1b[4~\x1b[7~\x1b[8~", "Home|End|Home|End", NULL},
	{"\x1b[2~\x1b[3~\x1b[5~\x1b[6~", "IC|DC|PPage|NPage", NULL},
	{"\x1b[3;5~\x1b[5;2~\x1b[1;5H", "C-DC|S-PPage|C-Home", NULL},
	{"\x1b[Z", "S-Tab", NULL},
	/* function keys */
	{"\x1bOP\x1bOQ\x1bOR\x1bOS", "F1|F2|F3|F4", NULL},
	{"\x1b[11~\x1b[12~\x1b[13~\x1b[14~", "F1|F2|F3|F4", NULL},
	{"\x1b[1;2P\x1b[1;5S", "S-F1|C-F4", NULL},
	{"\x1b[15~\x1b[17~\x1b[18~\x1b[19~\x1b[20~\x1b[21~\x1b[23~\x1b[24~",
	 "F5|F6|F7|F8|F9|F10|F11|F12", NULL},
	{"\x1b[15;5~\x1b[24;2~", "C-F5|S-F12", NULL},
	{"\x1b[[A\x1b[[E", "F1|F5", NULL}, /* the Linux console */
	/* mouse and focus */
	{"\x1b[<0;1;1M\x1b[<0;1;1m", "mouse press 1 mods 0 at 0,0|mouse release 1 mods 0 at 0,0", NULL},
	{"\x1b[<2;10;5M", "mouse press 3 mods 0 at 4,9", NULL},
	{"\x1b[<1;3;4M", "mouse press 2 mods 0 at 3,2", NULL},
	{"\x1b[<64;3;4M\x1b[<65;3;4M", "mouse press 4 mods 0 at 3,2|mouse press 5 mods 0 at 3,2", NULL},
	{"\x1b[<32;7;8M\x1b[<35;7;8M", "mouse move 0 mods 0 at 7,6|mouse move 0 mods 0 at 7,6", NULL},
	{"\x1b[<28;2;2M", "mouse press 1 mods 7 at 1,1", NULL},
	{"\x1b[<0;0;1M\x1b[<3;1;1M\x1b[<66;1;1M\x1b[<0;1M", "", NULL}, /* refused */
	{"\x1b[I\x1b[O", "focus in|focus out", NULL},
	/* dropped whole */
	{"\x1b[99~x", "x", NULL},
	{"\x1b[?1;2cx", "x", NULL},
	{"\x1b[>0;1;2qx", "x", NULL},
	{"\x1b[1;2;3;4Ax", "x", NULL},
	{"\x1b[2Ax", "x", NULL},
	{"\x1bOxy", "y", NULL},
	{"\x1b[M !!z", "z", NULL}, /* an X10 mouse report */
	{"\x1b[201~x", "x", NULL},
	{"\x1b[\x01", "C-a", NULL}, /* broken off: the control counts */
	{"\x1b[1\x1b[A", "Up", NULL},
	/* bracketed paste */
	{"\x1b[200~hello\r\nworld\x1b[201~x", "paste|x", "hello\r\nworld"},
	{"\x1b[200~\x1b[201~", "", NULL},
	{"\x1b[200~a\x1b[202~\x1b\x1b[201~", "paste", "a\x1b[202~\x1b"},
	{"\x1b[200~a\xff" "b\xe2\x82\x1b[201~", "paste", "a\xef\xbf\xbd" "b\xef\xbf\xbd"},
	{"\x1b[200~\xe2\x82\x1b[20x\x1b[201~", "paste", "\xef\xbf\xbd\x1b[20x"},
	{"\x1b\x1b[200~a\x1b[201~b", "paste|b", "a"},
};

static void check_case(const struct expect *e)
{
	/* The NUL case is one byte long; every other input is a C string. */
	size_t len = e->in[0] == '\0' ? 1 : strlen(e->in);
	struct record whole, r;
	run(e->in, len, NULL, 0, &whole);
	CHECKF(strcmp(whole.text, e->events) == 0, "input %zu bytes: got \"%s\", want \"%s\"",
	       len, whole.text, e->events);
	const char *paste = e->paste != NULL ? e->paste : "";
	CHECKF(whole.paste_len == strlen(paste) && memcmp(whole.paste, paste, whole.paste_len) == 0,
	       "paste text for \"%s\"", e->events);
	for (size_t cut = 1; cut < len; cut++) {
		run(e->in, len, &cut, 1, &r);
		CHECKF(strcmp(r.text, whole.text) == 0, "cut at %zu: got \"%s\", want \"%s\"", cut,
		       r.text, whole.text);
		CHECK(r.paste_len == whole.paste_len && memcmp(r.paste, whole.paste, r.paste_len) == 0);
	}
	size_t cuts[256];
	CHECK(len <= 256);
	for (size_t i = 1; i < len; i++)
		cuts[i - 1] = i;
	run(e->in, len, cuts, len > 0 ? len - 1 : 0, &r);
	CHECKF(strcmp(r.text, whole.text) == 0, "byte by byte: got \"%s\"", r.text);
}

static void feed(keyparse *kp, const char *s, struct record *r)
{
	keyparse_feed(kp, (const uint8_t *)s, strlen(s), record_event, r);
}

/* The ESC timeout is the caller's: pending says when to flush. */
static void check_pending(void)
{
	struct record r;
	memset(&r, 0, sizeof r);
	keyparse *kp = keyparse_new();
	feed(kp, "\x1b", &r);
	CHECK(keyparse_pending(kp) && r.len == 0);
	feed(kp, "a", &r);
	CHECK(!keyparse_pending(kp) && strcmp(r.text, "M-a") == 0);
	feed(kp, "\x1b[1;5", &r);
	CHECK(keyparse_pending(kp));
	feed(kp, "A", &r);
	CHECK(!keyparse_pending(kp) && strcmp(r.text, "M-a|C-Up") == 0);
	/* A paste in progress is not flushed: it waits for its end. */
	feed(kp, "\x1b[200~ab\x1b[20", &r);
	CHECK(!keyparse_pending(kp));
	keyparse_flush(kp, record_event, &r);
	CHECK(strcmp(r.text, "M-a|C-Up") == 0);
	feed(kp, "1~", &r);
	CHECK(strcmp(r.text, "M-a|C-Up|paste") == 0 && r.paste_len == 2);
	/* An over-long sequence is dropped up to its end. */
	char longseq[200] = "\x1b[";
	memset(longseq + 2, '1', 150);
	memcpy(longseq + 152, "~q", 3);
	feed(kp, longseq, &r);
	CHECK(strcmp(r.text, "M-a|C-Up|paste|q") == 0);
	keyparse_free(kp);
}

/* Random text of 1- to 4-byte characters. */
static size_t random_text(char *out, size_t max, unsigned long *seed)
{
	size_t n = 0;
	while (n + 4 <= max) {
		*seed = *seed * 6364136223846793005ul + 1442695040888963407ul;
		uint32_t r = (uint32_t)(*seed >> 33), cp;
		switch (r % 4) {
		case 0: cp = 0x20 + r / 4 % 0x5f; break;
		case 1: cp = 0xa0 + r / 4 % 0x700; break;
		case 2: cp = 0x4e00 + r / 4 % 0x1000; break;
		default: cp = 0x1f300 + r / 4 % 0x300; break;
		}
		n += utf8_encode(cp, out + n);
	}
	return n;
}

static void check_long_paste(unsigned long seed)
{
	static char in[24000];
	static struct record r;
	unsigned long s = seed;
	size_t len = 6;
	memcpy(in, "\x1b[200~", 6);
	size_t text_len = random_text(in + len, 20480, &s);
	len += text_len;
	memcpy(in + len, "\x1b[201~", 6);
	len += 6;
	size_t cuts[64], ncuts = 0, at = 0;
	while (ncuts < 64) {
		s = s * 6364136223846793005ul + 1442695040888963407ul;
		at += 1 + (s >> 33) % 1500;
		if (at >= len)
			break;
		cuts[ncuts++] = at;
	}
	run(in, len, cuts, ncuts, &r);
	CHECKF(r.paste_len == text_len && memcmp(r.paste, in + 6, text_len) == 0,
	       "seed %lu: pasted text differs", seed);
	CHECKF(r.pastes == (text_len + TERM_EVENT_PASTE_MAX - 1) / TERM_EVENT_PASTE_MAX ||
		       r.pastes == (text_len + TERM_EVENT_PASTE_MAX - 1) / TERM_EVENT_PASTE_MAX + 1,
	       "seed %lu: %zu chunks for %zu bytes", seed, r.pastes, text_len);
}

static char sent[16];
static size_t sent_len;

static void catch_sent(const char *buf, size_t len, void *arg)
{
	CHECK(sent_len + len <= sizeof sent);
	memcpy(sent + sent_len, buf, len);
	sent_len += len;
}

static void encode_event(void *arg, const term_event *ev)
{
	CHECK(ev->type == TERM_EVENT_KEY);
	CHECK(term_input_key(arg, &ev->key));
}

/* Every C0 byte and DEL typed reaches the pane's program as that byte: read here, then
 * encoded by the server's encoder. Ctrl-J (a typed or pasted line feed) came out as
 * ESC [ 106 ; 5 u. */
static void check_controls_as_typed(void)
{
	term_emulator *em = term_emulator_new(5, 20, 0);
	term_emulator_set_output(em, catch_sent, NULL);
	for (unsigned b = 0; b < 0x80; b = b == 0x1f ? 0x7f : b + 1) {
		keyparse *kp = keyparse_new();
		uint8_t byte = (uint8_t)b;
		sent_len = 0;
		keyparse_feed(kp, &byte, 1, encode_event, em);
		keyparse_flush(kp, encode_event, em); /* a lone ESC is the Escape key */
		CHECKF(sent_len == 1 && (uint8_t)sent[0] == byte,
		       "0x%02x typed reached the pane as %zu bytes (first 0x%02x)", b, sent_len,
		       sent_len ? (uint8_t)sent[0] : 0);
		keyparse_free(kp);
	}
	term_emulator_free(em);
}

int main(void)
{
	check_controls_as_typed();
	for (size_t i = 0; i < sizeof table / sizeof *table; i++)
		check_case(&table[i]);
	check_pending();
	unsigned long seed = test_seed();
	for (unsigned long i = 0; i < test_cases(20); i++)
		check_long_paste(seed + i);
	return 0;
}
