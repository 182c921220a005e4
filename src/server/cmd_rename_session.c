/* rename-session: a new name, unique among sessions. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_rename_session_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_rename_session_entry = {
	.name = "rename-session",
	.alias = {"rename"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_SESSION,
	.min_args = 1,
	.max_args = 1,
	.usage = "rename-session [-t target-session] new-name",
	.exec = cmd_rename_session_exec,
};

static enum cmd_retval cmd_rename_session_exec(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	const char *name = ctx->args.argv[0];
	if (s == NULL)
		return CMD_RETURN_ERROR;
	if (strcmp(s->name, name) == 0)
		return CMD_RETURN_NORMAL;
	if (cmd_check_session_name(ctx, name) != 0)
		return CMD_RETURN_ERROR;
	free(s->name);
	s->name = xstrdup(name);
	return CMD_RETURN_NORMAL;
}
