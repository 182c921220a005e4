/*
 * Input events' wire form: every type round trips, edge values included, to the same
 * bytes; every malformed event is refused with its reason (truncation at every offset,
 * trailing bytes, wrong types, values out of range, unknown types, wrong field counts).
 */
#include "check.h"
#include "term/event.h"

/* Encodes ev, decodes it back, checks it is the same event and encodes to the same bytes;
 * then that every strict prefix is refused as truncated and an extra byte as trailing. */
static void round_trip(const term_event *ev)
{
	size_t len, again_len;
	uint8_t *buf = term_event_encode(ev, &len);
	CHECKF(buf != NULL, "%s", term_event_check(ev));
	CHECK(len <= 4096); /* INPUTLOG_EVENT_MAX */
	term_event back;
	const char *why = term_event_decode(buf, len, &back);
	CHECKF(why == NULL, "type %d: %s", ev->type, why);
	CHECK(back.type == ev->type);
	switch (ev->type) {
	case TERM_EVENT_KEY:
		CHECK(memcmp(&back.key, &ev->key, sizeof ev->key) == 0);
		break;
	case TERM_EVENT_PASTE:
		CHECK(back.paste.len == ev->paste.len);
		CHECK(memcmp(back.paste.text, ev->paste.text, ev->paste.len) == 0);
		break;
	case TERM_EVENT_MOUSE:
		CHECK(memcmp(&back.mouse, &ev->mouse, sizeof ev->mouse) == 0);
		break;
	case TERM_EVENT_RESIZE:
		CHECK(back.resize.cols == ev->resize.cols && back.resize.rows == ev->resize.rows);
		break;
	case TERM_EVENT_DRAG:
		CHECK(memcmp(&back.drag, &ev->drag, sizeof ev->drag) == 0);
		break;
	case TERM_EVENT_FOCUS:
		CHECK(back.focus == ev->focus);
		break;
	case TERM_EVENT_TERMINAL:
		CHECK(back.terminal.first == ev->terminal.first);
		CHECK(back.terminal.name.len == ev->terminal.name.len &&
		      memcmp(back.terminal.name.p, ev->terminal.name.p, ev->terminal.name.len) == 0);
		CHECK(back.terminal.ncaps == ev->terminal.ncaps);
		for (uint32_t i = 0; i < ev->terminal.ncaps; i++) {
			const struct term_event_cap *a = &back.terminal.caps[i],
						    *b = &ev->terminal.caps[i];
			CHECK(a->type == b->type && a->name.len == b->name.len &&
			      memcmp(a->name.p, b->name.p, b->name.len) == 0);
			CHECK(a->type != TERM_CAP_FLAG || a->flag == b->flag);
			CHECK(a->type != TERM_CAP_NUMBER || a->number == b->number);
			CHECK(a->type != TERM_CAP_STRING ||
			      (a->string.len == b->string.len &&
			       memcmp(a->string.p, b->string.p, b->string.len) == 0));
		}
		break;
	case TERM_EVENT_COMMAND:
		CHECK(back.command.argc == ev->command.argc);
		for (uint32_t i = 0; i < ev->command.argc; i++) {
			CHECK(back.command.argv[i].len == ev->command.argv[i].len);
			CHECK(memcmp(back.command.argv[i].p, ev->command.argv[i].p,
				     ev->command.argv[i].len) == 0);
		}
		break;
	}
	uint8_t *again = term_event_encode(&back, &again_len);
	CHECK(again != NULL && again_len == len && memcmp(again, buf, len) == 0);
	free(again);
	for (size_t cut = 0; cut < len; cut++) {
		why = term_event_decode(buf, cut, &back);
		CHECKF(why != NULL && strcmp(why, "truncated") == 0, "type %d cut at %zu: %s",
		       ev->type, cut, why ? why : "accepted");
	}
	uint8_t *longer = malloc(len + 1);
	memcpy(longer, buf, len);
	longer[len] = 0xc0;
	why = term_event_decode(longer, len + 1, &back);
	CHECK(why != NULL && strcmp(why, "trailing bytes") == 0);
	free(longer);
	free(buf);
}

