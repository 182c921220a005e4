/* Keys, pastes and mouse events encoded by libvterm for the pane's current modes. */
#include "input.h"

static const VTermKey keys[] = {
	[TERM_KEY_ENTER] = VTERM_KEY_ENTER,
	[TERM_KEY_TAB] = VTERM_KEY_TAB,
	[TERM_KEY_BACKSPACE] = VTERM_KEY_BACKSPACE,
	[TERM_KEY_ESCAPE] = VTERM_KEY_ESCAPE,
	[TERM_KEY_UP] = VTERM_KEY_UP,
	[TERM_KEY_DOWN] = VTERM_KEY_DOWN,
	[TERM_KEY_LEFT] = VTERM_KEY_LEFT,
	[TERM_KEY_RIGHT] = VTERM_KEY_RIGHT,
	[TERM_KEY_INSERT] = VTERM_KEY_INS,
	[TERM_KEY_DELETE] = VTERM_KEY_DEL,
	[TERM_KEY_HOME] = VTERM_KEY_HOME,
	[TERM_KEY_END] = VTERM_KEY_END,
	[TERM_KEY_PAGEUP] = VTERM_KEY_PAGEUP,
	[TERM_KEY_PAGEDOWN] = VTERM_KEY_PAGEDOWN,
};

/*
 * Ctrl (and maybe Alt or Shift) with a letter or one of @[\]^_: the C0 byte a terminal sends for
 * it, as tmux passes it on. libvterm 0.1.4 writes C-i, C-j, C-m and C-[ as CSI u
 * ("\e[106;5u"), which a shell or cat does not read as C-j (a pasted line feed is C-j).
 * Returns the length written into out, or 0 for any other key.
 */
static size_t c0_key(const term_key *key, char out[2])
{
	uint32_t ch = key->ch;
	/* Shift does not change a character's control, as libvterm has it. */
	if ((key->mods & TERM_MOD_CTRL) == 0 ||
	    (key->mods & ~(TERM_MOD_CTRL | TERM_MOD_ALT | TERM_MOD_SHIFT)) != 0)
		return 0;
	if (!((ch >= 'a' && ch <= 'z') || (ch >= '@' && ch <= '_')))
		return 0;
	size_t n = 0;
	if (key->mods & TERM_MOD_ALT)
		out[n++] = '\033';
	out[n++] = (char)(ch & 0x1f);
	return n;
}

bool term_input_key(term_emulator *em, const term_key *key)
{
	VTerm *vt = term_emulator_vterm(em);
	VTermModifier mods = (VTermModifier)(key->mods & TERM_MOD_ALL);
	char c0[2];
	size_t c0_len;
	if (key->code == TERM_KEY_CHAR) {
		if (key->ch == 0 || key->ch > 0x10ffff)
			return false;
		if ((c0_len = c0_key(key, c0)) > 0)
			term_emulator_send(em, c0, c0_len);
		else
			vterm_keyboard_unichar(vt, key->ch, mods);
	} else if (key->code >= TERM_KEY_F1 && key->code <= TERM_KEY_F12) {
		vterm_keyboard_key(vt, VTERM_KEY_FUNCTION(key->code - TERM_KEY_F1 + 1), mods);
	} else if (key->code < TERM_KEY_F1) {
		vterm_keyboard_key(vt, keys[key->code], mods);
	} else {
		return false;
	}
	return true;
}

/* The text, line feeds as carriage returns when asked; bracketed when asked and the
 * program wants it, any ESC then dropped so the text cannot end the bracket early. */
static void input_text(term_emulator *em, const char *text, size_t len, bool lf_to_cr,
		       bool bracket)
{
	VTerm *vt = term_emulator_vterm(em);
	bool bracketed = bracket && (term_emulator_modes(em) & TERM_MODE_BRACKETED_PASTE);
	if (bracketed)
		vterm_keyboard_start_paste(vt);
	size_t from = 0;
	for (size_t i = 0; i <= len; i++) {
		bool end = i == len;
		if (!end && !(lf_to_cr && text[i] == '\n') && !(bracketed && text[i] == '\033'))
			continue;
		term_emulator_send(em, text + from, i - from);
		if (!end && lf_to_cr && text[i] == '\n')
			term_emulator_send(em, "\r", 1);
		from = i + 1;
	}
	if (bracketed)
		vterm_keyboard_end_paste(vt);
}

void term_input_paste(term_emulator *em, const char *text, size_t len)
{
	input_text(em, text, len, true, true);
}

void term_input_text(term_emulator *em, const char *text, size_t len, bool bracket)
{
	input_text(em, text, len, false, bracket);
}

void term_input_mouse(term_emulator *em, const term_mouse *mouse)
{
	const uint32_t reporting = TERM_MODE_MOUSE_CLICK | TERM_MODE_MOUSE_DRAG | TERM_MODE_MOUSE_MOVE;
	if (!(term_emulator_modes(em) & reporting))
		return; /* libvterm 0.1.4 would report clicks all the same */
	VTerm *vt = term_emulator_vterm(em);
	VTermModifier mods = (VTermModifier)(mouse->mods & TERM_MOD_ALL);
	vterm_mouse_move(vt, mouse->row, mouse->col, mods);
	if (mouse->action != TERM_MOUSE_MOVE && mouse->button >= 1 && mouse->button <= 5)
		vterm_mouse_button(vt, mouse->button, mouse->action == TERM_MOUSE_PRESS, mods);
}
