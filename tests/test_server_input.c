/*
 * Input events applied by the server to real panes (`cat` on a pty), each event going
 * through its wire form first: keys and pastes reach the program exactly once, a mouse
 * event reaches the pane under it and only when the program asked for mouse reports,
 * focus likewise, a command runs in the client's session, and resize, detach and failed
 * commands land on the client's record.
 */
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

#include "check.h"
#include "server/input.h"
#include "server/job.h"
#include "server/options.h"
#include "server/paste.h"
#include "term/capture.h"
#include "util/xmalloc.h"

static char *out; /* the screen wait_marker read last */

/*
 * What every pane runs: cat -v without the pty's echo. With echo on, the echo of later
 * input can land between cat's copies of earlier lines ("endhi"), so no exact count holds;
 * cat -v still shows control bytes visibly (^[), as the echo would.
 */
#define PANE_PROGRAM "stty -echo; echo ready; exec cat -v"

/* A session running PANE_PROGRAM, as new-session -d would make it. */
static struct session *new_session(const char *name)
{
	char *argv[] = {"sh", "-c", PANE_PROGRAM, NULL}, *error = NULL;
	struct spawn sp = {.argc = 3, .argv = argv, .cwd = "/"};
	struct session *s = session_create(name, 80, 24, &sp, &error);
	CHECKF(s != NULL, "%s", error);
	return s;
}

/* Applies ev as the server would take it from the input log: encoded, then decoded. */
static void apply(struct input_client *c, const term_event *ev)
{
	size_t len;
	term_event back;
	uint8_t *buf = term_event_encode(ev, &len);
	CHECK(buf != NULL);
	CHECK(term_event_decode(buf, len, &back) == NULL);
	server_apply_event(c, &back);
	free(buf);
}

static void key(struct input_client *c, uint8_t code, uint32_t ch)
{
	apply(c, &(term_event){.type = TERM_EVENT_KEY, .key = {code, 0, ch}});
}

static void paste(struct input_client *c, const char *text)
{
	apply(c, &(term_event){.type = TERM_EVENT_PASTE, .paste = {text, (uint32_t)strlen(text)}});
}

static void command(struct input_client *c, int argc, const char *const *argv)
{
	term_event ev = {.type = TERM_EVENT_COMMAND};
	ev.command.argc = (uint32_t)argc;
	for (int i = 0; i < argc; i++)
		ev.command.argv[i] = (struct term_event_word){argv[i], (uint32_t)strlen(argv[i])};
	apply(c, &ev);
}

static struct pane *find(uint32_t id)
{
	struct window *w;
	struct pane *p = pane_find_id(id, &w);
	CHECK(p != NULL);
	return p;
}

static unsigned count(const char *text, const char *what)
{
	unsigned n = 0;
	for (const char *p = strstr(text, what); p != NULL; p = strstr(p + 1, what))
		n++;
	return n;
}

/* Reads the pane until its screen shows marker: everything typed before the marker has
 * then come back (cat keeps the order). Leaves the screen in out. */
static void wait_marker(uint32_t pane, const char *marker)
{
	struct pane *p = find(pane);
	for (int i = 0; i < 20000; i++) {
		pane_read(p);
		term_snapshot *snap = term_emulator_snapshot(p->em);
		free(out);
		out = term_capture(snap, NULL, 0, NULL);
		term_snapshot_unref(snap);
		if (count(out, marker) >= 1)
			return;
		usleep(500);
	}
	CHECKF(false, "no %s in:\n%s", marker, out);
}

static void keys_and_paste(struct input_client *c)
{
	key(c, TERM_KEY_CHAR, 'h');
	key(c, TERM_KEY_CHAR, 'i');
	key(c, TERM_KEY_ENTER, 0);
	paste(c, "one\ntwo\n");
	paste(c, "end\n");
	wait_marker(0, "end");
	/* Each exactly once, in order. */
	const char *want = "ready\nhi\none\ntwo\nend\n";
	size_t n = strlen(want);
	CHECKF(strncmp(out, want, n) == 0 && strspn(out + n, "\n") == strlen(out + n), "%s", out);
	/* The other session's pane got nothing past its ready line. */
	term_snapshot *snap = term_emulator_snapshot(find(1)->em);
	char *text = term_capture(snap, NULL, 0, NULL);
	CHECKF(strncmp(text, "ready\n", 6) == 0 && strspn(text + 6, "\n") == strlen(text + 6),
	       "%s", text);
	free(text);
	term_snapshot_unref(snap);
}

