/* The integration tests' harness: see attach_harness.h. */
#include "attach_harness.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <regex.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "term/emulator.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define MAX_CLIENTS 16
#define MAX_ARGS 32

struct harness_client {
	pid_t pid;
	int fd; /* the pty's master */
	int status;
	bool exited;
	bool closed;
	term_emulator *em;
	unsigned rows, cols;
	char *out; /* every byte the program wrote */
	size_t out_len, out_size;
};

static char dir[] = "/tmp/rsh-attach.XXXXXX";
static char *sock;
static char *errfile; /* the last rsh command's stderr */
static char last_err[4096];
static harness_client *clients[MAX_CLIENTS];

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *harness_dir(void)
{
	return dir;
}

char *harness_write_file(const char *name, const char *text)
{
	char *path;
	xasprintf(&path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0)
		harness_fail(NULL, "cannot write %s", path);
	return path;
}

const char *harness_socket(void)
{
	return sock;
}

const char *harness_rsh_path(void)
{
	const char *p = getenv("RSH_BIN");
	return p != NULL ? p : "./src/rsh";
}

/* Calls fn for each file of the directory, with its name and its path. */
static void each_file(void (*fn)(const char *name, const char *path, void *arg), void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *path;
		xasprintf(&path, "%s/%s", dir, e->d_name);
		fn(e->d_name, path, arg);
		free(path);
	}
	if (d != NULL)
		closedir(d);
}

bool harness_process_running(pid_t pid)
{
	char path[64], line[512];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return false;
	bool got = fgets(line, sizeof line, f) != NULL;
	fclose(f);
	const char *end = got ? strrchr(line, ')') : NULL;
	return end != NULL && end[1] == ' ' && end[2] != '\0' && end[2] != 'Z';
}

static void find_server(const char *name, const char *path, void *arg)
{
	int pid;
	(void)path;
	if (sscanf(name, "rsh-server-%d.log", &pid) == 1 && harness_process_running(pid))
		*(pid_t *)arg = pid;
}

pid_t harness_server_pid(void)
{
	pid_t pid = -1;
	each_file(find_server, &pid);
	return pid;
}

