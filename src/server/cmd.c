/* The command dispatcher and what every handler shares. */
#include "cmd.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "server_client.h"
#include "cmd/cause.h"
#include "cmd/word.h"
#include "util/xmalloc.h"

static void buf_append(struct cmd_buf *b, const char *p, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		b->cap = (b->len + len + 1) * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
	}
	memcpy(b->p + b->len, p, len);
	b->len += len;
	b->p[b->len] = '\0';
}

void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *line;
	va_start(ap, fmt);
	int n = xvasprintf(&line, fmt, ap);
	va_end(ap);
	buf_append(&ctx->out, line, (size_t)n);
	buf_append(&ctx->out, "\n", 1);
	free(line);
}

void cmd_write(struct cmd_ctx *ctx, const char *buf, size_t len)
{
	buf_append(&ctx->out, buf, len);
}

enum cmd_retval cmd_give_cause(struct cmd_ctx *ctx, char *cause)
{
	if (ctx->cause == NULL)
		ctx->cause = cause;
	else
		free(cause);
	return CMD_RETURN_ERROR;
}

enum cmd_retval cmd_error(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *cause;
	va_start(ap, fmt);
	xvasprintf(&cause, fmt, ap);
	va_end(ap);
	return cmd_give_cause(ctx, cause);
}

struct spawn cmd_spawn(const struct cmd_ctx *ctx, const struct session *s)
{
	const struct options *oo = s != NULL ? s->options : options_global_session;
	return (struct spawn){
		.argc = ctx->args.argc,
		.argv = ctx->args.argv,
		.cwd = ctx->req->cwd,
		.shell = options_get_string(oo, "default-shell"),
		.command = options_get_string(oo, "default-command"),
		.term = options_get_string(options_server, "default-terminal"),
		.history = (unsigned)options_get_number(oo, "history-limit"),
	};
}

void cmd_execute(const struct proto_request *req, struct proto_reply *reply)
{
	struct cmd_ctx ctx = {.req = req, .client = client_current()};
	enum cmd_retval code = CMD_RETURN_ERROR;
	char *err = NULL;
	if (args_parse_command(req->argc, req->argv, &ctx.args, &ctx.cause) == 0)
		code = ctx.args.cmd->exec(&ctx);
	args_free(&ctx.args);
	if (ctx.cause != NULL) {
		char *line = cause_line(ctx.cause);
		xasprintf(&err, "%s\n", line);
		free(line);
		free(ctx.cause);
	}
	*reply = (struct proto_reply){code, ctx.out.p, err != NULL ? err : xstrdup(""),
				      ctx.out.len, err != NULL ? strlen(err) : 0};
	if (reply->out == NULL)
		reply->out = xstrdup("");
}

int cmd_check_session_name(struct cmd_ctx *ctx, const char *name)
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

static const struct {
	char flag;
	enum layout_dir dir;
} directions[] = {
	{'L', LAYOUT_LEFT}, {'R', LAYOUT_RIGHT}, {'U', LAYOUT_UP}, {'D', LAYOUT_DOWN},
};

bool cmd_direction(const struct cmd_ctx *ctx, enum layout_dir *dir, char *flag)
{
	for (size_t i = 0; i < sizeof directions / sizeof *directions; i++)
		if (args_has(&ctx->args, directions[i].flag)) {
			*dir = directions[i].dir;
			if (flag != NULL)
				*flag = directions[i].flag;
			return true;
		}
	return false;
}
