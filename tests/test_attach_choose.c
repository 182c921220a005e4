/*
 * The choosers through the real client: C-b s (sessions collapsed), C-b w (windows),
 * moving, expanding, choosing with Enter and with an item's key, x with its (y/n),
 * q; choose-buffer (C-b =) pasting the chosen buffer; choose-client (C-b D). Each choice
 * is checked against the server (list-clients, list-windows, ls, capture-pane) and the
 * client's screen against the server's once the chooser is gone; the chooser's own lines
 * against the text tmux 3.3a draws for the same sessions. -K's key formats, their keys
 * shown and typed.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "attach_harness.h"
#include "check.h"

#define PREFIX "\002"
#define DOWN "\033[B"
#define RIGHT "\033[C"
#define LEFT "\033[D"

static harness_client *c;


int main(void)
{
	harness_init();
	c = harness_client_start(80, 25, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "other", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "neww", "-d", "-t", "other", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "splitw", "-d", "-t", "other:1", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "zed", (char *)NULL) == 0);

	/* C-b s: every session collapsed, the client's own current; a preview box below. */
	harness_send(c, PREFIX "s");
	harness_wait_line(c, "(0) + work: 1 windows (attached)");
	harness_wait_line(c, "(1) + other: 2 windows");
	harness_wait_line(c, "(2) + zed: 1 windows");
	harness_wait_text(c, "\xe2\x94\x8c work (sort: index) \xe2\x94\x80");
	harness_wait_text(c, " 0:");
	/* Down, then Right opens other: its windows, the one with two panes marked +. */
	harness_send(c, DOWN RIGHT);
	harness_wait_line(c, "(1) - other: 2 windows");
	harness_wait_line(c, "(2) \xe2\x94\x9c\xe2\x94\x80>   0: sh*");
	harness_wait_line(c, "(3) \xe2\x94\x94\xe2\x94\x80> + 1: sh");
	harness_wait_line(c, "(4) + zed: 1 windows");
	/* the preview: other's two windows side by side, labelled */
	harness_wait_text(c, "\xe2\x94\x82 0:sh \xe2\x94\x82");
	harness_wait_text(c, "\xe2\x94\x82 1:sh \xe2\x94\x82");
	harness_wait_text(c, "\xe2\x94\x8c other (sort: index) \xe2\x94\x80");
	harness_send(c, LEFT);
	harness_wait_line(c, "(1) + other: 2 windows");
	/* Enter chooses: the client shows other. */
	harness_send(c, "\r");
	harness_wait_rsh(c, "^[0-9]+: other ", "list-clients", (char *)NULL);
	harness_wait_rsh(c, "^other$", "display", "-p", "-t", "other", "#{session_name}", (char *)NULL);
	harness_wait_match(c, "other", "other");
	harness_wait_rsh(c, "^other: 2 windows \\(created .*\\) \\(attached\\)$", "ls", (char *)NULL);

	/* C-b w: windows listed, the current one chosen; 2 (work's window 0) by its key. */
	harness_send(c, PREFIX "w");
	harness_wait_line(c, "(0) - work: 1 windows");
	harness_wait_line(c, "(1) \xe2\x94\x94\xe2\x94\x80> 0: sh*");
	harness_wait_line(c, "(2) - other: 2 windows (attached)");
	harness_send(c, "1");
	harness_wait_rsh(c, "^[0-9]+: work ", "list-clients", (char *)NULL);
	harness_wait_match(c, "work", "work");

	/* x asks first; y kills zed, and the chooser stays, without it. */
	harness_send(c, PREFIX "s");
	harness_wait_line(c, "(2) + zed: 1 windows");
	harness_send(c, DOWN DOWN "x");
	harness_wait_text(c, "Kill session zed? (y/n)");
	harness_send(c, "y");
	for (int i = 0; harness_rsh(NULL, "has-session", "-t", "zed", (char *)NULL) == 0; i++) {
		CHECKF(i < 300, "zed not killed");
		harness_pump(c, 50);
	}
	harness_wait_line(c, "(1) + other: 2 windows");
	/* j and k move (wrapping), and nothing typed meanwhile reaches the pane; q leaves. */
	harness_send(c, "jjk");
	harness_wait_line(c, "(0) + work: 1 windows (attached)");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
	char *out = NULL;
	CHECK(harness_rsh(&out, "capture-pane", "-p", "-t", "work", (char *)NULL) == 0);
	CHECKF(strchr(out, 'j') == NULL && strchr(out, 'x') == NULL, "typed into the pane: %s", out);
	free(out);

	/* C-b =: the buffers, newest first; Enter pastes the chosen one into the pane. */
	CHECK(harness_rsh(NULL, "set-buffer", "-b", "older", "echo not-this", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "set-buffer", "-b", "mybuf", "echo from-buf", (char *)NULL) == 0);
	harness_send(c, PREFIX "=");
	harness_wait_text(c, "(0) mybuf: ");
	harness_wait_text(c, ": echo from-buf");
	harness_wait_text(c, "(1) older: ");
	harness_wait_text(c, "\xe2\x94\x8c mybuf (sort: time) \xe2\x94\x80");
	harness_send(c, "\r\r");
	harness_wait_line(c, "from-buf");
	harness_wait_match(c, "work", "work");

	/* C-b D: the clients; Escape leaves; the other client's key detaches it. */
	harness_client *d = harness_client_start(80, 25, "attach", "-t", "other", (char *)NULL);
	harness_wait_match(d, "other", "other");
	harness_send(c, PREFIX "D");
	harness_wait_text(c, ": session work");
	harness_wait_text(c, "(1) ");
	harness_wait_text(c, ": session other");
	harness_send(c, "\033");
	harness_wait_match(c, "work", "work");
	harness_send(c, PREFIX "D");
	harness_wait_text(c, ": session other");
	harness_send(c, "1");
	int status = harness_client_wait_exit(d);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	harness_client_free(d);
	harness_wait_match(c, "work", "work");
	/* detach-client -a from a key: the others go, this one stays. */
	d = harness_client_start(80, 25, "attach", "-t", "other", (char *)NULL);
	harness_wait_match(d, "other", "other");
	CHECK(harness_rsh(NULL, "bind-key", "Q", "detach-client", "-a", (char *)NULL) == 0);
	harness_send(c, PREFIX "Q");
	status = harness_client_wait_exit(d);
	CHECKF(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %#x", status);
	harness_client_free(d);
	harness_wait_rsh(c, "^[0-9]+: work ", "list-clients", (char *)NULL);
	harness_wait_match(c, "work", "work");

	/* -K: each line's key is the format expanded with #{line}, shown in its place and
	 * typed to choose it (x, y here; a line with no key shows none); an item's key
	 * comes before the chooser's own, so a -K of q chooses rather than leaves, as in
	 * tmux 3.3a. */
	CHECK(harness_rsh(NULL, "choose-tree", "-s", "-K",
			  "#{?#{e|<:#{line},1},#{a:#{e|+:120,#{line}}},}", (char *)NULL) == 0);
	harness_wait_line(c, "(x) + work: 1 windows (attached)");
	harness_wait_line(c, "    + other: 2 windows");
	harness_send(c, "y"); /* no line's key: nothing */
	harness_send(c, "x");
	harness_wait_match(c, "work", "work");
	CHECK(harness_rsh(NULL, "choose-tree", "-s", "-K", "#{?#{==:#{line},1},q,M-#{line}}",
			  (char *)NULL) == 0);
	harness_wait_line(c, "(M-0) + work: 1 windows (attached)");
	harness_wait_line(c, "(q)   + other: 2 windows");
	harness_send(c, "q");
	harness_wait_rsh(c, "^[0-9]+: other ", "list-clients", (char *)NULL);
	harness_wait_match(c, "other", "other");
	harness_send(c, PREFIX "("); /* back to work */
	harness_wait_match(c, "work", "work");
	/* choose-buffer's key format reads the item's buffer; q, no line's key, leaves. */
	CHECK(harness_rsh(NULL, "choose-buffer", "-K", "#{?#{==:#{buffer_name},older},o,}",
			  (char *)NULL) == 0);
	harness_wait_text(c, "(o) older: ");
	harness_wait_text(c, "    mybuf: ");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");

	/* With the status line at the top the chooser starts below it. */
	CHECK(harness_rsh(NULL, "set", "-g", "status-position", "top", (char *)NULL) == 0);
	harness_send(c, PREFIX "s");
	harness_wait_line(c, "(0) + work: 1 windows (attached)");
	char *row = harness_row(c, 1);
	CHECKF(strcmp(row, "(0) + work: 1 windows (attached)") == 0, "row 1: %s", row);
	free(row);
	harness_send(c, "q");
	/* (harness_wait_match knows the status row at the bottom only) */
	CHECK(harness_rsh(NULL, "set", "-g", "status-position", "bottom", (char *)NULL) == 0);
	harness_wait_match(c, "work", "work");

	return 0;
}
