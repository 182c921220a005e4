/*
 * Formats (format.h) against real objects: variables of a session, window and pane
 * running `cat`, the short forms, conditionals, comparisons, truncation and the other
 * modifiers, options by name, #[] kept, #() run in the background and cached, and
 * hostile text (unbalanced, deep, long) expanded within bounds.
 */
#include <poll.h>
#include <sys/stat.h>
#include <limits.h>
#include <unistd.h>

#include "check.h"
#include "server/format.h"
#include "server/job.h"
#include "server/options.h"
#include "server/paste.h"
#include "server/server.h"
#include "util/xmalloc.h"

static struct format_ctx ctx;

static void expands(const char *text, const char *want)
{
	char *got = format_expand(text, &ctx);
	CHECKF(strcmp(got, want) == 0, "%s gave \"%s\", not \"%s\"", text, got, want);
	free(got);
}

static struct session *make_session(void)
{
	char *argv[] = {"cat", "-", NULL}, *error = NULL; /* two words: run as they are */
	struct spawn sp = {.argc = 2, .argv = argv, .cwd = "/tmp", .history = 100};
	struct session *s = session_create("work", 80, 24, &sp, &error);
	CHECKF(s != NULL, "%s", error);
	struct window *w = window_create(session_free_index(s), 80, 24, &sp, "logs", &error);
	CHECKF(w != NULL, "%s", error);
	session_attach_window(s, w);
	struct layout_place where = {.how = LAYOUT_SIDE_BY_SIDE};
	CHECK(window_split(w, w->active, &where, &sp, &error) != NULL);
	return s;
}

static void variables(struct session *s)
{
	struct window *w = s->windows[1];
	ctx = (struct format_ctx){.s = s, .w = w};
	format_defaults(&ctx);
	char host[256] = "";
	gethostname(host, sizeof host - 1);
	expands("#{session_name}:#{window_index}.#{pane_index}", "work:1.0");
	expands("#S #I #W #P ##", "work 1 logs 0 #");
	expands("#{window_panes} #{session_windows} #{window_width}x#{window_height}", "2 2 80x24");
	expands("#{pane_width}x#{pane_height} #{pane_active}", "40x24 1");
	expands("#{session_id} #{window_id}", "$0 @1");
	expands("#F", "");
	expands("#{window_flags}|#{window_active}|#{window_zoomed_flag}", "|0|0");
	session_select_window(s, w);
	expands("#F #{window_active}", "* 1");
	expands("#H", host);
	/* The pane's process (once it runs cat) works in /tmp: read from /proc. */
	char *path = NULL;
	for (int i = 0; i < 500; i++) {
		free(path);
		path = format_expand("#{pane_current_command} #{pane_current_path}", &ctx);
		if (strcmp(path, "cat /tmp") == 0)
			break;
		usleep(10000);
	}
	CHECKF(strcmp(path, "cat /tmp") == 0, "%s", path);
	free(path);
	expands("#{nosuch_variable}[#{}]", "[]");
	/* Options by name, as set where ctx is. */
	expands("#{base-index} #{status-position} #{mouse}", "0 bottom 0"); /* tmux's forms */
}

static void operators(void)
{
	expands("#{?window_active,yes,no}", "yes");
	expands("#{?#{==:#S,work},same,other}", "same");
	/* As tmux: a condition is a variable's name ("1" is none), or a format. */
	expands("#{?nosuch,a,b}#{?1,c,d}#{?#{==:1,1},e,f}", "bde");
	expands("#{==:a,a}#{!=:a,a}#{<:a,b}#{>:a,b}#{<=:b,b}#{>=:a,b}", "101010");
	expands("#{||:0,1}#{&&:1,0}#{&&:1,x}#{m:w*,work}#{m:x*,work}", "10110");
	/* m's flags, each compared with tmux 3.3a's display -p: r a regex, i no case, a bad
	 * regex no match, unknown flags ignored, only the first argument read. */
	expands("#{m/i:W*,work}#{m/r:^w.r,work}#{m/ri:^W,work}#{m/r:(,work}#{mr:^w,work}",
		"11101");
	expands("#{m/r/i:^W,work}#{m/x:w*,work}#{m:W*,work}#{m:*#{session_name}*,x work y}",
		"0101");
	expands("#{?#{==:#{window_index},1},#[fg=red]one,other}", "#[fg=red]one");
	expands("#{=2:session_name}|#{=-2:session_name}|#{=10:session_name}", "wo|rk|work");
	expands("#{=3:#{session_name}x}", "wor");
	expands("#{b:pane_current_path}|#{d:pane_current_path}", "tmp|/");
	expands("#{l:#{session_name}}|#{E:status-left}", "#{session_name}|[work] ");
	expands("a#,b #{?window_active,x#,y,z}", "a,b x,y");
}

