/* The status row's line editor: typing, Backspace over multibyte characters, the ends. */
#include "check.h"
#include "client/prompt.h"

static enum prompt_result key(struct prompt *p, uint8_t code, uint8_t mods, uint32_t ch)
{
	term_key k = { .code = code, .mods = mods, .ch = ch };
	return prompt_key(p, &k);
}

int main(void)
{
	struct prompt p = { "", 0 };
	unsigned i;

	CHECK(key(&p, TERM_KEY_CHAR, 0, 'v') == PROMPT_EDITING);
	CHECK(key(&p, TERM_KEY_CHAR, TERM_MOD_SHIFT, 'I') == PROMPT_EDITING);
	CHECK(key(&p, TERM_KEY_CHAR, 0, 0x4e2d) == PROMPT_EDITING);
	CHECK(key(&p, TERM_KEY_CHAR, 0, 0x1) == PROMPT_EDITING);      /* not printable */
	CHECK(key(&p, TERM_KEY_CHAR, TERM_MOD_ALT, 'x') == PROMPT_EDITING);
	CHECK(key(&p, TERM_KEY_LEFT, 0, 0) == PROMPT_EDITING);
	CHECK(strcmp(p.line, "vI\xe4\xb8\xad") == 0 && p.len == 5);
	CHECK(key(&p, TERM_KEY_BACKSPACE, 0, 0) == PROMPT_EDITING);
	CHECK(strcmp(p.line, "vI") == 0 && p.len == 2);
	CHECK(key(&p, TERM_KEY_ENTER, 0, 0) == PROMPT_DONE);
	CHECK(key(&p, TERM_KEY_ESCAPE, 0, 0) == PROMPT_CANCEL);
	CHECK(key(&p, TERM_KEY_CHAR, TERM_MOD_CTRL, 'c') == PROMPT_CANCEL);
	for (i = 0; i < 4; i++)
		key(&p, TERM_KEY_BACKSPACE, 0, 0);
	CHECK(p.len == 0 && p.line[0] == '\0');
	/* A full line takes nothing more, and never a partial character. */
	for (i = 0; i < PROMPT_MAX; i++)
		key(&p, TERM_KEY_CHAR, 0, 0x4e2d);
	CHECK(p.len == (PROMPT_MAX - 1) / 3 * 3 && p.len < PROMPT_MAX);
	CHECK(strlen(p.line) == p.len);
	return 0;
}
