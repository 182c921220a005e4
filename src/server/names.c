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

/* The rename a pane's program asked for, as tmux's input_exit_rename. */
static void rename_asked(struct pane *p, struct window *w)
{
	char *name = term_emulator_take_rename(p->em);
	if (name == NULL || !options_get_number(p->options, "allow-rename")) {
		free(name);
		return;
	}
	char *shown = printable_copy(name, strlen(name), "");
	if (*shown != '\0') {
		window_set_name(w, shown, true);
	} else {
		char *cause = NULL;
		options_unset(w->options, options_find("automatic-rename", &cause));
		if (!options_get_number(w->options, "automatic-rename"))
			window_set_name(w, "", false);
	}
	free(shown);
	free(name);
}

void names_output(struct pane *p)
{
	if (p->window == NULL)
		return;
	p->window->name_due = true;
	rename_asked(p, p->window);
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

/* The name automatic-rename-format gives w now (escaped as window names are); whether
 * that is another. */
static bool check(struct window *w, uint64_t now)
{
	w->name_checked_ms = now;
	if (w->session == NULL || w->active == NULL || unstarted(w->active))
		return false; /* still due: the next check */
	w->name_due = false;
	struct format_ctx ctx = {.s = w->session, .w = w, .p = w->active};
	format_defaults(&ctx);
	char *text = format_expand(options_get_string(w->options, "automatic-rename-format"),
				   &ctx);
	char *name = printable_copy(text, strlen(text), "");
	bool other = strcmp(name, w->name) != 0;
	if (other)
		window_set_name(w, name, false);
	free(name);
	free(text);
	return other;
}

int names_tick(bool *renamed)
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
				*renamed |= check(w, now);
				continue;
			}
			int left = (int)(NAMES_INTERVAL_MS - since);
			wait = wait < 0 || left < wait ? left : wait;
		}
	}
	return wait;
}
