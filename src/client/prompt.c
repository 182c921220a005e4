/* The status row's line editor. */
#include "prompt.h"

#include "util/utf8.h"

/* Appends cp as UTF-8 when it fits; control characters are not printable. */
static void prompt_append(struct prompt *p, uint32_t cp)
{
	char u[4];
	unsigned n, i;

	if (utf8_is_control(cp))
		return;
	n = utf8_encode(cp, u);
	if (p->len + n >= PROMPT_MAX)
		return;
	for (i = 0; i < n; i++)
		p->line[p->len++] = u[i];
	p->line[p->len] = '\0';
}

/* Drops the last character: its continuation bytes, then its lead byte. */
static void prompt_backspace(struct prompt *p)
{
	while (p->len > 0 && ((unsigned char)p->line[p->len - 1] & 0xc0) == 0x80)
		p->len--;
	if (p->len > 0)
		p->len--;
	p->line[p->len] = '\0';
}

enum prompt_result prompt_key(struct prompt *p, const term_key *key)
{
	switch (key->code) {
	case TERM_KEY_ENTER:
		return PROMPT_DONE;
	case TERM_KEY_ESCAPE:
		return PROMPT_CANCEL;
	case TERM_KEY_BACKSPACE:
		prompt_backspace(p);
		return PROMPT_EDITING;
	case TERM_KEY_CHAR:
		if (key->mods & TERM_MOD_CTRL && (key->ch == 'c' || key->ch == 'C'))
			return PROMPT_CANCEL;
		if (!(key->mods & (TERM_MOD_CTRL | TERM_MOD_ALT)))
			prompt_append(p, key->ch);
		return PROMPT_EDITING;
	default:
		return PROMPT_EDITING;
	}
}
