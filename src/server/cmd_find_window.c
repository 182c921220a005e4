/*
 * find-window [-CiNrTZ] [-t target-pane] match-string: choose-tree over every pane,
 * filtered (-f) by the match-string in the pane's visible screen (-C), its window's
 * name (-N) or its title (-T), any of the three without those flags; -r makes the
 * string a regular expression, -i ignores case. The filter is tmux 3.3's, made of the
 * #{C:} and #{m:} formats (format.h) with the flags' suffix.
 */
#include <stdlib.h>

#include "cmd.h"
#include "mode_tree.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_find_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_find_window_entry = {
	.name = "find-window",
	.alias = {"findw"},
	.flags = ARGS_FLAGS(FLAG_BOOL('C'), FLAG_BOOL('i'), FLAG_BOOL('N'), FLAG_BOOL('r'),
			    FLAG_BOOL('T'), FLAG_BOOL('Z'), FLAG_TARGET),
	.target = TARGET_PANE,
	.min_args = 1,
	.max_args = 1,
	.usage = "find-window [-CiNrTZ] [-t target-pane] match-string",
	.exec = cmd_find_window_exec,
};

/* One test of the filter: #{C/ri:M} for the screen, else #{m/ri:*M*,#{variable}}. */
static char *test(const char *suffix, const char *match, const char *variable)
{
	char *s;
	if (variable == NULL)
		xasprintf(&s, "#{C%s:%s}", suffix, match);
	else
		xasprintf(&s, "#{m%s:*%s*,#{%s}}", suffix, match, variable);
	return s;
}

/* tmux's filter: the tests asked for, joined as #{||:a,#{||:b,c}}. */
static char *filter(const struct args *a, const char *match)
{
	const char *suffix = args_has(a, 'r') && args_has(a, 'i') ? "/ri"
			     : args_has(a, 'r')		   ? "/r"
			     : args_has(a, 'i')		   ? "/i"
							   : "";
	bool C = args_has(a, 'C'), N = args_has(a, 'N'), T = args_has(a, 'T');
	if (!C && !N && !T)
		C = N = T = true;
	char *tests[3];
	int n = 0;
	if (C)
		tests[n++] = test(suffix, match, NULL);
	if (N)
		tests[n++] = test(suffix, match, "window_name");
	if (T)
		tests[n++] = test(suffix, match, "pane_title");
	char *joined = tests[n - 1];
	for (int i = n - 2; i >= 0; i--) {
		char *s;
		xasprintf(&s, "#{||:%s,%s}", tests[i], joined);
		free(tests[i]);
		free(joined);
		joined = s;
	}
	return joined;
}

static enum cmd_retval cmd_find_window_exec(struct cmd_ctx *ctx)
{
	struct client *c = cmd_mode_client(ctx);
	if (c == NULL)
		return CMD_RETURN_ERROR;
	char *f = filter(&ctx->args, ctx->args.argv[0]);
	struct mode_tree_args m = {
		.kind = MODE_TREE_SESSIONS,
		.start = MODE_TREE_PANES,
		.preview = true,
		.filter = f,
	};
	mode_tree_start(c, &m);
	free(f);
	return CMD_RETURN_NORMAL;
}
