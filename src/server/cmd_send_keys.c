/* send-keys: each word a key name, else literal text typed as is. */
#include <string.h>

#include "cmd.h"
#include "keys.h"
#include "term/input.h"

int cmd_send_keys(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return 1;
	for (int i = 0; i < ctx->args.argc; i++) {
		const char *word = ctx->args.argv[i];
		term_key key;
		if (keys_lookup(word, &key))
			term_input_key(p->em, &key);
		else
			term_emulator_send(p->em, word, strlen(word));
	}
	return 0;
}