/* #{e|op|flags|precision:a,b} and #{a:n}, each as tmux 3.3a's display -p prints it
 * (test_tmux_compare.sh runs many more against tmux itself). */
static void arithmetic(void)
{
	expands("#{e|+|:1,2} #{e|-:10,3} #{e|*:6,7} #{e|/:7,2} #{e|%:7,3} #{e|m:7,3}",
		"3 7 42 3 1 1");
	expands("#{e|/|f:7,2} #{e|/|f|4:7,2} #{e|+|f|0:1.5,2} #{e|==|f:1,1} #{e|+:1.9,2.9}",
		"3.50 3.5000 4 1.00 3");
	expands("#{e|==:1,1}#{e|!=:1,1}#{e|<:3,10}#{e|>:3,10}#{e|<=:3,3}#{e|>=:2,3}", "101010");
	/* 1/0 and what no long long holds: the x86-64 cast's LLONG_MIN, as tmux prints */
	expands("#{e|/:1,0} #{e|+|f:inf,1}", "-9223372036854775808 inf");
	/* bad parts: nothing; "" is 0; four arguments or none are no expression */
	expands("[#{e|+:x,5}|#{e|+:5}|#{e|^:1,2}|#{e|+|f|x:1,2}|#{e|+:3 ,1}|#{e:1,2}]",
		"[|||||]");
	expands("#{e|+:,5} #{e|+|f|3|4:1,2}. #{e|+:#{window_index},1} #{=1;e|+:11,2}",
		"5 . 2 1");
	expands("#{a:97}#{a:#{e|+:97,2}}#{a: 66}[#{a:31}#{a:127}#{a:x}#{a:}]", "acB[]");
	/* the choosers' default -K key format, for lines 5, 12 and 40 */
	expands("#{?#{e|<:5,10},5,#{?#{e|<:5,36},M-#{a:#{e|+:97,#{e|-:5,10}}},}}"
		"#{?#{e|<:12,10},12,#{?#{e|<:12,36},M-#{a:#{e|+:97,#{e|-:12,10}}},}}"
		"[#{?#{e|<:40,10},40,#{?#{e|<:40,36},M-#{a:#{e|+:97,#{e|-:40,10}}},}}]",
		"5M-c[]");
	expands("#{e|+|f|99999999999:1,2}|#{l:#{e|+:1,2}}", "|#{e|+:1,2}");
}

/* Loops and chained modifiers, each compared with tmux 3.3a's display -p (by hand) in a
 * session of the same shape. */
