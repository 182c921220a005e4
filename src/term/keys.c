/* Key names to term_key values. */
#include "keys.h"

#include <string.h>
#include <strings.h>

#include "../util/utf8.h"

static const struct {
	const char *name;
	enum term_key_code code;
	uint32_t ch;
} names[] = {
	{"Enter", TERM_KEY_ENTER, 0},	  {"Tab", TERM_KEY_TAB, 0},
	{"BSpace", TERM_KEY_BACKSPACE, 0}, {"Escape", TERM_KEY_ESCAPE, 0},
	{"Space", TERM_KEY_CHAR, ' '},	  {"Up", TERM_KEY_UP, 0},
	{"Down", TERM_KEY_DOWN, 0},	  {"Left", TERM_KEY_LEFT, 0},
	{"Right", TERM_KEY_RIGHT, 0},	  {"Home", TERM_KEY_HOME, 0},
	{"End", TERM_KEY_END, 0},	  {"IC", TERM_KEY_INSERT, 0},
	{"DC", TERM_KEY_DELETE, 0},	  {"PPage", TERM_KEY_PAGEUP, 0},
	{"PageUp", TERM_KEY_PAGEUP, 0},	  {"PgUp", TERM_KEY_PAGEUP, 0},
	{"NPage", TERM_KEY_PAGEDOWN, 0},  {"PageDown", TERM_KEY_PAGEDOWN, 0},
	{"PgDn", TERM_KEY_PAGEDOWN, 0},
};

/* F1 to F12. */
static bool function_key(const char *s, term_key *key)
{
	if ((s[0] != 'F' && s[0] != 'f') || s[1] < '1' || s[1] > '9')
		return false;
	unsigned n = (unsigned)(s[1] - '0');
	if (s[2] >= '0' && s[2] <= '9' && s[3] == '\0')
		n = n * 10 + (unsigned)(s[2] - '0');
	else if (s[2] != '\0')
		return false;
	if (n > 12)
		return false;
	key->code = (uint8_t)(TERM_KEY_F1 + n - 1);
	return true;
}

/* Exactly one UTF-8 character. */
static bool one_character(const char *s, term_key *key)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	uint32_t cp;
	if (p == end || !utf8_decode(&p, end, &cp) || p != end)
		return false;
	key->code = TERM_KEY_CHAR;
	key->ch = cp;
	return true;
}

bool keys_lookup(const char *word, term_key *key)
{
	memset(key, 0, sizeof *key);
	/* A prefix only counts when something follows it: "C-" alone is text. */
	while (word[0] != '\0' && word[1] == '-' && word[2] != '\0') {
		if (word[0] == 'C')
			key->mods |= TERM_MOD_CTRL;
		else if (word[0] == 'M')
			key->mods |= TERM_MOD_ALT;
		else if (word[0] == 'S')
			key->mods |= TERM_MOD_SHIFT;
		else
			break;
		word += 2;
	}
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcasecmp(names[i].name, word) == 0) {
			key->code = (uint8_t)names[i].code;
			key->ch = names[i].ch;
			return true;
		}
	return function_key(word, key) || (key->mods != 0 && one_character(word, key));
}

bool keys_mode_keys_vi(const char *visual, const char *editor)
{
	const char *e = visual != NULL && visual[0] != '\0' ? visual : editor;
	if (e == NULL)
		return false;
	if (strrchr(e, '/') != NULL)
		e = strrchr(e, '/') + 1; /* the program's name, not its directory */
	return strstr(e, "vi") != NULL;
}