/* Prints and counts a sanitizer report a child left in the directory. */
static void print_report(const char *name, const char *path, void *arg)
{
	if (strncmp(name, "sanitizer.", 10) != 0)
		return;
	FILE *f = fopen(path, "r");
	char buf[4096];
	size_t len;
	while (f != NULL && (len = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, len, stderr);
	if (f != NULL)
		fclose(f);
	(*(int *)arg)++;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

/* Ends the tmux server on socket tmux_sock, if one runs there. */
static void tmux_kill_server(const char *tmux_sock)
{
	char *cmd;
	xasprintf(&cmd, "tmux -S %s kill-server >/dev/null 2>&1", tmux_sock);
	if (access(tmux_sock, F_OK) == 0 && system(cmd) != 0)
		(void)0; /* gone already */
	free(cmd);
}

/* The tmux server a test compared with (its socket DIR/tmux, harness_tmux_start's and the
 * tests' own), which a failed check would leave running. */
static void kill_tmux(void)
{
	char *path;
	xasprintf(&path, "%s/tmux", dir);
	tmux_kill_server(path);
	free(path);
}

/* At exit, even after a failure: no client, no server (ours or tmux's), no sanitizer
 * report left. */
static void cleanup(void)
{
	for (int i = 0; i < MAX_CLIENTS; i++) {
		if (clients[i] != NULL)
			harness_client_free(clients[i]);
	}
	if (access(sock, F_OK) == 0 || harness_server_pid() > 0)
		harness_rsh(NULL, "kill-server", (char *)NULL);
	long long end = now_ms() + 10000;
	while (harness_server_pid() > 0 && now_ms() < end)
		usleep(20000);
	pid_t left = harness_server_pid();
	bool alive = left > 0;
	if (alive)
		kill(left, SIGKILL); /* fail, but leave no server behind */
	kill_tmux();
	int reports = 0;
	each_file(print_report, &reports);
	nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(sock);
	free(errfile);
	if (alive)
		fprintf(stderr, "FAIL: the server outlived kill-server by 10 s\n");
	if (reports > 0)
		fprintf(stderr, "FAIL: %d sanitizer report(s)\n", reports);
	if (alive || reports > 0)
		_exit(1);
}

static void env_append(const char *name, const char *add)
{
	const char *old = getenv(name);
	char *v;
	xasprintf(&v, "%s%s%s", old != NULL ? old : "", old != NULL && *old ? ":" : "", add);
	setenv(name, v, 1);
	free(v);
}

void harness_init(void)
{
	/* Run from inside an rsh pane, the clients would refuse to nest, as tmux's do. */
	unsetenv("RSH");
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	xasprintf(&sock, "%s/s", dir);
	xasprintf(&errfile, "%s/rsh.err", dir);
	/* The children's sanitizer reports go to files, read at the end. */
	char *log;
	xasprintf(&log, "log_path=%s/sanitizer", dir);
	env_append("ASAN_OPTIONS", log);
	env_append("UBSAN_OPTIONS", log);
	free(log);
	setenv("RSH_DEBUG", "1", 1); /* the server's log, whose name gives its pid */
	setenv("SHELL", "/bin/sh", 1);
	setenv("ENV", "", 1); /* plain shells */
	setenv("PS1", "$ ", 1);
	setenv("TERM", "xterm-256color", 1);
	unsetenv("COLORTERM");
	unsetenv("TMUX");
	setenv("LANG", "C.UTF-8", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	signal(SIGPIPE, SIG_IGN);
	atexit(cleanup);
}

char *harness_paste_text(size_t len, char **want)
{
	char *text = xmalloc(len + 1);
	size_t at = 0;
	for (unsigned line = 0; at < len; line++)
		at += (size_t)snprintf(text + at, len + 1 - at,
				       "%07u the quick brown fox jumps over the lazy dog\n", line);
	*want = xmalloc(len + 1);
	for (size_t i = 0; i <= len; i++)
		(*want)[i] = text[i] == '\n' ? '\r' : text[i];
	return text;
}

void harness_check_file(harness_client *c, const char *path, const char *want, size_t len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		harness_fail(c, "%s: %s", path, strerror(errno));
	char *got = xmalloc(len + 1);
	size_t n = fread(got, 1, len + 1, f), same = 0;
	fclose(f);
	while (same < n && same < len && got[same] == want[same])
		same++;
	if (n != len || same != len)
		harness_fail(c, "%s: wanted %zu bytes, got %zu, equal up to %zu", path, len, n,
			     same);
	free(got);
}

void harness_fail(harness_client *c, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "FAIL: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c != NULL)
		harness_dump(c);
	/* The bytes behind the screen, for debugging the client's drawing. */
	const char *raw = getenv("RSH_TEST_RAW");
	FILE *f = c != NULL && raw != NULL ? fopen(raw, "w") : NULL;
	if (f != NULL) {
		fwrite(c->out, 1, c->out_len, f);
		fclose(f);
	}
	exit(1);
}

/* argv for `rsh -S SOCKET args...` from a NULL-terminated list. */
static void rsh_argv(char *argv[MAX_ARGS], va_list ap)
{
	int n = 0;
	argv[n++] = (char *)harness_rsh_path();
	argv[n++] = "-S";
	argv[n++] = sock;
	char *a;
	while ((a = va_arg(ap, char *)) != NULL) {
		if (n == MAX_ARGS - 1)
			harness_fail(NULL, "too many arguments");
		argv[n++] = a;
	}
	argv[n] = NULL;
}

/* Waits for a child with a bound; kills it when the bound passes. */
static int wait_bounded(pid_t pid, int ms)
{
	long long end = now_ms() + ms;
	int status;
	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			return status;
		if (r < 0)
			return -1;
		if (now_ms() > end) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			fprintf(stderr, "harness: %d did not finish in %d ms, killed\n", (int)pid, ms);
			return status;
		}
		usleep(5000);
	}
}

/* Runs argv to completion, at most HARNESS_TIMEOUT_MS; see harness_rsh. */
static int run(char **out, char *argv[])
{
	int p[2];
	if (pipe(p) < 0)
		harness_fail(NULL, "pipe: %s", strerror(errno));
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, STDIN_FILENO);
		dup2(p[1], STDOUT_FILENO);
		int err = open(errfile, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		dup2(err, STDERR_FILENO);
		close(p[0]);
		close(p[1]);
		execv(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	/* Read until EOF: the server, forked by the first command, keeps no copy of it. */
	char *buf = xmalloc(256);
	size_t len = 0, size = 256;
	long long end = now_ms() + HARNESS_TIMEOUT_MS;
	struct pollfd pfd = {p[0], POLLIN, 0};
	while (now_ms() < end && poll(&pfd, 1, 100) >= 0) {
		if (!(pfd.revents & (POLLIN | POLLHUP)))
			continue;
		if (len + 1 == size)
			buf = xreallocarray(buf, size *= 2, 1);
		ssize_t r = read(p[0], buf + len, size - len - 1);
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	buf[len] = '\0';
	close(p[0]);
	int status = wait_bounded(pid, 5000);
	FILE *f = fopen(errfile, "r");
	size_t n = f != NULL ? fread(last_err, 1, sizeof last_err - 1, f) : 0;
	last_err[n] = '\0';
	if (f != NULL)
		fclose(f);
	if (out != NULL)
		*out = buf;
	else
		free(buf);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

const char *harness_rsh_stderr(void)
{
	return last_err;
}

int harness_rsh(char **out, ...)
{
	char *argv[MAX_ARGS];
	va_list ap;
	va_start(ap, out);
	rsh_argv(argv, ap);
	va_end(ap);
	return run(out, argv);
}

void harness_wait_rsh(harness_client *c, const char *pattern, ...)
{
	char *argv[MAX_ARGS];
	va_list ap;
	va_start(ap, pattern);
	rsh_argv(argv, ap);
	va_end(ap);
	regex_t re;
	if (regcomp(&re, pattern, REG_EXTENDED | REG_NEWLINE | REG_NOSUB) != 0)
		harness_fail(c, "bad pattern '%s'", pattern);
	long long end = now_ms() + HARNESS_TIMEOUT_MS;
	char *out;
	for (;;) {
		bool ok = run(&out, argv) == 0 && regexec(&re, out, 0, NULL, 0) == 0;
		if (ok || now_ms() > end)
			break;
		free(out);
		if (c != NULL)
			harness_pump(c, 100);
		else
			usleep(100000);
	}
	if (now_ms() > end)
		harness_fail(c, "'%s' never matched /%s/; it said:\n%s%s", argv[3], pattern, out,
			     last_err);
	free(out);
	regfree(&re);
}

static void answer(const char *buf, size_t len, void *arg)
{
	harness_client *c = arg;
	while (len > 0) {
		ssize_t w = write(c->fd, buf, len);
		if (w <= 0)
			return;
		buf += w;
		len -= (size_t)w;
	}
}

harness_client *harness_program_start(unsigned cols, unsigned rows, char *const argv[])
{
	int slot = 0;
	while (slot < MAX_CLIENTS && clients[slot] != NULL)
		slot++;
	if (slot == MAX_CLIENTS)
		harness_fail(NULL, "too many clients");
	harness_client *c = xmalloc(sizeof *c);
	memset(c, 0, sizeof *c);
	c->rows = rows;
	c->cols = cols;
	c->out_size = 4096;
	c->out = xmalloc(c->out_size);
	c->out[0] = '\0';
	struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
	c->pid = forkpty(&c->fd, NULL, NULL, &ws);
	if (c->pid < 0)
		harness_fail(NULL, "forkpty: %s", strerror(errno));
	if (c->pid == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
	c->em = term_emulator_new(rows, cols, 100);
	term_emulator_set_output(c->em, answer, c);
	clients[slot] = c;
	return c;
}

harness_client *harness_tmux_start(unsigned cols, unsigned rows, const char *session,
				   char **tmux_sock)
{
	if (system("tmux -V >/dev/null 2>&1") != 0)
		return NULL;
	char *cmd, *status;
	xasprintf(tmux_sock, "%s/tmux", harness_dir());
	xasprintf(&cmd, "tmux -S %s -f /dev/null new -d -s %s -x %u -y %u", *tmux_sock,
		  session, cols, rows - 1);
	if (system(cmd) != 0)
		harness_fail(NULL, "%s failed", cmd);
	free(cmd);
	char *argv[] = {"/bin/sh", "-c", NULL, NULL};
	xasprintf(&argv[2], "exec tmux -S %s attach -t %s", *tmux_sock, session);
	harness_client *t = harness_program_start(cols, rows, argv);
	free(argv[2]);
	xasprintf(&status, "[%s] 0:", session);
	harness_wait_text(t, status);
	free(status);
	return t;
}

char *harness_tmux(const char *tmux_sock, const char *args)
{
	char *cmd, *out = xcalloc(1, 1);
	size_t len = 0, cap = 1;
	xasprintf(&cmd, "tmux -S %s %s", tmux_sock, args);
	FILE *f = popen(cmd, "r");
	if (f == NULL)
		harness_fail(NULL, "%s: cannot run", cmd);
	for (int ch; (ch = fgetc(f)) != EOF; out[len] = '\0') {
		out = xgrow(out, &cap, len + 2, 4096);
		out[len++] = (char)ch;
	}
	if (pclose(f) != 0)
		harness_fail(NULL, "%s failed", cmd);
	free(cmd);
	return out;
}

void harness_tmux_free(harness_client *t, char *tmux_sock)
{
	tmux_kill_server(tmux_sock);
	harness_client_free(t);
	free(tmux_sock);
}

harness_client *harness_client_start(unsigned cols, unsigned rows, ...)
{
	char *argv[MAX_ARGS];
	va_list ap;
	va_start(ap, rows);
	rsh_argv(argv, ap);
	va_end(ap);
	return harness_program_start(cols, rows, argv);
}

void harness_client_free(harness_client *c)
{
	if (!c->exited) {
		kill(c->pid, SIGKILL);
		wait_bounded(c->pid, 5000);
	}
	for (int i = 0; i < MAX_CLIENTS; i++) {
		if (clients[i] == c)
			clients[i] = NULL;
	}
	close(c->fd);
	term_emulator_free(c->em);
	free(c->out);
	free(c);
}

static void reap(harness_client *c)
{
	if (!c->exited && waitpid(c->pid, &c->status, WNOHANG) == c->pid)
		c->exited = true;
}

int harness_client_fd(harness_client *c)
{
	return c->fd;
}

bool harness_pump(harness_client *c, int ms)
{
	reap(c);
	if (c->closed)
		return false;
	struct pollfd pfd = {c->fd, POLLIN, 0};
	if (poll(&pfd, 1, ms) <= 0)
		return true;
	char buf[8192];
	ssize_t r;
	while ((r = read(c->fd, buf, sizeof buf)) > 0) {
		if (c->out_len + (size_t)r + 1 > c->out_size) {
			while (c->out_len + (size_t)r + 1 > c->out_size)
				c->out_size *= 2;
			c->out = xreallocarray(c->out, c->out_size, 1);
		}
		memcpy(c->out + c->out_len, buf, (size_t)r);
		c->out_len += (size_t)r;
		c->out[c->out_len] = '\0';
		term_emulator_write(c->em, buf, (size_t)r);
	}
	/* EIO: every slave descriptor is closed, the program is gone. */
	if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR))
		c->closed = true;
	reap(c);
	return !c->closed;
}

void harness_idle(harness_client *c, int ms)
{
	long long end = now_ms() + ms;
	for (long long left = ms; left > 0 && harness_pump(c, (int)left); left = end - now_ms())
		;
}

void harness_wait(harness_client *c, harness_pred *pred, void *arg, const char *what)
{
	long long end = now_ms() + HARNESS_TIMEOUT_MS;
	for (;;) {
		if (pred(c, arg))
			return;
		if (now_ms() > end)
			harness_fail(c, "waited %d ms for %s", HARNESS_TIMEOUT_MS, what);
		if (!harness_pump(c, 50))
			usleep(20000); /* closed: the predicate may still come true elsewhere */
	}
}

static bool has_text(harness_client *c, void *text)
{
	return harness_screen_has(c, text);
}

void harness_wait_text(harness_client *c, const char *text)
{
	char *what;
	xasprintf(&what, "'%s' on the screen", text);
	harness_wait(c, has_text, (void *)text, what);
	free(what);
}

static char *row_text_of(term_emulator *em, unsigned y, unsigned x, unsigned w);

static bool has_line(harness_client *c, void *text)
{
	bool found = false;
	for (unsigned row = 0; row < c->rows && !found; row++) {
		char *line = harness_row(c, row);
		found = strcmp(line, text) == 0;
		free(line);
	}
	return found;
}

void harness_wait_line(harness_client *c, const char *text)
{
	char *what;
	xasprintf(&what, "a line '%s'", text);
	harness_wait(c, has_line, (void *)text, what);
	free(what);
}

struct row_want {
	unsigned row;
	const char *text;
};

static bool row_has(harness_client *c, void *arg)
{
	const struct row_want *w = arg;
	char *row = harness_row(c, w->row);
	bool yes = strstr(row, w->text) != NULL;
	free(row);
	return yes;
}

void harness_wait_row(harness_client *c, unsigned row, const char *text)
{
	struct row_want w = {row, text};
	char *what;
	xasprintf(&what, "row %u to show '%s'", row, text);
	harness_wait(c, row_has, &w, what);
	free(what);
}

term_cell harness_cell(harness_client *c, unsigned row, unsigned col)
{
	term_snapshot *snap = harness_snapshot(c);
	term_cell cell = term_row_get(snap->lines[row], col);
	term_snapshot_unref(snap);
	return cell;
}

/*
 * A line's text padded with spaces (or cut) to w cells, laid out as the server's emulator
 * lays it out (wide characters, combining marks); to free.
 */
static char *pad_line(const char *line, size_t len, unsigned w)
{
	/* Wide enough for the whole line: every byte at most two cells. */
	unsigned cols = (unsigned)len * 2 + w + 1;
	term_emulator *em = term_emulator_new(1, cols, 0);
	term_emulator_write(em, line, len);
	char *text = row_text_of(em, 0, 0, w);
	term_emulator_free(em);
	return text;
}

/*
 * Compares one pane (a list-panes line) with the client's screen; on a difference, puts
 * both sides in *why (to free) and returns false.
 */
static bool pane_matches(harness_client *c, const char *line, char **why)
{
	unsigned cols, rows, x, y, id;
	if (sscanf(line, "%*u: [%ux%u] [at %u,%u] %%%u", &cols, &rows, &x, &y, &id) != 5) {
		xasprintf(why, "list-panes said '%s'", line);
		return false;
	}
	if (strstr(line, "(hidden)") != NULL || x >= c->cols || y + 1 >= c->rows)
		return true;
	unsigned w = cols < c->cols - x ? cols : c->cols - x;
	unsigned h = rows < c->rows - 1 - y ? rows : c->rows - 1 - y;
	char pane[16], *capture;
	snprintf(pane, sizeof pane, "%%%u", id);
	if (harness_rsh(&capture, "capture-pane", "-p", "-t", pane, (char *)NULL) != 0) {
		xasprintf(why, "capture-pane -t %s failed", pane);
		free(capture);
		return false;
	}
	char *want = xstrdup(""), *p = capture;
	for (unsigned row = 0; row < h; row++) {
		size_t len = strcspn(p, "\n");
		char *padded = pad_line(p, len, w), *joined;
		xasprintf(&joined, "%s%s%s", want, row > 0 ? "\n" : "", padded);
		free(padded);
		free(want);
		want = joined;
		p += len + (p[len] == '\n');
	}
	free(capture);
	char *have = harness_rect(c, x, y, w, h);
	bool same = strcmp(want, have) == 0;
	if (!same)
		xasprintf(why, "pane %s at %u,%u (%ux%u): the server has\n%s\nthe client shows\n%s",
			  pane, x, y, w, h, want, have);
	free(want);
	free(have);
	return same;
}

/* Compares every pane and the status row; on a difference, says why in *why. */
static bool screen_matches(harness_client *c, const char *target, const char *session,
			   char **why)
{
	char *panes;
	if (harness_rsh(&panes, "list-panes", "-t", target, (char *)NULL) != 0) {
		xasprintf(why, "list-panes -t %s failed", target);
		free(panes);
		return false;
	}
	bool same = true;
	char *save;
	for (char *line = strtok_r(panes, "\n", &save); line != NULL && same;
	     line = strtok_r(NULL, "\n", &save))
		same = pane_matches(c, line, why);
	free(panes);
	if (!same)
		return false;
	char *status = harness_row(c, c->rows - 1), *want;
	xasprintf(&want, "[%s] ", session);
	same = strncmp(status, want, strlen(want)) == 0;
	if (!same)
		xasprintf(why, "the status row is '%s', not '%s...'", status, want);
	free(status);
	free(want);
	return same;
}

void harness_wait_match(harness_client *c, const char *target, const char *session)
{
	long long end = now_ms() + HARNESS_TIMEOUT_MS;
	char *why = NULL;
	while (!screen_matches(c, target, session, &why)) {
		if (now_ms() > end)
			harness_fail(c, "the client never matched %s: %s", target, why);
		free(why);
		why = NULL;
		harness_pump(c, 100);
	}
}

void harness_client_resize(harness_client *c, unsigned cols, unsigned rows)
{
	harness_pump(c, 0); /* what the program wrote so far was for the old size */
	struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
	if (ioctl(c->fd, TIOCSWINSZ, &ws) < 0)
		harness_fail(c, "TIOCSWINSZ on the pty: %s", strerror(errno));
	term_emulator_resize(c->em, rows, cols);
	c->rows = rows;
	c->cols = cols;
}

/* All of it, however long: while the pty is full, the client's output is read so that it
 * can go on reading its input. */
void harness_send(harness_client *c, const char *bytes)
{
	harness_send_bytes(c, bytes, strlen(bytes));
}

void harness_send_bytes(harness_client *c, const char *bytes, size_t len)
{
	long long deadline = now_ms() + HARNESS_TIMEOUT_MS;
	while (len > 0) {
		ssize_t w = write(c->fd, bytes, len);
		if (w > 0) {
			bytes += w;
			len -= (size_t)w;
			deadline = now_ms() + HARNESS_TIMEOUT_MS;
		} else if (w < 0 && errno != EAGAIN && errno != EINTR) {
			harness_fail(c, "writing to the client's pty: %s", strerror(errno));
		} else if (now_ms() > deadline) {
			harness_fail(c, "the client read none of its input for %d ms",
				     HARNESS_TIMEOUT_MS);
		} else {
			harness_pump(c, 10);
		}
	}
}

/* Appends the cell's characters in UTF-8 (a space for a blank); nothing for a right half. */
static size_t cell_text(const term_row *row, unsigned col, char *out)
{
	term_cell cell = term_row_get(row, col);
	if (cell.width == 0)
		return 0;
	uint32_t cps[TERM_MAX_CHARS];
	unsigned n = term_row_chars(row, col, cps);
	if (n == 0 || cps[0] == 0) {
		out[0] = ' ';
		return 1;
	}
	size_t len = 0;
	for (unsigned i = 0; i < n; i++)
		len += utf8_encode(cps[i], out + len);
	return len;
}

/* Cells [x, x+w) of an emulator's row as UTF-8. */
static char *row_text_of(term_emulator *em, unsigned y, unsigned x, unsigned w)
{
	term_snapshot *s = term_emulator_snapshot(em);
	char *text = xmalloc((size_t)w * 4 * TERM_MAX_CHARS + 1);
	size_t len = 0;
	for (unsigned col = x; col < x + w; col++) {
		if (y < s->rows && col < s->cols)
			len += cell_text(s->lines[y], col, text + len);
		else
			text[len++] = ' ';
	}
	text[len] = '\0';
	term_snapshot_unref(s);
	return text;
}

static char *row_text(harness_client *c, unsigned y, unsigned x, unsigned w)
{
	return row_text_of(c->em, y, x, w);
}

char *harness_row(harness_client *c, unsigned row)
{
	char *text = row_text(c, row, 0, c->cols);
	size_t len = strlen(text);
	while (len > 0 && text[len - 1] == ' ')
		text[--len] = '\0';
	return text;
}

char *harness_rect(harness_client *c, unsigned x, unsigned y, unsigned w, unsigned h)
{
	char *all = xstrdup("");
	for (unsigned row = y; row < y + h; row++) {
		char *line = row_text(c, row, x, w), *joined;
		xasprintf(&joined, "%s%s%s", all, row > y ? "\n" : "", line);
		free(all);
		free(line);
		all = joined;
	}
	return all;
}

bool harness_screen_has(harness_client *c, const char *text)
{
	bool found = false;
	for (unsigned row = 0; row < c->rows && !found; row++) {
		char *line = harness_row(c, row);
		found = strstr(line, text) != NULL;
		free(line);
	}
	return found;
}

void harness_cursor(harness_client *c, unsigned *row, unsigned *col)
{
	term_snapshot *s = term_emulator_snapshot(c->em);
	*row = s->cursor.row;
	*col = s->cursor.col;
	term_snapshot_unref(s);
}

bool harness_altscreen(harness_client *c)
{
	return (term_emulator_modes(c->em) & TERM_MODE_ALTSCREEN) != 0;
}

term_snapshot *harness_snapshot(harness_client *c)
{
	return term_emulator_snapshot(c->em);
}

void harness_settle(harness_client *c, int quiet_ms)
{
	long long end = now_ms() + HARNESS_TIMEOUT_MS;
	for (;;) {
		size_t before = c->out_len;
		if (!harness_pump(c, quiet_ms) || now_ms() > end)
			return;
		if (c->out_len == before)
			return;
	}
}

term_snapshot *harness_capture_cells(const char *pane, unsigned cols, unsigned rows)
{
	char *out;
	if (harness_rsh(&out, "capture-pane", "-e", "-p", "-t", pane, (char *)NULL) != 0)
		harness_fail(NULL, "capture-pane -e -t %s: %s", pane, harness_rsh_stderr());
	term_emulator *em = term_emulator_new(rows, cols, 0);
	/* Lines end in LF alone: each goes back to column 0 first. */
	for (char *line = out; *line != '\0';) {
		size_t len = strcspn(line, "\n");
		term_emulator_write(em, line, len);
		line += len;
		if (*line == '\n' && *++line != '\0')
			term_emulator_write(em, "\r\n", 2);
	}
	free(out);
	term_snapshot *snap = term_emulator_snapshot(em);
	term_emulator_free(em);
	return snap;
}

void harness_dump(harness_client *c)
{
	unsigned crow, ccol;
	harness_cursor(c, &crow, &ccol);
	fprintf(stderr, "screen %ux%u, cursor at row %u col %u%s:\n", c->cols, c->rows, crow,
		ccol, harness_altscreen(c) ? ", alternate screen" : "");
	for (unsigned row = 0; row < c->rows; row++) {
		char *line = harness_row(c, row);
		fprintf(stderr, "%2u|%s\n", row, line);
		free(line);
	}
	reap(c);
	if (c->exited && WIFEXITED(c->status))
		fprintf(stderr, "the program exited %d\n", WEXITSTATUS(c->status));
	else if (c->exited)
		fprintf(stderr, "the program was killed by signal %d\n", WTERMSIG(c->status));
}

pid_t harness_client_pid(harness_client *c)
{
	return c->pid;
}

void harness_client_kill(harness_client *c, int sig)
{
	if (!c->exited)
		kill(c->pid, sig);
}

static bool exited(harness_client *c, void *arg)
{
	(void)arg;
	reap(c);
	return c->exited;
}

int harness_client_wait_exit(harness_client *c)
{
	harness_wait(c, exited, NULL, "the program to exit");
	/* What it wrote last, e.g. after restoring the terminal. */
	long long end = now_ms() + 2000;
	while (harness_pump(c, 50) && now_ms() < end)
		;
	return c->status;
}

void harness_detach(harness_client *c)
{
	harness_send(c, "\002d");
	int status = harness_client_wait_exit(c);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		harness_fail(c, "detached, the client exited with status %#x", status);
	harness_client_free(c);
}

unsigned harness_output_count(harness_client *c, const char *bytes)
{
	unsigned n = 0;
	for (const char *p = c->out; (p = strstr(p, bytes)) != NULL; p++)
		n++;
	return n;
}

harness_client *harness_pane_loop(unsigned cols, unsigned rows, const char *body)
{
	char *loop;
	xasprintf(&loop, "while read arg done; do %s; echo \"$done\"; done", body);
	harness_client *c = harness_client_start(cols, rows, "new", "-s", "work", "sh", "-c",
						 loop, (char *)NULL);
	harness_wait_rsh(c, ".", "list-panes", "-t", "work", (char *)NULL);
	free(loop);
	return c;
}

void harness_pane_step(harness_client *c, const char *arg, const char *done)
{
	char *line;
	xasprintf(&line, "%s %s\r", arg, done);
	harness_send(c, line);
	harness_wait_line(c, done);
	harness_settle(c, 300);
	free(line);
}

const char *harness_client_output(harness_client *c, size_t *len)
{
	if (len != NULL)
		*len = c->out_len;
	return c->out;
}

bool harness_client_cooked(harness_client *c)
{
	struct termios t;
	if (tcgetattr(c->fd, &t) < 0)
		harness_fail(c, "tcgetattr on the pty: %s", strerror(errno));
	return (t.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO);
}
