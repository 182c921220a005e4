/*
 * show-environment, as tmux's: the target session's environment or the global one (-g),
 * one entry or all, as NAME=value and -NAME for a removed one; -s as sh commands
 * (NAME="value"; export NAME; and unset NAME;).
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "environ.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_show_environment_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_show_environment_entry = {
	.name = "show-environment",
	.alias = {"showenv"},
	.flags = ARGS_FLAGS(FLAG_BOOL('g'), FLAG_BOOL('s'), FLAG_TARGET),
	.target = TARGET_SESSION,
	.max_args = 1,
	.usage = "show-environment [-gs] [-t target-session] [name]",
	.exec = cmd_show_environment_exec,
};

/* value in double quotes for sh: \ before $ ` " and \. */
static char *sh_quote(const char *value)
{
	char *q = xmalloc(2 * strlen(value) + 3), *o = q;
	*o++ = '"';
	for (const char *v = value; *v != '\0'; v++) {
		if (strchr("$`\"\\", *v) != NULL)
			*o++ = '\\';
		*o++ = *v;
	}
	*o++ = '"';
	*o = '\0';
	return q;
}

static void print_entry(struct cmd_ctx *ctx, const struct environ_entry *e)
{
	if (!args_has(&ctx->args, 's')) {
		if (e->value == NULL)
			cmd_print(ctx, "-%s", e->name);
		else
			cmd_print(ctx, "%s=%s", e->name, e->value);
		return;
	}
	if (e->value == NULL) {
		cmd_print(ctx, "unset %s;", e->name);
		return;
	}
	char *q = sh_quote(e->value);
	cmd_print(ctx, "%s=%s; export %s;", e->name, q, e->name);
	free(q);
}

static enum cmd_retval cmd_show_environment_exec(struct cmd_ctx *ctx)
{
	struct environ *env = cmd_environ(ctx);
	if (env == NULL)
		return CMD_RETURN_ERROR;
	if (ctx->args.argc == 0) {
		for (size_t i = 0; i < env->n; i++)
			print_entry(ctx, &env->v[i]);
		return CMD_RETURN_NORMAL;
	}
	const struct environ_entry *e = environ_find(env, ctx->args.argv[0]);
	if (e == NULL)
		return cmd_error(ctx, "unknown variable: %s", ctx->args.argv[0]);
	print_entry(ctx, e);
	return CMD_RETURN_NORMAL;
}
