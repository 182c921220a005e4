/* tmux's format variables, read from the server's objects. */
#include "format_vars.h"

#include <fnmatch.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "job.h"
#include "options.h"
#include "paste.h"
#include "server_client.h"
#include "net/clock.h"
#include "net/udp.h"
#include "term/capture.h"
#include "util/printable.h"
#include "util/regex_guard.h"
#include "util/xmalloc.h"

static char *number(long long n)
{
	char *s;
	xasprintf(&s, "%lld", n);
	return s;
}

static char *flag(bool yes)
{
	return xstrdup(yes ? "1" : "0");
}

/* The host's name, read once: the status line asks for it at every draw. */
static char *host(bool shortened)
{
	static char name[256];
	if (name[0] == '\0')
		gethostname(name, sizeof name - 1);
	return shortened ? xstrndup(name, strcspn(name, ".")) : xstrdup(name);
}

/* The pane's foreground process (its terminal's process group), else its own. */
static pid_t foreground(const struct pane *p)
{
	pid_t pg = tcgetpgrp(p->pty.fd);
	return pg > 0 ? pg : p->pty.pid;
}

/* /proc/PID/cwd: where the pane's foreground process is, as tmux reads it. */
static char *current_path(const struct pane *p)
{
	char link[64], path[PATH_MAX];
	snprintf(link, sizeof link, "/proc/%d/cwd", (int)foreground(p));
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n <= 0)
		return xstrdup("");
	path[n] = '\0';
	return xstrdup(path);
}

static char *current_command(const struct pane *p)
{
	char file[64], name[256] = "";
	snprintf(file, sizeof file, "/proc/%d/comm", (int)foreground(p));
	FILE *f = fopen(file, "r");
	if (f != NULL) {
		if (fgets(name, sizeof name, f) == NULL)
			name[0] = '\0';
		fclose(f);
	}
	name[strcspn(name, "\n")] = '\0';
	return xstrdup(name);
}

static bool zoomed(const struct window *w)
{
	uint32_t pane;
	return layout_zoomed(w->layout, &pane);
}

/* The marked pane (select-pane -m) while it lives, or NULL. */
static const struct pane *marked_pane(void)
{
	struct window *w;
	return server.marked_set ? pane_find_id(server.marked, &w) : NULL;
}

static char *window_flags(const struct window *w)
{
	char flags[8], *f = flags;
	if (w->alerts & WINDOW_ALERT_ACTIVITY)
		*f++ = '#';
	if (w->alerts & WINDOW_ALERT_BELL)
		*f++ = '!';
	if (w->alerts & WINDOW_ALERT_SILENCE)
		*f++ = '~';
	if (w == w->session->current)
		*f++ = '*';
	else if (w == w->session->last)
		*f++ = '-';
	if (marked_pane() != NULL && marked_pane()->window == w)
		*f++ = 'M';
	if (zoomed(w))
		*f++ = 'Z';
	*f = '\0';
	return xstrdup(flags);
}

/* tmux's session_alerts: "1#,3!", each window with an alert and its flags. */
static char *session_alerts(const struct session *s)
{
	char *out = xstrdup(""), *next;
	for (size_t i = 0; i < s->nwindows; i++) {
		const struct window *w = s->windows[i];
		if (w->alerts == 0)
			continue;
		xasprintf(&next, "%s%s%u%s%s%s", out, *out != '\0' ? "," : "", w->index,
			  w->alerts & WINDOW_ALERT_ACTIVITY ? "#" : "",
			  w->alerts & WINDOW_ALERT_BELL ? "!" : "",
			  w->alerts & WINDOW_ALERT_SILENCE ? "~" : "");
		free(out);
		out = next;
	}
	return out;
}

static char *session_var(const char *name, const struct session *s)
{
	if (strcmp(name, "session_name") == 0)
		return xstrdup(s->name);
	if (strcmp(name, "session_id") == 0) {
		char *v;
		xasprintf(&v, "$%u", s->id);
		return v;
	}
	if (strcmp(name, "session_windows") == 0)
		return number((long long)s->nwindows);
	if (strcmp(name, "session_attached") == 0)
		return number((long long)clients_of(s));
	if (strcmp(name, "session_created") == 0)
		return number((long long)s->created);
	if (strcmp(name, "session_alerts") == 0)
		return session_alerts(s);
	return NULL;
}

