/* Input events: msgpack-c's packer out, the checked reader in, one range check for both. */
#include "event.h"

#include <string.h>

#include <msgpack.h>

#include "snapshot.h"
#include "util/msgpack_read.h"
#include "util/printable.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* The array's length for each type, the type included. */
static const uint8_t event_fields[TERM_EVENT_TYPES] = {
	[TERM_EVENT_KEY] = 4,    [TERM_EVENT_PASTE] = 2,   [TERM_EVENT_MOUSE] = 6,
	[TERM_EVENT_RESIZE] = 3, [TERM_EVENT_FOCUS] = 2,   [TERM_EVENT_COMMAND] = 2,
	[TERM_EVENT_DETACH] = 1,  [TERM_EVENT_HISTORY] = 5, [TERM_EVENT_SEARCH] = 8,
	[TERM_EVENT_BUFFER] = 5, [TERM_EVENT_PIPE] = 5,   [TERM_EVENT_DRAG] = 5,
	[TERM_EVENT_TERMINAL] = 4, [TERM_EVENT_VIEW_DONE] = 1,
};

static bool is_scalar(uint32_t cp)
{
	return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
}

static const char *check_key(const term_key *key)
{
	if (key->code > TERM_KEY_F12)
		return "key code out of range";
	if (key->mods & ~TERM_MOD_ALL)
		return "key modifiers out of range";
	if (key->code == TERM_KEY_CHAR && (key->ch == 0 || !is_scalar(key->ch)))
		return "key character not a Unicode scalar value";
	if (key->code != TERM_KEY_CHAR && key->ch != 0)
		return "key character given for a named key";
	return NULL;
}

static bool is_utf8(const char *text, uint32_t len)
{
	const uint8_t *p = (const uint8_t *)text, *end = p + len;
	uint32_t cp;
	while (p < end)
		if (!utf8_decode(&p, end, &cp))
			return false;
	return true;
}

static const char *check_paste(const char *text, uint32_t len)
{
	if (len > TERM_EVENT_PASTE_MAX)
		return "paste too long";
	return is_utf8(text, len) ? NULL : "paste not UTF-8";
}

/* A pipe's command or a buffer's prefix: at most max bytes, none of them NUL. */
static bool bytes_ok(const char *p, uint32_t len, uint32_t max)
{
	return len <= max && (len == 0 || memchr(p, '\0', len) == NULL);
}

static const char *check_history(const term_event *ev)
{
	if (ev->history.first > INT64_MAX)
		return "history line out of range";
	if (ev->history.count < 1 || ev->history.count > TERM_EVENT_HISTORY_MAX)
		return "history count out of range";
	return NULL;
}

static const char *check_search(const term_event *ev)
{
	if (ev->search.line > INT64_MAX || ev->search.col >= TERM_MAX_COLS)
		return "search position out of range";
	if (ev->search.flags & ~TERM_SEARCH_FLAGS)
		return "search flags out of range";
	if (ev->search.len < 1 || ev->search.len > TERM_EVENT_SEARCH_MAX)
		return "search text length out of range";
	if (!is_utf8(ev->search.text, ev->search.len) ||
	    memchr(ev->search.text, '\0', ev->search.len) != NULL)
		return "search text not UTF-8 without NUL";
	return NULL;
}

static const char *check_mouse(const term_mouse *m)
{
	if (m->action > TERM_MOUSE_MOVE)
		return "mouse action out of range";
	if (m->action == TERM_MOUSE_MOVE ? m->button != 0 : m->button < 1 || m->button > 5)
		return "mouse button out of range";
	if (m->mods & ~TERM_MOD_ALL)
		return "mouse modifiers out of range";
	if (m->row >= TERM_MAX_ROWS || m->col >= TERM_MAX_COLS)
		return "mouse position out of range";
	return NULL;
}

static const char *check_command(const term_event *ev)
{
	if (ev->command.argc < 1 || ev->command.argc > TERM_EVENT_WORDS_MAX)
		return "command word count out of range";
	for (uint32_t i = 0; i < ev->command.argc; i++) {
		const struct term_event_word *w = &ev->command.argv[i];
		if (w->len > TERM_EVENT_WORD_MAX)
			return "command word too long";
		if (memchr(w->p, '\0', w->len) != NULL)
			return "command word holds a NUL byte";
	}
	return NULL;
}

