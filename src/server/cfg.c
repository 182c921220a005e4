/* Reading config files and running what they hold. */
#include "cfg.h"

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "format.h"
#include "message_log.h"
#include "cmd/word.h"
#include "util/xmalloc.h"

static char *startup_messages;

/* The whole file, or NULL with *cause. */
static char *read_file(const char *path, size_t *len, char **cause)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat st;
	char *buf = NULL;
	if (fd < 0 || fstat(fd, &st) != 0) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
	} else if (S_ISCHR(st.st_mode)) {
		buf = xstrdup(""); /* -f /dev/null, as tmux takes it: nothing to read */
		*len = 0;
	} else if (!S_ISREG(st.st_mode)) {
		xasprintf(cause, "%s: not a regular file", path);
	} else if ((size_t)st.st_size > CFG_MAX_SIZE) {
		xasprintf(cause, "%s: too big (over %u bytes)", path, CFG_MAX_SIZE);
	} else {
		buf = xmalloc((size_t)st.st_size + 1);
		ssize_t n = read(fd, buf, (size_t)st.st_size);
		if (n < 0) {
			xasprintf(cause, "%s: %s", path, strerror(errno));
			free(buf);
			buf = NULL;
		} else {
			*len = (size_t)n;
		}
	}
	if (fd >= 0)
		close(fd);
	return buf;
}

/* %if: the format expanded for the requester's current pane is true. */
static bool condition(const char *text, void *arg)
{
	struct cmd_ctx *ctx = arg;
	return format_true(text, ctx->client);
}

static void print_verbose(struct cmd_ctx *ctx, const char *path,
			  const struct cmd_parse_item *it)
{
	char *line = xstrdup("");
	for (int i = 0; i < it->argc; i++) {
		char *q = word_quote(it->argv[i]), *next;
		xasprintf(&next, "%s%s%s", line, i ? " " : "", q);
		free(q);
		free(line);
		line = next;
	}
	cmd_print(ctx, "%s:%u: %s", path, it->line, line);
	free(line);
}

static enum cmd_retval source_one(struct cmd_ctx *ctx, const char *path,
				  const struct cfg_flags *flags)
{
	char *cause = NULL;
	size_t len = 0;
	char *text = read_file(path, &len, &cause);
	if (text == NULL) {
		cmd_print_error(ctx, "%s", cause);
		free(cause);
		return CMD_RETURN_ERROR;
	}
	struct cmd_parse_list list;
	cmd_parse_text(text, len, condition, ctx, &list);
	free(text);
	enum cmd_retval code = CMD_RETURN_NORMAL;
	ctx->depth++;
	for (size_t i = 0; i < list.n; i++) {
		struct cmd_parse_item *it = &list.items[i];
		struct cmd_parse_list one = {it, 1};
		if (flags->parse_only && it->error == NULL)
			continue;
		if (flags->verbose && it->error == NULL)
			print_verbose(ctx, path, it);
		if (cmd_run_list(ctx, &one, path) != CMD_RETURN_NORMAL)
			code = CMD_RETURN_ERROR;
	}
	ctx->depth--;
	cmd_parse_list_free(&list);
	return code;
}

enum cmd_retval cfg_source(struct cmd_ctx *ctx, const char *pattern,
			   const struct cfg_flags *flags)
{
	if (ctx->depth >= CFG_MAX_DEPTH) {
		cmd_print_error(ctx, "%s: too many nested files", pattern);
		return CMD_RETURN_ERROR;
	}
	char *full = NULL;
	const char *cwd = ctx->req != NULL ? ctx->req->cwd : NULL;
	if (pattern[0] != '/' && cwd != NULL && *cwd != '\0')
		xasprintf(&full, "%s/%s", cwd, pattern);
	else
		full = xstrdup(pattern);
	glob_t g;
	int rc = glob(full, 0, NULL, &g);
	enum cmd_retval code = CMD_RETURN_NORMAL;
	if (rc == GLOB_NOMATCH) {
		if (!flags->quiet) {
			cmd_print_error(ctx, "%s: %s", full, strerror(ENOENT));
			code = CMD_RETURN_ERROR;
		}
	} else if (rc != 0) {
		cmd_print_error(ctx, "%s: %s", full, strerror(errno != 0 ? errno : EINVAL));
		code = CMD_RETURN_ERROR;
	} else {
		for (size_t i = 0; i < g.gl_pathc; i++)
			if (source_one(ctx, g.gl_pathv[i], flags) != CMD_RETURN_NORMAL)
				code = CMD_RETURN_ERROR;
	}
	if (rc == 0 || rc == GLOB_NOMATCH)
		globfree(&g);
	free(full);
	return code;
}

void cfg_load_startup(const char *file)
{
	static const char *const defaults[] = {"%s/.config/rsh/rsh.conf", "%s/.rsh.conf"};
	struct proto_request req = {.cwd = "/"};
	struct cmd_output o = {0};
	struct cmd_ctx ctx = {.req = &req, .o = &o};
	struct cfg_flags flags = {0};
	const char *home = getenv("HOME");
	if (file != NULL) {
		cfg_source(&ctx, file, &flags);
	} else if (home != NULL && *home == '/') {
		for (size_t i = 0; i < sizeof defaults / sizeof *defaults; i++) {
			char *path;
			xasprintf(&path, defaults[i], home);
			bool exists = access(path, F_OK) == 0;
			if (exists)
				cfg_source(&ctx, path, &flags);
			free(path);
			if (exists)
				break;
		}
	}
	free(o.out.p);
	startup_messages = o.err.p;
	if (startup_messages != NULL)
		message_log_add(startup_messages);
}

char *cfg_take_messages(void)
{
	char *m = startup_messages;
	startup_messages = NULL;
	return m;
}
