/*
 * Attaching, end to end on the server's side: the real server (src/rsh -S, a private
 * socket in a fresh directory) and test-side clients made of the sync transport, an input
 * log and the view's sync ops over loopback UDP, as the rsh client is. Checks that the
 * shipped view shows what capture-pane does, that typed text reaches the pane once, that
 * a COMMAND event runs, that the window follows the latest client, how attachments end,
 * and that junk datagrams change nothing. Every wait is bounded (WAIT_MS).
 */
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "cmd/proto.h"
#include "cmd/socket.h"
#include "net/clock.h"
#include "net/crypto.h"
#include "net/inputlog.h"
#include "net/token.h"
#include "net/transport.h"
#include "net/udp.h"
#include "term/capture.h"
#include "term/event.h"
#include "term/view_wire.h"
#include "util/xmalloc.h"

#define WAIT_MS 15000
/* cat -v without the pty's echo: each input appears exactly once (test_server_input). */
#define PANE_PROGRAM "stty -echo; echo ready; exec cat -v"

static char dir[64], sock[96];
static const char *rsh_path;

struct tclient {
	transport *t;
	inputlog *log;
	int fd;
};

#define MAX_WORDS 16

/* Appends the words from first to the NULL ending ap after argv's argc; the new count. */
static int words(char **argv, int argc, const char *first, va_list ap)
{
	for (const char *w = first; w != NULL && argc < MAX_WORDS - 1; w = va_arg(ap, const char *))
		argv[argc++] = (char *)w;
	argv[argc] = NULL;
	return argc;
}