static char *window_var(const char *name, const struct window *w)
{
	if (strcmp(name, "window_index") == 0)
		return number(w->index);
	if (strcmp(name, "window_name") == 0)
		return xstrdup(w->name);
	if (strcmp(name, "window_id") == 0) {
		char *v;
		xasprintf(&v, "@%u", w->id);
		return v;
	}
	if (strcmp(name, "window_flags") == 0)
		return window_flags(w);
	if (strcmp(name, "window_active") == 0)
		return flag(w == w->session->current);
	if (strcmp(name, "window_last_flag") == 0)
		return flag(w == w->session->last);
	if (strcmp(name, "window_start_flag") == 0)
		return flag(w == w->session->windows[0]);
	if (strcmp(name, "window_end_flag") == 0)
		return flag(w == w->session->windows[w->session->nwindows - 1]);
	if (strcmp(name, "window_marked_flag") == 0)
		return flag(marked_pane() != NULL && marked_pane()->window == w);
	if (strcmp(name, "window_zoomed_flag") == 0)
		return flag(zoomed(w));
	if (strcmp(name, "window_activity_flag") == 0)
		return flag(w->alerts & WINDOW_ALERT_ACTIVITY);
	if (strcmp(name, "window_bell_flag") == 0)
		return flag(w->alerts & WINDOW_ALERT_BELL);
	if (strcmp(name, "window_silence_flag") == 0)
		return flag(w->alerts & WINDOW_ALERT_SILENCE);
	if (strcmp(name, "window_layout") == 0)
		return layout_dump(w->layout);
	if (strcmp(name, "window_panes") == 0)
		return number((long long)w->npanes);
	if (strcmp(name, "window_width") == 0)
		return number(w->cols);
	if (strcmp(name, "window_height") == 0)
		return number(w->rows);
	return NULL;
}

/* Where the pane is in its window (tmux's pane_top ... pane_at_right): its geometry in
 * the layout, pane-border-status's rows kept out, as tmux's offsets. NULL for other
 * names. */
static char *pane_place_var(const char *name, const struct pane *p)
{
	const struct window *w = p->window;
	struct layout_geom g;
	if (strncmp(name, "pane_", 5) != 0 || !layout_geometry(w->layout, p->id, &g))
		return NULL;
	long long status = options_get_number(w->options, "pane-border-status");
	name += 5;
	if (strcmp(name, "top") == 0)
		return number(g.y);
	if (strcmp(name, "left") == 0)
		return number(g.x);
	if (strcmp(name, "bottom") == 0)
		return number((long long)g.y + g.rows - 1);
	if (strcmp(name, "right") == 0)
		return number((long long)g.x + g.cols - 1);
	if (strcmp(name, "at_top") == 0)
		return flag(g.y == (status == LAYOUT_BORDER_TOP ? 1u : 0u));
	if (strcmp(name, "at_bottom") == 0)
		return flag(g.y + g.rows == w->rows - (status == LAYOUT_BORDER_BOTTOM));
	if (strcmp(name, "at_left") == 0)
		return flag(g.x == 0);
	if (strcmp(name, "at_right") == 0)
		return flag(g.x + g.cols == w->cols);
	return NULL;
}

static char *pane_var(const char *name, const struct pane *p)
{
	const struct window *w = p->window;
	char *place = pane_place_var(name, p);
	if (place != NULL)
		return place;
	if (strcmp(name, "pane_index") == 0)
		return number((long long)window_pane_index(w, p) +
			      options_get_number(w->options, "pane-base-index"));
	if (strcmp(name, "pane_id") == 0) {
		char *v;
		xasprintf(&v, "%%%u", p->id);
		return v;
	}
	if (strcmp(name, "pane_pid") == 0)
		return number(p->pty.pid);
	if (strcmp(name, "pane_current_path") == 0)
		return current_path(p);
	if (strcmp(name, "pane_current_command") == 0)
		return current_command(p);
	if (strcmp(name, "pane_width") == 0)
		return number(p->cols);
	if (strcmp(name, "pane_height") == 0)
		return number(p->rows);
	if (strcmp(name, "pane_active") == 0)
		return flag(p == w->active);
	if (strcmp(name, "pane_dead") == 0)
		return flag(p->exited);
	if (strcmp(name, "pane_dead_status") == 0)
		return p->kept && WIFEXITED(p->pty.status) ? number(WEXITSTATUS(p->pty.status))
							 : xstrdup("");
	if (strcmp(name, "pane_dead_signal") == 0)
		return p->kept && WIFSIGNALED(p->pty.status) ? number(WTERMSIG(p->pty.status))
							   : xstrdup("");
	if (strcmp(name, "pane_dead_time") == 0)
		return p->kept ? number((long long)p->dead_time) : xstrdup("");
	if (strcmp(name, "pane_marked") == 0)
		return flag(marked_pane() == p);
	if (strcmp(name, "pane_marked_set") == 0)
		return flag(marked_pane() != NULL);
	if (strcmp(name, "pane_pipe") == 0)
		return flag(p->pipe != NULL);
	if (strcmp(name, "pane_title") == 0) {
		/* The host's name until the program sets one, as tmux. */
		const char *title = term_emulator_title(p->em);
		return *title != '\0' ? xstrdup(title) : host(false);
	}
	return NULL;
}

