/* The command dispatcher and what every handler shares. */
#include "cmd.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server_client.h"
#include "word.h"
#include "util/xmalloc.h"

static const struct {
	const char *name;
	cmd_fn *fn;
} handlers[] = {
	{"attach-session", cmd_attach_session},
	{"capture-pane", cmd_capture_pane},
	{"detach-client", cmd_detach_client},
	{"has-session", cmd_has_session},
	{"kill-pane", cmd_kill_pane},
	{"kill-server", cmd_kill_server},
	{"kill-session", cmd_kill_session},
	{"kill-window", cmd_kill_window},
	{"list-clients", cmd_list_clients},
	{"list-panes", cmd_list_panes},
	{"list-sessions", cmd_list_sessions},
	{"list-windows", cmd_list_windows},
	{"new-session", cmd_new_session},
	{"new-window", cmd_new_window},
	{"next-window", cmd_next_window},
	{"previous-window", cmd_previous_window},
	{"rename-session", cmd_rename_session},
	{"rename-window", cmd_rename_window},
	{"resize-pane", cmd_resize_pane},
	{"select-pane", cmd_select_pane},
	{"select-window", cmd_select_window},
	{"send-keys", cmd_send_keys},
	{"split-window", cmd_split_window},
};

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

static void buf_vprintf(struct cmd_buf *b, const char *prefix, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		n = 0;
	char *line = xmalloc((size_t)n + 1);
	vsnprintf(line, (size_t)n + 1, fmt, ap);
	buf_append(b, prefix, strlen(prefix));
	buf_append(b, line, (size_t)n);
	buf_append(b, "\n", 1);
	free(line);
}

void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&ctx->out, "", fmt, ap);
	va_end(ap);
}

void cmd_write(struct cmd_ctx *ctx, const char *buf, size_t len)
{
	buf_append(&ctx->out, buf, len);
}

int cmd_error(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&ctx->err, "rsh: ", fmt, ap);
	va_end(ap);
	return 1;
}

struct spawn cmd_spawn(const struct cmd_ctx *ctx)
{
	return (struct spawn){ctx->args.argc, ctx->args.argv, ctx->req->cwd};
}

static cmd_fn *handler(const struct args_command *cmd)
{
	for (size_t i = 0; i < sizeof handlers / sizeof *handlers; i++)
		if (strcmp(handlers[i].name, cmd->name) == 0)
			return handlers[i].fn;
	return NULL;
}

void cmd_execute(const struct proto_request *req, struct proto_reply *reply)
{
	struct cmd_ctx ctx = {.req = req, .client = client_current()};
	int code;
	char *error = args_parse(req->argc, req->argv, &ctx.args);
	if (error != NULL) {
		buf_append(&ctx.err, error, strlen(error));
		buf_append(&ctx.err, "\n", 1);
		free(error);
		code = 1;
	} else {
		cmd_fn *fn = handler(ctx.args.cmd);
		code = fn != NULL ? fn(&ctx) : cmd_error(&ctx, "%s: not implemented",
							  ctx.args.cmd->name);
	}
	args_free(&ctx.args);
	*reply = (struct proto_reply){code, ctx.out.p, ctx.err.p, ctx.out.len, ctx.err.len};
	if (reply->out == NULL)
		reply->out = xstrdup("");
	if (reply->err == NULL)
		reply->err = xstrdup("");
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
