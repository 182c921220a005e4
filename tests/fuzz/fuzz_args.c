/*
 * Fuzz target: command lines as they arrive on the control socket, argv built from
 * arbitrary bytes split on NUL. Whatever the words, the parser either accepts within the
 * command's limits or gives exactly one non-empty line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/args.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	char **argv = malloc((size + 1) * sizeof *argv);
	memcpy(buf, data, size);
	buf[size] = '\0';
	int argc = 0;
	for (size_t i = 0; i <= size; i += strlen(buf + i) + 1)
		argv[argc++] = buf + i;

	struct args a;
	char *error = NULL;
	if (args_parse_command(argc, argv, &a, &error) != 0) {
		if (error[0] == '\0' || strchr(error, '\n') != NULL || a.cmd != NULL)
			abort();
		free(error);
	} else {
		if (a.argc < a.cmd->min_args || a.argc > a.cmd->max_args)
			abort();
		if (a.argc > 0 && a.argv[a.argc - 1] != argv[argc - 1])
			abort();
		for (const struct args_flag *f = a.cmd->flags; f->letter != 0; f++) {
			long n = args_number(&a, f->letter, f->min);
			if ((f->value == ARGS_NUMBER || f->value == ARGS_OPTIONAL) &&
			    (n < f->min || n > f->max))
				abort();
			if ((f->value == ARGS_STRING || f->value == ARGS_TARGET) &&
			    args_has(&a, f->letter) != (args_get(&a, f->letter) != NULL))
				abort();
		}
	}
	args_free(&a);
	free(argv);
	free(buf);
	return 0;
}