/* A time of net_clock_ms's as seconds since the epoch (tmux's times are those). */
static char *epoch(uint64_t ms)
{
	uint64_t ago = (net_clock_ms() - ms) / 1000;
	return number((long long)time(NULL) - (long long)ago);
}

/* tmux's client_flags, those rsh's clients can have. */
static char *client_flags(const struct client *c)
{
	char *v;
	xasprintf(&v, "attached%s%s", c->in.focused ? ",focused" : "",
		  c->readonly ? ",read-only" : "");
	return v;
}

static char *session_name_of(uint32_t id)
{
	const struct session *s = session_find_id(id);
	return xstrdup(s != NULL ? s->name : "");
}

static char *client_var(const char *name, const struct client *c)
{
	if (strcmp(name, "client_width") == 0)
		return number(c->in.cols);
	if (strcmp(name, "client_height") == 0)
		return number(c->in.rows);
	if (strcmp(name, "client_name") == 0)
		return number(c->id); /* what -t target-client takes */
	if (strcmp(name, "client_tty") == 0) {
		/* Our clients have no tty here: the address they reach us from stands for it. */
		socklen_t len;
		const struct sockaddr *peer = net_conn_peer(transport_conn(c->t), &len);
		char addr[NET_ADDR_STRLEN];
		return xstrdup(peer != NULL ? net_addr_str(peer, len, addr) : "");
	}
	if (strcmp(name, "client_session") == 0)
		return session_name_of(c->in.session);
	if (strcmp(name, "client_last_session") == 0)
		return c->has_last ? session_name_of(c->last_session) : xstrdup("");
	if (strcmp(name, "client_created") == 0)
		return epoch(c->created_ms);
	if (strcmp(name, "client_activity") == 0)
		return epoch(c->active_ms);
	if (strcmp(name, "client_termname") == 0) /* as it told: "" until then */
		return xstrdup(c->in.term.name != NULL ? c->in.term.name : "");
	if (strcmp(name, "client_readonly") == 0)
		return flag(c->readonly);
	if (strcmp(name, "client_flags") == 0)
		return client_flags(c);
	return NULL;
}

static char *buffer_var(const char *name, const struct paste_buffer *pb)
{
	if (strcmp(name, "buffer_name") == 0)
		return xstrdup(pb->name);
	if (strcmp(name, "buffer_size") == 0)
		return number((long long)pb->size);
	if (strcmp(name, "buffer_sample") == 0)
		return paste_sample(pb);
	if (strcmp(name, "buffer_created") == 0)
		return number((long long)pb->created);
	return NULL;
}

static bool line_matches(const char *line, const char *pattern, const regex_t *re,
			 bool icase)
{
	if (re != NULL)
		return regexec(re, line, 0, NULL, 0) == 0;
	return fnmatch(pattern, line, icase ? FNM_CASEFOLD : 0) == 0;
}

unsigned format_search(struct pane *p, const char *text, bool regex, bool icase)
{
	regex_t re;
	if (regex && regex_guard_compile(&re, text, REG_NOSUB | (icase ? REG_ICASE : 0)) != 0)
		return 0;
	char *pattern;
	xasprintf(&pattern, "*%s*", text);
	term_snapshot *snap = term_emulator_snapshot(p->em);
	char *screen = term_capture(snap, NULL, 0, NULL), *at = screen;
	unsigned found = 0, rows = snap->rows;
	term_snapshot_unref(snap);
	for (unsigned n = 1; at != NULL && n <= rows && found == 0; n++) {
		char *nl = strchr(at, '\n');
		if (nl != NULL)
			*nl = '\0';
		if (line_matches(at, pattern, regex ? &re : NULL, icase))
			found = n;
		at = nl != NULL ? nl + 1 : NULL;
	}
	free(screen);
	free(pattern);
	if (regex)
		regfree(&re);
	return found;
}

