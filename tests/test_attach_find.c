/*
 * The choosers' filter, order and tags through the real client, with the lines tmux
 * 3.3a draws for the same sessions: find-window (by name, by the screen's text, no
 * match), C-b f and its prompt, choose-tree -f and the f key, -O and O, -r and r,
 * t T C-t, ':' for the tagged items (checked against list-windows) and X; + - M-+ M--,
 * m and M.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"

#define PREFIX "\002"
#define TEE "\xe2\x94\x9c\xe2\x94\x80> "
#define ELL "\xe2\x94\x94\xe2\x94\x80> "

static harness_client *c;

/* Waits for the box's title line to begin with text. */
static void wait_title(const char *text)
{
	char *want;
	if (asprintf(&want, "\xe2\x94\x8c%s", text) < 0)
		abort();
	harness_wait_text(c, want);
	free(want);
}

static void find_window(void)
{
	/* By the window's name: only zed's window, the box saying the filter is on. */
	CHECK(harness_rsh(NULL, "find-window", "-t", "work:", "findme", (char *)NULL) == 0);
	harness_wait_line(c, "(0) - zed: 1 windows");
	harness_wait_line(c, "(1) " ELL "0: findme*");
	wait_title(" zed (sort: index) (filter: active) \xe2\x94\x80");
	CHECKF(!harness_screen_has(c, "(2)"), "more than zed's lines");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");

	/* C-b f asks "(find-window) "; the text on other:1.1's screen finds that pane. */
	CHECK(harness_rsh(NULL, "send-keys", "-t", "other:1.1", "echo needle-$((6*7))", "Enter",
			  (char *)NULL) == 0);
	harness_wait_rsh(c, "needle-42", "capture-pane", "-p", "-t", "other:1.1", (char *)NULL);
	harness_send(c, PREFIX "f");
	harness_wait_line(c, "(find-window)");
	harness_send(c, "needle-42\r");
	harness_wait_line(c, "(0) - other: 2 windows");
	harness_wait_line(c, "(1) " ELL "- 1: sh");
	harness_wait_line(c, "(2)     " ELL "1: sh");
	/* The client's own pane is filtered out, so the first line is current (as tmux);
	 * the pane's key goes there. */
	harness_send(c, "2");
	harness_wait_rsh(c, "^other 1 1$", "display", "-p", "-t", "other",
			 "#{session_name} #{window_index} #{pane_index}", (char *)NULL);
	harness_wait_rsh(c, "^[0-9]+: other ", "list-clients", (char *)NULL);
	harness_send(c, PREFIX "L"); /* back to work, the last session */
	harness_wait_match(c, "work", "work");

	/* No match: everything, and the box says so; -r -i: a regular expression, any case. */
	CHECK(harness_rsh(NULL, "find-window", "-t", "work:", "nowhere", (char *)NULL) == 0);
	harness_wait_line(c, "(0) - work: 1 windows (attached)");
	wait_title(" 0 (sort: index) (filter: no matches) \xe2\x94\x80"); /* work's window */
	CHECK(harness_rsh(NULL, "find-window", "-Cri", "-t", "work:", "NEEDLE-4[0-9]",
			  (char *)NULL) == 0);
	harness_wait_line(c, "(0) - other: 2 windows");
	/* -N alone does not look at the screen: needle-42 is no window's name. */
	CHECK(harness_rsh(NULL, "find-window", "-N", "-t", "work:", "needle-42", (char *)NULL) == 0);
	harness_wait_text(c, "(filter: no matches)");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
}

static void filter_key(void)
{
	/* choose-tree -f; f shows the filter in the prompt; an empty answer clears it. */
	CHECK(harness_rsh(NULL, "choose-tree", "-t", "work:", "-f", "#{==:#{session_name},other}",
			  (char *)NULL) == 0);
	harness_wait_line(c, "(0) - other: 2 windows");
	harness_send(c, "f");
	harness_wait_line(c, "(filter) #{==:#{session_name},other}");
	harness_send(c, "\025#{m:z*,#{session_name}}\r");
	harness_wait_line(c, "(0) - zed: 1 windows");
	harness_wait_line(c, "(1) " ELL "0: findme*");
	harness_send(c, "f");
	harness_wait_line(c, "(filter) #{m:z*,#{session_name}}");
	harness_send(c, "\025\r");
	harness_wait_line(c, "(0) - work: 1 windows (attached)");
	wait_title(" zed (sort: index) \xe2\x94\x80"); /* the current line stays */
	harness_send(c, "f");
	harness_wait_line(c, "(filter)");
	harness_send(c, "0\r");
	wait_title(" zed (sort: index) (filter: no matches) \xe2\x94\x80");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
}

