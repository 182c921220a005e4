/* send-prefix: the prefix key (-2: prefix2) to a pane, as if typed there. */
#include "cmd.h"
#include "key_bindings.h"
#include "term/keyname.h"

static enum cmd_retval cmd_send_prefix_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_send_prefix_entry = {
	.name = "send-prefix",
	.flags = ARGS_FLAGS(FLAG_BOOL('2'), FLAG_TARGET),
	.target = TARGET_PANE,
	.usage = "send-prefix [-2] [-t target-pane]",
	.exec = cmd_send_prefix_exec,
};

static enum cmd_retval cmd_send_prefix_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	struct session *s = p != NULL ? cmd_find_session(ctx) : NULL;
	if (s == NULL)
		return CMD_RETURN_ERROR;
	struct key_options o = key_bindings_options(s);
	const term_key *key = args_has(&ctx->args, '2') ? &o.prefix2 : &o.prefix;
	if (!keyname_is_none(key))
		term_input_key(p->em, key);
	return CMD_RETURN_NORMAL;
}
