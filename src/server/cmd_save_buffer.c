/* save-buffer and load-buffer: a buffer to a file (-a appends) and back, paths relative
 * to the client's directory. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "paste.h"
#include "util/xmalloc.h"

/* Files read or written are at most this large (a paste buffer is text, not a disk). */
#define BUFFER_FILE_MAX (64u << 20)

static enum cmd_retval cmd_save_buffer_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_load_buffer_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_save_buffer_entry = {
	.name = "save-buffer",
	.alias = {"saveb"},
	.flags = ARGS_FLAGS(FLAG_BOOL('a'), FLAG_STRING('b')),
	.min_args = 1,
	.max_args = 1,
	.usage = "save-buffer [-a] [-b buffer-name] path",
	.exec = cmd_save_buffer_exec,
};

const struct cmd_entry cmd_load_buffer_entry = {
	.name = "load-buffer",
	.alias = {"loadb"},
	.flags = ARGS_FLAGS(FLAG_STRING('b')),
	.min_args = 1,
	.max_args = 1,
	.usage = "load-buffer [-b buffer-name] path",
	.exec = cmd_load_buffer_exec,
};

/* The path as the client meant it: relative ones from its working directory. */
static char *client_path(const struct cmd_ctx *ctx)
{
	const char *path = ctx->args.argv[0], *cwd = ctx->req->cwd;
	char *full;
	if (path[0] == '/' || cwd == NULL || cwd[0] == '\0')
		return xstrdup(path);
	xasprintf(&full, "%s/%s", cwd, path);
	return full;
}

static enum cmd_retval cmd_save_buffer_exec(struct cmd_ctx *ctx)
{
	char *cause = NULL;
	struct paste_buffer *pb = paste_find(args_get(&ctx->args, 'b'), &cause);
	if (pb == NULL)
		return cmd_give_cause(ctx, cause);
	char *path = client_path(ctx);
	FILE *f = fopen(path, args_has(&ctx->args, 'a') ? "ab" : "wb");
	bool ok = f != NULL && fwrite(pb->data, 1, pb->size, f) == pb->size;
	if (f != NULL && fclose(f) != 0)
		ok = false;
	enum cmd_retval r = ok ? CMD_RETURN_NORMAL
			       : cmd_error(ctx, "%s: %s", ctx->args.argv[0], strerror(errno));
	free(path);
	return r;
}

static enum cmd_retval cmd_load_buffer_exec(struct cmd_ctx *ctx)
{
	char *path = client_path(ctx), *data = NULL;
	size_t len = 0, cap = 0;
	FILE *f = fopen(path, "rb");
	free(path);
	if (f == NULL)
		return cmd_error(ctx, "%s: %s", ctx->args.argv[0], strerror(errno));
	for (;;) {
		data = xgrow(data, &cap, len + 4096, 4096);
		size_t n = fread(data + len, 1, 4096, f);
		len += n;
		if (n < 4096 || len > BUFFER_FILE_MAX)
			break;
	}
	bool bad = ferror(f) || len > BUFFER_FILE_MAX;
	fclose(f);
	if (bad) {
		free(data);
		return cmd_error(ctx, "%s: %s", ctx->args.argv[0],
				 len > BUFFER_FILE_MAX ? "file too large" : "read error");
	}
	paste_set(args_get(&ctx->args, 'b'), data, len);
	return CMD_RETURN_NORMAL;
}
