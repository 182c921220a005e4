/*
 * The client's own commands of issue 14 through the real client, as tmux 3.3a's: C-b r
 * (refresh-client) draws the whole terminal again, so what another program wrote on it
 * goes; refresh-client -S draws the status line now, its formats expanded anew and its
 * #() commands run again; C-b C-z
 * (suspend-client) stops the client as a shell's job, the terminal's normal screen back,
 * and `fg` brings the session back drawn in full; C-b m marks the active pane (window
 * flag M, #{pane_marked}), again unmarks it, C-b M clears the mark; kill-session -C
 * clears the windows' alert flags in the status line; start-server starts a server that
 * reads its config file (whose session a client then attaches to); resize-window -x -y
 * sizes the window (its program sees it), its window-size manual so a client's resize
 * leaves it, and -A gives it the client's size again.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

#define PREFIX "\002"

static bool lacks(harness_client *c, void *text)
{
	return !harness_screen_has(c, text);
}

/* Text written on the client's terminal behind its back goes with C-b r. */
static void redraw(harness_client *c)
{
	int tty = open(ptsname(harness_client_fd(c)), O_RDWR | O_NOCTTY);
	CHECK(tty >= 0);
	static const char junk[] = "\033[5;5HGARBAGE-XYZ";
	CHECK(write(tty, junk, sizeof junk - 1) == (ssize_t)(sizeof junk - 1));
	close(tty);
	harness_wait_text(c, "GARBAGE-XYZ");
	harness_send(c, PREFIX "r");
	harness_wait(c, lacks, "GARBAGE-XYZ", "C-b r to redraw over the junk");
}

/* A status format no event changes is drawn again by refresh-client -S. */
static void status_now(harness_client *c)
{
	CHECK(harness_rsh(NULL, "set", "-g", "status-interval", "0", (char *)NULL) == 0);
	/* On the left: the client draws its link state over the right end. */
	CHECK(harness_rsh(NULL, "set", "-g", "status-left-length", "40", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "set", "-g", "status-left", "[pipe #{pane_pipe}] ", (char *)NULL) ==
	      0);
	harness_wait_text(c, "[pipe 0]");
	CHECK(harness_rsh(NULL, "pipe-pane", "-t", "work", "cat >/dev/null", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "refresh-client", "-S", "-t", "work", (char *)NULL) == 0);
	harness_wait_text(c, "[pipe 1]");
	CHECK(harness_rsh(NULL, "refresh-client", "-S", "-t", "nosuch", (char *)NULL) == 1);
	CHECK(strstr(harness_rsh_stderr(), "can't find client: nosuch") != NULL);
	CHECK(harness_rsh(NULL, "refresh-client", "-S", (char *)NULL) == 1);
	CHECK(strstr(harness_rsh_stderr(), "no current client") != NULL);
	/* #() runs again at once, not at the next status-interval. */
	char *file = harness_write_file("status-word", "one\n"), *left;
	CHECK(harness_rsh(NULL, "set", "-g", "status-interval", "3600", (char *)NULL) == 0);
	xasprintf(&left, "[#(cat '%s')] ", file);
	CHECK(harness_rsh(NULL, "set", "-g", "status-left", left, (char *)NULL) == 0);
	harness_wait_text(c, "[one]");
	free(harness_write_file("status-word", "two\n"));
	CHECK(harness_rsh(NULL, "refresh-client", "-S", "-t", "work", (char *)NULL) == 0);
	harness_wait_text(c, "[two]");
	free(left);
	free(file);
	CHECK(harness_rsh(NULL, "set", "-gu", "status-interval", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "set", "-gu", "status-left", (char *)NULL) == 0);
	harness_wait_text(c, "[work] ");
}

static void wait_marked(harness_client *c, const char *pattern)
{
	harness_wait_rsh(c, pattern, "display-message", "-p", "-t", "work",
			 "#{pane_marked}#{pane_marked_set}#{window_flags}", (char *)NULL);
}

static void marks(harness_client *c)
{
	harness_send(c, PREFIX "m");
	wait_marked(c, "^11\\*M$");
	harness_wait_text(c, "0:sh*M");
	harness_send(c, PREFIX "m"); /* toggles */
	wait_marked(c, "^00\\*$");
	harness_send(c, PREFIX "m");
	wait_marked(c, "^11\\*M$");
	harness_send(c, PREFIX "M");
	wait_marked(c, "^00\\*$");
	harness_wait(c, lacks, "0:sh*M", "the M flag to go");
}