static void key(uint8_t code, uint8_t mods, uint32_t ch)
{
	round_trip(&(term_event){.type = TERM_EVENT_KEY, .key = {code, mods, ch}});
}

static void paste(const char *text, size_t len)
{
	round_trip(&(term_event){.type = TERM_EVENT_PASTE, .paste = {text, (uint32_t)len}});
}

static void mouse(uint8_t action, uint8_t button, uint8_t mods, uint16_t row, uint16_t col)
{
	round_trip(&(term_event){.type = TERM_EVENT_MOUSE,
				 .mouse = {action, button, mods, row, col}});
}

static void round_trips(void)
{
	key(TERM_KEY_CHAR, 0, 'a');
	key(TERM_KEY_CHAR, TERM_MOD_ALL, 1);
	key(TERM_KEY_CHAR, TERM_MOD_CTRL, 0xd7ff);
	key(TERM_KEY_CHAR, 0, 0xe000);
	key(TERM_KEY_CHAR, 0, 0x10ffff);
	for (uint8_t code = TERM_KEY_ENTER; code <= TERM_KEY_F12; code++)
		key(code, (uint8_t)(code & TERM_MOD_ALL), 0);

	paste("", 0);
	paste("hello\nworld", 11);
	paste("\xf4\x8f\xbf\xbf \xe6\xbc\xa2 \xc3\xa9 \x1b[201~", 16);
	char *big = malloc(TERM_EVENT_PASTE_MAX);
	memset(big, 'x', TERM_EVENT_PASTE_MAX);
	paste(big, TERM_EVENT_PASTE_MAX);

	mouse(TERM_MOUSE_PRESS, 1, 0, 0, 0);
	mouse(TERM_MOUSE_RELEASE, 5, TERM_MOD_ALL, 999, 999);
	mouse(TERM_MOUSE_MOVE, 0, TERM_MOD_SHIFT, 128, 255);

	round_trip(&(term_event){.type = TERM_EVENT_RESIZE, .resize = {1, 1}});
	round_trip(&(term_event){.type = TERM_EVENT_RESIZE, .resize = {1000, 1000}});
	round_trip(&(term_event){.type = TERM_EVENT_FOCUS, .focus = true});
	round_trip(&(term_event){.type = TERM_EVENT_FOCUS, .focus = false});
	round_trip(&(term_event){.type = TERM_EVENT_DETACH});
	round_trip(&(term_event){.type = TERM_EVENT_VIEW_DONE});
	round_trip(&(term_event){.type = TERM_EVENT_DRAG, .drag = {5, 40, 6, 30}});
	round_trip(&(term_event){.type = TERM_EVENT_DRAG, .drag = {999, 0, 0, 999}});

	term_event cmd = {.type = TERM_EVENT_COMMAND};
	cmd.command.argc = 2;
	cmd.command.argv[0] = (struct term_event_word){"split-window", 12};
	cmd.command.argv[1] = (struct term_event_word){"-h", 2};
	round_trip(&cmd);
	cmd.command.argc = 1;
	cmd.command.argv[0] = (struct term_event_word){"", 0};
	round_trip(&cmd);
	/* The most words, and the longest word: each fits an input log event. */
	cmd.command.argc = TERM_EVENT_WORDS_MAX;
	for (int i = 0; i < TERM_EVENT_WORDS_MAX; i++)
		cmd.command.argv[i] = (struct term_event_word){big, 40};
	round_trip(&cmd);
	cmd.command.argc = 3;
	cmd.command.argv[1] = (struct term_event_word){big, TERM_EVENT_WORD_MAX};
	round_trip(&cmd);
	free(big);
}

/* The bytes are refused, for the reason given. */
#define REFUSED(why, ...)                                                             \
	do {                                                                          \
		static const uint8_t bytes[] = {__VA_ARGS__};                         \
		term_event ev;                                                        \
		const char *got = term_event_decode(bytes, sizeof bytes, &ev);        \
		CHECKF(got != NULL && strcmp(got, why) == 0, "%s", got ? got : "accepted"); \
		CHECK(ev.type == 0 && ev.key.code == 0);                              \
	} while (0)

