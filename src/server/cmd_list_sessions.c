/* list-sessions: one line per session, as tmux prints it. */
#include <time.h>

#include "cmd.h"

int cmd_list_sessions(struct cmd_ctx *ctx)
{
	for (size_t i = 0; i < server.nsessions; i++) {
		const struct session *s = server.sessions[i];
		char when[64];
		strftime(when, sizeof when, "%a %b %e %H:%M:%S %Y", localtime(&s->created));
		cmd_print(ctx, "%s: %zu windows (created %s)", s->name, s->nwindows, when);
	}
	return 0;
}
