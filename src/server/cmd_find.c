/* Resolving a parsed target (target.h) against the server's objects, as tmux does. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "options.h"
#include "server_client.h"
#include "cmd/word.h"

/* An error naming what was not found (sigil: how its ids are written), shown safely. */
static void *not_found(struct cmd_ctx *ctx, const char *what, char sigil,
		       const struct target_part *part)
{
	char *word = word_escape(part->name != NULL ? part->name : "");
	if (part->form == TARGET_ID)
		cmd_error(ctx, "can't find %s: %c%ld", what, sigil, part->value);
	else if (part->form == TARGET_OFFSET)
		cmd_error(ctx, "can't find %s: offset %+ld", what, part->value);
	else
		cmd_error(ctx, "can't find %s: %s", what, word);
	free(word);
	return NULL;
}

/*
 * The one name equal to name, else the one name it is a prefix of; count and names say
 * how to read the candidates. Ambiguous prefixes find nothing, as tmux.
 */
static size_t match_name(const char *name, bool exact_only, size_t count,
			 const char *(*name_at)(const void *, size_t), const void *arg)
{
	size_t prefix = count, matches = 0;
	for (size_t i = 0; i < count; i++) {
		const char *n = name_at(arg, i);
		if (strcmp(n, name) == 0)
			return i;
		if (!exact_only && strncmp(n, name, strlen(name)) == 0) {
			prefix = i;
			matches++;
		}
	}
	return matches == 1 ? prefix : count;
}

static const char *session_name_at(const void *arg, size_t i)
{
	return server.sessions[i]->name;
}

static const char *window_name_at(const void *arg, size_t i)
{
	const struct session *s = arg;
	return s->windows[i]->name;
}

struct pane *cmd_here(const struct cmd_ctx *ctx)
{
	struct window *w;
	return ctx->req != NULL && ctx->req->has_pane ? pane_find_id(ctx->req->pane, &w) : NULL;
}

struct session *cmd_find_session_part(struct cmd_ctx *ctx, const struct target_part *part)
{
	struct session *s = NULL;
	struct pane *here;
	size_t i;
	switch (part->form) {
	case TARGET_CURRENT:
		here = cmd_here(ctx);
		s = here != NULL ? here->window->session : session_current();
		if (s == NULL)
			cmd_error(ctx, "no sessions");
		return s;
	case TARGET_ID:
		s = session_find_id((uint32_t)part->value);
		break;
	case TARGET_NUMBER:
	case TARGET_NAME:
	case TARGET_EXACT:
		i = match_name(part->name, part->form == TARGET_EXACT, server.nsessions,
			       session_name_at, NULL);
		if (i < server.nsessions)
			s = server.sessions[i];
		break;
	case TARGET_OFFSET:
		break;
	}
	return s != NULL ? s : not_found(ctx, "session", '$', part);
}

/* The mouse target: the server holds no mouse event (the client resolves `=` in its
 * mouse keys' bindings), so it is never found here, as tmux without one. */
static bool no_mouse(struct cmd_ctx *ctx, const struct target *t)
{
	if (t->mouse)
		cmd_error(ctx, "no mouse target");
	return t->mouse;
}

struct session *cmd_find_session(struct cmd_ctx *ctx)
{
	const struct target *t = &ctx->args.target;
	if (no_mouse(ctx, t))
		return NULL;
	/* A window or pane the target names must exist too, as in tmux: has-session -t z:5
	 * fails without window 5 ("can't find window: 5"), and so do @N and %N. */
	if (t->pane.form != TARGET_CURRENT) {
		struct pane *p = cmd_find_pane(ctx);
		return p != NULL ? p->window->session : NULL;
	}
	if (t->window.form != TARGET_CURRENT) {
		struct window *w = cmd_find_window(ctx);
		return w != NULL ? w->session : NULL;
	}
	return cmd_find_session_part(ctx, &t->session);
}

/*
 * A lone word that is no window of the current session may name a session, as in
 * `send-keys -t work`: tmux then takes that session's current window.
 */
static struct window *session_current_window(const char *name)
{
	size_t i = match_name(name, false, server.nsessions, session_name_at, NULL);
	return i < server.nsessions ? server.sessions[i]->current : NULL;
}

static struct window *find_window_id(uint32_t id)
{
	for (size_t i = 0; i < server.nsessions; i++)
		for (size_t j = 0; j < server.sessions[i]->nwindows; j++)
			if (server.sessions[i]->windows[j]->id == id)
				return server.sessions[i]->windows[j];
	return NULL;
}

