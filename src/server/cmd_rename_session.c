/* rename-session: a new name, unique among sessions. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "util/xmalloc.h"

int cmd_rename_session(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	const char *name = ctx->args.argv[0];
	if (s == NULL)
		return 1;
	if (strcmp(s->name, name) == 0)
		return 0;
	if (cmd_check_session_name(ctx, name) != 0)
		return 1;
	free(s->name);
	s->name = xstrdup(name);
	return 0;
}
