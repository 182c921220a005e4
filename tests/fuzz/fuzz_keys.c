/*
 * Fuzz target: send-keys words, any bytes from the control socket. A word is a key with
 * a valid code, modifiers and character, or text; the same word always reads the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "term/keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *word = malloc(size + 1);
	memcpy(word, data, size);
	word[size] = '\0';
	term_key key, again;
	bool is_key = keys_lookup(word, &key);
	if (is_key != keys_lookup(word, &again) || memcmp(&key, &again, sizeof key) != 0)
		abort();
	if (is_key && (key.code > TERM_KEY_F12 || (key.mods & ~TERM_MOD_ALL) != 0 ||
		       key.ch > 0x10ffff || (key.code != TERM_KEY_CHAR && key.ch != 0)))
		abort();
	free(word);
	return 0;
}
