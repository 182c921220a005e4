/*
 * show-messages: the message log (message_log.h), newest first, each as tmux 3.3a's
 * "#{t/p:message_time}: #{message_text}": the time as tmux's pretty time (HH:MM in the
 * last 24 hours, then the weekday and day this month or in the last 28 days, the day
 * and month in the last 12 months, else the month and year). -J lists instead the jobs
 * the server runs (run-shell, if-shell, #() in formats, copy-pipe's commands) as tmux's
 * job_print_summary does, newest first: Job N: command [fd=F, pid=P, status=0] (a job
 * leaves the list once it has exited, so its status there is 0, a running job's in tmux).
 * -T lists the attached clients' terminals (-t: the target client's only) as tmux's
 * tty_term_describe lines, from what each client told (client_term.h): "Terminal N: TERM
 * for CLIENT, flags=0x..:", then each capability the client uses, numbered in the
 * client's order; with -J too, the jobs follow after a blank line, as tmux.
 */
#include <stdlib.h>

#include "cmd.h"
#include "job.h"
#include "message_log.h"
#include "server_client.h"

static enum cmd_retval cmd_show_messages_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_show_messages_entry = {
	.name = "show-messages",
	.alias = {"showmsgs"},
	.flags = ARGS_FLAGS(FLAG_BOOL('J'), FLAG_BOOL('T'), FLAG_STRING('t')),
	.usage = "show-messages [-JT] [-t target-client]",
	.exec = cmd_show_messages_exec,
};

/* tmux's format_pretty_time of t, into out (at least 6 bytes). */
static void pretty_time(time_t t, char *out, size_t size)
{
	time_t now = time(NULL);
	if (now < t)
		now = t;
	time_t age = now - t;
	struct tm now_tm, tm;
	localtime_r(&now, &now_tm);
	localtime_r(&t, &tm);
	const char *format = "%h%y";
	if (age < 24 * 3600)
		format = "%H:%M";
	else if ((tm.tm_year == now_tm.tm_year && tm.tm_mon == now_tm.tm_mon) ||
		 age < 28 * 24 * 3600)
		format = "%a%d";
	else if ((tm.tm_year == now_tm.tm_year && tm.tm_mon < now_tm.tm_mon) ||
		 (tm.tm_year == now_tm.tm_year - 1 && tm.tm_mon > now_tm.tm_mon))
		format = "%d%b";
	if (strftime(out, size, format, &tm) == 0)
		out[0] = '\0';
}

/* -T: the terminals, of the target client only with -t; whether any was printed. */
static bool terminals(struct cmd_ctx *ctx, const struct client *target)
{
	unsigned n = 0;
	for (size_t i = 0; i < nclients; i++) {
		const struct client *c = clients[i];
		const struct client_term *t = &c->in.term;
		if (c->ended != NULL || t->name == NULL || (target != NULL && c != target))
			continue;
		cmd_print(ctx, "Terminal %u: %s for %u, flags=0x%x:", n++, t->name,
			  (unsigned)c->id, client_term_flags(t));
		for (size_t k = 0; k < t->ncaps; k++) {
			char *line = client_term_describe(t, k);
			cmd_print(ctx, "%s", line);
			free(line);
		}
	}
	return n > 0;
}

static enum cmd_retval cmd_show_messages_exec(struct cmd_ctx *ctx)
{
	bool blank = false;
	if (args_has(&ctx->args, 'T')) {
		struct client *target = NULL;
		if (args_get(&ctx->args, 't') != NULL &&
		    (target = cmd_find_client(ctx, 't')) == NULL)
			return CMD_RETURN_ERROR;
		blank = terminals(ctx, target);
		if (!args_has(&ctx->args, 'J'))
			return CMD_RETURN_NORMAL;
	}
	if (args_has(&ctx->args, 'J')) {
		const char *cmd;
		int fd;
		pid_t pid;
		for (size_t i = 0; job_info(i, &cmd, &fd, &pid); i++, blank = false) {
			if (blank)
				cmd_print(ctx, "%s", "");
			cmd_print(ctx, "Job %zu: %s [fd=%d, pid=%ld, status=0]", i, cmd, fd,
				  (long)pid);
		}
		return CMD_RETURN_NORMAL;
	}
	for (size_t i = message_log_count(); i-- > 0;) {
		time_t when;
		const char *text = message_log_get(i, &when);
		char stamp[16];
		pretty_time(when, stamp, sizeof stamp);
		cmd_print(ctx, "%s: %s", stamp, text);
	}
	return CMD_RETURN_NORMAL;
}