static void loops(void)
{
	expands("#{W:#I#{?window_end_flag,E,}#{?window_start_flag,S,} }", "0S 1E ");
	expands("#{W:#I|,<#I>}", "0|<1>");
	expands("#{S:#S,(#S)}", "work,(work)");
	expands("#{P:p,A}", ctx.w->active == ctx.w->panes[0] ? "Ap" : "pA");
	expands("#{T;=/3/>>:status-left}", "[wo>>");
	expands("#{=/4/..:session_name}|#{=/2/..:session_name}|#{=/-2/..:session_name}",
		"work|wo..|..rk");
	expands("#{=/#{base-index}/x:session_name}|#{=/1:session_name}", "work|w");
	expands("#{E;=2:status-left}", "[w");
	/* A style counts no cells when cut, and is kept. */
	expands("#{=2:#{l:#[fg=red]}abc}", "#[fg=red]ab");
	expands("#{=-2:#{l:#[fg=red]}abc#{l:#[bold]}}", "#[fg=red]bc#[bold]");
	/* E: and T: of an option read the user's own format as written (its controls are
	 * the status line's to draw as ?), unlike a value a program chose. */
	char *cause = NULL;
	const struct option_entry *left = options_find("status-left", &cause);
	CHECK(options_set(options_global_session, left, "<\x01#{session_name}>", false,
			  &cause) == 0);
	expands("#{T:status-left}|#{E:status-left}", "<\x01work>|<\x01work>");
	options_unset(options_global_session, left);
	/* #{} inside #[] is expanded, as tmux; ##[ is left for the status line. */
	expands("#[fg=#{?window_active,red,blue}]x##[y", "#[fg=red]x##[y");
}

/* #{C:} searches the pane's screen as tmux 3.3a's (compared by hand with display -p). */
static void searches(struct pane *p)
{
	const char text[] = "hello World\r\nsecond line   \r\n";
	term_emulator_write(p->em, text, sizeof text - 1);
	ctx = (struct format_ctx){.p = p};
	format_defaults(&ctx);
	expands("#{C:World}#{C:world}#{C/i:world}#{C/r:^sec}#{C:nomatch}", "10120");
	expands("#{C:hello*line}#{C/r:line$}#{C/r:(}#{C:#{l:o W}}", "0201");
}

/* buffer_*: the most recent buffer by default, as tmux's format_defaults. */
static void buffers(void)
{
	expands("[#{buffer_name}]", "[]");
	paste_set("foo", xstrdup("ab\nc\td"), 6);
	struct paste_buffer *pb = paste_set(NULL, xstrdup("xyz"), 3);
	pb->created = 1796214915;
	struct format_ctx top = {0};
	format_defaults(&top);
	char *got = format_expand("#{buffer_name}|#{buffer_size}|#{buffer_sample}|"
				  "#{buffer_created}", &top);
	CHECKF(strcmp(got, "buffer0|3|xyz|1796214915") == 0, "%s", got);
	free(got);
	top.pb = paste_get("foo");
	got = format_expand("#{buffer_name}|#{buffer_size}|#{buffer_sample}", &top);
	CHECKF(strcmp(got, "foo|6|ab\\nc\\td") == 0, "%s", got);
	free(got);
	paste_free_all();
}

static void times(struct session *s)
{
	s->created = 0;
	char *want = NULL;
	time_t t = 0;
	struct tm tm;
	char buf[64];
	localtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
	want = xstrdup(buf);
	expands("#{t:session_created}", want);
	free(want);
	ctx.time = true;
	time_t now = time(NULL);
	localtime_r(&now, &tm);
	strftime(buf, sizeof buf, "%Y #S", &tm);
	char *got = format_expand("%Y #S", &ctx);
	CHECKF(strncmp(got, buf, 4) == 0 && strcmp(got + 4, " work") == 0, "%s", got);
	free(got);
	ctx.time = false;
	expands("%Y", "%Y");
}

/* text's expansion once its #() commands have run: it must be empty before. */
static void expands_after_jobs(const char *text, const char *before, const char *want)
{
	char *got = NULL;
	for (int i = 0; i < 500; i++) {
		free(got);
		got = format_expand(text, &ctx);
		if (strcmp(got, want) == 0)
			break;
		CHECKF(strcmp(got, before) == 0, "%s gave %s", text, got);
		struct pollfd fds[8]; /* the server loop's part (job.h) */
		size_t n = job_poll_fds(fds, 8);
		poll(fds, n, 10);
		job_service(fds, n);
	}
	CHECKF(strcmp(got, want) == 0, "%s gave %s, not %s", text, got, want);
	free(got);
}

