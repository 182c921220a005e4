/* Session commands: new, has, list, rename, kill; the client-side ones refuse for now. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "word.h"
#include "util/xmalloc.h"

#define ATTACH_ERROR "attach needs the client, not built yet (use new-session -d)"

/* Refuses a name that is malformed or taken; 0 when it is fine. */
static int check_new_name(struct cmd_ctx *ctx, const char *name)
{
	const char *why = session_check_name(name);
	char *word = word_escape(name);
	int code = 0;
	if (why != NULL)
		code = cmd_error(ctx, "bad session name %s: %s", word, why);
	else if (session_find_name(name) != NULL)
		code = cmd_error(ctx, "duplicate session: %s", word);
	free(word);
	return code;
}

static unsigned clamp_size(long n)
{
	return n < LAYOUT_MIN ? LAYOUT_MIN : n > LAYOUT_MAX ? LAYOUT_MAX : (unsigned)n;
}

int cmd_new_session(struct cmd_ctx *ctx)
{
	const char *name = args_get(&ctx->args, 's');
	if (!args_has(&ctx->args, 'd'))
		return cmd_error(ctx, ATTACH_ERROR);
	if (name != NULL && check_new_name(ctx, name) != 0)
		return 1;
	unsigned cols = clamp_size(args_number(&ctx->args, 'x', SERVER_DEFAULT_COLS));
	unsigned rows = clamp_size(args_number(&ctx->args, 'y', SERVER_DEFAULT_ROWS));
	struct spawn sp = cmd_spawn(ctx);
	char *error = NULL;
	if (session_create(name, cols, rows, &sp, &error) != NULL)
		return 0;
	int code = cmd_error(ctx, "%s", error);
	free(error);
	return code;
}

int cmd_has_session(struct cmd_ctx *ctx)
{
	return cmd_find_session(ctx) != NULL ? 0 : 1;
}

int cmd_list_sessions(struct cmd_ctx *ctx)
{
	for (size_t i = 0; i < server.nsessions; i++) {
		const struct session *s = server.sessions[i];
		char when[64];
		strftime(when, sizeof when, "%a %b %e %H:%M:%S %Y", localtime(&s->created));
		cmd_print(ctx, "%s: %zu windows (created %s)", s->name, s->nwindows, when);
	}
	return 0;
}

int cmd_kill_session(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	if (s == NULL)
		return 1;
	session_destroy(s);
	return 0;
}

int cmd_kill_server(struct cmd_ctx *ctx)
{
	server.exiting = true;
	return 0;
}

int cmd_rename_session(struct cmd_ctx *ctx)
{
	struct session *s = cmd_find_session(ctx);
	const char *name = ctx->args.argv[0];
	if (s == NULL)
		return 1;
	if (strcmp(s->name, name) == 0)
		return 0;
	if (check_new_name(ctx, name) != 0)
		return 1;
	free(s->name);
	s->name = xstrdup(name);
	return 0;
}

int cmd_attach_session(struct cmd_ctx *ctx)
{
	return cmd_error(ctx, ATTACH_ERROR);
}

int cmd_detach_client(struct cmd_ctx *ctx)
{
	return cmd_error(ctx, "no client attached");
}

int cmd_list_clients(struct cmd_ctx *ctx)
{
	return 0; /* none can attach yet */
}