static bool is_cap_name(const struct term_event_word *w)
{
	if (w->len < 1 || w->len > TERM_EVENT_CAP_NAME_MAX)
		return false;
	for (uint32_t i = 0; i < w->len; i++) {
		char c = w->p[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '_'))
			return false;
	}
	return true;
}

static const char *check_terminal(const term_event *ev)
{
	const struct term_event_word *name = &ev->terminal.name;
	if (name->len > TERM_EVENT_TERMINAL_NAME_MAX || !printable_is_clean(name->p, name->len))
		return "terminal name not UTF-8 without control characters";
	if (ev->terminal.ncaps > TERM_EVENT_CAPS_MAX)
		return "too many capabilities";
	for (uint32_t i = 0; i < ev->terminal.ncaps; i++) {
		const struct term_event_cap *c = &ev->terminal.caps[i];
		if (!is_cap_name(&c->name))
			return "capability name not 1..32 letters, digits or '_'";
		if (c->type > TERM_CAP_STRING)
			return "capability type out of range";
		if (c->type == TERM_CAP_NUMBER && c->number > TERM_CAP_NUMBER_MAX)
			return "capability number out of range";
		if (c->type == TERM_CAP_STRING &&
		    (c->string.len > TERM_EVENT_CAP_VALUE_MAX ||
		     memchr(c->string.p, '\0', c->string.len) != NULL))
			return "capability string too long or holding a NUL byte";
	}
	return NULL;
}

const char *term_event_check(const term_event *ev)
{
	switch (ev->type) {
	case TERM_EVENT_KEY:
		return check_key(&ev->key);
	case TERM_EVENT_PASTE:
		return check_paste(ev->paste.text, ev->paste.len);
	case TERM_EVENT_MOUSE:
		return check_mouse(&ev->mouse);
	case TERM_EVENT_DRAG:
		if (ev->drag.row >= TERM_MAX_ROWS || ev->drag.to_row >= TERM_MAX_ROWS ||
		    ev->drag.col >= TERM_MAX_COLS || ev->drag.to_col >= TERM_MAX_COLS)
			return "drag position out of range";
		return NULL;
	case TERM_EVENT_RESIZE:
		if (ev->resize.cols < 1 || ev->resize.cols > TERM_MAX_COLS ||
		    ev->resize.rows < 1 || ev->resize.rows > TERM_MAX_ROWS)
			return "size out of range";
		return NULL;
	case TERM_EVENT_COMMAND:
		return check_command(ev);
	case TERM_EVENT_BUFFER:
		if (!bytes_ok(ev->buffer.prefix, ev->buffer.prefix_len, TERM_EVENT_PREFIX_MAX))
			return "buffer prefix too long or holds a NUL byte";
		return check_paste(ev->buffer.text, ev->buffer.len);
	case TERM_EVENT_HISTORY:
		return check_history(ev);
	case TERM_EVENT_SEARCH:
		return check_search(ev);
	case TERM_EVENT_PIPE:
		if (ev->pipe.len > TERM_EVENT_PIPE_MAX)
			return "pipe command too long";
		if (ev->pipe.len > 0 && memchr(ev->pipe.command, '\0', ev->pipe.len) != NULL)
			return "pipe command holds a NUL byte";
		if (!bytes_ok(ev->pipe.prefix, ev->pipe.prefix_len, TERM_EVENT_PREFIX_MAX))
			return "buffer prefix too long or holds a NUL byte";
		return NULL;
	case TERM_EVENT_TERMINAL:
		return check_terminal(ev);
	case TERM_EVENT_FOCUS:
	case TERM_EVENT_DETACH:
	case TERM_EVENT_VIEW_DONE:
		return NULL;
	}
	return "unknown event type";
}

static void pack_bool(msgpack_packer *pk, bool b)
{
	if (b)
		msgpack_pack_true(pk);
	else
		msgpack_pack_false(pk);
}

static void pack_terminal(msgpack_packer *pk, const term_event *ev)
{
	pack_bool(pk, ev->terminal.first);
	msgpack_pack_str_with_body(pk, ev->terminal.name.p, ev->terminal.name.len);
	msgpack_pack_array(pk, ev->terminal.ncaps);
	for (uint32_t i = 0; i < ev->terminal.ncaps; i++) {
		const struct term_event_cap *c = &ev->terminal.caps[i];
		msgpack_pack_array(pk, 2);
		msgpack_pack_str_with_body(pk, c->name.p, c->name.len);
		if (c->type == TERM_CAP_FLAG)
			pack_bool(pk, c->flag);
		else if (c->type == TERM_CAP_NUMBER)
			msgpack_pack_uint32(pk, c->number);
		else if (c->type == TERM_CAP_STRING)
			msgpack_pack_bin_with_body(pk, c->string.p, c->string.len);
		else
			msgpack_pack_nil(pk);
	}
}

