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
#include "server_client.h"
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

/*
 * The files one source-file (or the start-up) runs, line by line, as tmux's command queue
 * runs them: a line that waits (run-shell, if-shell without -b) holds the lines after it
 * until it resumes. The run has a copy of its caller's request and an output of its own
 * (the waits its lines hold point at them), given to the caller when it ends at once.
 * Once a line waits, the caller waits too (parent: the rest of its own line or file runs
 * after, and the output goes to it at the end) or, when it cannot, goes on with the
 * output so far; the errors after that go to the message log.
 */
struct cfg_run {
	struct cmd_ctx ctx;         /* the lines' request, client, output and depth */
	struct proto_request req;   /* the caller's request, copied */
	struct cmd_output o;
	bool startup;
	struct cfg_flags flags;
	char **paths;               /* the files to run, in order (allocated) */
	size_t npaths, at;
	struct cmd_parse_list list; /* paths[at]'s lines, when loaded */
	bool loaded;
	size_t next;                /* the list's next line */
	unsigned waiting_line;      /* the line that waits */
	enum cmd_retval code;
	struct cmd_wait *parent;    /* the caller's, when it waits for the run */
};

static bool startup_busy;

bool cfg_busy(void)
{
	return startup_busy;
}

static void run_free(struct cfg_run *r)
{
	for (size_t i = 0; i < r->npaths; i++)
		free(r->paths[i]);
	free(r->paths);
	if (r->loaded)
		cmd_parse_list_free(&r->list);
	proto_request_free(&r->req);
	free(r->o.out.p);
	free(r->o.err.p);
	free(r);
}

/* A line's result: a failure marks the run's, its cause reported as file:line: cause. */
static void report(struct cfg_run *r, unsigned line, enum cmd_retval code, char *cause)
{
	if (code == CMD_RETURN_ERROR)
		r->code = CMD_RETURN_ERROR;
	if (cause != NULL)
		cmd_print_error(&r->ctx, "%s:%u: %s", r->paths[r->at], line, cause);
	free(cause);
}

static void line_resumed(void *arg, enum cmd_retval code, int status, char *cause);

/* Runs the loaded file's lines from r->next on; false when one waits. */
static bool run_lines(struct cfg_run *r)
{
	while (r->next < r->list.n) {
		struct cmd_parse_item *it = &r->list.items[r->next++];
		if (it->error != NULL) {
			report(r, it->line, CMD_RETURN_ERROR, xstrdup(it->error));
			continue;
		}
		if (r->flags.parse_only)
			continue;
		if (r->flags.verbose)
			print_verbose(&r->ctx, r->paths[r->at], it);
		char *cause = NULL;
		struct cmd_wait *w = cmd_wait_new(&r->ctx, line_resumed, r);
		enum cmd_retval code = cmd_run(&r->ctx, it->argc, it->argv, &cause, w);
		if (code == CMD_RETURN_WAIT) {
			r->waiting_line = it->line;
			return false;
		}
		cmd_wait_unused(w);
		report(r, it->line, code, cause);
	}
	return true;
}

/* Reads and parses paths[r->at]; false (reported) when it cannot be read. */
static bool load(struct cfg_run *r)
{
	char *cause = NULL;
	size_t len = 0;
	char *text = read_file(r->paths[r->at], &len, &cause);
	if (text == NULL) {
		cmd_print_error(&r->ctx, "%s", cause);
		free(cause);
		r->code = CMD_RETURN_ERROR;
		return false;
	}
	cmd_parse_text(text, len, condition, &r->ctx, &r->list);
	free(text);
	r->loaded = true;
	r->next = 0;
	return true;
}

/* Runs the files from where the run stands; false when a line waits. */
static bool run_files(struct cfg_run *r)
{
	for (; r->at < r->npaths; r->at++) {
		if (!r->loaded && !load(r))
			continue;
		if (!run_lines(r))
			return false;
		cmd_parse_list_free(&r->list);
		r->loaded = false;
	}
	return true;
}

/* The run is over after a wait: its caller resumes, or its errors are logged. */
static void run_finished(struct cfg_run *r)
{
	if (r->startup) {
		startup_busy = false;
		if (r->o.err.p != NULL) {
			char *all;
			xasprintf(&all, "%s%s", startup_messages ? startup_messages : "", r->o.err.p);
			free(startup_messages);
			startup_messages = all;
			message_log_add(r->o.err.p);
		}
	} else if (r->parent != NULL) {
		cmd_output_move(cmd_wait_ctx(r->parent)->o, &r->o);
		cmd_wait_resume(r->parent, r->code, 0);
	} else if (r->o.err.p != NULL) {
		message_log_add(r->o.err.p);
	}
	run_free(r);
}

