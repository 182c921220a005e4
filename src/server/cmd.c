/* The command dispatcher and what every handler shares. */
#include "cmd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "environ.h"
#include "format.h"
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

static void buf_vline(struct cmd_buf *b, const char *fmt, va_list ap)
{
	char *line;
	int n = xvasprintf(&line, fmt, ap);
	buf_append(b, line, (size_t)n);
	buf_append(b, "\n", 1);
	free(line);
}

void cmd_print(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vline(&ctx->o->out, fmt, ap);
	va_end(ap);
}

void cmd_print_error(struct cmd_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vline(&ctx->o->err, fmt, ap);
	va_end(ap);
}

void cmd_write(struct cmd_ctx *ctx, const char *buf, size_t len)
{
	buf_append(&ctx->o->out, buf, len);
}

void cmd_output_move(struct cmd_output *to, struct cmd_output *from)
{
	if (from->out.len > 0)
		buf_append(&to->out, from->out.p, from->out.len);
	if (from->err.len > 0)
		buf_append(&to->err, from->err.p, from->err.len);
	free(from->out.p);
	free(from->err.p);
	*from = (struct cmd_output){0};
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

void cmd_environ_args(const struct cmd_ctx *ctx, struct environ *e)
{
	unsigned n;
	const char *const *extra = args_values(&ctx->args, 'e', &n);
	for (unsigned i = 0; i < n; i++) {
		const char *eq = strchr(extra[i], '=');
		if (eq == NULL || eq == extra[i])
			continue;
		char *name = xstrndup(extra[i], (size_t)(eq - extra[i]));
		environ_set(e, name, eq + 1);
		free(name);
	}
}

/* s's environment for a new pane, with -e's entries over it. */
static char **spawn_environ(const struct cmd_ctx *ctx, const struct session *s)
{
	unsigned n;
	args_values(&ctx->args, 'e', &n);
	if (n == 0)
		return environ_envp(s != NULL ? s->environ : NULL);
	struct environ *e = environ_create();
	for (size_t i = 0; s != NULL && i < s->environ->n; i++)
		environ_set(e, s->environ->v[i].name, s->environ->v[i].value);
	cmd_environ_args(ctx, e);
	char **envp = environ_envp(e);
	environ_free(e);
	return envp;
}

struct spawn cmd_spawn(struct cmd_ctx *ctx, struct session *s, struct pane *p)
{
	const struct options *oo = s != NULL ? s->options : options_global_session;
	/* As tmux: -c, else the session's start directory, else (a new session) the client's. */
	const char *dir = args_get(&ctx->args, 'c');
	if (dir != NULL && ctx->cwd == NULL) {
		struct format_ctx f = {.client = ctx->client, .s = s, .p = p, .raw = true};
		format_defaults(&f);
		ctx->cwd = format_expand(dir, &f);
	}
	environ_free_envp(ctx->env);
	ctx->env = spawn_environ(ctx, s);
	return (struct spawn){
		.argc = ctx->args.argc,
		.argv = ctx->args.argv,
		.cwd = ctx->cwd != NULL ? ctx->cwd : s != NULL ? s->cwd : ctx->req->cwd,
		.env = ctx->env,
		.session = s != NULL ? s->id : server.next_session,
		.shell = options_get_string(oo, "default-shell"),
		.command = options_get_string(oo, "default-command"),
		.term = options_get_string(options_server, "default-terminal"),
		.history = (unsigned)options_get_number(oo, "history-limit"),
	};
}

/* cmd_run; with wait, the command may wait (CMD_RETURN_WAIT). */
static enum cmd_retval run_one(struct cmd_ctx *ctx, int argc, char *const argv[], char **cause,
			       struct cmd_wait *wait)
{
	struct cmd_ctx sub = {.req = ctx->req, .client = ctx->client, .argc = argc,
			      .argv = argv, .o = ctx->o, .depth = ctx->depth, .wait = wait};
	enum cmd_retval code = CMD_RETURN_ERROR;
	if (args_parse_command(argc, argv, &sub.args, &sub.cause) == 0)
		code = sub.args.cmd->exec(&sub);
	args_free(&sub.args);
	free(sub.cwd);
	environ_free_envp(sub.env);
	if (code != CMD_RETURN_ERROR)
		free(sub.cause);
	else
		*cause = sub.cause; /* NULL: it reported its own errors (source-file) */
	return code;
}

enum cmd_retval cmd_run(struct cmd_ctx *ctx, int argc, char *const argv[], char **cause,
			struct cmd_wait *wait)
{
	return run_one(ctx, argc, argv, cause, wait);
}

enum cmd_retval cmd_run_list(struct cmd_ctx *ctx, const struct cmd_parse_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		const struct cmd_parse_item *it = &list->items[i];
		char *cause = it->error != NULL ? xstrdup(it->error) : NULL;
		if (cause == NULL &&
		    run_one(ctx, it->argc, it->argv, &cause, NULL) == CMD_RETURN_NORMAL)
			continue;
		return cause != NULL ? cmd_give_cause(ctx, cause) : CMD_RETURN_ERROR;
	}
	return CMD_RETURN_NORMAL;
}

