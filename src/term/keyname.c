/* Key names to term_key values and back, with tmux's spelling and order. */
#include "keyname.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/utf8.h"

/* The named keys, the printed spelling of each first (BTab before Tab: a shifted Tab
 * prints as BTab). */
static const struct {
	const char *name;
	uint8_t code;
	uint8_t mods;
	uint32_t ch;
} names[] = {
	{"IC", TERM_KEY_INSERT, 0, 0},	     {"Insert", TERM_KEY_INSERT, 0, 0},
	{"DC", TERM_KEY_DELETE, 0, 0},	     {"Delete", TERM_KEY_DELETE, 0, 0},
	{"Home", TERM_KEY_HOME, 0, 0},	     {"End", TERM_KEY_END, 0, 0},
	{"NPage", TERM_KEY_PAGEDOWN, 0, 0},  {"PageDown", TERM_KEY_PAGEDOWN, 0, 0},
	{"PgDn", TERM_KEY_PAGEDOWN, 0, 0},   {"PPage", TERM_KEY_PAGEUP, 0, 0},
	{"PageUp", TERM_KEY_PAGEUP, 0, 0},   {"PgUp", TERM_KEY_PAGEUP, 0, 0},
	{"BTab", TERM_KEY_TAB, TERM_MOD_SHIFT, 0}, {"Tab", TERM_KEY_TAB, 0, 0},
	{"Space", TERM_KEY_CHAR, 0, ' '},    {"BSpace", TERM_KEY_BACKSPACE, 0, 0},
	{"Enter", TERM_KEY_ENTER, 0, 0},     {"Escape", TERM_KEY_ESCAPE, 0, 0},
	{"Up", TERM_KEY_UP, 0, 0},	     {"Down", TERM_KEY_DOWN, 0, 0},
	{"Left", TERM_KEY_LEFT, 0, 0},	     {"Right", TERM_KEY_RIGHT, 0, 0},
};
#define NNAMES (sizeof names / sizeof *names)

/* The mouse keys' names before their button, and their places after it. */
static const char *const mouse_names[TERM_MOUSE_KINDS] = {
	"MouseDown", "MouseUp", "MouseDrag", "MouseDragEnd", "WheelUp", "WheelDown",
	"SecondClick", "DoubleClick", "TripleClick",
};
static const char *const mouse_wheres[TERM_MOUSE_WHERES] = {
	"Pane", "Status", "StatusLeft", "StatusRight", "StatusDefault", "Border",
};

/* MouseDown1Pane, WheelUpStatus and the like (either case, as tmux reads them). */
static bool mouse_key(const char *s, term_key *key)
{
	for (unsigned k = 0; k < TERM_MOUSE_KINDS; k++) {
		size_t n = strlen(mouse_names[k]);
		if (strncasecmp(s, mouse_names[k], n) != 0)
			continue;
		unsigned button = s[n] >= '1' && s[n] <= '3' ? (unsigned)(s[n] - '0') : 0;
		for (unsigned w = 0; w < TERM_MOUSE_WHERES; w++) {
			uint32_t ch = TERM_MOUSE_KEY_AT(k, button, w);
			if (strcasecmp(s + n + (button != 0), mouse_wheres[w]) != 0 ||
			    !TERM_MOUSE_KEY_VALID(ch))
				continue; /* MouseDragEnd1Pane is not MouseDrag's */
			key->code = TERM_KEY_MOUSE;
			key->ch = ch;
			return true;
		}
	}
	return false;
}

/* A mouse key's name, in out. */
static const char *mouse_name(uint32_t ch, char out[32])
{
	const char *kind = mouse_names[TERM_MOUSE_KEY_KIND(ch)];
	const char *where = mouse_wheres[TERM_MOUSE_KEY_WHERE(ch)];
	if ((ch & 3) == 0)
		snprintf(out, 32, "%s%s", kind, where);
	else
		snprintf(out, 32, "%s%u%s", kind, ch & 3, where);
	return out;
}

/* ASCII that keeps its Ctrl: tmux has no control character for these. */
static const char ctrl_kept[] = "!#()+,-.0123456789:;<=>'`/";

bool keyname_is_none(const term_key *key)
{
	return key->code == TERM_KEY_CHAR && key->ch == 0;
}

term_key keyname_normal(term_key k)
{
	if (k.code != TERM_KEY_CHAR || !(k.mods & TERM_MOD_CTRL))
		return k;
	if (k.ch >= 'A' && k.ch <= 'Z')
		k.ch += 'a' - 'A';
	if (k.ch == 'i' || k.ch == 'm' || k.ch == '[') {
		k.code = k.ch == 'i' ? TERM_KEY_TAB : k.ch == 'm' ? TERM_KEY_ENTER : TERM_KEY_ESCAPE;
		k.ch = 0;
		k.mods &= (uint8_t)~TERM_MOD_CTRL;
	} else if (k.ch == '@') {
		k.ch = ' ';
	}
	return k;
}