static void split(struct input_client *c)
{
	command(c, 3, (const char *[]){"split-window", "-h", PANE_PROGRAM});
	CHECKF(c->message == NULL, "%s", c->message);
	wait_marker(2, "ready");
	struct window *w = session_find_id(c->session)->current;
	struct layout_geom g;
	CHECK(w->npanes == 2 && w->active->id == 2);
	CHECK(layout_geometry(w->layout, 0, &g) && g.x == 0 && g.cols == 40 && g.rows == 24);
	CHECK(layout_geometry(w->layout, 2, &g) && g.x == 41 && g.cols == 39 && g.rows == 24);
	CHECK(session_find_name("work")->current->npanes == 1);
	command(c, 3, (const char *[]){"select-window", "-t", "nope"});
	CHECKF(c->message != NULL && strcmp(c->message, "rsh: can't find window: nope") == 0,
	       "%s", c->message);
	command(c, 3, (const char *[]){"select-pane", "-t", "%0"});
	CHECK(c->message == NULL);
}

/* synchronize-panes: typing reaches every pane of the window that has it on. */
static void synchronized(struct input_client *c)
{
	command(c, 4, (const char *[]){"set-option", "-w", "synchronize-panes", "on"});
	CHECKF(c->message == NULL, "%s", c->message);
	paste(c, "both\n");
	wait_marker(0, "both");
	wait_marker(2, "both");
	command(c, 6, (const char *[]){"set-option", "-p", "-t", "%2", "synchronize-panes", "off"});
	CHECKF(c->message == NULL, "%s", c->message);
	paste(c, "alone\n");
	paste(c, "done\n");
	wait_marker(0, "done");
	command(c, 3, (const char *[]){"select-pane", "-t", "%2"});
	paste(c, "last\n");
	wait_marker(2, "last"); /* what pane 0 was sent before would have come first */
	CHECKF(count(out, "alone") == 0 && count(out, "done") == 0, "%s", out);
	command(c, 3, (const char *[]){"select-pane", "-t", "%0"});
	command(c, 3, (const char *[]){"set-option", "-uw", "synchronize-panes"});
}

static void mouse_press(struct input_client *c, uint16_t row, uint16_t col)
{
	apply(c, &(term_event){.type = TERM_EVENT_MOUSE,
			       .mouse = {TERM_MOUSE_PRESS, 1, 0, row, col}});
}

static void mouse(struct input_client *c)
{
	/* No mouse mode: nothing is sent. */
	mouse_press(c, 2, 3);
	paste(c, "m1\n");
	wait_marker(0, "m1");
	CHECKF(strstr(out, "^[") == NULL, "%s", out);
	/* Both programs ask for clicks: the press goes to the pane under it only, at its own
	 * coordinates (column 44 of the window is column 3 of %2, at x 41). A border cell goes
	 * nowhere. */
	struct pane *left = find(0), *right = find(2);
	term_emulator_write(left->em, "\033[?1000h", 8);
	term_emulator_write(right->em, "\033[?1000h", 8);
	struct window *w = session_find_id(c->session)->current;
	mouse_press(c, 1, 40);
	CHECK(w->active == left);
	mouse_press(c, 5, 44); /* %2's cell: the event goes to %2, which stays inactive */
	CHECK(w->active == left);
	/* A press makes no pane active: MouseDown1Pane's select-pane -t = does, which the
	 * client sends before the event, as tmux's binding runs. */
	command(c, 3, (const char *[]){"select-pane", "-t", "%2"});
	mouse_press(c, 5, 44);
	CHECK(w->active == right);
	paste(c, "m2\n");
	wait_marker(2, "m2");
	/* X10 encoding: button 0 is ' ', then column and row plus 33: '$' and '&'. */
	CHECKF(strstr(out, "^[[M $&") != NULL, "%s", out);
	term_input_paste(left->em, "m3\n", 3);
	wait_marker(0, "m3");
	CHECKF(strstr(out, "^[") == NULL, "%s", out);
	command(c, 3, (const char *[]){"select-pane", "-t", "%0"});
}

