/*
 * run-shell: a shell command run in the background of the server's loop (job.h). From
 * the command line its output is printed and the command's exit status is rsh's (as
 * tmux), the reply waiting for it while other clients go on; in a config file the lines
 * after it wait (cfg.c); with -b (or where nothing can wait: a key binding) it returns at
 * once and a failure goes to the message log (show-messages). -d waits that many seconds
 * first (sleep(1) in the same job), with no command too; a binding's `run-shell -d` with
 * no command is the client's pause in its own list (client/keymode.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cmd.h"
#include "environ.h"
#include "format.h"
#include "job.h"
#include "message_log.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_run_shell_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_run_shell_entry = {
	.name = "run-shell",
	.alias = {"run"},
	.flags = ARGS_FLAGS(FLAG_BOOL('b'), FLAG_STRING('d'), FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = 1,
	.usage = "run-shell [-b] [-d delay] [-t target-pane] [shell-command]",
	.exec = cmd_run_shell_exec,
};

bool cmd_shell_format(struct cmd_ctx *ctx, struct format_ctx *f)
{
	*f = (struct format_ctx){.client = ctx->client};
	if ((args_has(&ctx->args, 't') || server.nsessions > 0) &&
	    (f->p = cmd_find_pane(ctx)) == NULL)
		return false;
	format_defaults(f);
	return true;
}

struct job *cmd_shell_job(struct cmd_ctx *ctx, const char *command, job_done_fn *done,
			  void *data)
{
	struct format_ctx f;
	if (!cmd_shell_format(ctx, &f))
		return NULL;
	f.raw = true; /* a command for sh, not text to show */
	char *cmd = format_expand(command, &f);
	char **envp = environ_envp(f.p != NULL ? f.p->window->session->environ : NULL);
	struct job *j = job_start(cmd, ctx->req->cwd, envp, true, done, data);
	environ_free_envp(envp);
	if (j == NULL)
		cmd_error(ctx, "failed to run command: %s: %s", cmd, strerror(errno));
	free(cmd);
	return j;
}

char *cmd_shell_failure(const char *command, int status, int *code)
{
	char *why = NULL;
	*code = 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
		*code = WEXITSTATUS(status);
		xasprintf(&why, "'%s' returned %d", command, *code);
	} else if (WIFSIGNALED(status)) {
		*code = 128 + WTERMSIG(status);
		xasprintf(&why, "'%s' terminated by signal %d", command, WTERMSIG(status));
	}
	return why;
}

struct run_shell {
	char *command;
	struct cmd_wait *wait; /* NULL: nobody waits */
};

static void run_shell_done(void *data, int status, const char *out, size_t len)
{
	struct run_shell *rs = data;
	int code;
	char *why = status == -1 ? NULL : cmd_shell_failure(rs->command, status, &code);
	if (status == -1) {
		if (rs->wait != NULL)
			cmd_wait_free(rs->wait);
	} else if (rs->wait != NULL) {
		struct cmd_ctx *ctx = cmd_wait_ctx(rs->wait);
		cmd_write(ctx, out, len);
		if (len > 0 && out[len - 1] != '\n')
			cmd_write(ctx, "\n", 1);
		if (why != NULL)
			cmd_print_error(ctx, "%s", why);
		cmd_wait_resume(rs->wait, CMD_RETURN_NORMAL, code);
	} else if (why != NULL) {
		message_log_add(why);
	}
	free(why);
	free(rs->command);
	free(rs);
}

/* The command to run: -d's delay as a sleep before it (the delay alone without one);
 * NULL with an error when -d is no number of seconds. */
static char *delayed(struct cmd_ctx *ctx)
{
	const char *command = ctx->args.argc > 0 ? ctx->args.argv[0] : NULL, *d;
	char *out, *end;
	if ((d = args_get(&ctx->args, 'd')) == NULL)
		return xstrdup(command);
	double seconds = strtod(d, &end);
	if (end == d || *end != '\0' || !(seconds <= 86400 * 365)) { /* NaN too */
		cmd_error(ctx, "invalid delay time: %s", d);
		return NULL;
	}
	if (seconds < 0)
		seconds = 0; /* tmux's timer fires at once */
	xasprintf(&out, "sleep %.3f%s%s", seconds, command != NULL ? "; " : "",
		  command != NULL ? command : "");
	return out;
}

static enum cmd_retval cmd_run_shell_exec(struct cmd_ctx *ctx)
{
	if (ctx->args.argc == 0 && !args_has(&ctx->args, 'd'))
		return CMD_RETURN_NORMAL; /* tmux: nothing to run */
	char *command = delayed(ctx);
	if (command == NULL)
		return CMD_RETURN_ERROR;
	struct run_shell *rs = xmalloc(sizeof *rs);
	*rs = (struct run_shell){command, args_has(&ctx->args, 'b') ? NULL : ctx->wait};
	if (cmd_shell_job(ctx, rs->command, run_shell_done, rs) == NULL) {
		free(rs->command);
		free(rs);
		return CMD_RETURN_ERROR;
	}
	return rs->wait != NULL ? CMD_RETURN_WAIT : CMD_RETURN_NORMAL;
}