static void order_keys(void)
{
	/* -O name, then O (time), O (index again), r, as tmux's titles say. */
	CHECK(harness_rsh(NULL, "choose-tree", "-s", "-t", "work:", "-O", "name", (char *)NULL) == 0);
	harness_wait_line(c, "(0) + other: 2 windows");
	harness_wait_line(c, "(1) + work: 1 windows (attached)");
	harness_wait_line(c, "(2) + zed: 1 windows");
	wait_title(" work (sort: name) \xe2\x94\x80");
	harness_send(c, "r");
	harness_wait_line(c, "(0) + zed: 1 windows");
	harness_wait_line(c, "(2) + other: 2 windows");
	wait_title(" work (sort: name, reversed) \xe2\x94\x80");
	harness_send(c, "OO");
	wait_title(" work (sort: index, reversed) \xe2\x94\x80");
	harness_wait_line(c, "(0) + zed: 1 windows");
	harness_wait_line(c, "(2) + work: 1 windows (attached)");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
	CHECK(harness_rsh(NULL, "choose-buffer", "-t", "work:", "-O", "name", "-r", (char *)NULL) ==
	      0);
	harness_wait_text(c, "(0) b: ");
	harness_wait_text(c, "(1) a: ");
	wait_title(" b (sort: name, reversed) \xe2\x94\x80");
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
}

static void tags(void)
{
	/* t tags and moves down; C-t tags every session; T none; tagged lines end in "*". */
	harness_send(c, PREFIX "s");
	harness_wait_line(c, "(0) + work: 1 windows (attached)");
	harness_send(c, "t");
	harness_wait_line(c, "(0) + work*: 1 windows (attached)");
	term_cell cell = harness_cell(c, 0, 0);
	CHECKF(cell.attrs & TERM_ATTR_BOLD, "a tagged line is not bright");
	harness_send(c, "\024");
	harness_wait_line(c, "(1) + other*: 2 windows");
	harness_wait_line(c, "(2) + zed*: 1 windows");
	harness_send(c, "T");
	harness_wait_line(c, "(2) + zed: 1 windows");
	harness_wait_line(c, "(0) + work: 1 windows (attached)");
	/* Tag other's two windows (a session and its windows are never both tagged), then
	 * ':' renames both. */
	harness_send(c, "t"); /* other, the current line after t moved down */
	harness_wait_line(c, "(1) + other*: 2 windows");
	harness_send(c, "k\033[C"); /* back to other, open it */
	harness_wait_line(c, "(1) - other*: 2 windows");
	harness_wait_line(c, "(2) " TEE "  0: sh-"); /* C-b f went to window 1 */
	harness_send(c, "jtt");
	harness_wait_line(c, "(1) - other: 2 windows");
	harness_wait_line(c, "(2) " TEE "  0*: sh-");
	harness_wait_line(c, "(3) " ELL "+ 1*: sh*");
	harness_send(c, ":");
	harness_wait_line(c, "(2 tagged)");
	harness_send(c, "rename-window -t '%%' tagged\r");
	harness_wait_rsh(c, "^0: tagged.*\n1: tagged", "list-windows", "-t", "other", (char *)NULL);
	harness_wait_line(c, "(2) " TEE "  0*: tagged-");
	/* No tags: ':' is for the current line (window 1: zed's line is current after t). */
	harness_send(c, "Tk:");
	harness_wait_line(c, "(current)");
	harness_send(c, "rename-window -t '%%' only\r");
	harness_wait_rsh(c, "^0: tagged.*\n1: only", "list-windows", "-t", "other", (char *)NULL);
	/* X asks once for the tagged ones. */
	harness_send(c, "kt");
	harness_wait_line(c, "(2) " TEE "  0*: tagged-");
	harness_send(c, "X");
	harness_wait_text(c, "Kill 1 tagged? (y/n)");
	harness_send(c, "y");
	harness_wait_rsh(c, "^1: only", "list-windows", "-t", "other", (char *)NULL);
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
}

/* + and - expand and collapse, M-+ and M-- every session; m marks the item's pane (and
 * only marks), M clears the mark. */
static void more_keys(void)
{
	harness_send(c, PREFIX "s");
	harness_wait_line(c, "(0) + work: 1 windows (attached)");
	harness_send(c, "\033+");
	harness_wait_line(c, "(0) - work: 1 windows (attached)");
	harness_wait_line(c, "(2) - other: 1 windows");
	harness_send(c, "\033-");
	harness_wait_line(c, "(1) + other: 1 windows");
	harness_send(c, "j+");
	harness_wait_line(c, "(1) - other: 1 windows");
	harness_send(c, "-");
	harness_wait_line(c, "(1) + other: 1 windows");
	harness_send(c, "m");
	harness_wait_rsh(c, "^11$", "display", "-p", "-t", "other", "#{pane_marked}#{pane_marked_set}",
			 (char *)NULL);
	harness_send(c, "m");
	harness_settle(c, 300);
	harness_wait_rsh(c, "^11$", "display", "-p", "-t", "other", "#{pane_marked}#{pane_marked_set}",
			 (char *)NULL);
	harness_send(c, "M");
	harness_wait_rsh(c, "^00$", "display", "-p", "-t", "other", "#{pane_marked}#{pane_marked_set}",
			 (char *)NULL);
	harness_send(c, "q");
	harness_wait_match(c, "work", "work");
}

int main(void)
{
	harness_init();
	c = harness_client_start(80, 25, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "other", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "neww", "-d", "-t", "other", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "splitw", "-d", "-t", "other:1", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "new", "-d", "-s", "zed", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "rename-window", "-t", "zed:0", "findme", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "set-buffer", "-b", "b", "one", (char *)NULL) == 0);
	CHECK(harness_rsh(NULL, "set-buffer", "-b", "a", "two", (char *)NULL) == 0);
	find_window();
	filter_key();
	order_keys();
	tags();
	more_keys();
	harness_client_free(c);
	return 0;
}
