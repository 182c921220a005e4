/*
 * Fuzz target: key names and command lines, any bytes (config files, command lines, the
 * control socket). A name that reads as a key prints as a name that reads as the same
 * key; a line that reads gives words that split into commands and print.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmdlist.h"
#include "term/keyname.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *word = malloc(size + 1), **argv, *cause = NULL;
	memcpy(word, data, size);
	word[size] = '\0';
	term_key key, again;
	char name[KEYNAME_MAX];
	if (keyname_parse(word, &key)) {
		if (key.code > TERM_KEY_F12 || (key.mods & ~TERM_MOD_ALL) != 0 || key.ch > 0x10ffff ||
		    (key.code != TERM_KEY_CHAR && key.ch != 0))
			abort();
		keyname_print(&key, name);
		if (!keyname_parse(name, &again) || !keyname_equal(&key, &again))
			abort();
	}
	int argc = cmdlist_parse_line(word, &argv, &cause);
	if (argc >= 0) {
		struct cmdlist l;
		cmdlist_split(argc, argv, &l);
		free(cmdlist_print(argc, argv));
		for (int i = 0; i < argc; i++)
			free(cmdlist_quote(argv[i]));
		cmdlist_free(&l);
		cmdlist_free_words(argc, argv);
	} else {
		free(cause);
	}
	free(word);
	return 0;
}
