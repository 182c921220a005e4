/* Sessions: windows by index, the current one, and the server's list of sessions. */
#include <stdlib.h>
#include <string.h>

#include "environ.h"
#include "options.h"
#include "server.h"
#include "server_client.h"
#include "util/printable.h"
#include "util/xmalloc.h"

struct server server;

const char *session_check_name(const char *name)
{
	if (*name == '\0')
		return "empty name";
	/* Refused rather than escaped: a name is typed back in targets. */
	if (!printable_is_clean(name, strlen(name)) || strpbrk(name, ":.") != NULL)
		return "names are UTF-8 text without control characters, ':' or '.'";
	return NULL;
}

struct session *session_create(const char *name, unsigned cols, unsigned rows,
			       const struct spawn *sp, char **error)
{
	char *generated = NULL;
	if (name == NULL) {
		/* tmux's default names: the session's id, skipping names in use. */
		for (uint32_t n = server.next_session;; n++) {
			free(generated);
			xasprintf(&generated, "%u", n);
			if (session_find_name(generated) == NULL)
				break;
		}
		name = generated;
	}
	unsigned base = (unsigned)options_get_number(options_global_session, "base-index");
	struct window *w = window_create(base, cols, rows, sp, NULL, error);
	if (w == NULL) {
		free(generated);
		return NULL;
	}
	struct session *s = xcalloc(1, sizeof *s);
	s->id = server.next_session++;
	s->name = generated != NULL ? generated : xstrdup(name);
	s->created = time(NULL);
	s->cwd = xstrdup(sp != NULL && sp->cwd != NULL && *sp->cwd != '\0' ? sp->cwd : "/");
	s->options = options_create(options_global_session);
	s->environ = environ_create();
	session_attach_window(s, w);
	s->current = w;
	server.sessions = xreallocarray(server.sessions, server.nsessions + 1,
					sizeof *server.sessions);
	server.sessions[server.nsessions++] = s;
	session_touch(s);
	return s;
}

void session_destroy(struct session *s)
{
	clients_session_destroyed(s);
	size_t i = 0;
	while (i < server.nsessions && server.sessions[i] != s)
		i++;
	if (i < server.nsessions) {
		memmove(&server.sessions[i], &server.sessions[i + 1],
			(server.nsessions - i - 1) * sizeof *server.sessions);
		server.nsessions--;
	}
	for (size_t j = 0; j < s->nwindows; j++)
		window_destroy(s->windows[j]);
	free(s->windows);
	options_free(s->options);
	environ_free(s->environ);
	free(s->cwd);
	free(s->name);
	free(s);
}

struct session *session_find_name(const char *name)
{
	for (size_t i = 0; i < server.nsessions; i++)
		if (strcmp(server.sessions[i]->name, name) == 0)
			return server.sessions[i];
	return NULL;
}

struct session *session_find_id(uint32_t id)
{
	for (size_t i = 0; i < server.nsessions; i++)
		if (server.sessions[i]->id == id)
			return server.sessions[i];
	return NULL;
}

struct session *session_current(void)
{
	struct session *best = NULL;
	for (size_t i = 0; i < server.nsessions; i++)
		if (best == NULL || server.sessions[i]->used > best->used)
			best = server.sessions[i];
	return best;
}

void session_touch(struct session *s)
{
	s->used = ++server.uses;
}

unsigned session_free_index(const struct session *s)
{
	unsigned index = (unsigned)options_get_number(s->options, "base-index");
	/* The windows are sorted by index, so one pass finds the first gap from base. */
	for (size_t i = 0; i < s->nwindows; i++)
		if (s->windows[i]->index == index)
			index++;
	return index;
}

void session_attach_window(struct session *s, struct window *w)
{
	size_t i = 0;
	while (i < s->nwindows && s->windows[i]->index < w->index)
		i++;
	s->windows = xreallocarray(s->windows, s->nwindows + 1, sizeof *s->windows);
	memmove(&s->windows[i + 1], &s->windows[i], (s->nwindows - i) * sizeof *s->windows);
	s->windows[i] = w;
	s->nwindows++;
	w->session = s;
}

void session_unlink_window(struct session *s, struct window *w)
{
	size_t i = 0;
	while (s->windows[i] != w)
		i++;
	memmove(&s->windows[i], &s->windows[i + 1], (s->nwindows - i - 1) * sizeof *s->windows);
	s->nwindows--;
	w->session = NULL;
	if (s->last == w)
		s->last = NULL;
	if (s->current == w) {
		s->current = s->nwindows == 0 ? NULL
			     : s->last != NULL ? s->last
						: s->windows[i > 0 ? i - 1 : 0];
		s->last = NULL;
	}
}

void session_detach_window(struct session *s, struct window *w)
{
	session_unlink_window(s, w);
	window_destroy(w);
	if (s->nwindows == 0) {
		session_destroy(s);
		return;
	}
	if (options_get_number(s->options, "renumber-windows"))
		session_renumber(s);
}

void session_renumber(struct session *s)
{
	unsigned base = (unsigned)options_get_number(s->options, "base-index");
	for (size_t i = 0; i < s->nwindows; i++)
		s->windows[i]->index = base + (unsigned)i;
}

void session_select_window(struct session *s, struct window *w)
{
	if (w == s->current)
		return;
	s->last = s->current;
	s->current = w;
	w->alerts = 0; /* seen now, as tmux clears a winlink's flags */
}

unsigned session_shuffle_up(struct session *s, unsigned index)
{
	/* The windows are sorted: those from index up to the first gap move up one. */
	unsigned next = index;
	for (size_t i = 0; i < s->nwindows; i++) {
		if (s->windows[i]->index < index)
			continue;
		if (s->windows[i]->index != next)
			break;
		next++;
	}
	for (size_t i = 0; i < s->nwindows; i++)
		if (s->windows[i]->index >= index && s->windows[i]->index < next)
			s->windows[i]->index++;
	return index;
}