/* An option's value where ctx says: the pane's, window's, session's or server's set. */
static char *option_var(const char *name, const struct format_ctx *ctx)
{
	char *cause = NULL;
	const struct option_entry *oe = options_find(name, &cause);
	free(cause);
	if (oe == NULL || strcmp(oe->name, name) != 0)
		return NULL;
	const struct options *oo = NULL;
	if (oe->scope & OPTION_SCOPE_SERVER)
		oo = options_server;
	else if (oe->scope & OPTION_SCOPE_SESSION)
		oo = ctx->s != NULL ? ctx->s->options : options_global_session;
	else if (ctx->p != NULL)
		oo = ctx->p->options;
	else
		oo = ctx->w != NULL ? ctx->w->options : options_global_window;
	if (oe->type == OPTION_FLAG) /* as tmux: 1 or 0, so #{?mouse,...} reads it */
		return number(options_get_number(oo, oe->name));
	return options_to_string(oo, oe);
}

static char *lookup(const char *name, const struct format_ctx *ctx)
{
	char *v = NULL;
	for (const char *const *var = ctx->vars; var != NULL && var[0] != NULL; var += 2)
		if (strcmp(name, var[0]) == 0)
			return xstrdup(var[1]);
	if (strcmp(name, "host") == 0 || strcmp(name, "host_short") == 0)
		return host(name[4] == '_');
	if (strcmp(name, "pid") == 0)
		return number(getpid());
	if (strcmp(name, "version") == 0)
		return xstrdup(PACKAGE_VERSION);
	if (ctx->client != NULL && strncmp(name, "client_", 7) == 0 &&
	    (v = client_var(name, ctx->client)) != NULL)
		return v;
	if (ctx->s != NULL && strncmp(name, "session_", 8) == 0 &&
	    (v = session_var(name, ctx->s)) != NULL)
		return v;
	if (ctx->w != NULL && strncmp(name, "window_", 7) == 0 &&
	    (v = window_var(name, ctx->w)) != NULL)
		return v;
	if (ctx->p != NULL && strncmp(name, "pane_", 5) == 0 && (v = pane_var(name, ctx->p)) != NULL)
		return v;
	if (ctx->pb != NULL && strncmp(name, "buffer_", 7) == 0 &&
	    (v = buffer_var(name, ctx->pb)) != NULL)
		return v;
	return option_var(name, ctx);
}

char *format_shown(char *v, const struct format_ctx *ctx)
{
	if (v == NULL || ctx->raw || printable_is_clean(v, strlen(v)))
		return v;
	char *shown = printable_copy(v, strlen(v), "");
	free(v);
	return shown;
}

char *format_var(const char *name, const struct format_ctx *ctx)
{
	return format_shown(lookup(name, ctx), ctx);
}

/* #() commands, run in the background (job.h), their output kept. */
struct format_job {
	char *cmd;
	char *output;       /* the last complete run's first line */
	struct job *running;
	uint64_t started_ms;
	bool forced; /* refresh-client -S: run again at the next expansion */
};

#define MAX_JOBS 64

static struct format_job jobs[MAX_JOBS];
static size_t njobs;

static void job_done(void *data, int status, const char *out, size_t len)
{
	struct format_job *j = data;
	j->running = NULL;
	if (status == -1)
		return;
	size_t n = strcspn(out, "\n");
	if (j->output != NULL && strlen(j->output) == n && memcmp(j->output, out, n) == 0)
		return;
	free(j->output);
	j->output = xstrndup(out, n);
	format_jobs_changed++;
}

unsigned long long format_jobs_changed;

const char *format_job(const char *cmd, const struct format_ctx *ctx)
{
	struct format_job *j = NULL;
	for (size_t i = 0; i < njobs && j == NULL; i++)
		if (strcmp(jobs[i].cmd, cmd) == 0)
			j = &jobs[i];
	if (j == NULL) {
		if (njobs == MAX_JOBS)
			return "";
		j = &jobs[njobs++];
		*j = (struct format_job){.cmd = xstrdup(cmd)};
	}
	const struct options *oo = ctx->s != NULL ? ctx->s->options : options_global_session;
	uint64_t interval = (uint64_t)options_get_number(oo, "status-interval") * 1000;
	if (j->forced && j->running != NULL) {
		job_cancel(j->running); /* as tmux: a forced run replaces the one under way */
		j->running = NULL;
	}
	if (j->running == NULL && (j->output == NULL || j->forced ||
				   net_clock_since(net_clock_ms(), j->started_ms) >= interval)) {
		j->forced = false;
		j->started_ms = net_clock_ms();
		j->running = job_start(j->cmd, NULL, NULL, false, job_done, j);
	}
	return j->output != NULL ? j->output : "";
}

void format_jobs_force(void)
{
	for (size_t i = 0; i < njobs; i++)
		jobs[i].forced = true;
}

void format_jobs_free(void)
{
	for (size_t i = 0; i < njobs; i++) {
		if (jobs[i].running != NULL)
			job_cancel(jobs[i].running);
		free(jobs[i].cmd);
		free(jobs[i].output);
	}
	njobs = 0;
}