static void pack_fields(msgpack_packer *pk, const term_event *ev)
{
	switch (ev->type) {
	case TERM_EVENT_KEY:
		msgpack_pack_uint8(pk, ev->key.code);
		msgpack_pack_uint8(pk, ev->key.mods);
		msgpack_pack_uint32(pk, ev->key.ch);
		break;
	case TERM_EVENT_PASTE:
		msgpack_pack_str(pk, ev->paste.len);
		msgpack_pack_str_body(pk, ev->paste.text, ev->paste.len);
		break;
	case TERM_EVENT_MOUSE:
		msgpack_pack_uint8(pk, ev->mouse.action);
		msgpack_pack_uint8(pk, ev->mouse.button);
		msgpack_pack_uint8(pk, ev->mouse.mods);
		msgpack_pack_uint16(pk, ev->mouse.row);
		msgpack_pack_uint16(pk, ev->mouse.col);
		break;
	case TERM_EVENT_DRAG:
		msgpack_pack_uint16(pk, ev->drag.row);
		msgpack_pack_uint16(pk, ev->drag.col);
		msgpack_pack_uint16(pk, ev->drag.to_row);
		msgpack_pack_uint16(pk, ev->drag.to_col);
		break;
	case TERM_EVENT_RESIZE:
		msgpack_pack_uint16(pk, ev->resize.cols);
		msgpack_pack_uint16(pk, ev->resize.rows);
		break;
	case TERM_EVENT_FOCUS:
		pack_bool(pk, ev->focus);
		break;
	case TERM_EVENT_COMMAND:
		msgpack_pack_array(pk, ev->command.argc);
		for (uint32_t i = 0; i < ev->command.argc; i++) {
			msgpack_pack_bin(pk, ev->command.argv[i].len);
			msgpack_pack_bin_body(pk, ev->command.argv[i].p, ev->command.argv[i].len);
		}
		break;
	case TERM_EVENT_BUFFER:
		pack_bool(pk, ev->buffer.more);
		msgpack_pack_str_with_body(pk, ev->buffer.text, ev->buffer.len);
		msgpack_pack_uint32(pk, ev->buffer.pane);
		msgpack_pack_bin_with_body(pk, ev->buffer.prefix, ev->buffer.prefix_len);
		break;
	case TERM_EVENT_PIPE:
		msgpack_pack_uint32(pk, ev->pipe.pane);
		pack_bool(pk, ev->pipe.buffer);
		msgpack_pack_bin_with_body(pk, ev->pipe.command, ev->pipe.len);
		msgpack_pack_bin_with_body(pk, ev->pipe.prefix, ev->pipe.prefix_len);
		break;
	case TERM_EVENT_HISTORY:
		msgpack_pack_uint32(pk, ev->history.pane);
		msgpack_pack_uint32(pk, ev->history.epoch);
		msgpack_pack_uint64(pk, ev->history.first);
		msgpack_pack_uint32(pk, ev->history.count);
		break;
	case TERM_EVENT_SEARCH:
		msgpack_pack_uint32(pk, ev->search.pane);
		msgpack_pack_uint32(pk, ev->search.epoch);
		msgpack_pack_uint32(pk, ev->search.serial);
		msgpack_pack_uint64(pk, ev->search.line);
		msgpack_pack_uint16(pk, ev->search.col);
		msgpack_pack_uint8(pk, ev->search.flags);
		msgpack_pack_str_with_body(pk, ev->search.text, ev->search.len);
		break;
	case TERM_EVENT_TERMINAL:
		pack_terminal(pk, ev);
		break;
	}
}

uint8_t *term_event_encode(const term_event *ev, size_t *len)
{
	if (term_event_check(ev) != NULL)
		return NULL;
	msgpack_sbuffer sb;
	msgpack_packer pk;
	msgpack_sbuffer_init(&sb);
	msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
	msgpack_pack_array(&pk, event_fields[ev->type]);
	msgpack_pack_uint8(&pk, ev->type);
	pack_fields(&pk, ev);
	uint8_t *out = xmalloc(sb.size);
	memcpy(out, sb.data, sb.size);
	*len = sb.size;
	msgpack_sbuffer_destroy(&sb);
	return out;
}

