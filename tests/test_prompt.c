/* The status row's line editor: typing, moving, deleting over multibyte characters, the
 * emacs keys, history, the ends; status-keys vi's insert and command modes. */
#include "check.h"
#include "client/prompt.h"
#include "term/keyname.h"

static enum prompt_result key(struct prompt *p, const char *name)
{
	term_key k;
	CHECKF(keyname_parse(name, &k), "%s", name);
	return prompt_key(p, &k);
}

static void type(struct prompt *p, const char *s)
{
	for (; *s; s++) {
		term_key k = {.code = TERM_KEY_CHAR, .ch = (unsigned char)*s};
		CHECK(prompt_key(p, &k) == PROMPT_EDITING);
	}
}

static void expect(const struct prompt *p, const char *line, size_t column)
{
	CHECKF(strcmp(p->line, line) == 0 && p->len == strlen(line), "line '%s' want '%s'",
	       p->line, line);
	CHECKF(prompt_cursor_column(p) == column, "column %zu want %zu",
	       prompt_cursor_column(p), column);
}

/* status-keys vi, as tmux's: Escape does not cancel but goes to command mode. */
static void vi(void)
{
	struct prompt p;
	struct prompt_history h = {0};
	prompt_history_add(&h, "older");
	prompt_start(&p, "hello big world", &h);
	p.vi = true;
	CHECK(key(&p, "Escape") == PROMPT_EDITING && p.command);
	key(&p, "0");
	expect(&p, "hello big world", 0);
	key(&p, "w");
	expect(&p, "hello big world", 6);
	key(&p, "e");
	expect(&p, "hello big world", 8);
	key(&p, "b");
	expect(&p, "hello big world", 6);
	key(&p, "x");
	expect(&p, "hello ig world", 6);
	key(&p, "X");
	expect(&p, "helloig world", 5);
	key(&p, "D");
	expect(&p, "hello", 5);
	key(&p, "h");
	key(&p, "a"); /* insert after the cursor */
	CHECK(!p.command);
	type(&p, "X");
	expect(&p, "helloX", 6);
	key(&p, "Escape");
	key(&p, "A");
	type(&p, "!");
	expect(&p, "helloX!", 7);
	key(&p, "Escape");
	key(&p, "I");
	type(&p, ">");
	expect(&p, ">helloX!", 1);
	key(&p, "Escape");
	key(&p, "k"); /* history */
	expect(&p, "older", 5);
	key(&p, "d");
	expect(&p, "", 0);
	key(&p, "Escape"); /* back to inserting */
	CHECK(!p.command);
	type(&p, "ok");
	key(&p, "Escape");
	CHECK(key(&p, "Enter") == PROMPT_DONE);
	key(&p, "Escape");
	key(&p, "Escape");
	CHECK(p.command && key(&p, "q") == PROMPT_CANCEL);
	CHECK(key(&p, "C-c") == PROMPT_CANCEL);
	/* Emacs keys still insert-mode's; a new prompt is emacs until told. */
	key(&p, "i");
	key(&p, "C-a");
	expect(&p, "ok", 0);
	prompt_start(&p, "x", NULL);
	CHECK(!p.vi && key(&p, "Escape") == PROMPT_CANCEL);
	prompt_history_free(&h);
}

int main(void)
{
	vi();
	struct prompt p;
	struct prompt_history h = {0};
	unsigned i;

	prompt_start(&p, "vim", &h);
	expect(&p, "vim", 3);
	CHECK(key(&p, "C-u") == PROMPT_EDITING);
	expect(&p, "", 0);
	type(&p, "vI");
	term_key cjk = {.code = TERM_KEY_CHAR, .ch = 0x4e2d};
	prompt_key(&p, &cjk);
	CHECK(key(&p, "C-a") == PROMPT_EDITING); /* no control character goes in */
	CHECK(key(&p, "M-x") == PROMPT_EDITING);
	expect(&p, "vI\xe4\xb8\xad", 0);
	key(&p, "End");
	key(&p, "Left");
	expect(&p, "vI\xe4\xb8\xad", 2);
	type(&p, "-");
	expect(&p, "vI-\xe4\xb8\xad", 3);
	key(&p, "DC");
	expect(&p, "vI-", 3);
	key(&p, "BSpace");
	key(&p, "Home");
	key(&p, "C-f");
	key(&p, "C-d");
	expect(&p, "v", 1);
	type(&p, " one two  ");
	key(&p, "C-w");
	expect(&p, "v one ", 6);
	key(&p, "C-b");
	key(&p, "C-b");
	key(&p, "C-k");
	expect(&p, "v on", 4);
	key(&p, "C-e");
	key(&p, "C-h");
	expect(&p, "v o", 3);
	CHECK(key(&p, "Enter") == PROMPT_DONE);
	CHECK(key(&p, "Escape") == PROMPT_CANCEL);
	CHECK(key(&p, "C-c") == PROMPT_CANCEL);
	CHECK(key(&p, "C-g") == PROMPT_CANCEL);

	/* History: Up walks back, Down forward to an empty line; repeats are kept once. */
	prompt_history_add(&h, "first");
	prompt_history_add(&h, "second");
	prompt_history_add(&h, "second");
	prompt_history_add(&h, "");
	CHECK(h.n == 2);
	prompt_start(&p, "", &h);
	key(&p, "Up");
	expect(&p, "second", 6);
	key(&p, "C-p");
	expect(&p, "first", 5);
	key(&p, "Up");
	expect(&p, "first", 5);
	key(&p, "Down");
	key(&p, "C-n");
	expect(&p, "", 0);
	for (i = 0; i < PROMPT_HISTORY + 5; i++) {
		char line[16];
		snprintf(line, sizeof line, "l%u", i);
		prompt_history_add(&h, line);
	}
	CHECK(h.n == PROMPT_HISTORY && strcmp(h.line[0], "l5") == 0);
	prompt_history_free(&h);

	/* A full line takes nothing more, and never a partial character. */
	prompt_start(&p, "", NULL);
	for (i = 0; i < PROMPT_MAX; i++)
		prompt_key(&p, &cjk);
	CHECK(p.len == (PROMPT_MAX - 1) / 3 * 3 && p.len < PROMPT_MAX);
	CHECK(strlen(p.line) == p.len);
	return 0;
}