static void focus(struct input_client *c)
{
	struct pane *p = find(0);
	apply(c, &(term_event){.type = TERM_EVENT_FOCUS, .focus = true});
	CHECK(c->focused);
	paste(c, "f1\n");
	wait_marker(0, "f1");
	CHECKF(strstr(out, "^[") == NULL, "%s", out);
	term_emulator_write(p->em, "\033[?1004h", 8);
	/* focus-events off (tmux's default): the pane is not told. */
	apply(c, &(term_event){.type = TERM_EVENT_FOCUS, .focus = false});
	paste(c, "\nf2\n");
	wait_marker(0, "f2");
	CHECKF(strstr(out, "^[") == NULL, "%s", out);
	command(c, 4, (const char *[]){"set-option", "-s", "focus-events", "on"});
	CHECKF(c->message == NULL, "%s", c->message);
	apply(c, &(term_event){.type = TERM_EVENT_FOCUS, .focus = false});
	apply(c, &(term_event){.type = TERM_EVENT_FOCUS, .focus = true});
	CHECK(c->focused);
	paste(c, "\nf3\n");
	wait_marker(0, "f3");
	CHECKF(strstr(out, "^[[O^[[I") != NULL, "%s", out);
}

static void client_record(struct input_client *c)
{
	apply(c, &(term_event){.type = TERM_EVENT_RESIZE, .resize = {132, 43}});
	CHECK(c->cols == 132 && c->rows == 43);
	CHECK(!c->detach);
	apply(c, &(term_event){.type = TERM_EVENT_DETACH});
	CHECK(c->detach);
}

/* Runs the server's part of the loop for jobs until none is left. */
static void run_jobs(void)
{
	for (int i = 0; i < 20000 && job_count() > 0; i++) {
		struct pollfd fds[16];
		size_t n = job_poll_fds(fds, 16);
		poll(fds, n, 10);
		job_service(fds, n);
	}
	CHECK(job_count() == 0);
}

/* The file's bytes (NUL-terminated) and their count, to free. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	CHECKF(f != NULL, "no %s", path);
	char *buf = xmalloc(1 << 20);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* A copy piped (PIPE after its BUFFER pieces): 300 KB reach the command's stdin exactly,
 * its formats expanded for the pane; copy-pipe keeps a buffer, pipe not; no command in
 * the event: copy-command's; neither: only the buffer. */
static void piped(struct input_client *c)
{
	char dir[] = "/tmp/rsh-pipe-XXXXXX", *cmd, *path, *got;
	size_t total = 300000, len;
	CHECK(mkdtemp(dir) != NULL);
	char *text = xmalloc(total);
	for (size_t i = 0; i < total; i++)
		text[i] = (char)('a' + i % 26);
	for (size_t done = 0; done < total; done += 4000)
		apply(c, &(term_event){.type = TERM_EVENT_BUFFER, .buffer = {text + done, 4000, true, 0, "", 0}});
	xasprintf(&cmd, "cat > %s/#{session_name}.out", dir);
	apply(c, &(term_event){.type = TERM_EVENT_PIPE,
			       .pipe = {find(0)->id, false, cmd, (uint32_t)strlen(cmd), "buffer", 6}});
	CHECK(job_count() == 1 && paste_get(NULL) == NULL);
	run_jobs();
	xasprintf(&path, "%s/other.out", dir);
	got = slurp(path, &len);
	CHECKF(len == total && memcmp(got, text, total) == 0, "%zu bytes piped", len);
	unlink(path);
	free(got);
	free(path);
	free(cmd);

	xasprintf(&cmd, "cat > %s/cc", dir);
	command(c, 4, (const char *[]){"set", "-s", "copy-command", cmd});
	apply(c, &(term_event){.type = TERM_EVENT_BUFFER, .buffer = {"kept", 4, true, 0, "", 0}});
	apply(c, &(term_event){.type = TERM_EVENT_PIPE, .pipe = {find(0)->id, true, "", 0, "buffer", 6}});
	run_jobs();
	xasprintf(&path, "%s/cc", dir);
	got = slurp(path, &len);
	CHECKF(strcmp(got, "kept") == 0, "'%s'", got);
	struct paste_buffer *pb = paste_get(NULL);
	CHECK(pb != NULL && pb->size == 4 && memcmp(pb->data, "kept", 4) == 0);
	paste_delete(pb);
	unlink(path);
	free(got);
	free(path);
	free(cmd);

	command(c, 4, (const char *[]){"set", "-s", "copy-command", ""});
	apply(c, &(term_event){.type = TERM_EVENT_BUFFER, .buffer = {"only", 4, true, 0, "", 0}});
	apply(c, &(term_event){.type = TERM_EVENT_PIPE, .pipe = {find(0)->id, true, "", 0, "buffer", 6}});
	CHECK(job_count() == 0 && paste_get(NULL) != NULL && paste_get(NULL)->size == 4);
	paste_delete(paste_get(NULL));
	CHECK(rmdir(dir) == 0);
	free(text);
}