void cmd_print_format(struct cmd_ctx *ctx, struct format_ctx *f)
{
	if (f->client == NULL)
		f->client = ctx->client;
	format_defaults(f);
	char *line = format_expand(args_get(&ctx->args, 'F'), f);
	cmd_print(ctx, "%s", line);
	free(line);
}

bool cmd_filter_keeps(struct cmd_ctx *ctx, struct format_ctx *f)
{
	const char *filter = args_get(&ctx->args, 'f');
	if (filter == NULL)
		return true;
	if (f->client == NULL)
		f->client = ctx->client;
	format_defaults(f);
	return format_true_for(filter, f);
}

/* A request being run: what a waiting command needs to finish it. Or, with resume, a
 * waiting point of its owner's (cmd_wait_new): then only ctx is used. */
struct cmd_wait {
	struct proto_request req; /* a copy */
	struct cmd_output o;
	struct cmd_ctx ctx;       /* the line's: its cause */
	struct cmd_parse_list list;
	size_t next;              /* the list's next command */
	int status;
	cmd_reply_fn *done;
	void *data;
	cmd_resume_fn *resume;
	void *arg;
};

struct cmd_wait *cmd_wait_new(const struct cmd_ctx *ctx, cmd_resume_fn *resume, void *arg)
{
	struct cmd_wait *w = xcalloc(1, sizeof *w);
	w->ctx = (struct cmd_ctx){.req = ctx->req, .client = ctx->client, .o = ctx->o,
				  .depth = ctx->depth};
	w->resume = resume;
	w->arg = arg;
	return w;
}

void cmd_wait_unused(struct cmd_wait *w)
{
	free(w->ctx.cause);
	free(w);
}

void cmd_request_copy(struct proto_request *to, const struct proto_request *from)
{
	*to = *from;
	to->argv = xcalloc((size_t)from->argc + 1, sizeof *to->argv);
	for (int i = 0; i < from->argc; i++)
		to->argv[i] = xstrdup(from->argv[i]);
	to->cwd = xstrdup(from->cwd != NULL ? from->cwd : "");
	to->udp_host = from->udp_host != NULL ? xstrdup(from->udp_host) : NULL;
	to->envv = xcalloc((size_t)from->envc + 1, sizeof *to->envv);
	for (uint32_t i = 0; i < from->envc; i++)
		to->envv[i] = xstrdup(from->envv[i]);
}

/* Runs the line's commands from w->next on; false when one waits. At the end, the reply. */
static bool run_from(struct cmd_wait *w, enum cmd_retval code, struct proto_reply *reply)
{
	struct cmd_ctx *ctx = &w->ctx;
	while (code == CMD_RETURN_NORMAL && w->next < w->list.n) {
		const struct cmd_parse_item *it = &w->list.items[w->next++];
		char *cause = it->error != NULL ? xstrdup(it->error) : NULL;
		if (cause == NULL)
			code = run_one(ctx, it->argc, it->argv, &cause, w->done != NULL ? w : NULL);
		else
			code = CMD_RETURN_ERROR;
		if (code == CMD_RETURN_WAIT)
			return false;
		if (cause != NULL)
			cmd_give_cause(ctx, cause);
	}
	if (ctx->cause != NULL) {
		char *line = cause_line(ctx->cause);
		cmd_print_error(ctx, "%s", line);
		free(line);
		free(ctx->cause);
	}
	int exit = code != CMD_RETURN_NORMAL ? (int)code : w->status;
	*reply = (struct proto_reply){exit, w->o.out.p, w->o.err.p, w->o.out.len, w->o.err.len};
	if (reply->out == NULL)
		reply->out = xstrdup("");
	if (reply->err == NULL)
		reply->err = xstrdup("");
	cmd_parse_list_free(&w->list);
	proto_request_free(&w->req);
	return true;
}