bool keyname_equal(const term_key *a, const term_key *b)
{
	term_key x = keyname_normal(*a), y = keyname_normal(*b);
	return x.code == y.code && x.mods == y.mods && x.ch == y.ch;
}

/* The modifier prefixes; false on a prefix that is no modifier ("X-"). */
static bool read_mods(const char **s, uint8_t *mods)
{
	if ((*s)[0] == '^' && (*s)[1] != '\0') {
		*mods |= TERM_MOD_CTRL;
		(*s)++;
	}
	while ((*s)[0] != '\0' && (*s)[1] == '-') {
		switch ((*s)[0]) {
		case 'C': case 'c': *mods |= TERM_MOD_CTRL; break;
		case 'M': case 'm': *mods |= TERM_MOD_ALT; break;
		case 'S': case 's': *mods |= TERM_MOD_SHIFT; break;
		default: return false;
		}
		*s += 2;
	}
	return true;
}

/* F1 to F12. */
static bool function_key(const char *s, term_key *key)
{
	unsigned n = 0;
	if ((s[0] != 'F' && s[0] != 'f') || s[1] < '1' || s[1] > '9')
		return false;
	for (s++; *s >= '0' && *s <= '9' && n <= 12; s++)
		n = n * 10 + (unsigned)(*s - '0');
	if (*s != '\0' || n < 1 || n > 12)
		return false;
	key->code = (uint8_t)(TERM_KEY_F1 + n - 1);
	return true;
}

/* A lone printable ASCII or UTF-8 character. */
static bool one_character(const char *s, term_key *key)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	uint32_t cp;
	if (p == end || !utf8_decode(&p, end, &cp) || p != end || cp < 0x20 || cp == 0x7f ||
	    (cp >= 0x80 && cp < 0xa0))
		return false;
	key->code = TERM_KEY_CHAR;
	key->ch = cp;
	return true;
}

/* Ctrl with an ASCII character: its control character as tmux reads it, or kept, or
 * refused (C-%: no such key). */
static bool ctrl_ascii(term_key *key)
{
	uint32_t c = key->ch;
	if (key->code != TERM_KEY_CHAR || !(key->mods & TERM_MOD_CTRL) || c > 0x7f)
		return true;
	if (strchr(ctrl_kept, (int)c) != NULL)
		return true;
	if ((c >= 'a' && c <= 'z') || (c >= '@' && c <= '_') || c == ' ' || c == '?')
		return true; /* keyname_normal brings these to one form */
	return false;
}

bool keyname_parse(const char *name, term_key *key)
{
	const char *s = name;
	*key = (term_key){0};
	if (strcasecmp(name, "None") == 0)
		return true;
	if (!read_mods(&s, &key->mods) || *s == '\0')
		return false;
	uint8_t mods = key->mods;
	if (one_character(s, key) || function_key(s, key) || mouse_key(s, key)) {
		key->mods = mods;
	} else {
		size_t i;
		for (i = 0; i < NNAMES && strcasecmp(names[i].name, s) != 0; i++)
			;
		if (i == NNAMES)
			return false;
		key->code = names[i].code;
		key->mods = mods | names[i].mods;
		key->ch = names[i].ch;
	}
	if (!ctrl_ascii(key))
		return false;
	*key = keyname_normal(*key);
	return true;
}

/* The name of a key without its modifiers; NULL for a character key. */
static const char *base_name(const term_key *k)
{
	for (size_t i = 0; i < NNAMES; i++)
		if (names[i].code == k->code && names[i].ch == k->ch &&
		    (k->mods & names[i].mods) == names[i].mods)
			return names[i].name;
	return NULL;
}

/* Whether Ctrl and this character make a control character (C-b is 0x02 in tmux). */
static bool ctrl_folds(const term_key *k)
{
	return k->code == TERM_KEY_CHAR && (k->mods & TERM_MOD_CTRL) &&
	       ((k->ch >= 'a' && k->ch <= 'z') || k->ch == ' ' || k->ch == '?' ||
		(k->ch >= '\\' && k->ch <= '_'));
}