/* #(): empty until the first run ends, then its first line, kept. */
static void jobs(void)
{
	expands_after_jobs("<#(echo one; echo two)>", "<>", "<one>");
	expands("#(echo one; echo two)", "one");
	/* Its output is shown, so its controls are escaped. */
	expands_after_jobs("#(printf 'a\\033[2Jb')", "", "a\\033[2Jb");
	ctx.nojobs = true;
	expands("[#(echo three)]", "[]");
	ctx.nojobs = false;
	format_jobs_free();
}

/*
 * A value a pane's program chooses (here its directory) is shown with its controls
 * escaped; with raw, and in a #() command, which are run rather than shown, as it is.
 */
static void escaped(const char *evil)
{
	char *path = NULL, want[PATH_MAX + 64];
	snprintf(want, sizeof want, "%s/d\\033]0;PWN\\007", evil);
	for (int i = 0; i < 500; i++) {
		free(path);
		path = format_expand("#{pane_current_path}", &ctx);
		if (strcmp(path, want) == 0)
			break;
		usleep(10000);
	}
	CHECKF(strcmp(path, want) == 0, "%s, not %s", path, want);
	free(path);
	ctx.raw = true;
	snprintf(want, sizeof want, "%s/d\033]0;PWN\007", evil);
	path = format_expand("#{pane_current_path}", &ctx);
	CHECKF(strcmp(path, want) == 0, "raw: %s", path);
	free(path);
	ctx.raw = false;
	expands_after_jobs("#(test -d '#{pane_current_path}' && echo run-as-is)", "", "run-as-is");
	format_jobs_free();
}

static void got_bounded(const char *text)
{
	char *got = format_expand(text, &ctx);
	CHECK(strlen(got) <= (64u << 10));
	free(got);
}

static void hostile(void)
{
	expands("#{", "#{");
	expands("#{?", "#{?");
	expands("#{session_name", "#{session_name");
	expands("#(", "#(");
	expands("#[fg=red", "#[fg=red");
	expands("#", "#");
	expands("#q", "#q");
	expands("#{=x:session_name}", "work"); /* a bad modifier is ignored, as tmux */
	expands("#{=99999999999999999999:session_name}", "work");
	got_bounded("#{e|+|f|2147483647:1,2}"); /* a precision past the output bound */
	/* Deep nesting stops, long output is bounded. */
	size_t n = 2000;
	char *deep = xmalloc(n * 4 + 10), *p = deep;
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "#{E:");
	strcpy(p, "x");
	char *got = format_expand(deep, &ctx);
	free(got);
	free(deep);
	size_t len = 100000;
	char *big = xmalloc(len * 2 + 1);
	for (size_t i = 0; i < len; i++)
		memcpy(big + i * 2, "#S", 2);
	big[len * 2] = '\0';
	got = format_expand(big, &ctx);
	CHECK(strlen(got) <= (64u << 10));
	free(got);
	free(big);
}

int main(void)
{
	setenv("SHELL", "/bin/sh", 1);
	options_init();
	struct session *s = make_session();
	variables(s);
	operators();
	arithmetic();
	loops();
	searches(s->windows[0]->active);
	ctx = (struct format_ctx){.s = s, .w = s->windows[1]};
	format_defaults(&ctx);
	buffers();
	times(s);
	jobs();
	hostile();
	char evil[] = "/tmp/rsh-format-XXXXXX", dir[PATH_MAX];
	CHECK(mkdtemp(evil) != NULL);
	snprintf(dir, sizeof dir, "%s/d\033]0;PWN\007", evil);
	CHECK(mkdir(dir, 0700) == 0);
	char *argv[] = {"cat", "-", NULL}, *error = NULL;
	struct spawn sp = {.argc = 2, .argv = argv, .cwd = dir, .history = 100};
	struct window *w = window_create(session_free_index(s), 80, 24, &sp, "evil", &error);
	CHECKF(w != NULL, "%s", error);
	session_attach_window(s, w);
	ctx = (struct format_ctx){.s = s, .w = w};
	format_defaults(&ctx);
	escaped(evil);
	session_destroy(s);
	CHECK(rmdir(dir) == 0 && rmdir(evil) == 0);
	return 0;
}
