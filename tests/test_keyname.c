/*
 * Key names (term/keyname.h): every key name tmux 3.3 lists in its default tables read and
 * printed back as tmux prints it, the other spellings read as the same key, what is no
 * key, keys as the terminal delivers them (keyparse's forms) equal to their names, and
 * tmux's order of bindings.
 */
#include "check.h"
#include "term/keyname.h"

/* `tmux list-keys` of tmux 3.3a with no config: every key of its four default tables,
 * bar the keypad keys and the mouse keys off a pane (status, border) rsh does not read. */
static const char *const tmux_listed[] = {
	"!", "\"", "#", "$", "%", "&", "'", "(", ")", "*", ",", "-", ".", "/", "0", "1", "2",
	"3", "4", "5", "6", "7", "8", "9", ":", ";", "<", "=", ">", "?", "A", "B", "BSpace",
	"C", "C-Down", "C-Left", "C-Right", "C-Space", "C-Up", "C-a", "C-b", "C-c", "C-d",
	"C-e", "C-f", "C-g", "C-h", "C-j", "C-k", "C-n", "C-o", "C-p", "C-r", "C-s", "C-u",
	"C-v", "C-w", "C-y", "C-z", "D", "DC", "Down", "E", "End", "Enter", "Escape", "F", "G",
	"H", "Home", "J", "K", "L", "Left", "M", "M-1", "M-2", "M-3", "M-4", "M-5", "M-6",
	"M-7", "M-8", "M-9", "M-<", "M->", "M-C-b", "M-C-f", "M-Down", "M-Left", "M-R",
	"M-Right", "M-Up", "M-b", "M-f", "M-m", "M-n", "M-o", "M-p", "M-r", "M-v", "M-w",
	"M-x", "M-{", "M-}", "N", "NPage", "P", "PPage", "R", "Right", "S-Down", "S-Left",
	"S-Right", "S-Up", "Space", "T", "Up", "V", "W", "X", "[", "]", "^", "b", "c", "d", "e",
	"f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "v", "w",
	"x", "z", "{", "}", "~", "MouseDown1Pane", "MouseDrag1Pane", "MouseDragEnd1Pane",
	"WheelUpPane", "WheelDownPane", "DoubleClick1Pane", "TripleClick1Pane", "MouseDown3Pane",
	"MouseUp2Pane", "SecondClick1Pane", "M-MouseDown3Pane", "C-WheelUpPane",
	"MouseDown1Status", "MouseDown3StatusLeft", "MouseDrag1Border", "WheelUpStatus",
	"WheelDownStatus", "MouseDragEnd1StatusRight", "C-M-S-MouseDragEnd1StatusDefault",
	/* and the rest of what a user binds */
	"F1", "F5", "F12", "IC", "Tab", "BTab", "C-M-S-Up", "M-Enter", "C-Enter", "C-Tab",
	"C-\\", "C-]", "C-^", "C-_", "C-?", "C-1", "M-\xc3\xa9", "\xe4\xb8\xad", "None",
};

/* Other spellings, and the canonical name each prints as. */
static const struct {
	const char *in, *out;
} aliases[] = {
	{"enter", "Enter"},     {"PageUp", "PPage"},     {"PgUp", "PPage"},
	{"PageDown", "NPage"},  {"PgDn", "NPage"},       {"Insert", "IC"},
	{"Delete", "DC"},       {"c-b", "C-b"},          {"C-B", "C-b"},
	{"^b", "C-b"},          {"C-i", "Tab"},          {"C-m", "Enter"},
	{"C-[", "Escape"},      {"C-@", "C-Space"},      {"S-Tab", "BTab"},
	{"C-M-b", "M-C-b"},     {"s-m-UP", "M-S-Up"},    {"none", "None"},
	{"M-C-Space", "M-C-@"}, {"f10", "F10"},          {"C--", "C--"},
	{"mousedown1pane", "MouseDown1Pane"},             {"wheeluppane", "WheelUpPane"},
	{"mousedrag1border", "MouseDrag1Border"},         {"WHEELUPSTATUS", "WheelUpStatus"},
};

static const char *const not_keys[] = {
	"", "C-", "C-cc", "F13", "F0", "F1x", "F01x", "X-Enter", "C-\xc3", "\x01", "\x7f",
	"C-%", "C-\"", "hello", "M-", "Fn", "MouseDown4Pane", "MouseDown1", "WheelUp1Pane",
	"MouseDown1Statu", "MouseDownPane", "MouseDrag1PaneX", "WheelUpBorder1",
	"MouseDown1StatusCentre",
};

