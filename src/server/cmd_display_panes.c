/*
 * display-panes (C-b q): the target client (-t, else its own, else the current session's
 * latest) shows every pane's index for -d milliseconds (else display-panes-time; 0 until
 * a key), and a digit chooses that pane (mode_panes.h). The command never waits for the
 * choice, which is what -b asks of tmux's.
 */
#include "cmd.h"
#include "mode_panes.h"
#include "options.h"
#include "server_client.h"
#include "net/clock.h"

static enum cmd_retval cmd_display_panes_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_display_panes_entry = {
	.name = "display-panes",
	.alias = {"displayp"},
	.flags = ARGS_FLAGS(FLAG_BOOL('b'), FLAG_BOOL('N'), FLAG_NUMBER('d', 0, 86400000),
			    FLAG_STRING('t')),
	.max_args = 1,
	.usage = "display-panes [-bN] [-d duration] [-t target-client] [template]",
	.exec = cmd_display_panes_exec,
};

static enum cmd_retval cmd_display_panes_exec(struct cmd_ctx *ctx)
{
	const struct args *a = &ctx->args;
	struct client *c;
	if (args_has(a, 't') || ctx->client != NULL) {
		c = cmd_find_client(ctx, 't');
	} else {
		struct session *s = cmd_find_session(ctx);
		if (s == NULL)
			return CMD_RETURN_ERROR;
		if ((c = cmd_latest_client(s)) == NULL)
			cmd_error(ctx, "no current client");
	}
	if (c == NULL)
		return CMD_RETURN_ERROR;
	struct session *s = session_find_id(c->in.session);
	long long ms = args_has(a, 'd') ? args_number(a, 'd', 0)
		       : s != NULL	    ? options_get_number(s->options, "display-panes-time")
					    : 1000;
	mode_panes_start(c, ms, a->argc > 0 ? a->argv[0] : NULL, args_has(a, 'N'),
			 net_clock_ms());
	return CMD_RETURN_NORMAL;
}