/* An integer no larger than max (its field's width), failing with why otherwise, so a
 * value too wide reads as the same reason as one the range check refuses. */
static uint64_t read_field(mp_reader *r, uint64_t max, const char *why)
{
	uint64_t v = 0;
	if (mp_read_uint(r, UINT64_MAX, &v) && v > max)
		mp_fail(r, why);
	return r->error == NULL ? v : 0;
}

static void read_command(mp_reader *r, term_event *ev)
{
	uint32_t n;
	if (!mp_read_array(r, 1, TERM_EVENT_WORDS_MAX, &n))
		return;
	ev->command.argc = n;
	for (uint32_t i = 0; i < n; i++) {
		const uint8_t *p;
		if (!mp_read_bin(r, TERM_EVENT_WORD_MAX, &p, &ev->command.argv[i].len))
			return;
		ev->command.argv[i].p = (const char *)p;
	}
}

/* A capability's value: nil missing, a bool a flag, an integer a number, a bin a
 * string. */
static void read_cap_value(mp_reader *r, struct term_event_cap *c)
{
	const uint8_t *p = NULL;
	switch (mp_peek(r)) {
	case MP_NIL:
		mp_read_nil(r);
		c->type = TERM_CAP_MISSING;
		break;
	case MP_BOOL:
		mp_read_bool(r, &c->flag);
		c->type = TERM_CAP_FLAG;
		break;
	case MP_UINT:
	case MP_INT: /* a non-negative one in another form */
		c->number = (uint32_t)read_field(r, TERM_CAP_NUMBER_MAX,
						 "capability number out of range");
		c->type = TERM_CAP_NUMBER;
		break;
	case MP_BIN:
		mp_read_bin(r, TERM_EVENT_CAP_VALUE_MAX, &p, &c->string.len);
		c->string.p = (const char *)p;
		c->type = TERM_CAP_STRING;
		break;
	default:
		mp_fail(r, mp_peek(r) == MP_NONE && r->error == NULL ? "truncated"
								    : "capability value of a wrong type");
	}
}

static void read_terminal(mp_reader *r, term_event *ev)
{
	uint32_t n = 0;
	mp_read_bool(r, &ev->terminal.first);
	mp_read_str(r, TERM_EVENT_TERMINAL_NAME_MAX, &ev->terminal.name.p, &ev->terminal.name.len);
	if (!mp_read_array(r, 0, TERM_EVENT_CAPS_MAX, &n))
		return;
	ev->terminal.ncaps = n;
	for (uint32_t i = 0; i < n && r->error == NULL; i++) {
		struct term_event_cap *c = &ev->terminal.caps[i];
		uint32_t two;
		if (mp_read_array(r, 2, 2, &two) &&
		    mp_read_str(r, TERM_EVENT_CAP_NAME_MAX, &c->name.p, &c->name.len))
			read_cap_value(r, c);
	}
}

