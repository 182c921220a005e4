/* send-keys: each word a key name, else literal text typed as is. */
#include <string.h>

#include "cmd.h"
#include "term/keyname.h"
#include "term/input.h"

static enum cmd_retval cmd_send_keys_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_send_keys_entry = {
	.name = "send-keys",
	.alias = {"send"},
	.flags = ARGS_FLAGS(FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = ARGS_MANY,
	.usage = "send-keys [-t target-pane] key ...",
	.exec = cmd_send_keys_exec,
};

static enum cmd_retval cmd_send_keys_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	if (p->input_off)
		return CMD_RETURN_NORMAL; /* select-pane -d: as tmux, nothing reaches it */
	for (int i = 0; i < ctx->args.argc; i++) {
		const char *word = ctx->args.argv[i];
		term_key key;
		if (keyname_parse(word, &key))
			term_input_key(p->em, &key);
		else
			term_emulator_send(p->em, word, strlen(word));
	}
	return CMD_RETURN_NORMAL;
}
