/* send-keys names: tmux's spelling to term_key values, and what stays literal text. */
#include "check.h"
#include "term/keys.h"

static void expect_key(const char *word, unsigned code, unsigned mods, uint32_t ch)
{
	term_key key;
	CHECKF(keys_lookup(word, &key), "%s is a key", word);
	CHECKF(key.code == code && key.mods == mods && key.ch == ch,
	       "%s: code %u mods %u ch %u", word, key.code, key.mods, (unsigned)key.ch);
}

static void expect_text(const char *word)
{
	term_key key;
	CHECKF(!keys_lookup(word, &key), "%s is text", word);
}

/* mode-keys' default, tmux's rule. */
static void mode_keys(void)
{
	CHECK(keys_mode_keys_vi(NULL, "vim"));
	CHECK(keys_mode_keys_vi("", "/usr/bin/nvi"));
	CHECK(!keys_mode_keys_vi("emacs", "vi"));
	CHECK(!keys_mode_keys_vi(NULL, "/home/vivian/bin/nano"));
	CHECK(!keys_mode_keys_vi(NULL, NULL));
}

int main(void)
{
	mode_keys();
	expect_key("Enter", TERM_KEY_ENTER, 0, 0);
	expect_key("enter", TERM_KEY_ENTER, 0, 0);
	expect_key("BSpace", TERM_KEY_BACKSPACE, 0, 0);
	expect_key("Space", TERM_KEY_CHAR, 0, ' ');
	expect_key("C-c", TERM_KEY_CHAR, TERM_MOD_CTRL, 'c');
	expect_key("M-x", TERM_KEY_CHAR, TERM_MOD_ALT, 'x');
	expect_key("C-M-S-Up", TERM_KEY_UP, TERM_MOD_CTRL | TERM_MOD_ALT | TERM_MOD_SHIFT, 0);
	expect_key("S-Tab", TERM_KEY_TAB, TERM_MOD_SHIFT, 0);
	expect_key("PgDn", TERM_KEY_PAGEDOWN, 0, 0);
	expect_key("F1", TERM_KEY_F1, 0, 0);
	expect_key("F12", TERM_KEY_F12, 0, 0);
	expect_key("C-\xc3\xa9", TERM_KEY_CHAR, TERM_MOD_CTRL, 0xe9);

	expect_text("");
	expect_text("a");         /* a lone character is typed as text */
	expect_text("echo hello");
	expect_text("C-");        /* a prefix with nothing after it */
	expect_text("C-cc");
	expect_text("F13");
	expect_text("F0");
	expect_text("F1x");
	expect_text("X-Enter");
	expect_text("C-\xc3");    /* a truncated UTF-8 character */
	return 0;
}