static void hostile(void)
{
	REFUSED("expected an array", 0x00);
	REFUSED("truncated");
	REFUSED("array length out of range", 0x90);
	REFUSED("unknown event type", 0x91, 0x0e);
	REFUSED("unknown event type", 0x91, 0xcd, 0x01, 0x00);
	REFUSED("integer out of range", 0x91, 0xff); /* -1 */
	REFUSED("expected an integer", 0x91, 0xc0);
	REFUSED("wrong number of fields for the event type", 0x92, 0x06, 0x00);
	REFUSED("wrong number of fields for the event type", 0x92, 0x0d, 0xc0);
	REFUSED("wrong number of fields for the event type", 0x93, 0x00, 0x00, 0x00);
	REFUSED("wrong number of fields for the event type", 0x95, 0x00, 0x00, 0x00, 0x61, 0x00);

	REFUSED("key code out of range", 0x94, 0x00, 0x1b, 0x00, 0x00);
	REFUSED("key code out of range", 0x94, 0x00, 0xcd, 0x01, 0x2c, 0x00, 0x00);
	REFUSED("key modifiers out of range", 0x94, 0x00, 0x00, 0x08, 0x61);
	REFUSED("key character not a Unicode scalar value", 0x94, 0x00, 0x00, 0x00, 0x00);
	REFUSED("key character not a Unicode scalar value", 0x94, 0x00, 0x00, 0x00, 0xcd, 0xd8, 0x00);
	REFUSED("key character not a Unicode scalar value", 0x94, 0x00, 0x00, 0x00, 0xcd, 0xdf, 0xff);
	REFUSED("key character not a Unicode scalar value", 0x94, 0x00, 0x00, 0x00, 0xce, 0x00, 0x11,
		0x00, 0x00);
	REFUSED("key character not a Unicode scalar value", 0x94, 0x00, 0x00, 0x00, 0xcf, 0x01, 0x00,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x61);
	REFUSED("key character given for a named key", 0x94, 0x00, 0x01, 0x00, 0x61);
	REFUSED("expected an integer", 0x94, 0x00, 0x00, 0x00, 0xa1, 0x61);

	REFUSED("expected a string", 0x92, 0x01, 0xc4, 0x01, 0x61);
	REFUSED("paste not UTF-8", 0x92, 0x01, 0xa1, 0xff);
	REFUSED("paste not UTF-8", 0x92, 0x01, 0xa3, 0xed, 0xa0, 0x80); /* a surrogate */
	REFUSED("paste not UTF-8", 0x92, 0x01, 0xa2, 0xc1, 0x81);       /* overlong */
	REFUSED("paste not UTF-8", 0x92, 0x01, 0xa2, 0x61, 0xe6);       /* cut short */

	REFUSED("mouse action out of range", 0x96, 0x02, 0x03, 0x01, 0x00, 0x00, 0x00);
	REFUSED("mouse button out of range", 0x96, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00);
	REFUSED("mouse button out of range", 0x96, 0x02, 0x01, 0x06, 0x00, 0x00, 0x00);
	REFUSED("mouse button out of range", 0x96, 0x02, 0x02, 0x01, 0x00, 0x00, 0x00);
	REFUSED("mouse modifiers out of range", 0x96, 0x02, 0x00, 0x01, 0x08, 0x00, 0x00);
	REFUSED("mouse position out of range", 0x96, 0x02, 0x00, 0x01, 0x00, 0xcd, 0x03, 0xe8, 0x00);
	REFUSED("mouse position out of range", 0x96, 0x02, 0x00, 0x01, 0x00, 0x00, 0xce, 0x00, 0x01,
		0x00, 0x00);
	REFUSED("expected an integer", 0x96, 0x02, 0x00, 0x01, 0x00, 0x00, 0xc3);

	REFUSED("size out of range", 0x93, 0x03, 0x00, 0x18);
	REFUSED("size out of range", 0x93, 0x03, 0x50, 0x00);
	REFUSED("size out of range", 0x93, 0x03, 0x50, 0xcd, 0x03, 0xe9);
	REFUSED("size out of range", 0x93, 0x03, 0xce, 0x00, 0x01, 0x00, 0x50, 0x18);
	REFUSED("integer out of range", 0x93, 0x03, 0x50, 0xe8); /* -24 */

	REFUSED("expected a boolean", 0x92, 0x04, 0xc0);
	REFUSED("expected a boolean", 0x92, 0x04, 0x01);

	REFUSED("expected an array", 0x92, 0x05, 0xc4, 0x00);
	REFUSED("array length out of range", 0x92, 0x05, 0x90);
	REFUSED("expected binary data", 0x92, 0x05, 0x91, 0xa1, 0x78);
	REFUSED("command word holds a NUL byte", 0x92, 0x05, 0x92, 0xc4, 0x01, 0x78, 0xc4, 0x02,
		0x78, 0x00);
	REFUSED("trailing bytes", 0x91, 0x06, 0x91);

	REFUSED("drag position out of range", 0x95, 0x0b, 0x00, 0x00, 0xcd, 0x03, 0xe8, 0x00);
	REFUSED("drag position out of range", 0x95, 0x0b, 0xce, 0x00, 0x01, 0x00, 0x00, 0x00,
		0x00, 0x00);
	REFUSED("wrong number of fields for the event type", 0x94, 0x0b, 0x00, 0x00, 0x00);

	/* Too long: a paste over the cap, 65 words, a word over the cap. */
	uint8_t buf[8192];
	size_t n = 0;
	term_event ev;
	buf[n++] = 0x92, buf[n++] = 0x01, buf[n++] = 0xda, buf[n++] = 0x0f, buf[n++] = 0xa1;
	memset(buf + n, 'a', 4001);
	CHECK(strcmp(term_event_decode(buf, n + 4001, &ev), "string too long") == 0);
	n = 0;
	buf[n++] = 0x92, buf[n++] = 0x05, buf[n++] = 0xdc, buf[n++] = 0x00, buf[n++] = 65;
	for (int i = 0; i < 65; i++)
		buf[n++] = 0xc4, buf[n++] = 0x00;
	CHECK(strcmp(term_event_decode(buf, n, &ev), "array length out of range") == 0);
	n = 0;
	buf[n++] = 0x92, buf[n++] = 0x05, buf[n++] = 0x91, buf[n++] = 0xc5, buf[n++] = 0x04,
	buf[n++] = 0x01;
	memset(buf + n, 'a', 1025);
	CHECK(strcmp(term_event_decode(buf, n + 1025, &ev), "string too long") == 0);
}

