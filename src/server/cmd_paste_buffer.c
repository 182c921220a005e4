/*
 * paste-buffer: a buffer typed into a pane, its line feeds as the separator (-s, a
 * carriage return by default; -r keeps them), bracketed with -p when the pane's program
 * asked for bracketed paste; -d deletes the buffer after.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "paste.h"
#include "term/input.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_paste_buffer_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_paste_buffer_entry = {
	.name = "paste-buffer",
	.alias = {"pasteb"},
	.flags = ARGS_FLAGS(FLAG_BOOL('d'), FLAG_BOOL('p'), FLAG_BOOL('r'), FLAG_STRING('b'),
			    FLAG_STRING('s'), FLAG_TARGET),
	.target = TARGET_PANE,
	.usage = "paste-buffer [-dpr] [-b buffer-name] [-s separator] [-t target-pane]",
	.exec = cmd_paste_buffer_exec,
};

/* The text with each line feed as sep. */
static char *separated(const struct paste_buffer *pb, const char *sep, size_t *len)
{
	size_t seplen = strlen(sep), n = 0, cap = 0;
	char *out = NULL;
	for (size_t i = 0; i < pb->size; i++) {
		bool lf = pb->data[i] == '\n';
		out = xgrow(out, &cap, n + (lf ? seplen : 1) + 1, 256);
		if (lf) {
			memcpy(out + n, sep, seplen);
			n += seplen;
		} else {
			out[n++] = pb->data[i];
		}
	}
	*len = n;
	return out;
}

static enum cmd_retval cmd_paste_buffer_exec(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return CMD_RETURN_ERROR;
	const char *name = args_get(&ctx->args, 'b');
	struct paste_buffer *pb = paste_get(name);
	if (pb == NULL && name != NULL)
		return cmd_error(ctx, "no buffer %s", name);
	if (pb == NULL)
		return CMD_RETURN_NORMAL; /* nothing to paste: tmux says nothing either */
	const char *sep = args_get(&ctx->args, 's');
	size_t len = pb->size;
	char *text = args_has(&ctx->args, 'r') ? NULL : separated(pb, sep ? sep : "\r", &len);
	term_input_text(p->em, text != NULL ? text : pb->data, len, args_has(&ctx->args, 'p'));
	free(text);
	if (args_has(&ctx->args, 'd'))
		paste_delete(pb);
	return CMD_RETURN_NORMAL;
}
