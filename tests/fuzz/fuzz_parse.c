/*
 * Fuzz target: config text (cmd/parse.h) of any bytes. Every item is a command of words
 * ending with NULL or one non-empty error line, lines never past the text's, and
 * conditions come alternately true and false.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool flip(const char *format, void *arg)
{
	(void)format;
	return (*(unsigned *)arg)++ % 2 == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned n = 0, lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	struct cmd_parse_list l;
	cmd_parse_text((const char *)data, size, flip, &n, &l);
	for (size_t i = 0; i < l.n; i++) {
		const struct cmd_parse_item *it = &l.items[i];
		if (it->line < 1 || it->line > lines)
			abort();
		if (it->error != NULL) {
			if (it->argc != 0 || it->error[0] == '\0' || strchr(it->error, '\n'))
				abort();
		} else if (it->argc < 1 || it->argv[it->argc] != NULL) {
			abort();
		}
	}
	cmd_parse_list_free(&l);
	return 0;
}