/* The encoder refuses what the decoder would. */
static void encode_checks(void)
{
	size_t len;
	CHECK(term_event_encode(&(term_event){.type = TERM_EVENT_TYPES}, &len) == NULL);
	CHECK(term_event_encode(&(term_event){.type = TERM_EVENT_KEY, .key = {99, 0, 0}}, &len) == NULL);
	CHECK(term_event_encode(&(term_event){.type = TERM_EVENT_RESIZE, .resize = {0, 24}}, &len) == NULL);
	CHECK(term_event_encode(&(term_event){.type = TERM_EVENT_PASTE, .paste = {"\xff", 1}}, &len) == NULL);
	CHECK(term_event_encode(&(term_event){.type = TERM_EVENT_COMMAND}, &len) == NULL);
	CHECK(strcmp(term_event_check(&(term_event){.type = TERM_EVENT_MOUSE,
						    .mouse = {0, 1, 0, 1000, 0}}),
		     "mouse position out of range") == 0);
}

/* The examples in docs/protocol.md, byte for byte. */
static void encodes_as(const term_event *ev, const uint8_t *bytes, size_t n)
{
	size_t len;
	uint8_t *buf = term_event_encode(ev, &len);
	CHECK(buf != NULL && len == n && memcmp(buf, bytes, n) == 0);
	free(buf);
}

