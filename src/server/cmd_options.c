/* What set-option and show-options share: which set of values their flags and -t name. */
#include "cmd.h"
#include "options.h"

/*
 * The set an option of oe's scope lives in, as tmux decides it: a server option in the
 * server's; a session option in the global session set (-g) or the target's session's; a
 * window option in the global window set (-g), the target pane's own (-p, for options
 * panes may set) or the target's window's. NULL when the target is not found (the error
 * given).
 */
struct options *cmd_options_scope(struct cmd_ctx *ctx, const struct option_entry *oe)
{
	bool global = args_has(&ctx->args, 'g');
	if (oe->scope & OPTION_SCOPE_SERVER)
		return options_server;
	if (oe->scope & OPTION_SCOPE_SESSION) {
		if (global)
			return options_global_session;
		struct window *w = cmd_find_window(ctx);
		return w != NULL ? w->session->options : NULL;
	}
	if (global)
		return options_global_window;
	if (args_has(&ctx->args, 'p') && (oe->scope & OPTION_SCOPE_PANE)) {
		struct pane *p = cmd_find_pane(ctx);
		return p != NULL ? p->options : NULL;
	}
	struct window *w = cmd_find_window(ctx);
	return w != NULL ? w->options : NULL;
}
