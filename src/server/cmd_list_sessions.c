/* list-sessions: one line per session, as tmux prints it; -f keeps those its filter
 * (a format) is true for. */
#include <time.h>

#include "cmd.h"
#include "format.h"
#include "server_client.h"

static enum cmd_retval cmd_list_sessions_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_list_sessions_entry = {
	.name = "list-sessions",
	.alias = {"ls"},
	.flags = ARGS_FLAGS(FLAG_STRING('F'), FLAG_STRING('f')),
	.target = TARGET_SESSION,
	.usage = "list-sessions [-F format] [-f filter]",
	.exec = cmd_list_sessions_exec,
};

static enum cmd_retval cmd_list_sessions_exec(struct cmd_ctx *ctx)
{
	for (size_t i = 0; i < server.nsessions; i++) {
		struct session *s = server.sessions[i];
		if (!cmd_filter_keeps(ctx, &(struct format_ctx){.s = s}))
			continue;
		if (args_has(&ctx->args, 'F')) {
			cmd_print_format(ctx, &(struct format_ctx){.s = s});
			continue;
		}
		char when[64];
		strftime(when, sizeof when, "%a %b %e %H:%M:%S %Y", localtime(&s->created));
		cmd_print(ctx, "%s: %zu windows (created %s)%s", s->name, s->nwindows, when,
			  clients_of(s) > 0 ? " (attached)" : "");
	}
	return CMD_RETURN_NORMAL;
}