static size_t window_position(const struct session *s, const struct window *w)
{
	size_t i = 0;
	while (s->windows[i] != w)
		i++;
	return i;
}

static struct window *find_in_session(struct session *s, const struct target_part *part)
{
	size_t n = s->nwindows, i;
	long pos;
	switch (part->form) {
	case TARGET_CURRENT:
		return s->current;
	case TARGET_NUMBER:
	case TARGET_EXACT: /* :=0 is the index first too, as tmux's (= only rules out prefixes) */
		pos = part->form == TARGET_NUMBER ? part->value : word_number(part->name, LONG_MAX);
		for (i = 0; pos >= 0 && i < n; i++)
			if (s->windows[i]->index == (unsigned long)pos)
				return s->windows[i];
		/* digits may also be a window's name */
		/* fall through */
	case TARGET_NAME:
		i = match_name(part->name, part->form == TARGET_EXACT, n, window_name_at, s);
		return i < n ? s->windows[i] : NULL;
	case TARGET_OFFSET:
		pos = ((long)window_position(s, s->current) + part->value % (long)n + (long)n) %
		      (long)n;
		return s->windows[pos];
	case TARGET_ID:
		break;
	}
	return NULL;
}

struct window *cmd_find_window(struct cmd_ctx *ctx)
{
	return cmd_find_window_at(ctx, &ctx->args.target);
}

struct window *cmd_find_window_at(struct cmd_ctx *ctx, const struct target *t)
{
	struct window *w;
	if (no_mouse(ctx, t))
		return NULL;
	if (t->pane.form == TARGET_ID) {
		struct pane *p = pane_find_id((uint32_t)t->pane.value, &w);
		return p != NULL ? w : not_found(ctx, "pane", '%', &t->pane);
	}
	if (t->window.form == TARGET_ID) {
		w = find_window_id((uint32_t)t->window.value);
		return w != NULL ? w : not_found(ctx, "window", '@', &t->window);
	}
	struct session *s = cmd_find_session_part(ctx, &t->session);
	if (s == NULL)
		return NULL;
	struct pane *here = cmd_here(ctx);
	if (t->window.form == TARGET_CURRENT && here != NULL && here->window->session == s)
		w = here->window; /* typed in a pane: its window, current or not */
	else
		w = find_in_session(s, &t->window);
	if (w == NULL && t->session.form == TARGET_CURRENT && t->window.name != NULL)
		w = session_current_window(t->window.name);
	return w != NULL ? w : not_found(ctx, "window", '@', &t->window);
}

struct pane *cmd_find_pane(struct cmd_ctx *ctx)
{
	return cmd_find_pane_at(ctx, &ctx->args.target);
}

/* -s parsed as a target of kind (every part current when absent); false on a bad one. */
static bool source_target(struct cmd_ctx *ctx, enum target_kind kind, struct target *t)
{
	const char *s = args_get(&ctx->args, 's');
	char *why = s != NULL ? target_parse(s, kind, t) : NULL;
	if (why != NULL)
		cmd_error(ctx, "%s", why);
	free(why);
	return why == NULL;
}

struct pane *cmd_find_source_pane(struct cmd_ctx *ctx)
{
	struct target t = {0};
	struct window *w;
	struct pane *marked = server.marked_set ? pane_find_id(server.marked, &w) : NULL;
	if (args_get(&ctx->args, 's') == NULL && marked != NULL)
		return marked;
	struct pane *p = source_target(ctx, TARGET_PANE, &t) ? cmd_find_pane_at(ctx, &t) : NULL;
	target_free(&t);
	return p;
}

struct window *cmd_find_source_window(struct cmd_ctx *ctx)
{
	struct target t = {0};
	struct window *w = source_target(ctx, TARGET_WINDOW, &t) ? cmd_find_window_at(ctx, &t) : NULL;
	target_free(&t);
	return w;
}

struct pane *cmd_find_pane_at(struct cmd_ctx *ctx, const struct target *t)
{
	const struct target_part *part = &t->pane;
	struct window *w = cmd_find_window_at(ctx, t);
	struct pane *p = NULL, *here;
	long long base;
	if (w == NULL)
		return NULL;
	switch (part->form) {
	case TARGET_CURRENT:
		here = cmd_here(ctx);
		return here != NULL && here->window == w ? here : w->active;
	case TARGET_ID:
		return pane_find_id((uint32_t)part->value, &w);
	case TARGET_NUMBER:
		base = options_get_number(w->options, "pane-base-index");
		if (part->value >= base)
			p = window_pane_at(w, (size_t)(part->value - base));
		break;
	case TARGET_OFFSET:
		p = window_find_pane(w, layout_next(w->layout, w->active->id, (int)part->value));
		break;
	case TARGET_NAME:
	case TARGET_EXACT:
		break;
	}
	return p != NULL ? p : not_found(ctx, "pane", '%', part);
}

