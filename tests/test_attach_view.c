/*
 * View mode through the real client: what a key binding's or a prompt's command prints
 * (C-b # list-buffers, C-b ~ show-messages, C-b : list-windows) shown over the window
 * area as tmux 3.3a shows it: copy mode over the text, the top first, "[offset/history]"
 * at the top right in mode-style, the cursor moving and scrolling at the edges, emacs's
 * M-> and M-< and Escape, vi's G and g, a search (/), a selection copied to a buffer
 * (Space, j, l, Enter: the same copy as tmux's after the same keys, tmux run attached in
 * a pty when it is installed), the text written again at another size, q leaving with
 * the panes back as they were and nothing typed into them. list-clients -F.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

#define PREFIX "\002"
#define UP "\033[A"
#define DOWN "\033[B"

static harness_client *c;

/* Waits for row of t to begin with text (and end with end, unless NULL). */
static void wait_row_start(harness_client *t, unsigned row, const char *text, const char *end)
{
	for (int i = 0;; i++) {
		char *r = harness_row(t, row);
		bool ok = strncmp(r, text, strlen(text)) == 0 &&
			  (end == NULL || (strlen(r) >= strlen(end) &&
					   strcmp(r + strlen(r) - strlen(end), end) == 0));
		if (ok) {
			free(r);
			return;
		}
		if (i == 300)
			harness_fail(t, "row %u is '%s', not '%s...%s'", row, r, text,
				     end != NULL ? end : "");
		free(r);
		harness_pump(t, 50);
	}
}

/* The 30 buffers both servers get (newest first in list-buffers: b27 .. b00, bb, aa). */
static void set_buffers(const char *tmux_sock)
{
	char name[16];
	for (int i = -2; i < 28; i++) {
		const char *value = i == -2 ? "hello world" : i == -1 ? "second" : name;
		if (i >= 0)
			snprintf(name, sizeof name, "b%02d", i);
		const char *bname = i == -2 ? "aa" : i == -1 ? "bb" : name;
		if (tmux_sock == NULL) {
			CHECK(harness_rsh(NULL, "set-buffer", "-b", bname, value, (char *)NULL) == 0);
			continue;
		}
		char *args;
		xasprintf(&args, "set-buffer -b %s '%s'", bname, value);
		free(harness_tmux(tmux_sock, args));
		free(args);
	}
}

/* Sends keys once t's output has been quiet for a while: tmux 3.3a, attached in the
 * harness's pty, dropped a key written soon after its last drawing (a G just after the
 * list showed, a / just after g). */
static void key(harness_client *t, const char *keys)
{
	harness_settle(t, 300);
	harness_send(t, keys);
}

/* In vi: C-b #, G and g, /b03 (the match below the screen: the view scrolls to it), then
 * a selection from it (Space, j, l l l) copied (Enter); the copy as the newest buffer. */
static char *vi_copy(harness_client *t, const char *tmux_sock)
{
	key(t, PREFIX "#");
	wait_row_start(t, 0, "b27: 3 bytes: \"b27\"", "[6/6]");
	key(t, "G");
	wait_row_start(t, 0, "b21: ", "[0/6]");
	key(t, "g");
	wait_row_start(t, 0, "b27: ", "[6/6]");
	key(t, "/");
	harness_wait_text(t, "(search down)");
	key(t, "b03\r");
	wait_row_start(t, 0, "b21: ", "[0/6]");
	unsigned row, col;
	harness_cursor(t, &row, &col);
	CHECKF(row == 18 && col == 0, "%s: cursor at %u,%u after the search",
	       tmux_sock != NULL ? "tmux" : "rsh", row, col);
	/* one key at a time: tmux 3.3a took only " j" of " jlll\r" written at once here */
	for (const char *k = " jlll\r"; *k != '\0'; k++)
		key(t, (char[]){*k, '\0'});
	if (tmux_sock == NULL)
		harness_wait_match(t, "work", "work");
	for (int i = 0; i < 300 && harness_screen_has(t, "[0/6]"); i++)
		harness_pump(t, 50); /* view mode left */
	CHECKF(!harness_screen_has(t, "[0/6]"), "still in view mode");
	char *out = NULL;
	if (tmux_sock != NULL)
		return harness_tmux(tmux_sock, "show-buffer");
	CHECK(harness_rsh(&out, "show-buffer", (char *)NULL) == 0);
	return out;
}

/* What tmux 3.3a copies after vi_copy's keys, or NULL without tmux. */
static char *tmux_vi_copy(void)
{
	char *sock;
	harness_client *t = harness_tmux_start(80, 25, "work", &sock);
	if (t == NULL)
		return NULL;
	free(harness_tmux(sock, "setw -g mode-keys vi"));
	set_buffers(sock);
	char *copy = vi_copy(t, sock);
	harness_tmux_free(t, sock);
	return copy;
}

