/* show-messages: the message log (message_log.h), each with when it was shown. */
#include "cmd.h"
#include "message_log.h"

static enum cmd_retval cmd_show_messages_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_show_messages_entry = {
	.name = "show-messages",
	.alias = {"showmsgs"},
	.flags = ARGS_NO_FLAGS,
	.usage = "show-messages",
	.exec = cmd_show_messages_exec,
};

static enum cmd_retval cmd_show_messages_exec(struct cmd_ctx *ctx)
{
	for (size_t i = 0; i < message_log_count(); i++) {
		time_t when;
		const char *text = message_log_get(i, &when);
		struct tm tm;
		char stamp[64] = "";
		if (localtime_r(&when, &tm) != NULL)
			strftime(stamp, sizeof stamp, "%a %b %e %H:%M:%S %Y", &tm);
		cmd_print(ctx, "%s: %s", stamp, text);
	}
	return CMD_RETURN_NORMAL;
}