static void read_fields(mp_reader *r, term_event *ev)
{
	switch (ev->type) {
	case TERM_EVENT_KEY:
		ev->key.code = (uint8_t)read_field(r, UINT8_MAX, "key code out of range");
		ev->key.mods = (uint8_t)read_field(r, UINT8_MAX, "key modifiers out of range");
		ev->key.ch = (uint32_t)read_field(r, UINT32_MAX,
						  "key character not a Unicode scalar value");
		break;
	case TERM_EVENT_PASTE:
		mp_read_str(r, TERM_EVENT_PASTE_MAX, &ev->paste.text, &ev->paste.len);
		break;
	case TERM_EVENT_MOUSE:
		ev->mouse.action = (uint8_t)read_field(r, UINT8_MAX, "mouse action out of range");
		ev->mouse.button = (uint8_t)read_field(r, UINT8_MAX, "mouse button out of range");
		ev->mouse.mods = (uint8_t)read_field(r, UINT8_MAX, "mouse modifiers out of range");
		ev->mouse.row = (uint16_t)read_field(r, UINT16_MAX, "mouse position out of range");
		ev->mouse.col = (uint16_t)read_field(r, UINT16_MAX, "mouse position out of range");
		break;
	case TERM_EVENT_DRAG:
		ev->drag.row = (uint16_t)read_field(r, UINT16_MAX, "drag position out of range");
		ev->drag.col = (uint16_t)read_field(r, UINT16_MAX, "drag position out of range");
		ev->drag.to_row = (uint16_t)read_field(r, UINT16_MAX, "drag position out of range");
		ev->drag.to_col = (uint16_t)read_field(r, UINT16_MAX, "drag position out of range");
		break;
	case TERM_EVENT_RESIZE:
		ev->resize.cols = (uint16_t)read_field(r, UINT16_MAX, "size out of range");
		ev->resize.rows = (uint16_t)read_field(r, UINT16_MAX, "size out of range");
		break;
	case TERM_EVENT_FOCUS:
		mp_read_bool(r, &ev->focus);
		break;
	case TERM_EVENT_COMMAND:
		read_command(r, ev);
		break;
	case TERM_EVENT_BUFFER: {
		const uint8_t *prefix = NULL;
		mp_read_bool(r, &ev->buffer.more);
		mp_read_str(r, TERM_EVENT_PASTE_MAX, &ev->buffer.text, &ev->buffer.len);
		ev->buffer.pane = (uint32_t)read_field(r, UINT32_MAX, "pane out of range");
		mp_read_bin(r, TERM_EVENT_PREFIX_MAX, &prefix, &ev->buffer.prefix_len);
		ev->buffer.prefix = (const char *)prefix;
		break;
	}
	case TERM_EVENT_PIPE: {
		const uint8_t *p = NULL, *prefix = NULL;
		ev->pipe.pane = (uint32_t)read_field(r, UINT32_MAX, "pane out of range");
		mp_read_bool(r, &ev->pipe.buffer);
		mp_read_bin(r, TERM_EVENT_PIPE_MAX, &p, &ev->pipe.len);
		ev->pipe.command = (const char *)p;
		mp_read_bin(r, TERM_EVENT_PREFIX_MAX, &prefix, &ev->pipe.prefix_len);
		ev->pipe.prefix = (const char *)prefix;
		break;
	}
	case TERM_EVENT_HISTORY:
		ev->history.pane = (uint32_t)read_field(r, UINT32_MAX, "pane out of range");
		ev->history.epoch = (uint32_t)read_field(r, UINT32_MAX, "epoch out of range");
		ev->history.first = read_field(r, INT64_MAX, "history line out of range");
		ev->history.count = (uint32_t)read_field(r, UINT32_MAX, "history count out of range");
		break;
	case TERM_EVENT_SEARCH:
		ev->search.pane = (uint32_t)read_field(r, UINT32_MAX, "pane out of range");
		ev->search.epoch = (uint32_t)read_field(r, UINT32_MAX, "epoch out of range");
		ev->search.serial = (uint32_t)read_field(r, UINT32_MAX, "serial out of range");
		ev->search.line = read_field(r, INT64_MAX, "search position out of range");
		ev->search.col = (uint16_t)read_field(r, UINT16_MAX, "search position out of range");
		ev->search.flags = (uint8_t)read_field(r, UINT8_MAX, "search flags out of range");
		mp_read_str(r, TERM_EVENT_SEARCH_MAX, &ev->search.text, &ev->search.len);
		break;
	case TERM_EVENT_TERMINAL:
		read_terminal(r, ev);
		break;
	}
}

const char *term_event_decode(const uint8_t *buf, size_t len, term_event *ev)
{
	mp_reader r;
	uint32_t n = 0;
	*ev = (term_event){0};
	mp_reader_init(&r, buf, len);
	mp_read_array(&r, 1, UINT32_MAX, &n);
	uint64_t type = read_field(&r, TERM_EVENT_TYPES - 1, "unknown event type");
	if (r.error == NULL && n != event_fields[type])
		mp_fail(&r, "wrong number of fields for the event type");
	ev->type = (uint8_t)type;
	read_fields(&r, ev);
	const char *why = mp_finish(&r) ? term_event_check(ev) : r.error;
	if (why != NULL)
		*ev = (term_event){0};
	return why;
}

size_t term_event_paste_cut(const char *text, size_t len)
{
	if (len <= TERM_EVENT_PASTE_MAX)
		return len;
	size_t cut = TERM_EVENT_PASTE_MAX;
	while (cut > 0 && ((uint8_t)text[cut] & 0xc0) == 0x80)
		cut--; /* text[cut] continues a character: cut before it starts */
	return cut;
}