bool cmd_execute(const struct proto_request *req, struct proto_reply *reply, cmd_reply_fn *done,
		 void *data)
{
	struct cmd_wait *w = xcalloc(1, sizeof *w);
	cmd_request_copy(&w->req, req);
	w->done = done;
	w->data = data;
	w->ctx = (struct cmd_ctx){.req = &w->req, .client = client_current(), .o = &w->o};
	cmd_parse_words(w->req.argc, w->req.argv, &w->list);
	enum cmd_retval code = w->list.n > 0 ? CMD_RETURN_NORMAL : cmd_error(&w->ctx, "no command");
	if (!run_from(w, code, reply))
		return false;
	free(w);
	return true;
}

void cmd_wait_free(struct cmd_wait *w)
{
	if (w->resume != NULL) {
		w->resume(w->arg, CMD_RETURN_ERROR, -1, NULL);
		cmd_wait_unused(w);
		return;
	}
	cmd_parse_list_free(&w->list);
	proto_request_free(&w->req);
	free(w->ctx.cause);
	free(w->o.out.p);
	free(w->o.err.p);
	free(w);
}

struct cmd_ctx *cmd_wait_ctx(struct cmd_wait *w)
{
	return &w->ctx;
}

void cmd_wait_resume(struct cmd_wait *w, enum cmd_retval code, int status)
{
	struct proto_reply reply;
	if (w->resume != NULL) {
		char *cause = w->ctx.cause; /* the waiting command's, as a failing one's */
		w->ctx.cause = NULL;
		w->resume(w->arg, code, status, cause);
		cmd_wait_unused(w);
		return;
	}
	if (status != 0)
		w->status = status;
	w->ctx.client = client_current();
	if (!run_from(w, code, &reply))
		return;
	w->done(w->data, &reply);
	free(w);
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

bool cmd_size_flag(struct cmd_ctx *ctx, char flag, unsigned *cells, unsigned *percent)
{
	const char *v = args_get(&ctx->args, flag);
	if (v == NULL)
		return true;
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	bool pct = *end == '%' && end[1] == '\0';
	if (v[0] < '0' || v[0] > '9' || (*end != '\0' && !pct) || errno != 0) {
		char *word = word_escape(v);
		cmd_error(ctx, "size invalid: %s", word);
		free(word);
		return false;
	}
	if (pct ? n < 1 || n > 99 : n < 1 || n > CMD_MAX_CELLS) {
		cmd_error(ctx, "size too %s", n < 1 ? "small" : "large");
		return false;
	}
	if (pct)
		*percent = (unsigned)n;
	else
		*cells = (unsigned)n;
	return true;
}

void cmd_print_pane(struct cmd_ctx *ctx, struct pane *p, const char *template)
{
	if (!args_has(&ctx->args, 'P'))
		return;
	const char *f = args_get(&ctx->args, 'F');
	struct format_ctx fc = {.client = ctx->client, .p = p};
	format_defaults(&fc);
	char *line = format_expand(f != NULL ? f : template, &fc);
	cmd_print(ctx, "%s", line);
	free(line);
}

bool cmd_layout_place(struct cmd_ctx *ctx, struct layout_place *where)
{
	const struct args *a = &ctx->args;
	*where = (struct layout_place){
		.how = args_has(a, 'h') ? LAYOUT_SIDE_BY_SIDE : LAYOUT_ABOVE_BELOW,
		.percent = (unsigned)args_number(a, 'p', 0),
		.before = args_has(a, 'b'),
		.full = args_has(a, 'f'),
	};
	return cmd_size_flag(ctx, 'l', &where->cells, &where->percent);
}