void keyname_print(const term_key *key, char out[KEYNAME_MAX])
{
	term_key k = keyname_normal(*key);
	const char *base = base_name(&k);
	char ch[8] = "";
	uint8_t mods = k.mods;
	bool folds = ctrl_folds(&k);

	if (keyname_is_none(&k)) {
		snprintf(out, KEYNAME_MAX, "None");
		return;
	}
	if (k.code == TERM_KEY_TAB && (mods & TERM_MOD_SHIFT))
		mods &= (uint8_t)~TERM_MOD_SHIFT; /* BTab says it */
	char mouse[32];
	if (k.code >= TERM_KEY_F1 && k.code <= TERM_KEY_F12)
		snprintf(ch, sizeof ch, "F%d", k.code - TERM_KEY_F1 + 1);
	else if (k.code == TERM_KEY_MOUSE && TERM_MOUSE_KEY_VALID(k.ch))
		base = mouse_name(k.ch, mouse);
	else if (base == NULL && k.ch <= 0x10ffff)
		ch[utf8_encode(k.ch, ch)] = '\0';
	/* A control character is C-x after the other modifiers (M-C-b), as tmux prints its
	 * 0x02|Meta; C-Space with them is tmux's M-C-@. */
	if (folds && k.ch == ' ' && (mods & (TERM_MOD_ALT | TERM_MOD_SHIFT)))
		base = "@";
	snprintf(out, KEYNAME_MAX, "%s%s%s%s%s", (mods & TERM_MOD_CTRL) && !folds ? "C-" : "",
		 mods & TERM_MOD_ALT ? "M-" : "", mods & TERM_MOD_SHIFT ? "S-" : "",
		 folds ? "C-" : "", base != NULL ? base : ch);
}

/* Where a special key falls among tmux's codes past Unicode, in tmux's enum order. */
static uint64_t special_order(const term_key *k)
{
	static const uint8_t order[] = {
		TERM_KEY_BACKSPACE, TERM_KEY_F1, TERM_KEY_F1 + 1, TERM_KEY_F1 + 2, TERM_KEY_F1 + 3,
		TERM_KEY_F1 + 4, TERM_KEY_F1 + 5, TERM_KEY_F1 + 6, TERM_KEY_F1 + 7,
		TERM_KEY_F1 + 8, TERM_KEY_F1 + 9, TERM_KEY_F1 + 10, TERM_KEY_F12,
		TERM_KEY_INSERT, TERM_KEY_DELETE, TERM_KEY_HOME, TERM_KEY_END,
		TERM_KEY_PAGEDOWN, TERM_KEY_PAGEUP, TERM_KEY_TAB /* BTab */, TERM_KEY_UP,
		TERM_KEY_DOWN, TERM_KEY_LEFT, TERM_KEY_RIGHT,
	};
	uint64_t i;
	if (k->code == TERM_KEY_MOUSE) /* before BSpace, by kind and button, then place */
		return 0x110000 + (k->ch & 63) * TERM_MOUSE_WHERES + TERM_MOUSE_KEY_WHERE(k->ch);
	for (i = 0; i < sizeof order && order[i] != k->code; i++)
		;
	return 0x110000 + 64 * TERM_MOUSE_WHERES + i;
}

uint64_t keyname_order(const term_key *key)
{
	term_key k = keyname_normal(*key);
	uint64_t base, mods = 0;
	uint8_t m = k.mods;

	switch (k.code) {
	case TERM_KEY_CHAR:
		base = k.ch;
		if (ctrl_folds(&k)) {
			base = k.ch == ' ' ? 0 : k.ch == '?' ? 0x7f
				: k.ch >= 'a' ? k.ch - 'a' + 1 : k.ch - '@';
			m &= (uint8_t)~TERM_MOD_CTRL;
		}
		break;
	case TERM_KEY_ENTER: base = '\r'; break;
	case TERM_KEY_ESCAPE: base = 0x1b; break;
	case TERM_KEY_TAB:
		if (m & TERM_MOD_SHIFT) {
			base = special_order(&k);
			m &= (uint8_t)~TERM_MOD_SHIFT;
		} else {
			base = '\t';
		}
		break;
	default: base = special_order(&k); break;
	}
	if (m & TERM_MOD_ALT)
		mods |= 1;
	if (m & TERM_MOD_CTRL)
		mods |= 2;
	if (m & TERM_MOD_SHIFT)
		mods |= 4;
	return mods << 44 | base;
}

bool keyname_mode_keys_vi(const char *visual, const char *editor)
{
	const char *e = visual != NULL && visual[0] != '\0' ? visual : editor;
	if (e == NULL)
		return false;
	if (strrchr(e, '/') != NULL)
		e = strrchr(e, '/') + 1; /* the program's name, not its directory */
	return strstr(e, "vi") != NULL;
}
