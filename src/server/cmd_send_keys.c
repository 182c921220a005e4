/*
 * send-keys: each word a key name, else literal text typed as is (-l: always literal),
 * the whole list -N times; -F expands formats in each word first.
 *
 * -X names a copy-mode command (cmd/copycmd.h), and -N with no word a repeat count for
 * the next one: copy mode lives in the client, so these go to the client showing the
 * pane (cmd_find_pane_client), which runs them in its copy mode of that pane or, when it
 * has none there, shows "not in a mode" (a key binding's send-keys -X never comes here:
 * the client runs it itself).
 *
 * -M sends a mouse key's event on to the pane under the mouse: the client does it in its
 * mouse keys' bindings (keymode.h); here, with no mouse event, it is "no mouse target".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd/copycmd.h"
#include "format.h"
#include "server_client.h"
#include "term/keyname.h"
#include "term/input.h"

static enum cmd_retval cmd_send_keys_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_send_keys_entry = {
	.name = "send-keys",
	.alias = {"send"},
	.flags = ARGS_FLAGS(FLAG_BOOL('F'), FLAG_BOOL('l'), FLAG_BOOL('M'),
			    FLAG_NUMBER('N', 1, 100000), FLAG_BOOL('X'), FLAG_TARGET),
	.target = TARGET_PANE,
	.max_args = ARGS_MANY,
	.usage = "send-keys [-FlMX] [-N repeat-count] [-t target-pane] key ...",
	.exec = cmd_send_keys_exec,
};

/* The command for the client, its pane named by id: send-keys -X [-F] [-N n] -t %ID --
 * words. */
static enum cmd_retval to_client(struct cmd_ctx *ctx, const struct pane *p)
{
	const struct args *a = &ctx->args;
	struct client *c = cmd_find_pane_client(ctx, p);
	char count[24], pane[16], *cause = NULL;
	char *argv[8 + KEY_WORDS_MAX];
	int argc = 0;

	if (c == NULL)
		return CMD_RETURN_ERROR;
	if (a->argc > KEY_WORDS_MAX - 8)
		return cmd_error(ctx, "too many words for the client at once");
	argv[argc++] = "send-keys";
	if (args_has(a, 'X'))
		argv[argc++] = "-X";
	if (args_has(a, 'F'))
		argv[argc++] = "-F";
	if (args_has(a, 'N')) {
		snprintf(count, sizeof count, "%ld", args_number(a, 'N', 1));
		argv[argc++] = "-N";
		argv[argc++] = count;
	}
	snprintf(pane, sizeof pane, "%%%u", (unsigned)p->id);
	argv[argc++] = "-t";
	argv[argc++] = pane;
	argv[argc++] = "--";
	for (int i = 0; i < a->argc; i++)
		argv[argc++] = a->argv[i];
	if (client_run_there(c, argc, argv, &cause) != 0)
		return cmd_give_cause(ctx, cause);
	return CMD_RETURN_NORMAL;
}

static void send_word(struct pane *p, const char *word, bool literal)
{
	term_key key;
	if (!literal && keyname_parse(word, &key))
		term_input_key(p->em, &key);
	else
		term_emulator_send(p->em, word, strlen(word));
}

static enum cmd_retval cmd_send_keys_exec(struct cmd_ctx *ctx)
{
	const struct args *a = &ctx->args;
	char *cause = NULL;
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	if (args_has(a, 'X') && copycmd_check(a->argc, a->argv, &cause) != 0)
		return cmd_give_cause(ctx, cause);
	if (args_has(a, 'X') || (args_has(a, 'N') && a->argc == 0))
		return to_client(ctx, p);
	if (args_has(a, 'M'))
		return cmd_error(ctx, "no mouse target");
	if (p->input_off)
		return CMD_RETURN_NORMAL; /* select-pane -d: as tmux, nothing reaches it */
	struct format_ctx f = {.client = ctx->client, .p = p};
	format_defaults(&f);
	for (long n = args_number(a, 'N', 1); n > 0; n--) {
		for (int i = 0; i < a->argc; i++) {
			char *word = args_has(a, 'F') ? format_expand(a->argv[i], &f)
						       : a->argv[i];
			send_word(p, word, args_has(a, 'l'));
			if (word != a->argv[i])
				free(word);
		}
	}
	return CMD_RETURN_NORMAL;
}
