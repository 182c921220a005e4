/*
 * The status line's cost in-process: composing a client's view (4 panes, 200x50) when
 * its status lines are unchanged (the cache's case, every frame of a flood or of typing),
 * and drawing the lines anew from tmux's default status-format (the case after any
 * change), with 1 and 10 windows, in the process's CPU time (the machine is shared, and
 * waiting for a core is not the status line's cost). Prints figures; asserts nothing
 * about time. tmux has no way to time its status drawing alone, so no peer figure is
 * printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "server/compose.h"
#include "server/options.h"
#include "server/server.h"
#include "server/status.h"
#include "term/view.h"

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); /* CPU time: the machine is shared */
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static struct spawn cat_spawn(char **argv)
{
	return (struct spawn){.argc = 1, .argv = argv, .cwd = "/"};
}

static struct session *make(unsigned windows)
{
	char *argv[] = {"cat", NULL}, *error = NULL;
	struct spawn sp = cat_spawn(argv);
	struct session *s = session_create("bench", 200, 49, &sp, &error);
	if (s == NULL) {
		fprintf(stderr, "status_line: %s\n", error);
		exit(1);
	}
	struct window *w = s->current;
	for (int i = 0; i < 3; i++) {
		struct layout_place where = {.how = i % 2 ? LAYOUT_ABOVE_BELOW : LAYOUT_SIDE_BY_SIDE};
		if (window_split(w, w->active, &where, &sp, &error) == NULL)
			exit(1);
	}
	for (unsigned i = 1; i < windows; i++) {
		struct window *nw = window_create(session_free_index(s), 200, 49, &sp, "win", &error);
		if (nw == NULL)
			exit(1);
		session_attach_window(s, nw);
	}
	s->current = w;
	return s;
}

static void measure(unsigned windows)
{
	struct session *s = make(windows);
	const int n = 2000;
	double t0 = now_us();
	for (int i = 0; i < n; i++)
		term_view_unref(compose_view(s, 200, 50));
	double hit = (now_us() - t0) / n;
	t0 = now_us();
	for (int i = 0; i < n; i++) {
		options_changes++; /* as any set-option would: the lines drawn anew */
		term_snapshot_unref(status_lines(s, 200, 1));
	}
	double miss = (now_us() - t0) / n;
	t0 = now_us();
	for (int i = 0; i < n; i++)
		term_snapshot_unref(status_lines(s, 200, 1));
	double lookup = (now_us() - t0) / n;
	printf("%2u windows: compose_view %.2f us (status cached); status line drawn anew %.2f us, "
	       "found in the cache %.2f us\n", windows, hit, miss, lookup);
	session_destroy(s);
	status_cache_free();
}

int main(void)
{
	setenv("SHELL", "/bin/sh", 1);
	options_init();
	measure(1);
	measure(10);
	free(server.sessions);
	return 0;
}
