/* Windows named after what runs in them (names.h). */
#include "names.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "options.h"
#include "server.h"
#include "net/clock.h"
#include "util/printable.h"

void names_output(struct pane *p)
{
	if (p->window != NULL)
		p->window->name_due = true;
}

/* Whether the pane's process still is the server's fork, before its exec: its command
 * would read as the server's own. */
static bool unstarted(const struct pane *p)
{
	char link[64], exe[PATH_MAX], self[PATH_MAX];
	snprintf(link, sizeof link, "/proc/%d/exe", (int)p->pty.pid);
	ssize_t n = readlink(link, exe, sizeof exe - 1), m = readlink("/proc/self/exe", self,
									 sizeof self - 1);
	return n > 0 && n == m && memcmp(exe, self, (size_t)n) == 0;
}

/* The name automatic-rename-format gives w now (escaped as window names are). */
static void check(struct window *w, uint64_t now)
{
	w->name_checked_ms = now;
	if (w->session == NULL || w->active == NULL || unstarted(w->active))
		return; /* still due: the next check */
	w->name_due = false;
	struct format_ctx ctx = {.s = w->session, .w = w, .p = w->active};
	format_defaults(&ctx);
	char *text = format_expand(options_get_string(w->options, "automatic-rename-format"),
				   &ctx);
	char *name = printable_copy(text, strlen(text), "");
	if (strcmp(name, w->name) != 0)
		window_set_name(w, name, false);
	free(name);
	free(text);
}

int names_tick(void)
{
	uint64_t now = net_clock_ms();
	int wait = -1;
	for (size_t i = 0; i < server.nsessions; i++) {
		struct session *s = server.sessions[i];
		for (size_t j = 0; j < s->nwindows; j++) {
			struct window *w = s->windows[j];
			if (!w->name_due || !options_get_number(w->options, "automatic-rename"))
				continue;
			uint64_t since = net_clock_since(now, w->name_checked_ms);
			if (since >= NAMES_INTERVAL_MS) {
				check(w, now);
				continue;
			}
			int left = (int)(NAMES_INTERVAL_MS - since);
			wait = wait < 0 || left < wait ? left : wait;
		}
	}
	return wait;
}
