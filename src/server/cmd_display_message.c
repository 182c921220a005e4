/*
 * display-message: a format expanded for the target (with strftime, as tmux), printed
 * (-p) or shown on the client's status row for display-time (-d: milliseconds) and kept
 * in the message log (show-messages).
 */
#include <stdlib.h>

#include "cmd.h"
#include "format.h"
#include "message_log.h"
#include "options.h"
#include "server_client.h"

#define DISPLAY_DEFAULT \
	"[#{session_name}] #{window_index}:#{window_name}, current pane #{pane_index} - " \
	"(%H:%M %d-%b-%y)"

static enum cmd_retval cmd_display_message_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_display_message_entry = {
	.name = "display-message",
	.alias = {"display"},
	.flags = ARGS_FLAGS(FLAG_NUMBER('d', 0, 86400000), FLAG_BOOL('p'), FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = 1,
	.usage = "display-message [-p] [-d delay] [-t target-pane] [message]",
	.exec = cmd_display_message_exec,
};

static enum cmd_retval cmd_display_message_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	struct session *s = p->window->session;
	struct client *c = args_has(&ctx->args, 'p') ? NULL : cmd_session_client(ctx, s);
	if (!args_has(&ctx->args, 'p') && c == NULL)
		return cmd_error(ctx, "no current client");
	struct format_ctx f = {.client = c, .p = p, .time = true};
	format_defaults(&f);
	char *text = format_expand(ctx->args.argc > 0 ? ctx->args.argv[0] : DISPLAY_DEFAULT, &f);
	if (c == NULL) {
		cmd_print(ctx, "%s", text);
	} else {
		long long ms = options_get_number(s->options, "display-time");
		client_notice(c, text, (uint64_t)args_number(&ctx->args, 'd', ms));
		message_log_add(text);
	}
	free(text);
	return CMD_RETURN_NORMAL;
}