static void line_resumed(void *arg, enum cmd_retval code, int status, char *cause)
{
	struct cfg_run *r = arg;
	if (status == -1) { /* cancelled: the server exits */
		free(cause);
		if (r->parent != NULL)
			cmd_wait_free(r->parent);
		startup_busy = startup_busy && !r->startup;
		run_free(r);
		return;
	}
	r->ctx.client = client_current();
	report(r, r->waiting_line, code, cause);
	if (run_files(r))
		run_finished(r);
}

/* Adds the files pattern names (glob(3), relative to the request's cwd) to the run. */
static void add_pattern(struct cfg_run *r, const char *pattern)
{
	char *full = NULL;
	const char *cwd = r->ctx.req != NULL ? r->ctx.req->cwd : NULL;
	if (pattern[0] != '/' && cwd != NULL && *cwd != '\0')
		xasprintf(&full, "%s/%s", cwd, pattern);
	else
		full = xstrdup(pattern);
	glob_t g;
	int rc = glob(full, 0, NULL, &g);
	if (rc == GLOB_NOMATCH) {
		if (!r->flags.quiet) {
			cmd_print_error(&r->ctx, "%s: %s", full, strerror(ENOENT));
			r->code = CMD_RETURN_ERROR;
		}
	} else if (rc != 0) {
		cmd_print_error(&r->ctx, "%s: %s", full, strerror(errno != 0 ? errno : EINVAL));
		r->code = CMD_RETURN_ERROR;
	} else {
		r->paths = xreallocarray(r->paths, r->npaths + g.gl_pathc, sizeof *r->paths);
		for (size_t i = 0; i < g.gl_pathc; i++)
			r->paths[r->npaths++] = xstrdup(g.gl_pathv[i]);
	}
	if (rc == 0 || rc == GLOB_NOMATCH)
		globfree(&g);
	free(full);
}

/* Starts a run of the patterns' files in ctx; see cfg_source. */
static enum cmd_retval run_start(struct cmd_ctx *ctx, char *const patterns[], int n,
				 const struct cfg_flags *flags, bool startup)
{
	if (ctx->depth >= CFG_MAX_DEPTH) {
		cmd_print_error(ctx, "%s: too many nested files", patterns[0]);
		return CMD_RETURN_ERROR;
	}
	struct cfg_run *r = xcalloc(1, sizeof *r);
	cmd_request_copy(&r->req, ctx->req);
	r->ctx = (struct cmd_ctx){.req = &r->req, .client = ctx->client, .o = &r->o,
				  .depth = ctx->depth + 1};
	r->flags = *flags;
	r->startup = startup;
	for (int i = 0; i < n; i++)
		add_pattern(r, patterns[i]);
	if (run_files(r)) {
		enum cmd_retval code = r->code;
		cmd_output_move(ctx->o, &r->o);
		run_free(r);
		return code;
	}
	r->parent = startup ? NULL : ctx->wait;
	if (r->parent != NULL)
		return CMD_RETURN_WAIT;
	startup_busy |= startup;
	cmd_output_move(ctx->o, &r->o);
	return r->code;
}

enum cmd_retval cfg_source(struct cmd_ctx *ctx, char *const patterns[], int n,
			   const struct cfg_flags *flags)
{
	return run_start(ctx, patterns, n, flags, false);
}

void cfg_load_startup(const char *file)
{
	static const char *const defaults[] = {"%s/.config/rsh/rsh.conf", "%s/.rsh.conf"};
	struct proto_request req = {.cwd = "/"};
	struct cmd_output o = {0};
	struct cmd_ctx ctx = {.req = &req, .o = &o};
	struct cfg_flags flags = {0};
	const char *home = getenv("HOME");
	char *path = file != NULL ? xstrdup(file) : NULL;
	for (size_t i = 0; path == NULL && home != NULL && *home == '/' &&
			   i < sizeof defaults / sizeof *defaults;
	     i++) {
		xasprintf(&path, defaults[i], home);
		if (access(path, F_OK) != 0) {
			free(path);
			path = NULL;
		}
	}
	if (path != NULL)
		run_start(&ctx, &path, 1, &flags, true);
	free(path);
	free(o.out.p);
	startup_messages = o.err.p; /* what a run still going adds, it adds at its end */
	if (startup_messages != NULL)
		message_log_add(startup_messages);
}

char *cfg_take_messages(void)
{
	char *m = startup_messages;
	startup_messages = NULL;
	return m;
}