/* Runs `rsh -S sock args...` with no terminal; returns its exit status. */
static int rsh(const char *first, ...)
{
	char *argv[MAX_WORDS] = {(char *)rsh_path, "-S", sock};
	va_list ap;
	va_start(ap, first);
	words(argv, 3, first, ap);
	va_end(ap);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, STDIN_FILENO);
		dup2(null, STDOUT_FILENO);
		execv(rsh_path, argv);
		_exit(127);
	}
	int status;
	CHECK(waitpid(pid, &status, 0) == pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Sends one request over the control socket, as rsh does from a cols x rows terminal;
 * returns the exit status, with stdout and stderr (to free). */
static int control(unsigned cols, unsigned rows, char **out, char **err, const char *first,
		   ...)
{
	char *argv[MAX_WORDS];
	va_list ap;
	va_start(ap, first);
	int argc = words(argv, 0, first, ap);
	va_end(ap);
	int fd = socket_connect(sock);
	CHECK(fd >= 0);
	struct proto_request req = {.argc = argc, .argv = argv, .cwd = "/", .cols = cols, .rows = rows};
	size_t len;
	uint8_t *msg = proto_request_encode(&req, &len);
	CHECK(write(fd, msg, len) == (ssize_t)len);
	free(msg);
	struct proto_frame frame = {0};
	enum proto_frame_state st;
	while ((st = proto_frame_read(&frame, fd, PROTO_MAX_REPLY)) == PROTO_FRAME_MORE)
		poll(&(struct pollfd){fd, POLLIN, 0}, 1, 1000);
	CHECK(st == PROTO_FRAME_DONE);
	struct proto_reply reply;
	CHECK(proto_reply_decode(frame.body, frame.len, &reply) == NULL);
	proto_frame_free(&frame);
	close(fd);
	*out = xstrdup(reply.out);
	*err = xstrdup(reply.err);
	int code = reply.code;
	proto_reply_free(&reply);
	return code;
}

/* The text of a control command's stdout, which must succeed. */
static char *output(const char *first, const char *a, const char *b, const char *c)
{
	char *out, *err;
	int code = control(0, 0, &out, &err, first, a, b, c, NULL);
	CHECKF(code == 0, "%s: %s", first, err);
	free(err);
	return out;
}

static void snapshot(struct tclient *c)
{
	inputlog_state *s = inputlog_snapshot(c->log, INPUTLOG_WINDOW);
	transport_set_local(c->t, s);
	inputlog_state_unref(s);
}

/* A client for the connect line attach printed. */
static struct tclient *tclient_new(const char *line)
{
	struct net_connect nc;
	const char *why = net_connect_parse(line, strlen(line), &nc);
	CHECKF(why == NULL, "%s: %s", why, line);
	struct tclient *c = xcalloc(1, sizeof *c);
	inputlog_state *empty = inputlog_state_empty();
	term_view *blank = term_view_new(0, 0, 0);
	c->t = transport_new(nc.id, nc.key, false, &inputlog_ops, empty, &term_view_sync_ops,
			     blank);
	inputlog_state_unref(empty);
	term_view_unref(blank);
	c->log = inputlog_new();
	struct net_addr any, server;
	CHECK(net_addr_resolve("127.0.0.1", 0, &any) == 0);
	CHECK(net_addr_resolve("127.0.0.1", nc.port, &server) == 0);
	c->fd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	CHECK(c->fd >= 0);
	net_conn_set_peer(transport_conn(c->t), (struct sockaddr *)&server.ss, server.len);
	return c;
}

static void tclient_free(struct tclient *c)
{
	transport_free(c->t);
	inputlog_free(c->log);
	close(c->fd);
	free(c);
}

static void send_event(struct tclient *c, const term_event *ev)
{
	size_t len;
	uint8_t *buf = term_event_encode(ev, &len);
	CHECK(buf != NULL);
	CHECK(inputlog_append(c->log, buf, len) == INPUTLOG_OK);
	free(buf);
	snapshot(c);
}

static void send_resize(struct tclient *c, unsigned cols, unsigned rows)
{
	send_event(c, &(term_event){.type = TERM_EVENT_RESIZE,
				    .resize = {(uint16_t)cols, (uint16_t)rows}});
}

static void send_text(struct tclient *c, const char *text)
{
	for (const char *p = text; *p != '\0'; p++) {
		term_key k = {TERM_KEY_CHAR, 0, (uint8_t)*p};
		if (*p == '\r')
			k = (term_key){TERM_KEY_ENTER, 0, 0};
		send_event(c, &(term_event){.type = TERM_EVENT_KEY, .key = k});
	}
}

/* A COMMAND event of the words (NULL-terminated). */
static void send_command(struct tclient *c, const char *const *argv)
{
	term_event ev = {.type = TERM_EVENT_COMMAND};
	for (; argv[ev.command.argc] != NULL; ev.command.argc++) {
		const char *w = argv[ev.command.argc];
		ev.command.argv[ev.command.argc] = (struct term_event_word){w, (uint32_t)strlen(w)};
	}
	send_event(c, &ev);
}

/* Attaches to the session from a cols x rows terminal and sends its first RESIZE. */
static struct tclient *attach(const char *session, unsigned cols, unsigned rows)
{
	char *out, *err;
	int code = control(cols, rows, &out, &err, "attach-session", "-t", session, NULL);
	CHECKF(code == 0 && strncmp(out, NET_CONNECT_PREFIX, strlen(NET_CONNECT_PREFIX)) == 0,
	       "attach gave %d: %s%s", code, out, err);
	struct tclient *c = tclient_new(out);
	free(out);
	free(err);
	send_resize(c, cols, rows);
	return c;
}

static const term_view *view(const struct tclient *c)
{
	return transport_remote(c->t, NULL);
}

/* Runs the clients' side for up to ms: sends what is due, takes what arrives. */
static void pump(struct tclient **cs, size_t n, int ms)
{
	uint64_t end = net_clock_ms() + (uint64_t)ms;
	uint8_t buf[NET_DGRAM_MAX + 1];
	for (;;) {
		uint64_t now = net_clock_ms();
		int timeout = (int)(end > now ? end - now : 0);
		struct pollfd fds[8];
		for (size_t i = 0; i < n; i++) {
			transport_tick(cs[i]->t, cs[i]->fd, now);
			int t = transport_timeout_ms(cs[i]->t, now);
			timeout = t < timeout ? t : timeout;
			fds[i] = (struct pollfd){cs[i]->fd, POLLIN, 0};
		}
		if (now >= end)
			return;
		poll(fds, n, timeout);
		now = net_clock_ms();
		for (size_t i = 0; i < n; i++) {
			struct net_addr from;
			ssize_t len;
			while ((len = net_udp_recv(cs[i]->fd, buf, sizeof buf, &from)) >= 0) {
				if ((size_t)len > NET_DGRAM_MAX)
					continue;
				transport_receive(cs[i]->t, buf, (size_t)len,
						  (struct sockaddr *)&from.ss, from.len, now);
			}
			const inputlog_state *acked =
				sync_sender_acked(sync_link_sender(transport_link(cs[i]->t)), NULL);
			if (inputlog_state_end(acked) > 0) {
				inputlog_acked(cs[i]->log, inputlog_state_end(acked));
				snapshot(cs[i]);
			}
		}
	}
}

typedef bool pred_fn(struct tclient *c, const void *arg);

/* Pumps every client until pred holds for c, at most WAIT_MS. */
static void wait_for(struct tclient **cs, size_t n, struct tclient *c, pred_fn *pred,
		     const void *arg, const char *what)
{
	uint64_t end = net_clock_ms() + WAIT_MS;
	while (!pred(c, arg)) {
		CHECKF(net_clock_ms() < end, "waited %d ms for %s", WAIT_MS, what);
		pump(cs, n, 20);
	}
}

/* The pane's text as the view shows it. */
static char *pane_text(const term_view *v, size_t i)
{
	return term_capture(v->panes[i].screen, NULL, 0, NULL);
}

static bool shows(struct tclient *c, const void *arg)
{
	const term_view *v = view(c);
	for (size_t i = 0; i < v->npanes; i++) {
		char *text = pane_text(v, i);
		bool found = strstr(text, arg) != NULL;
		free(text);
		if (found)
			return true;
	}
	return false;
}

static bool has_size(struct tclient *c, const void *arg)
{
	const unsigned *size = arg;
	return view(c)->cols == size[0] && view(c)->rows == size[1] && view(c)->npanes > 0;
}

static bool has_panes(struct tclient *c, const void *arg)
{
	return view(c)->npanes == *(const unsigned *)arg;
}

/* How wide the window is as c's view shows it: its panes' right edge. */
static unsigned window_width(const term_view *v)
{
	unsigned w = 0;
	for (size_t i = 0; i < v->npanes; i++) {
		unsigned right = v->panes[i].x + v->panes[i].screen->cols;
		w = right > w ? right : w;
	}
	return w;
}

static bool width_is(struct tclient *c, const void *arg)
{
	return window_width(view(c)) == *(const unsigned *)arg;
}

static bool echo_is(struct tclient *c, const void *arg)
{
	return view(c)->echo_events == *(const uint64_t *)arg;
}

static bool ended_with(struct tclient *c, const void *arg)
{
	return strcmp(view(c)->ended, arg) == 0;
}

/* The view's pane matches capture-pane for the same pane: waits for the two to agree. */
static bool matches_capture(struct tclient *c, const void *arg)
{
	const term_view *v = view(c);
	if (v->npanes == 0)
		return false;
	char id[16];
	snprintf(id, sizeof id, "%%%u", v->panes[v->active].id);
	char *want = output("capture-pane", "-p", "-t", id), *got = pane_text(v, v->active);
	bool same = strcmp(want, got) == 0;
	free(want);
	free(got);
	return same;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

static size_t lines(const char *s)
{
	return count(s, "\n");
}

/* Datagrams nobody should take: random bytes of every size up to oversized, and forged
 * ones carrying a live client's connection id (they fail authentication). */
static void send_junk(unsigned port, uint64_t live_id)
{
	struct net_addr any, to;
	CHECK(net_addr_resolve("127.0.0.1", 0, &any) == 0);
	CHECK(net_addr_resolve("127.0.0.1", port, &to) == 0);
	int fd = net_udp_bind((struct sockaddr *)&any.ss, any.len);
	CHECK(fd >= 0);
	uint8_t buf[2000];
	for (size_t len = 0; len < sizeof buf; len = len * 2 + 1) {
		net_random(buf, len);
		sendto(fd, buf, len, 0, (struct sockaddr *)&to.ss, to.len);
		for (int i = 0; i < 8 && len >= 8; i++)
			buf[i] = (uint8_t)(live_id >> (56 - 8 * i));
		sendto(fd, buf, len, 0, (struct sockaddr *)&to.ss, to.len);
	}
	close(fd);
}

/* A failed check leaves no server behind. */
static void kill_server(void)
{
	if (access(sock, F_OK) == 0)
		rsh("kill-server", NULL);
}

/* The pid of the server that logged into dir (RSH_DEBUG), its log removed; 0 if none. */
static pid_t logged_pid(void)
{
	DIR *d = opendir(dir);
	CHECK(d != NULL);
	struct dirent *e;
	long pid = 0;
	while ((e = readdir(d)) != NULL)
		if (sscanf(e->d_name, "rsh-server-%ld.log", &pid) == 1)
			break;
	if (e != NULL) {
		char path[sizeof dir + sizeof e->d_name + 1];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	return (pid_t)pid;
}

/* SIGTERM, like kill-server, tells the clients "server exited". */
static void sigterm(void)
{
	setenv("RSH_DEBUG", "1", 1); /* for the server's pid, in its log's name */
	CHECK(rsh("new-session", "-d", "-s", "term", PANE_PROGRAM, NULL) == 0);
	unsetenv("RSH_DEBUG");
	struct tclient *c = attach("term", 80, 24);
	unsigned size[2] = {80, 24};
	wait_for(&c, 1, c, has_size, size, "the view of the session to SIGTERM");
	pid_t pid = logged_pid();
	CHECK(pid > 0 && kill(pid, SIGTERM) == 0);
	wait_for(&c, 1, c, ended_with, "server exited", "the end line after SIGTERM");
	for (int i = 0; i < WAIT_MS / 20 && access(sock, F_OK) == 0; i++)
		pump(&c, 1, 20);
	CHECKF(access(sock, F_OK) != 0, "the server still runs %d ms after SIGTERM", WAIT_MS);
	tclient_free(c);
}

static void check_no_sanitizer_reports(void)
{
	DIR *d = opendir(dir);
	CHECK(d != NULL);
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		CHECKF(strncmp(e->d_name, "sanitizer", 9) != 0, "the server wrote %s/%s", dir,
		       e->d_name);
	closedir(d);
}

int main(void)
{
	rsh_path = getenv("RSH_BIN") != NULL ? getenv("RSH_BIN") : "./src/rsh";
	net_crypto_init();
	strcpy(dir, "/tmp/rsh-srvattach.XXXXXX");
	CHECK(mkdtemp(dir) != NULL);
	snprintf(sock, sizeof sock, "%s/s", dir);
	char opts[160];
	snprintf(opts, sizeof opts, "log_path=%s/sanitizer", dir);
	setenv("ASAN_OPTIONS", opts, 1);
	setenv("UBSAN_OPTIONS", opts, 1);
	setenv("SHELL", "/bin/sh", 1);
	signal(SIGPIPE, SIG_IGN);
	atexit(kill_server);

	CHECK(rsh("new-session", "-d", "-s", "work", PANE_PROGRAM, NULL) == 0);
	struct tclient *cs[3];
	cs[0] = attach("work", 100, 30);
	unsigned big[2] = {100, 30};
	wait_for(cs, 1, cs[0], has_size, big, "the first view at 100x30");
	wait_for(cs, 1, cs[0], shows, "ready", "the pane's first output");
	wait_for(cs, 1, cs[0], matches_capture, NULL, "the view to match capture-pane");
	unsigned w100 = 100;
	CHECK(width_is(cs[0], &w100));
	CHECK(view(cs[0])->panes[0].screen->rows == 29); /* the status line has the last row */

	/* Typed text reaches the pane exactly once. */
	send_text(cs[0], "hello\r");
	wait_for(cs, 1, cs[0], shows, "hello", "typed text");
	pump(cs, 1, 200);
	char *text = output("capture-pane", "-p", "-t", "work");
	CHECKF(count(text, "hello") == 1, "%s", text);
	free(text);
	/* The echo acknowledgement comes to cover them all: the resize and six keys. */
	uint64_t seven = 7;
	wait_for(cs, 1, cs[0], echo_is, &seven, "the echo acknowledgement of 7 events");
	CHECK(view(cs[0])->echo_ms > 0);

	/* A command from the client runs in its session. */
	send_command(cs[0], (const char *const[]){"split-window", "-h", NULL});
	unsigned two = 2;
	wait_for(cs, 1, cs[0], has_panes, &two, "two panes after split-window");

	/* A pane flooding output starves neither the views nor the input. */
	send_command(cs[0], (const char *const[]){"split-window", "-d", "yes", NULL});
	unsigned three = 3;
	wait_for(cs, 1, cs[0], has_panes, &three, "three panes after split-window yes");
	send_text(cs[0], "flood\r");
	wait_for(cs, 1, cs[0], shows, "flood", "typing beside a flooding pane");
	send_command(cs[0], (const char *const[]){"kill-pane", "-t", "+", NULL});
	wait_for(cs, 1, cs[0], has_panes, &two, "the flooding pane killed");
	CHECK(!shows(cs[0], "y\ny"));

	/* The window follows the client with the latest input. */
	cs[1] = attach("work", 60, 20);
	unsigned w60 = 60;
	wait_for(cs, 2, cs[0], width_is, &w60, "the window at the second client's width");
	text = output("list-clients", NULL, NULL, NULL);
	CHECKF(lines(text) == 2 && strstr(text, "work [60x20]") != NULL, "%s", text);
	free(text);
	/* A client that falls silent stops counting for the size: the window goes back to
	 * the one in contact (it kept the silent one's size until the other typed). */
	wait_for(cs, 1, cs[0], width_is, &w100, "the window back once the second fell silent");
	pump(cs, 2, 300); /* the second speaks again: its input is older than the first's */
	send_text(cs[0], "x");
	wait_for(cs, 2, cs[0], width_is, &w100, "the window back at the first client's width");

	/* DETACH ends the attachment with tmux's line; the client leaves list-clients. */
	send_event(cs[1], &(term_event){.type = TERM_EVENT_DETACH});
	wait_for(cs, 2, cs[1], ended_with, "detached (from session work)", "the detach line");
	text = output("list-clients", NULL, NULL, NULL);
	CHECKF(lines(text) == 1 && strstr(text, "work [100x30]") != NULL, "%s", text);
	free(text);
	tclient_free(cs[1]);

	/* Connect lines never used (a bootstrap whose client never came), at 20x5: none
	 * sizes the window (one shrank an attached 80x24 client's pane), and at most
	 * CLIENT_UNUSED_MAX are kept (4000 took 55 MB and slowed every echo). */
	for (int i = 0; i < 70; i++) {
		char *line, *why;
		CHECK(control(20, 5, &line, &why, "attach-session", "-t", "work", NULL) == 0);
		free(line);
		free(why);
	}
	pump(cs, 1, 500);
	CHECK(width_is(cs[0], &w100));
	text = output("list-clients", NULL, NULL, NULL);
	CHECKF(lines(text) == 1 + 64 && count(text, "(not connected)") == 64, "%s", text);
	free(text);

	struct net_connect nc;
	char *out, *err;
	CHECK(control(0, 0, &out, &err, "attach-session", "-t", "work", NULL) == 0);
	CHECK(net_connect_parse(out, strlen(out), &nc) == NULL);
	free(out);
	free(err);
	send_junk(nc.port, net_conn_id(transport_conn(cs[0]->t)));
	send_text(cs[0], "after\r");
	wait_for(cs, 1, cs[0], shows, "after", "typing after junk datagrams");
	CHECK(rsh("has-session", "-t", "work", NULL) == 0);

	/* A client killed (its socket closed: its port answers "unreachable") leaves
	 * list-clients after CLIENT_REFUSED_MS (60 s) of silence; one merely silent with its
	 * port open (asleep, out of reach) stays, for the silence limit (24 h). Killed
	 * clients stayed listed for 24 h. */
	struct tclient *dead = attach("work", 80, 24), *asleep = attach("work", 80, 24);
	struct tclient *all3[3] = {cs[0], dead, asleep};
	pump(all3, 3, 1000);
	text = output("list-clients", NULL, NULL, NULL);
	CHECKF(count(text, "last contact") == 3, "%s", text); /* beside unused ones */
	free(text);
	uint64_t killed = net_clock_ms();
	tclient_free(dead);
	size_t listed = 3;
	while (listed == 3 && net_clock_ms() - killed < 90000) {
		pump(cs, 1, 1000);
		text = output("list-clients", NULL, NULL, NULL);
		listed = count(text, "last contact");
		free(text);
	}
	CHECKF(listed == 2, "the killed client still listed after %llu ms",
	       (unsigned long long)(net_clock_ms() - killed));
	printf("a killed client left list-clients after %llu ms\n",
	       (unsigned long long)(net_clock_ms() - killed));
	tclient_free(asleep);

	/* An unknown session: one clear error line. */
	CHECK(control(80, 24, &out, &err, "attach-session", "-t", "nope", NULL) == 1);
	CHECKF(strcmp(err, "rsh: can't find session: nope\n") == 0 && *out == '\0', "%s", err);
	free(out);
	free(err);

	/* The session's end ends its clients. */
	CHECK(rsh("kill-session", "-t", "work", NULL) == 0);
	wait_for(cs, 1, cs[0], ended_with, "exited", "the end line after kill-session");
	tclient_free(cs[0]);

	/* kill-server tells its clients before it goes. */
	CHECK(rsh("new-session", "-d", "-s", "last", PANE_PROGRAM, NULL) == 0);
	cs[2] = attach("last", 80, 24);
	unsigned small[2] = {80, 24};
	wait_for(&cs[2], 1, cs[2], has_size, small, "the view of the last session");
	CHECK(rsh("kill-server", NULL) == 0);
	wait_for(&cs[2], 1, cs[2], ended_with, "server exited", "the end line after kill-server");
	/* The server goes once its clients have their end lines (or had time to). */
	for (int i = 0; i < WAIT_MS / 20 && access(sock, F_OK) == 0; i++)
		pump(&cs[2], 1, 20);
	CHECKF(access(sock, F_OK) != 0, "the server still runs %d ms after kill-server", WAIT_MS);
	tclient_free(cs[2]);
	sigterm();
	usleep(300000); /* the server's sanitizer report, if any, is written as it exits */
	check_no_sanitizer_reports();
	rmdir(dir);
	return 0;
}
