/*
 * if-shell: runs the first command list if a shell command exits 0 (or, -F, if a format
 * is true: not empty, not "0"), else the second if given. The lists are parsed as a
 * config line is. The shell command runs as run-shell's does: the command line's reply
 * (or a config file's next lines) waits for it; with -b (or where nothing can wait) it
 * returns at once and the list runs later, its errors going to the message log.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "format.h"
#include "message_log.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_if_shell_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_if_shell_entry = {
	.name = "if-shell",
	.alias = {"if"},
	.flags = ARGS_FLAGS(FLAG_BOOL('b'), FLAG_BOOL('F'), FLAG_TARGET),
	.target = TARGET_PANE,
	.min_args = 2, .max_args = 3,
	.usage = "if-shell [-bF] [-t target-pane] shell-command command [command]",
	.exec = cmd_if_shell_exec,
};

/* Runs text (NULL: nothing) as a command list in ctx. */
static enum cmd_retval run_text(struct cmd_ctx *ctx, const char *text)
{
	if (text == NULL)
		return CMD_RETURN_NORMAL;
	struct cmd_parse_list list;
	cmd_parse_text(text, strlen(text), NULL, NULL, &list);
	enum cmd_retval code = cmd_run_list(ctx, &list);
	cmd_parse_list_free(&list);
	return code;
}

struct if_shell {
	char *then, *otherwise; /* otherwise may be NULL */
	struct cmd_wait *wait;  /* NULL: nobody waits */
};

/* A list run after nobody waits: in a request of its own, its errors logged. */
static void run_detached(const char *text)
{
	struct proto_request req = {.cwd = ""};
	struct cmd_output o = {0};
	struct cmd_ctx ctx = {.req = &req, .o = &o};
	if (run_text(&ctx, text) != CMD_RETURN_NORMAL && ctx.cause != NULL)
		message_log_add(ctx.cause);
	free(ctx.cause);
	free(o.out.p);
	free(o.err.p);
}

static void if_shell_done(void *data, int status, const char *out, size_t len)
{
	struct if_shell *is = data;
	const char *text = status == 0 ? is->then : is->otherwise;
	if (status == -1) {
		if (is->wait != NULL)
			cmd_wait_free(is->wait);
	} else if (is->wait != NULL) {
		cmd_wait_resume(is->wait, run_text(cmd_wait_ctx(is->wait), text), 0);
	} else {
		run_detached(text);
	}
	free(is->then);
	free(is->otherwise);
	free(is);
}

static enum cmd_retval cmd_if_shell_exec(struct cmd_ctx *ctx)
{
	char *const *argv = ctx->args.argv;
	const char *otherwise = ctx->args.argc > 2 ? argv[2] : NULL;
	if (args_has(&ctx->args, 'F')) {
		struct format_ctx f;
		if (!cmd_shell_format(ctx, &f))
			return CMD_RETURN_ERROR;
		return run_text(ctx, format_true_for(argv[0], &f) ? argv[1] : otherwise);
	}
	struct if_shell *is = xmalloc(sizeof *is);
	*is = (struct if_shell){xstrdup(argv[1]), otherwise != NULL ? xstrdup(otherwise) : NULL,
				args_has(&ctx->args, 'b') ? NULL : ctx->wait};
	if (cmd_shell_job(ctx, argv[0], if_shell_done, is) == NULL) {
		free(is->then);
		free(is->otherwise);
		free(is);
		return CMD_RETURN_ERROR;
	}
	return is->wait != NULL ? CMD_RETURN_WAIT : CMD_RETURN_NORMAL;
}