static void documented(void)
{
	encodes_as(&(term_event){.type = TERM_EVENT_KEY, .key = {TERM_KEY_CHAR, 0, 'a'}},
		   (const uint8_t[]){0x94, 0x00, 0x00, 0x00, 0x61}, 5);
	encodes_as(&(term_event){.type = TERM_EVENT_KEY, .key = {TERM_KEY_CHAR, TERM_MOD_CTRL, 'c'}},
		   (const uint8_t[]){0x94, 0x00, 0x00, 0x04, 0x63}, 5);
	encodes_as(&(term_event){.type = TERM_EVENT_RESIZE, .resize = {132, 43}},
		   (const uint8_t[]){0x93, 0x03, 0xcc, 0x84, 0x2b}, 5);
	term_event cmd = {.type = TERM_EVENT_COMMAND};
	cmd.command.argc = 2;
	cmd.command.argv[0] = (struct term_event_word){"split-window", 12};
	cmd.command.argv[1] = (struct term_event_word){"-h", 2};
	encodes_as(&cmd, (const uint8_t *)"\x92\x05\x92\xc4\x0csplit-window\xc4\x02-h", 21);
	encodes_as(&(term_event){.type = TERM_EVENT_DRAG, .drag = {5, 40, 6, 30}},
		   (const uint8_t[]){0x95, 0x0b, 0x05, 0x28, 0x06, 0x1e}, 6);
	encodes_as(&(term_event){.type = TERM_EVENT_VIEW_DONE}, (const uint8_t[]){0x91, 0x0d}, 2);
}

/* A long paste cuts into events on character boundaries. */
static void paste_cut(void)
{
	char text[TERM_EVENT_PASTE_MAX + 8];
	memset(text, 'a', sizeof text);
	CHECK(term_event_paste_cut(text, 10) == 10);
	CHECK(term_event_paste_cut(text, TERM_EVENT_PASTE_MAX) == TERM_EVENT_PASTE_MAX);
	CHECK(term_event_paste_cut(text, sizeof text) == TERM_EVENT_PASTE_MAX);
	memcpy(text + TERM_EVENT_PASTE_MAX - 1, "\xc3\xa9", 2); /* straddles the cap */
	CHECK(term_event_paste_cut(text, sizeof text) == TERM_EVENT_PASTE_MAX - 1);
	memcpy(text + TERM_EVENT_PASTE_MAX - 2, "\xf0\x9f\x98\x80", 4);
	CHECK(term_event_paste_cut(text, sizeof text) == TERM_EVENT_PASTE_MAX - 2);
	memset(text, 'a', sizeof text);
	memcpy(text + TERM_EVENT_PASTE_MAX - 4, "\xf0\x9f\x98\x80", 4); /* ends at the cap */
	CHECK(term_event_paste_cut(text, sizeof text) == TERM_EVENT_PASTE_MAX);
}

