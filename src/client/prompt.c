/* The status row's line editor. */
#include "prompt.h"

#include <stdlib.h>
#include <string.h>

#include "term/keyname.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

static bool continuation(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/* Replaces the line with text, cut to fit on a character boundary; cursor at its end. */
static void set_line(struct prompt *p, const char *text)
{
	size_t n = strlen(text);
	if (n >= PROMPT_MAX) {
		n = PROMPT_MAX - 1;
		while (n > 0 && continuation(text[n]))
			n--;
	}
	memcpy(p->line, text, n);
	p->line[n] = '\0';
	p->len = p->cursor = n;
}

void prompt_start(struct prompt *p, const char *text, struct prompt_history *h)
{
	set_line(p, text);
	p->history = h;
	p->browsing = h != NULL ? h->n : 0;
	p->vi = p->command = false;
}

/* Inserts cp at the cursor when it fits; control characters are not printable. */
static void insert(struct prompt *p, uint32_t cp)
{
	char u[4];
	unsigned n;

	if (utf8_is_control(cp))
		return;
	n = utf8_encode(cp, u);
	if (p->len + n >= PROMPT_MAX)
		return;
	memmove(p->line + p->cursor + n, p->line + p->cursor, p->len - p->cursor + 1);
	memcpy(p->line + p->cursor, u, n);
	p->len += n;
	p->cursor += n;
}

/* Removes the bytes [from, to). */
static void cut(struct prompt *p, size_t from, size_t to)
{
	memmove(p->line + from, p->line + to, p->len - to + 1);
	p->len -= to - from;
	p->cursor = from;
}

static size_t char_before(const struct prompt *p, size_t at)
{
	if (at == 0)
		return 0;
	for (at--; at > 0 && continuation(p->line[at]); at--)
		;
	return at;
}

static size_t char_after(const struct prompt *p, size_t at)
{
	if (at >= p->len)
		return p->len;
	for (at++; at < p->len && continuation(p->line[at]); at++)
		;
	return at;
}

/* C-w: back over spaces, then over the word before them. */
static size_t word_before(const struct prompt *p, size_t at)
{
	while (at > 0 && p->line[at - 1] == ' ')
		at--;
	while (at > 0 && p->line[at - 1] != ' ')
		at--;
	return at;
}

/* Up (-1) and Down (+1) through the history; past the newest is an empty line. */
static void browse(struct prompt *p, int dir)
{
	struct prompt_history *h = p->history;
	if (h == NULL || (dir < 0 && p->browsing == 0) || (dir > 0 && p->browsing >= h->n))
		return;
	p->browsing = dir < 0 ? p->browsing - 1 : p->browsing + 1;
	set_line(p, p->browsing < h->n ? h->line[p->browsing] : "");
}

/* The emacs control keys; false when key is none of them. */
static bool control_key(struct prompt *p, uint32_t c, enum prompt_result *r)
{
	*r = PROMPT_EDITING;
	switch (c) {
	case 'a': p->cursor = 0; break;
	case 'e': p->cursor = p->len; break;
	case 'b': p->cursor = char_before(p, p->cursor); break;
	case 'f': p->cursor = char_after(p, p->cursor); break;
	case 'h': cut(p, char_before(p, p->cursor), p->cursor); break;
	case 'd': cut(p, p->cursor, char_after(p, p->cursor)); break;
	case 'k': cut(p, p->cursor, p->len); break;
	case 'u': cut(p, 0, p->len); break;
	case 'w': cut(p, word_before(p, p->cursor), p->cursor); break;
	case 'p': browse(p, -1); break;
	case 'n': browse(p, +1); break;
	case 'c': case 'g': *r = PROMPT_CANCEL; break;
	default: return false;
	}
	return true;
}

/* vi's w: past the word at the cursor and the spaces after it. */
static size_t word_after(const struct prompt *p, size_t at)
{
	while (at < p->len && p->line[at] != ' ')
		at++;
	while (at < p->len && p->line[at] == ' ')
		at++;
	return at;
}

/* vi's e: the last character of this word or the next. */
static size_t word_end(const struct prompt *p, size_t at)
{
	at = char_after(p, at);
	while (at < p->len && p->line[at] == ' ')
		at++;
	while (at < p->len && char_after(p, at) < p->len && p->line[char_after(p, at)] != ' ')
		at = char_after(p, at);
	return at;
}

/* A key in vi's command mode (tmux's status_prompt_translate_key); keys that mean
 * nothing there are ignored. */
static enum prompt_result vi_command(struct prompt *p, const term_key *k)
{
	if (k->code == TERM_KEY_ENTER)
		return PROMPT_DONE;
	if (k->code == TERM_KEY_ESCAPE) {
		p->command = false;
		return PROMPT_EDITING;
	}
	uint32_t c = k->code == TERM_KEY_CHAR && !(k->mods & TERM_MOD_ALT) ? k->ch : 0;
	if (k->mods & TERM_MOD_CTRL) { /* only C-c and C-h act, as in emacs */
		if (c == 'c')
			return PROMPT_CANCEL;
		if (c == 'h')
			cut(p, char_before(p, p->cursor), p->cursor);
		return PROMPT_EDITING;
	}
	switch (k->code == TERM_KEY_CHAR ? 0 : k->code) {
	case TERM_KEY_LEFT: c = 'h'; break;
	case TERM_KEY_RIGHT: c = 'l'; break;
	case TERM_KEY_UP: c = 'k'; break;
	case TERM_KEY_DOWN: c = 'j'; break;
	case TERM_KEY_DELETE: c = 'x'; break;
	case TERM_KEY_BACKSPACE: c = 'h'; break; /* tmux: BSpace moves left here */
	case TERM_KEY_HOME: c = '0'; break;
	case TERM_KEY_END: c = '$'; break;
	default: break;
	}
	switch (c) {
	case 'h': p->cursor = char_before(p, p->cursor); break;
	case 'l': p->cursor = char_after(p, p->cursor); break;
	case '0': case '^': p->cursor = 0; break;
	case '$': p->cursor = p->len; break;
	case 'b': case 'B': p->cursor = word_before(p, p->cursor); break;
	case 'w': case 'W': p->cursor = word_after(p, p->cursor); break;
	case 'e': case 'E': p->cursor = word_end(p, p->cursor); break;
	case 'x': cut(p, p->cursor, char_after(p, p->cursor)); break;
	case 'X': cut(p, char_before(p, p->cursor), p->cursor); break;
	case 'D': cut(p, p->cursor, p->len); break;
	case 'd': cut(p, 0, p->len); break;
	case 'k': browse(p, -1); break;
	case 'j': browse(p, +1); break;
	case 'q': return PROMPT_CANCEL;
	case 'i': p->command = false; break;
	case 'a': p->cursor = char_after(p, p->cursor); p->command = false; break;
	case 'A': p->cursor = p->len; p->command = false; break;
	case 'I': p->cursor = 0; p->command = false; break;
	case 's': cut(p, p->cursor, char_after(p, p->cursor)); p->command = false; break;
	case 'S': cut(p, 0, p->len); p->command = false; break;
	case 'C': cut(p, p->cursor, p->len); p->command = false; break;
	default: break;
	}
	return PROMPT_EDITING;
}

enum prompt_result prompt_key(struct prompt *p, const term_key *key)
{
	term_key k = keyname_normal(*key);
	enum prompt_result r = PROMPT_EDITING;

	if (p->vi && p->command)
		return vi_command(p, &k);
	if (p->vi && k.code == TERM_KEY_ESCAPE) {
		p->command = true; /* tmux: Escape leaves insert mode, it does not cancel */
		return PROMPT_EDITING;
	}

	switch (k.code) {
	case TERM_KEY_ENTER: return PROMPT_DONE;
	case TERM_KEY_ESCAPE: return PROMPT_CANCEL;
	case TERM_KEY_BACKSPACE: cut(p, char_before(p, p->cursor), p->cursor); break;
	case TERM_KEY_DELETE: cut(p, p->cursor, char_after(p, p->cursor)); break;
	case TERM_KEY_LEFT: p->cursor = char_before(p, p->cursor); break;
	case TERM_KEY_RIGHT: p->cursor = char_after(p, p->cursor); break;
	case TERM_KEY_HOME: p->cursor = 0; break;
	case TERM_KEY_END: p->cursor = p->len; break;
	case TERM_KEY_UP: browse(p, -1); break;
	case TERM_KEY_DOWN: browse(p, +1); break;
	case TERM_KEY_CHAR:
		if (k.mods == TERM_MOD_CTRL && control_key(p, k.ch, &r))
			return r;
		if (!(k.mods & (TERM_MOD_CTRL | TERM_MOD_ALT)))
			insert(p, k.ch);
		break;
	default: break;
	}
	return r;
}

size_t prompt_cursor_column(const struct prompt *p)
{
	size_t cols = 0;
	for (size_t i = 0; i < p->cursor; i++)
		cols += !continuation(p->line[i]);
	return cols;
}

void prompt_history_add(struct prompt_history *h, const char *line)
{
	if (line[0] == '\0' || (h->n > 0 && strcmp(h->line[h->n - 1], line) == 0))
		return;
	if (h->n == PROMPT_HISTORY) {
		free(h->line[0]);
		memmove(h->line, h->line + 1, (PROMPT_HISTORY - 1) * sizeof *h->line);
		h->n--;
	}
	h->line[h->n++] = xstrdup(line);
}

void prompt_history_free(struct prompt_history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->line[i]);
	h->n = 0;
}