/* A copy's last BUFFER event with a prefix (for pane 0). */
static void copy_named(struct input_client *c, const char *text, const char *prefix)
{
	apply(c, &(term_event){.type = TERM_EVENT_BUFFER,
			       .buffer = {text, (uint32_t)strlen(text), false, find(0)->id, prefix,
					  (uint32_t)strlen(prefix)}});
}

/* A copy's buffer is named by its prefix, a format for the copy-mode pane, and the next
 * index of all automatic names, as tmux's paste_add: set-buffer's buffer0, then my0-1,
 * an empty copy none, pp2 by copy-pipe, an empty prefix's 3, buffer4. */
static void named(struct input_client *c)
{
	CHECK(paste_get(NULL) == NULL);
	command(c, 2, (const char *[]){"set-buffer", "x"});
	copy_named(c, "one", "my#{pane_index}-");
	copy_named(c, "", "empty");
	apply(c, &(term_event){.type = TERM_EVENT_BUFFER, .buffer = {"two", 3, true, 0, "", 0}});
	apply(c, &(term_event){.type = TERM_EVENT_PIPE,
			       .pipe = {find(0)->id, true, "true", 4, "pp", 2}});
	run_jobs();
	copy_named(c, "three", "");
	copy_named(c, "four", "buffer");
	size_t n;
	struct paste_buffer **all = paste_list(&n);
	static const char *const want[][2] = {
		{"buffer4", "four"}, {"3", "three"}, {"pp2", "two"}, {"my0-1", "one"}, {"buffer0", "x"}};
	CHECKF(n == 5, "%zu buffers", n);
	for (size_t i = 0; i < n; i++) {
		CHECKF(strcmp(all[i]->name, want[i][0]) == 0 && all[i]->automatic &&
		       all[i]->size == strlen(want[i][1]) &&
		       memcmp(all[i]->data, want[i][1], all[i]->size) == 0,
		       "buffer %zu: %s", i, all[i]->name);
		paste_delete(all[i]);
	}
	free(all);
}

/* The client kills its own session: later events touch no pane. */
static void session_gone(struct input_client *c)
{
	command(c, 3, (const char *[]){"kill-session", "-t", "other"});
	CHECK(c->message == NULL && session_find_id(c->session) == NULL);
	key(c, TERM_KEY_CHAR, 'x');
	paste(c, "x");
	mouse_press(c, 0, 0);
	apply(c, &(term_event){.type = TERM_EVENT_FOCUS, .focus = true});
	command(c, 2, (const char *[]){"kill-session", "-t", "work"});
	CHECK(server.nsessions == 1);
}

int main(void)
{
	setenv("SHELL", "/bin/sh", 1);
	options_init();
	struct input_client c = {.session = new_session("other")->id};
	new_session("work"); /* now the current session */
	wait_marker(0, "ready");
	wait_marker(1, "ready");
	keys_and_paste(&c);
	split(&c);
	synchronized(&c);
	mouse(&c);
	focus(&c);
	client_record(&c);
	named(&c);
	piped(&c);
	session_gone(&c);
	input_client_clear(&c);
	while (server.nsessions > 0)
		session_destroy(server.sessions[0]);
	free(server.sessions);
	free(out);
	return 0;
}
