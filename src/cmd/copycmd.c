/* Copy mode's command names and argument counts (tmux 3.3's). */
#include "copycmd.h"

#include <string.h>

#include "util/xmalloc.h"

static const struct copycmd commands[] = {
	{"append-selection", 0, 0},
	{"append-selection-and-cancel", 0, 0},
	{"back-to-indentation", 0, 0},
	{"begin-selection", 0, 0},
	{"bottom-line", 0, 0},
	{"cancel", 0, 0},
	{"clear-selection", 0, 0},
	{"copy-end-of-line", 0, 1},
	{"copy-end-of-line-and-cancel", 0, 1},
	{"copy-pipe-end-of-line", 0, 2},
	{"copy-pipe-end-of-line-and-cancel", 0, 2},
	{"copy-line", 0, 1},
	{"copy-line-and-cancel", 0, 1},
	{"copy-pipe-line", 0, 2},
	{"copy-pipe-line-and-cancel", 0, 2},
	{"copy-pipe-no-clear", 0, 2},
	{"copy-pipe", 0, 2},
	{"copy-pipe-and-cancel", 0, 2},
	{"copy-selection-no-clear", 0, 1},
	{"copy-selection", 0, 1},
	{"copy-selection-and-cancel", 0, 1},
	{"cursor-down", 0, 0},
	{"cursor-down-and-cancel", 0, 0},
	{"cursor-left", 0, 0},
	{"cursor-right", 0, 0},
	{"cursor-up", 0, 0},
	{"end-of-line", 0, 0},
	{"goto-line", 1, 1},
	{"halfpage-down", 0, 0},
	{"halfpage-down-and-cancel", 0, 0},
	{"halfpage-up", 0, 0},
	{"history-bottom", 0, 0},
	{"history-top", 0, 0},
	{"jump-again", 0, 0},
	{"jump-backward", 1, 1},
	{"jump-forward", 1, 1},
	{"jump-reverse", 0, 0},
	{"jump-to-backward", 1, 1},
	{"jump-to-forward", 1, 1},
	{"jump-to-mark", 0, 0},
	{"middle-line", 0, 0},
	{"next-matching-bracket", 0, 0},
	{"next-paragraph", 0, 0},
	{"next-space", 0, 0},
	{"next-space-end", 0, 0},
	{"next-word", 0, 0},
	{"next-word-end", 0, 0},
	{"other-end", 0, 0},
	{"page-down", 0, 0},
	{"page-down-and-cancel", 0, 0},
	{"page-up", 0, 0},
	{"pipe-no-clear", 0, 1},
	{"pipe", 0, 1},
	{"pipe-and-cancel", 0, 1},
	{"previous-matching-bracket", 0, 0},
	{"previous-paragraph", 0, 0},
	{"previous-space", 0, 0},
	{"previous-word", 0, 0},
	{"rectangle-on", 0, 0},
	{"rectangle-off", 0, 0},
	{"rectangle-toggle", 0, 0},
	{"refresh-from-pane", 0, 0},
	{"scroll-down", 0, 0},
	{"scroll-down-and-cancel", 0, 0},
	{"scroll-up", 0, 0},
	{"search-again", 0, 0},
	{"search-backward", 0, 1},
	{"search-backward-text", 0, 1},
	{"search-backward-incremental", 1, 1},
	{"search-forward", 0, 1},
	{"search-forward-text", 0, 1},
	{"search-forward-incremental", 1, 1},
	{"search-reverse", 0, 0},
	{"select-line", 0, 0},
	{"select-word", 0, 0},
	{"set-mark", 0, 0},
	{"start-of-line", 0, 0},
	{"stop-selection", 0, 0},
	{"toggle-position", 0, 0},
	{"top-line", 0, 0},
};

const struct copycmd *copycmd_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int copycmd_check(int argc, char *const argv[], char **cause)
{
	const struct copycmd *c = argc > 0 ? copycmd_find(argv[0]) : NULL;
	if (argc == 0) {
		*cause = xstrdup("no copy-mode command given");
		return -1;
	}
	if (c == NULL) {
		xasprintf(cause, "unknown copy-mode command: %.64s", argv[0]);
		return -1;
	}
	if (argc - 1 < c->min_args || argc - 1 > c->max_args) {
		if (c->min_args == c->max_args)
			xasprintf(cause, "copy-mode command %s takes %d argument%s", c->name,
				  c->min_args, c->min_args == 1 ? "" : "s");
		else
			xasprintf(cause, "copy-mode command %s takes %d to %d arguments", c->name,
				  c->min_args, c->max_args);
		return -1;
	}
	return 0;
}
