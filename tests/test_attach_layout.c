/*
 * Layouts through the real client: C-b M-1 to M-5 arrange five panes as tmux 3.3a does at
 * 80x24 (the strings below are tmux's own `#{window_layout}` for the same window, pane ids
 * and checksum included), C-b Space steps to the next, C-b E spreads them out again. Each
 * step is checked against list-windows, then the client's screen against the server's.
 */
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "tmux_layouts.h"
#include "util/xmalloc.h"

#define PREFIX "\002"
#define META "\033"

/* A pattern matching text literally. */
static char *literal(const char *text)
{
	char *out = xcalloc(2 * strlen(text) + 1, 1), *o = out;
	for (const char *t = text; *t != '\0'; t++) {
		if (strchr("[]{}()|.*+?^$\\", *t) != NULL)
			*o++ = '\\';
		*o++ = *t;
	}
	return out;
}

static void wait_layout(harness_client *c, const char *layout)
{
	char *lit = literal(layout), *pattern;
	xasprintf(&pattern, "^0: .* \\[layout %s\\] @", lit);
	harness_wait_rsh(c, pattern, "list-windows", "-t", "work", (char *)NULL);
	free(pattern);
	free(lit);
	harness_wait_match(c, "work", "work");
}

int main(void)
{
	harness_init();
	harness_client *c = harness_client_start(80, 25, "new", "-s", "work", (char *)NULL);
	harness_wait_text(c, "$");
	for (int i = 0; i < 4; i++)
		harness_send(c, PREFIX "%");
	harness_wait_rsh(c, "^0: .*\\(5 panes\\)", "list-windows", "-t", "work", (char *)NULL);

	char key[] = PREFIX META "1";
	for (int set = 0; set < 5; set++) {
		key[2] = (char)('1' + set);
		harness_send(c, key);
		wait_layout(c, tmux_layout_5_panes[set]);
	}
	/* After tiled, C-b Space goes round to even-horizontal, then even-vertical. */
	harness_send(c, PREFIX " ");
	wait_layout(c, tmux_layout_5_panes[0]);
	harness_send(c, PREFIX " ");
	wait_layout(c, tmux_layout_5_panes[1]);

	/* A border moved, C-b E shares the column out evenly again. */
	CHECK(harness_rsh(NULL, "resize-pane", "-t", "work:0.0", "-D", "3", (char *)NULL) == 0);
	harness_wait_rsh(c, "^0: \\[80x7\\]", "list-panes", "-t", "work", (char *)NULL);
	harness_send(c, PREFIX "E");
	wait_layout(c, tmux_layout_5_panes[1]);

	/* A layout string given back rebuilds the layout, as select-layout -o undoes. */
	CHECK(harness_rsh(NULL, "select-layout", "-t", "work", tmux_layout_5_panes[3], (char *)NULL) == 0);
	wait_layout(c, tmux_layout_5_panes[3]);
	CHECK(harness_rsh(NULL, "select-layout", "-o", "-t", "work", (char *)NULL) == 0);
	wait_layout(c, tmux_layout_5_panes[1]);

	harness_send(c, PREFIX "d");
	harness_client_wait_exit(c);
	harness_client_free(c);
	return 0;
}