static void round_trip(const char *name, const char *want)
{
	term_key key, again;
	char out[KEYNAME_MAX];
	CHECKF(keyname_parse(name, &key), "%s is a key", name);
	keyname_print(&key, out);
	CHECKF(strcmp(out, want) == 0, "%s prints as %s, want %s", name, out, want);
	CHECKF(keyname_parse(out, &again) && keyname_equal(&key, &again), "%s reads back", out);
}

/* A key as keyparse delivers it is the key its name reads as. */
static void typed(term_key typed, const char *name)
{
	term_key key;
	CHECKF(keyname_parse(name, &key), "%s", name);
	CHECKF(keyname_equal(&typed, &key), "typed %s", name);
}

/* mode-keys' default, tmux's rule. */
static void mode_keys(void)
{
	CHECK(keyname_mode_keys_vi(NULL, "vim"));
	CHECK(keyname_mode_keys_vi("", "/usr/bin/nvi"));
	CHECK(!keyname_mode_keys_vi("emacs", "vi"));
	CHECK(!keyname_mode_keys_vi(NULL, "/home/vivian/bin/nano"));
	CHECK(!keyname_mode_keys_vi(NULL, NULL));
}

int main(void)
{
	mode_keys();
	for (size_t i = 0; i < sizeof tmux_listed / sizeof *tmux_listed; i++)
		round_trip(tmux_listed[i], tmux_listed[i]);
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
		round_trip(aliases[i].in, aliases[i].out);
	for (size_t i = 0; i < sizeof not_keys / sizeof *not_keys; i++) {
		term_key key;
		CHECKF(!keyname_parse(not_keys[i], &key), "%s is no key", not_keys[i]);
	}
	/* "-" alone is a key; only "-" after a modifier letter is a prefix. */
	round_trip("-", "-");

	typed((term_key){TERM_KEY_CHAR, TERM_MOD_CTRL, 'b'}, "C-b");
	typed((term_key){TERM_KEY_CHAR, TERM_MOD_CTRL, ' '}, "C-Space");
	typed((term_key){TERM_KEY_CHAR, TERM_MOD_CTRL | TERM_MOD_ALT, 'b'}, "M-C-b");
	typed((term_key){TERM_KEY_TAB, TERM_MOD_SHIFT, 0}, "BTab");
	typed((term_key){TERM_KEY_TAB, 0, 0}, "C-i");
	typed((term_key){TERM_KEY_ENTER, 0, 0}, "Enter");
	typed((term_key){TERM_KEY_BACKSPACE, 0, 0}, "BSpace");
	typed((term_key){TERM_KEY_CHAR, 0, ' '}, "Space");
	typed((term_key){TERM_KEY_UP, TERM_MOD_ALT, 0}, "M-Up");
	typed((term_key){TERM_KEY_CHAR, TERM_MOD_CTRL, '\\'}, "C-\\");

	/* tmux's order: control characters, ASCII, Unicode, the mouse keys (as its copy-mode
	 * tables list them), the special keys, then by
	 * modifiers: Meta, Ctrl, Shift (as its list-keys shows the prefix table). */
	static const char *const ordered[] = {
		"C-b", "C-o", "Space", "!", "\"", "0", ":", "C", "~", "\xe4\xb8\xad",
		/* as tmux 3.3a's list-keys -T root orders them */
		"MouseDown1Pane", "MouseDown1Status", "MouseDown2Pane", "MouseDown3Pane",
		"MouseDown3Status", "MouseDown3StatusLeft", "MouseDrag1Pane", "MouseDrag1Border",
		"MouseDragEnd1Pane", "WheelUpPane", "WheelUpStatus", "WheelDownPane",
		"WheelDownStatus", "DoubleClick1Pane", "TripleClick1Pane", "BSpace",
		"F1", "F12", "IC", "DC", "Home", "End", "NPage", "PPage", "BTab", "Up", "Down",
		"Left", "Right", "M-C-b", "M-1", "M-n", "M-Up", "M-Right", "C-Up", "C-Right",
		"S-Up", "S-Right",
	};
	for (size_t i = 1; i < sizeof ordered / sizeof *ordered; i++) {
		term_key a, b;
		CHECK(keyname_parse(ordered[i - 1], &a) && keyname_parse(ordered[i], &b));
		CHECKF(keyname_order(&a) < keyname_order(&b), "%s before %s", ordered[i - 1],
		       ordered[i]);
	}
	return 0;
}