/* History requests and searches: round trips, and what is refused. */
static void history_events(void)
{
	term_event h = {.type = TERM_EVENT_HISTORY, .history = {7, 3, 90, 10}}, back;
	size_t len;
	uint8_t *buf = term_event_encode(&h, &len);
	CHECK(buf != NULL && len == 6 && memcmp(buf, "\x95\x07\x07\x03\x5a\x0a", 6) == 0);
	CHECK(term_event_decode(buf, len, &back) == NULL && back.history.first == 90 &&
	      back.history.count == 10 && back.history.pane == 7 && back.history.epoch == 3);
	free(buf);
	term_event s = {.type = TERM_EVENT_SEARCH};
	s.search = (__typeof__(s.search)){7, 3, 1, 95, 2, TERM_SEARCH_BACKWARD, "abc", 3};
	buf = term_event_encode(&s, &len);
	CHECK(buf != NULL && term_event_decode(buf, len, &back) == NULL);
	CHECK(back.search.line == 95 && back.search.col == 2 && back.search.serial == 1 &&
	      back.search.len == 3 && memcmp(back.search.text, "abc", 3) == 0 &&
	      back.search.flags == TERM_SEARCH_BACKWARD);
	free(buf);
	h.history.count = 0;
	CHECK(strcmp(term_event_check(&h), "history count out of range") == 0);
	h.history.count = TERM_EVENT_HISTORY_MAX + 1;
	CHECK(term_event_check(&h) != NULL);
	s.search.len = 0;
	CHECK(strcmp(term_event_check(&s), "search text length out of range") == 0);
	s.search = (__typeof__(s.search)){7, 3, 1, 95, 2, 0, "a\0b", 3};
	CHECK(term_event_check(&s) != NULL);
	s.search = (__typeof__(s.search)){7, 3, 1, 95, 2, 8, "ab", 2};
	CHECK(strcmp(term_event_check(&s), "search flags out of range") == 0);
	s.search = (__typeof__(s.search)){7, 3, 1, 95, TERM_MAX_COLS, 0, "ab", 2};
	CHECK(strcmp(term_event_check(&s), "search position out of range") == 0);
	/* [9, true, "1234", 7, "my"]: a piece, more to come, for buffer myN. */
	term_event b = {.type = TERM_EVENT_BUFFER, .buffer = {"1234", 4, true, 7, "my", 2}};
	buf = term_event_encode(&b, &len);
	CHECK(buf != NULL && len == 13 &&
	      memcmp(buf, "\x95\x09\xc3\xa4" "1234" "\x07\xc4\x02" "my", 13) == 0);
	CHECK(term_event_decode(buf, len, &back) == NULL && back.buffer.more &&
	      back.buffer.len == 4 && memcmp(back.buffer.text, "1234", 4) == 0 &&
	      back.buffer.pane == 7 && back.buffer.prefix_len == 2 &&
	      memcmp(back.buffer.prefix, "my", 2) == 0);
	free(buf);
	b.buffer = (__typeof__(b.buffer)){"\xff", 1, false, 0, "", 0};
	CHECK(strcmp(term_event_check(&b), "paste not UTF-8") == 0);
	static char longprefix[TERM_EVENT_PREFIX_MAX + 1];
	memset(longprefix, 'p', sizeof longprefix);
	b.buffer = (__typeof__(b.buffer)){"a", 1, false, 0, longprefix, TERM_EVENT_PREFIX_MAX + 1};
	CHECK(strcmp(term_event_check(&b), "buffer prefix too long or holds a NUL byte") == 0);
	b.buffer.prefix = "a\0b";
	b.buffer.prefix_len = 3;
	CHECK(strcmp(term_event_check(&b), "buffer prefix too long or holds a NUL byte") == 0);
	/* The longest piece with the longest prefix still fits an input log entry. */
	static char longtext[TERM_EVENT_PASTE_MAX];
	memset(longtext, 't', sizeof longtext);
	b.buffer = (__typeof__(b.buffer)){longtext, TERM_EVENT_PASTE_MAX, false, UINT32_MAX,
					  longprefix, TERM_EVENT_PREFIX_MAX};
	buf = term_event_encode(&b, &len);
	CHECK(buf != NULL && len <= 4096 && term_event_decode(buf, len, &back) == NULL);
	free(buf);
	/* [10, 7, true, "cat", "pp"]: the copy so far piped to cat, kept as buffer ppN too. */
	term_event pe = {.type = TERM_EVENT_PIPE, .pipe = {7, true, "cat", 3, "pp", 2}};
	buf = term_event_encode(&pe, &len);
	CHECK(buf != NULL && len == 13 &&
	      memcmp(buf, "\x95\x0a\x07\xc3\xc4\x03" "cat" "\xc4\x02" "pp", 13) == 0);
	CHECK(term_event_decode(buf, len, &back) == NULL && back.pipe.pane == 7 &&
	      back.pipe.buffer && back.pipe.len == 3 && memcmp(back.pipe.command, "cat", 3) == 0 &&
	      back.pipe.prefix_len == 2 && memcmp(back.pipe.prefix, "pp", 2) == 0);
	free(buf);
	pe.pipe.prefix = longprefix;
	pe.pipe.prefix_len = TERM_EVENT_PREFIX_MAX + 1;
	CHECK(strcmp(term_event_check(&pe), "buffer prefix too long or holds a NUL byte") == 0);
	pe.pipe = (__typeof__(pe.pipe)){1, false, "", 0, "", 0}; /* copy-command's */
	buf = term_event_encode(&pe, &len);
	CHECK(buf != NULL && term_event_decode(buf, len, &back) == NULL && back.pipe.len == 0 &&
	      !back.pipe.buffer);
	free(buf);
	pe.pipe = (__typeof__(pe.pipe)){1, false, "a\0b", 3, "", 0};
	CHECK(strcmp(term_event_check(&pe), "pipe command holds a NUL byte") == 0);
	static char longcmd[TERM_EVENT_PIPE_MAX + 1];
	memset(longcmd, 'x', TERM_EVENT_PIPE_MAX + 1);
	pe.pipe = (__typeof__(pe.pipe)){1, false, longcmd, TERM_EVENT_PIPE_MAX + 1, "", 0};
	CHECK(strcmp(term_event_check(&pe), "pipe command too long") == 0);
	pe.pipe.len = TERM_EVENT_PIPE_MAX;
	pe.pipe.pane = UINT32_MAX;
	pe.pipe.prefix = longprefix;
	pe.pipe.prefix_len = TERM_EVENT_PREFIX_MAX;
	buf = term_event_encode(&pe, &len);
	CHECK(buf != NULL && len <= 4096 && term_event_decode(buf, len, &back) == NULL);
	free(buf);
	/* [10, 7, 1, "cat", ""]: the flag must be a bool. */
	static const uint8_t notbool[] = {0x95, 0x0a, 0x07, 0x01, 0xc4, 0x03, 'c', 'a', 't', 0xc4, 0};
	/* [10, 7, true, "cat"]: the form before prefixes, one field short. */
	static const uint8_t old[] = {0x94, 0x0a, 0x07, 0xc3, 0xc4, 0x03, 'c', 'a', 't'};
	CHECK(strcmp(term_event_decode(old, sizeof old, &back),
		     "wrong number of fields for the event type") == 0);
	CHECK(term_event_decode(notbool, sizeof notbool, &back) != NULL);
	/* [7, 7, 3, 2^63, 1]: a line past the numbering. */
	static const uint8_t far[] = {0x95, 0x07, 0x07, 0x03, 0xcf, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x01};
	CHECK(strcmp(term_event_decode(far, sizeof far, &back), "history line out of range") == 0);
}

