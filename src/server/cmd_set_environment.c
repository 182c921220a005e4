/*
 * set-environment, as tmux's: in the target session's environment, or the global one
 * (-g); -u deletes the entry, -r marks it removed (new panes go without it).
 */
#include <string.h>

#include "cmd.h"
#include "environ.h"

static enum cmd_retval cmd_set_environment_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_set_environment_entry = {
	.name = "set-environment",
	.alias = {"setenv"},
	.flags = ARGS_FLAGS(FLAG_BOOL('g'), FLAG_BOOL('r'), FLAG_BOOL('u'), FLAG_TARGET),
	.target = TARGET_SESSION,
	.min_args = 1, .max_args = 2,
	.usage = "set-environment [-gru] [-t target-session] name [value]",
	.exec = cmd_set_environment_exec,
};

struct environ *cmd_environ(struct cmd_ctx *ctx)
{
	if (args_has(&ctx->args, 'g'))
		return &environ_global;
	struct session *s = cmd_find_session(ctx);
	return s != NULL ? s->environ : NULL;
}

static enum cmd_retval cmd_set_environment_exec(struct cmd_ctx *ctx)
{
	const char *name = ctx->args.argv[0];
	const char *value = ctx->args.argc > 1 ? ctx->args.argv[1] : NULL;
	if (*name == '\0')
		return cmd_error(ctx, "empty variable name");
	if (strchr(name, '=') != NULL)
		return cmd_error(ctx, "variable name contains =");
	struct environ *env = cmd_environ(ctx);
	if (env == NULL)
		return CMD_RETURN_ERROR;
	if (args_has(&ctx->args, 'u')) {
		if (value != NULL)
			return cmd_error(ctx, "can't specify a value with -u");
		environ_unset(env, name);
	} else if (args_has(&ctx->args, 'r')) {
		if (value != NULL)
			return cmd_error(ctx, "can't specify a value with -r");
		environ_set(env, name, NULL);
	} else {
		if (value == NULL)
			return cmd_error(ctx, "no value specified");
		environ_set(env, name, value);
	}
	return CMD_RETURN_NORMAL;
}