int main(void)
{
	harness_init();
	c = harness_client_start(80, 25, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	CHECK(harness_rsh(NULL, "set-buffer", "-b", "aa", "hello world", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "set-buffer", "-b", "bb", "second", (char *)NULL) == 0);

	/* C-b #: the buffers, newest first, as tmux's screen shows them. */
	harness_send(c, PREFIX "#");
	wait_row_start(c, 0, "bb: 6 bytes: \"second\"", "[0/0]");
	wait_row_start(c, 1, "aa: 11 bytes: \"hello world\"", NULL);
	term_cell pos = harness_cell(c, 0, 79);
	term_cell text = harness_cell(c, 0, 0);
	CHECKF(pos.bg != text.bg, "the position is not in mode-style");
	unsigned row, col;
	harness_cursor(c, &row, &col);
	CHECKF(row == 0 && col == 0, "cursor at %u,%u", row, col);
	/* keys go to the mode, not the pane; q leaves */
	harness_send(c, "xyz" DOWN "q");
	harness_wait_match(c, "work", "work");
	char *out = NULL;
	CHECK(harness_rsh(&out, "capture-pane", "-p", "-t", "work", (char *)NULL) == 0);
	CHECKF(strstr(out, "xyz") == NULL, "typed into the pane: %s", out);
	free(out);

	/* 30 lines on 24 rows: 6 of history, the top shown first ([6/6]); the cursor goes
	 * down to the last row, then the view scrolls; emacs's M-> and M-<, Escape leaves. */
	set_buffers(NULL);
	harness_send(c, PREFIX "#");
	wait_row_start(c, 0, "b27: 3 bytes: \"b27\"", "[6/6]");
	for (int i = 0; i < 23; i++)
		harness_send(c, DOWN);
	harness_settle(c, 300);
	wait_row_start(c, 0, "b27: ", "[6/6]");
	harness_send(c, DOWN);
	wait_row_start(c, 0, "b26: ", "[5/6]");
	harness_send(c, "\033>");
	wait_row_start(c, 0, "b21: ", "[0/6]");
	wait_row_start(c, 23, "aa: 11 bytes", NULL);
	harness_cursor(c, &row, &col);
	CHECKF(row == 23, "cursor at row %u after M->", row);
	harness_send(c, "\033<");
	wait_row_start(c, 0, "b27: ", "[6/6]");
	/* Another size: the text written again at it, copy mode still on it at its top
	 * (19 rows: 11 lines of history; tmux's window_copy_resize puts the cursor's line,
	 * the first, at the top too: [11/11]). */
	harness_client_resize(c, 60, 20);
	wait_row_start(c, 0, "b27: ", "[11/11]");
	wait_row_start(c, 18, "b09: ", NULL);
	harness_client_resize(c, 80, 25);
	wait_row_start(c, 0, "b27: ", "[6/6]");
	harness_idle(c, 600); /* escape-time: the lone ESC below is Escape */
	harness_send(c, "\033");
	harness_wait_match(c, "work", "work");

	/* vi: search, select, copy to a buffer, as tmux. */
	CHECK(harness_rsh(NULL, "set", "-g", "mode-keys", "vi", (char *)NULL) == 0);
	harness_settle(c, 200);
	char *copy = vi_copy(c, NULL);
	/* show-buffer ends what it prints with a newline (tmux's prints the buffer alone) */
	CHECKF(strcmp(copy, "b03: 3 bytes: \"b03\"\nb02:\n") == 0, "rsh copied '%s'", copy);
	copy[strlen(copy) - 1] = '\0';
	char *tmux = tmux_vi_copy();
	CHECKF(tmux == NULL || strcmp(tmux, copy) == 0, "tmux copied '%s', rsh '%s'", tmux, copy);
	free(tmux);
	free(copy);
	CHECK(harness_rsh(NULL, "set", "-g", "mode-keys", "emacs", (char *)NULL) == 0);
	harness_settle(c, 200);

	/* C-b ~: the message log; a prompt's command prints there too. */
	harness_send(c, PREFIX ":");
	harness_wait_line(c, ":");
	harness_send(c, "list-windows -F 'window #{window_index} is #{window_name}'\r");
	wait_row_start(c, 0, "window 0 is ", "[0/0]");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
	CHECK(harness_rsh(NULL, "bind-key", "Y", "display-message", "logged-text",
			  (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "bind-key", "Z", "display-message", "later-text",
			  (char *)NULL) == 0);
	harness_send(c, PREFIX "Y");
	harness_wait_text(c, "logged-text");
	harness_send(c, PREFIX "Z");
	harness_wait_text(c, "later-text");
	/* newest first, each after its time as tmux's (HH:MM today) */
	harness_send(c, PREFIX "~");
	harness_wait_text(c, ": logged-text");
	char *first = harness_row(c, 0), *second = harness_row(c, 1);
	CHECKF(strlen(first) > 17 && first[2] == ':' && strncmp(first + 5, ": later-text", 12) == 0,
	       "row 0: %s", first);
	CHECKF(strncmp(second + 5, ": logged-text", 13) == 0, "row 1: %s", second);
	free(first);
	free(second);
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");

	/* list-clients -F: the client variables. */
	harness_wait_rsh(c, "^[0-9]+ work attached(,focused)? 80x25 0$", "list-clients", "-F",
			 "#{client_name} #{client_session} #{client_flags} "
			 "#{client_width}x#{client_height} #{client_readonly}",
			 (char *)NULL);
	harness_client_free(c);
	return 0;
}
