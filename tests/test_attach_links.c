/*
 * OSC 8 hyperlinks reach the client's terminal: the real client writes the link's OSC 8
 * around the linked cells after curses's own output (render.c's extras), so the text
 * between the two sequences, SGR and cursor moves aside, is the link's text; the end of
 * the link follows. capture-pane -e shows the link as tmux 3.4 does. A pane that made more
 * links than the table holds still makes new ones, and URIs may be UTF-8 (issue 11).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach_harness.h"
#include "check.h"
#include "util/xmalloc.h"

/* The text the client wrote between the first open that starts "ESC ] 8 ; params ; uri"
 * and the end of the link after it, CSI sequences left out; NULL when there is none. */
static char *linked_text(harness_client *c, const char *open)
{
	const char *out = harness_client_output(c, NULL);
	const char *p = strstr(out, open), *end;
	if (p == NULL || (end = strstr(p += strlen(open), "\033]8;;\033\\")) == NULL)
		return NULL;
	char *text = xcalloc(1, (size_t)(end - p) + 1);
	size_t n = 0;
	while (p < end) {
		if (p[0] == '\033' && p[1] == '[') {
			for (p += 2; p < end && !(*p >= 0x40 && *p <= 0x7e); p++)
				;
			p++;
		} else {
			text[n++] = *p++;
		}
	}
	return text;
}

/* 20000 links of their own (more than link.h's table holds), then one whose URI is UTF-8. */
#define MANY                                                                               \
	"i=0; while [ $i -lt 20000 ]; do printf '\\033]8;;http://h/%s\\033\\\\x' $i; "      \
	"i=$((i+1)); done; printf '\\033]8;;\\033\\\\\\nb \\033]8;;https://example.com/"    \
	"\\303\\274\\033\\\\last\\033]8;;\\033\\\\ end\\n'"

int main(void)
{
	harness_init();
	harness_client *c = harness_pane_loop(80, 24, "if [ \"$arg\" = many ]; then " MANY "; else "
						      "printf 'a \\033]8;;%s\\033\\\\link"
						      "\\033]8;;\\033\\\\ plain\\n' \"$arg\"; fi");
	harness_pane_step(c, "https://example.com/one", "one-done");
	CHECK(harness_screen_has(c, "a link plain"));
	char *text = linked_text(c, "\033]8;;https://example.com/one\033\\");
	CHECKF(text != NULL && strcmp(text, "link") == 0, "linked text: %s in %s",
	       text ? text : "(none)", harness_client_output(c, NULL));
	free(text);

	/* Another link on the next line: drawn as well (only changed rows are drawn). */
	harness_pane_step(c, "file://host/tmp/x", "two-done");
	text = linked_text(c, "\033]8;;file://host/tmp/x\033\\");
	CHECKF(text != NULL && strcmp(text, "link") == 0, "linked text: %s",
	       text ? text : "(none)");
	free(text);

	char *capture;
	CHECK(harness_rsh(&capture, "capture-pane", "-e", "-p", "-t", "work", (char *)NULL) == 0);
	CHECKF(strstr(capture, "a \033]8;;https://example.com/one\033\\link\033]8;;\033\\ plain") !=
		       NULL, "capture: %s", capture);
	free(capture);
	/* A server that has made more links than its table holds still makes new ones (the
	 * oldest expire), and a URI may be UTF-8. */
	harness_pane_step(c, "many", "many-done");
	CHECK(harness_screen_has(c, "b last end"));
	text = linked_text(c, "\033]8;;https://example.com/\xc3\xbc\033\\");
	CHECKF(text != NULL && strcmp(text, "last") == 0, "linked text: %s",
	       text ? text : "(none)");
	free(text);

	harness_detach(c);
	return 0;
}