/* Terminal descriptions: the largest fits an input log event; the documented example;
 * what a hostile peer could send is refused. */
static void terminal_events(void)
{
	static char value[TERM_EVENT_CAP_VALUE_MAX], name[TERM_EVENT_CAP_NAME_MAX],
		term[TERM_EVENT_TERMINAL_NAME_MAX];
	memset(value, '\033', sizeof value);
	memset(name, 'A', sizeof name);
	memset(term, 'x', sizeof term);
	term_event t = {.type = TERM_EVENT_TERMINAL};
	t.terminal.first = true;
	t.terminal.name = (struct term_event_word){term, sizeof term};
	t.terminal.ncaps = TERM_EVENT_CAPS_MAX;
	for (int i = 0; i < TERM_EVENT_CAPS_MAX; i++)
		t.terminal.caps[i] = (struct term_event_cap){
			.name = {name, sizeof name}, .type = TERM_CAP_STRING,
			.string = {value, sizeof value}};
	round_trip(&t); /* checks the 4096 bytes */
	t.terminal.caps[1] = (struct term_event_cap){.name = {"am", 2}, .type = TERM_CAP_FLAG,
						     .flag = true};
	t.terminal.caps[2] = (struct term_event_cap){.name = {"colors", 6},
						     .type = TERM_CAP_NUMBER,
						     .number = TERM_CAP_NUMBER_MAX};
	t.terminal.caps[3] = (struct term_event_cap){.name = {"Smulx", 5}};
	t.terminal.caps[4] = (struct term_event_cap){.name = {"k_1", 3}, .type = TERM_CAP_FLAG};
	round_trip(&t);
	t.terminal.ncaps = 0;
	t.terminal.first = false;
	t.terminal.name.len = 0;
	round_trip(&t);

	/* [12, true, "xterm", [["am", true], ["colors", 8], ["el", "\033[K"], ["RGB", nil]]] */
	term_event doc = {.type = TERM_EVENT_TERMINAL};
	doc.terminal.first = true;
	doc.terminal.name = (struct term_event_word){"xterm", 5};
	doc.terminal.ncaps = 4;
	doc.terminal.caps[0] = (struct term_event_cap){{"am", 2}, TERM_CAP_FLAG, true, 0, {0}};
	doc.terminal.caps[1] = (struct term_event_cap){{"colors", 6}, TERM_CAP_NUMBER, 0, 8, {0}};
	doc.terminal.caps[2] = (struct term_event_cap){{"el", 2}, TERM_CAP_STRING, 0, 0,
						       {"\033[K", 3}};
	doc.terminal.caps[3] = (struct term_event_cap){{"RGB", 3}, TERM_CAP_MISSING, 0, 0, {0}};
	encodes_as(&doc, (const uint8_t *)"\x94\x0c\xc3\xa5xterm\x94\x92\xa2" "am\xc3\x92\xa6"
		   "colors\x08\x92\xa2" "el\xc4\x03\x1b[K\x92\xa3RGB\xc0", 39);

	const char *why;
	doc.terminal.caps[0].name = (struct term_event_word){"a-m", 3};
	why = term_event_check(&doc);
	CHECKF(why != NULL && strstr(why, "capability name") != NULL, "%s", why);
	doc.terminal.caps[0].name = (struct term_event_word){"", 0};
	CHECK(term_event_check(&doc) != NULL);
	doc.terminal.caps[0].name = (struct term_event_word){name, sizeof name};
	CHECK(term_event_check(&doc) == NULL);
	doc.terminal.caps[0].name.len = sizeof name + 1;
	CHECK(term_event_check(&doc) != NULL);
	doc.terminal.caps[0].name = (struct term_event_word){"am", 2};
	doc.terminal.caps[1].number = TERM_CAP_NUMBER_MAX + 1u;
	CHECK(strcmp(term_event_check(&doc), "capability number out of range") == 0);
	doc.terminal.caps[1].number = 8;
	doc.terminal.caps[2].string = (struct term_event_word){"a\0b", 3};
	CHECK(term_event_check(&doc) != NULL);
	doc.terminal.caps[2].string = (struct term_event_word){value, sizeof value + 1};
	CHECK(term_event_check(&doc) != NULL);
	doc.terminal.caps[2].string = (struct term_event_word){"\033[K", 3};
	doc.terminal.name = (struct term_event_word){"x\033]0;", 5};
	CHECK(strcmp(term_event_check(&doc), "terminal name not UTF-8 without control characters") == 0);
	doc.terminal.name = (struct term_event_word){"\xff", 1};
	CHECK(term_event_check(&doc) != NULL);
	doc.terminal.name = (struct term_event_word){"xterm", 5};
	doc.terminal.ncaps = TERM_EVENT_CAPS_MAX + 1;
	CHECK(strcmp(term_event_check(&doc), "too many capabilities") == 0);

	/* On the wire: a value of another type, a negative number, a str for a string, a
	 * cap of three elements, seventeen caps. */
	REFUSED("capability value of a wrong type", 0x94, 0x0c, 0xc3, 0xa1, 'x', 0x91, 0x92,
		0xa2, 'a', 'm', 0x90);
	REFUSED("integer out of range", 0x94, 0x0c, 0xc3, 0xa1, 'x', 0x91, 0x92, 0xa2, 'a', 'm',
		0xff);
	REFUSED("capability value of a wrong type", 0x94, 0x0c, 0xc3, 0xa1, 'x', 0x91, 0x92,
		0xa2, 'e', 'l', 0xa1, 'K');
	REFUSED("capability number out of range", 0x94, 0x0c, 0xc3, 0xa1, 'x', 0x91, 0x92, 0xa2,
		'c', 'o', 0xce, 0x80, 0x00, 0x00, 0x00);
	REFUSED("array length out of range", 0x94, 0x0c, 0xc3, 0xa1, 'x', 0x91, 0x93, 0xa2, 'a',
		'm', 0xc3, 0xc3);
	REFUSED("array length out of range", 0x94, 0x0c, 0xc3, 0xa1, 'x', 0xdc, 0x00, 0x11);
	REFUSED("expected a boolean", 0x94, 0x0c, 0x01, 0xa1, 'x', 0x90);
	REFUSED("truncated", 0x94, 0x0c, 0xc3, 0xa1, 'x', 0x91, 0x92, 0xa2, 'a', 'm');
}

int main(void)
{
	terminal_events();
	round_trips();
	history_events();
	hostile();
	encode_checks();
	documented();
	paste_cut();
	return 0;
}
