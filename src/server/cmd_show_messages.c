/*
 * show-messages: the message log (message_log.h), newest first, each as tmux 3.3a's
 * "#{t/p:message_time}: #{message_text}": the time as tmux's pretty time (HH:MM in the
 * last 24 hours, then the weekday and day this month or in the last 28 days, the day
 * and month in the last 12 months, else the month and year). -J lists instead the jobs
 * the server runs (run-shell, if-shell, #() in formats, copy-pipe's commands) as tmux's
 * job_print_summary does, newest first: Job N: command [fd=F, pid=P, status=0] (a job
 * leaves the list once it has exited, so its status there is 0, a running job's in tmux).
 */
#include "cmd.h"
#include "job.h"
#include "message_log.h"

static enum cmd_retval cmd_show_messages_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_show_messages_entry = {
	.name = "show-messages",
	.alias = {"showmsgs"},
	.flags = ARGS_FLAGS(FLAG_BOOL('J')),
	.usage = "show-messages [-J]",
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

static enum cmd_retval cmd_show_messages_exec(struct cmd_ctx *ctx)
{
	if (args_has(&ctx->args, 'J')) {
		const char *cmd;
		int fd;
		pid_t pid;
		for (size_t i = 0; job_info(i, &cmd, &fd, &pid); i++)
			cmd_print(ctx, "Job %zu: %s [fd=%d, pid=%ld, status=0]", i, cmd, fd,
				  (long)pid);
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