/* The window of s at index, or NULL. */
static struct window *window_at_index(const struct session *s, unsigned index)
{
	for (size_t i = 0; i < s->nwindows; i++)
		if (s->windows[i]->index == index)
			return s->windows[i];
	return NULL;
}

/* The index -t asks for: a number given, or the first free one. */
static bool new_index(struct cmd_ctx *ctx, struct session *s, unsigned *index)
{
	const struct target_part *part = &ctx->args.target.window;
	if (part->form == TARGET_CURRENT) {
		*index = session_free_index(s);
		return true;
	}
	if (part->form != TARGET_NUMBER || part->value > 100000) {
		cmd_error(ctx, "%s: -t wants a window index", ctx->args.cmd->name);
		return false;
	}
	*index = (unsigned)part->value;
	return true;
}

struct session *cmd_find_window_index(struct cmd_ctx *ctx, unsigned *index,
				      struct window **taken)
{
	const struct target *t = &ctx->args.target;
	struct session *s;
	*taken = NULL;
	/* `-t work` names the session the window goes to, as in tmux. */
	if (t->session.form == TARGET_CURRENT &&
	    (t->window.form == TARGET_NAME || t->window.form == TARGET_EXACT)) {
		s = cmd_find_session_part(ctx, &t->window);
		*index = s != NULL ? session_free_index(s) : 0;
		return s;
	}
	s = cmd_find_session_part(ctx, &t->session); /* the window part is the index */
	if (s == NULL || !new_index(ctx, s, index))
		return NULL;
	*taken = window_at_index(s, *index);
	return s;
}

struct session *cmd_find_new_window(struct cmd_ctx *ctx, unsigned *index)
{
	struct window *taken;
	struct session *s = cmd_find_window_index(ctx, index, &taken);
	if (s != NULL && taken != NULL) {
		cmd_error(ctx, "index %u in use", *index);
		return NULL;
	}
	return s;
}

struct client *cmd_latest_client(const struct session *s)
{
	struct client *best = NULL;
	for (size_t i = 0; i < nclients; i++)
		if (clients[i]->in.session == s->id && clients[i]->ended == NULL &&
		    (best == NULL || clients[i]->active_ms > best->active_ms))
			best = clients[i];
	return best;
}

struct client *cmd_session_client(struct cmd_ctx *ctx, const struct session *s)
{
	return ctx->client != NULL ? ctx->client : cmd_latest_client(s);
}

struct client *cmd_mode_client(struct cmd_ctx *ctx)
{
	struct pane *p = cmd_find_pane(ctx);
	if (p == NULL)
		return NULL;
	struct client *c = cmd_session_client(ctx, p->window->session);
	if (c == NULL)
		cmd_error(ctx, "no current client");
	return c;
}

struct client *cmd_find_pane_client(struct cmd_ctx *ctx, const struct pane *p)
{
	const struct session *s = p->window->session;
	struct client *c = ctx->client;
	if (s->current != p->window)
		c = NULL;
	else if (c == NULL || c->ended != NULL || c->in.session != s->id)
		c = cmd_latest_client(s);
	if (c == NULL)
		cmd_error(ctx, "no client shows pane %%%u", (unsigned)p->id);
	return c;
}

struct client *cmd_find_client(struct cmd_ctx *ctx, char flag)
{
	const char *name = args_get(&ctx->args, flag);
	struct target t;
	char *why;
	struct client *c = NULL;

	if (name == NULL) {
		if (ctx->client == NULL)
			cmd_error(ctx, "no current client");
		return ctx->client;
	}
	long id = word_number(name, UINT32_MAX);
	for (size_t i = 0; id >= 0 && i < nclients; i++)
		if (clients[i]->id == (uint32_t)id && clients[i]->ended == NULL)
			return clients[i];
	if ((why = target_parse(name, TARGET_SESSION, &t)) != NULL) {
		free(why);
	} else {
		struct cmd_ctx quiet = *ctx;
		quiet.cause = NULL;
		struct session *s = cmd_find_session_part(&quiet, &t.session);
		free(quiet.cause);
		c = s != NULL ? cmd_latest_client(s) : NULL;
		target_free(&t);
	}
	if (c == NULL) {
		char *word = word_escape(name);
		cmd_error(ctx, "can't find client: %s", word);
		free(word);
	}
	return c;
}
