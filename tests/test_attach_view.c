/*
 * View mode through the real client: what a key binding's or a prompt's command prints
 * (C-b # list-buffers, C-b ~ show-messages, C-b : list-windows) shown over the window
 * area as tmux 3.3a shows it: the top first, "[offset/history]" at the top right in
 * mode-style, the cursor moving and scrolling at the edges, G and g, q leaving with the
 * panes back as they were and nothing typed into them. list-clients -F.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

#define PREFIX "\002"
#define UP "\033[A"
#define DOWN "\033[B"

static harness_client *c;

/* Row row as it reads, or failing the test when it does not begin with text. */
static void wait_row_start(unsigned row, const char *text, const char *end)
{
	for (int i = 0;; i++) {
		char *r = harness_row(c, row);
		bool ok = strncmp(r, text, strlen(text)) == 0 &&
			  (end == NULL || (strlen(r) >= strlen(end) &&
					   strcmp(r + strlen(r) - strlen(end), end) == 0));
		if (ok) {
			free(r);
			return;
		}
		if (i == 300)
			harness_fail(c, "row %u is '%s', not '%s...%s'", row, r, text,
				     end != NULL ? end : "");
		free(r);
		harness_pump(c, 50);
	}
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
	wait_row_start(0, "bb: 6 bytes: \"second\"", "[0/0]");
	wait_row_start(1, "aa: 11 bytes: \"hello world\"", NULL);
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
	 * down to the last row, then the view scrolls. */
	for (int i = 0; i < 28; i++) {
		char name[16];
		snprintf(name, sizeof name, "b%02d", i);
		CHECK(harness_rsh(NULL, "set-buffer", "-b", name, name, (char *)NULL) == 0);
	}
	harness_send(c, PREFIX "#");
	wait_row_start(0, "b27: 3 bytes: \"b27\"", "[6/6]");
	for (int i = 0; i < 23; i++)
		harness_send(c, DOWN);
	harness_settle(c, 300);
	wait_row_start(0, "b27: ", "[6/6]");
	harness_send(c, DOWN);
	wait_row_start(0, "b26: ", "[5/6]");
	harness_send(c, "G");
	wait_row_start(0, "b21: ", "[0/6]");
	wait_row_start(23, "aa: 11 bytes", NULL);
	harness_cursor(c, &row, &col);
	CHECKF(row == 23, "cursor at row %u after G", row);
	harness_send(c, "g");
	wait_row_start(0, "b27: ", "[6/6]");
	harness_send(c, "\033");
	harness_wait_match(c, "work", "work");

	/* C-b ~: the message log; a prompt's command prints there too. */
	harness_send(c, PREFIX ":");
	harness_wait_line(c, ":");
	harness_send(c, "list-windows -F 'window #{window_index} is #{window_name}'\r");
	wait_row_start(0, "window 0 is ", "[0/0]");
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
