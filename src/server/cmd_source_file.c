/*
 * source-file: runs config files (cfg.h), each pattern's matches in order: a bad line or
 * a failing command is reported as file:line: message and the rest still run; a line
 * that waits (run-shell) holds the rest, and the command line after source-file.
 */
#include "cfg.h"

static enum cmd_retval cmd_source_file_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_source_file_entry = {
	.name = "source-file",
	.alias = {"source"},
	.flags = ARGS_FLAGS(FLAG_BOOL('n'), FLAG_BOOL('q'), FLAG_BOOL('v')),
	.min_args = 1,
	.max_args = ARGS_MANY,
	.usage = "source-file [-nqv] path ...",
	.exec = cmd_source_file_exec,
};

static enum cmd_retval cmd_source_file_exec(struct cmd_ctx *ctx)
{
	struct cfg_flags flags = {args_has(&ctx->args, 'q'), args_has(&ctx->args, 'n'),
				  args_has(&ctx->args, 'v')};
	return cfg_source(ctx, ctx->args.argv, ctx->args.argc, &flags);
}