/* A window's activity flag (#) goes from the status line with kill-session -C. */
static void clear_alerts(harness_client *c)
{
	CHECK(harness_rsh(NULL, "set", "-g", "monitor-activity", "on", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "new-window", "-d", "-t", "work:1", (char *)NULL) == 0);
	harness_settle(c, 300); /* the new shell's prompt is activity too */
	CHECK(harness_rsh(NULL, "send-keys", "-t", "work:1", "echo busy", "Enter", (char *)NULL) == 0);
	harness_wait_text(c, "1:sh#");
	CHECK(harness_rsh(NULL, "kill-session", "-C", "-t", "work", (char *)NULL) == 0);
	harness_wait(c, lacks, "1:sh#", "the activity flag to go");
	harness_wait_text(c, "1:sh ");
}

static void wait_size(harness_client *c, const char *pattern)
{
	harness_wait_rsh(c, pattern, "display-message", "-p", "-t", "work",
			 "#{window_width}x#{window_height} #{window-size}", (char *)NULL);
}

static void resize_window(harness_client *c)
{
	CHECK(harness_rsh(NULL, "resize-window", "-t", "work", "-x", "40", "-y", "10",
			  (char *)NULL) == 0);
	wait_size(c, "^40x10 manual$");
	harness_send(c, "clear; stty size\r");
	harness_wait_row(c, 0, "10 40");
	harness_client_resize(c, 100, 30); /* manual: the window keeps its size */
	harness_settle(c, 300);
	wait_size(c, "^40x10 manual$");
	CHECK(harness_rsh(NULL, "resize-window", "-t", "work", "-A", (char *)NULL) == 0);
	wait_size(c, "^100x29 manual$");
	harness_send(c, "clear; stty size\r");
	harness_wait_row(c, 0, "29 100");
	CHECK(harness_rsh(NULL, "set", "-w", "-t", "work", "window-size", "latest", (char *)NULL) == 0);
	harness_client_resize(c, 90, 20);
	wait_size(c, "^90x19 latest$");
}

/* start-server reads the config file, whose session a client attaches to. */
static void start_server(void)
{
	char *cfg = harness_write_file("start.conf", "new-session -d -s fromcfg\n");
	CHECKF(harness_rsh(NULL, "-f", cfg, "start-server", (char *)NULL) == 0, "%s",
	       harness_rsh_stderr());
	harness_client *c = harness_client_start(80, 24, "attach", "-t", "fromcfg", (char *)NULL);
	harness_wait_text(c, "[fromcfg] ");
	harness_detach(c);
	free(cfg);
}

/* C-b C-z in a shell with job control: stopped, then continued by fg. */
static void suspend(void)
{
	char *const argv[] = {"/bin/sh", "-i", NULL};
	harness_client *sh = harness_program_start(80, 24, argv);
	harness_wait_text(sh, "$");
	char *line;
	xasprintf(&line, "'%s' -S '%s' new -s sus\r", harness_rsh_path(), harness_socket());
	harness_send(sh, line);
	harness_wait_text(sh, "[sus] ");
	harness_wait_line(sh, "$"); /* the session's shell, not the one outside */
	CHECK(harness_altscreen(sh));
	harness_send(sh, "echo before-$((4*4))\r");
	harness_wait_line(sh, "before-16");
	harness_send(sh, PREFIX "\032");
	harness_wait_text(sh, "Stopped");
	CHECK(!harness_altscreen(sh));
	harness_send(sh, "fg\r");
	harness_wait_line(sh, "before-16");
	harness_wait_text(sh, "[sus] ");
	CHECK(harness_altscreen(sh));
	harness_send(sh, "echo after-$((5*5))\r"); /* it takes keys again */
	harness_wait_line(sh, "after-25");
	harness_send(sh, PREFIX "d");
	harness_wait_text(sh, "[detached");
	free(line);
	harness_client_free(sh);
}

int main(void)
{
	harness_init();
	start_server();
	harness_client *c = harness_client_start(80, 24, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	redraw(c);
	status_now(c);
	marks(c);
	clear_alerts(c);
	resize_window(c);
	harness_detach(c);
	suspend();
	return 0;
}
