/*
 * move-window and swap-window. move-window: the source window (-s, else the current one)
 * goes to the index -t names (else the first free one), in that session or another; -k
 * kills a window already there (else "index in use"); current there unless -d; -r instead
 * renumbers the session's windows from base-index. swap-window: two windows exchange
 * places; as tmux 3.3, the current index stays current (so its window changes) unless -d,
 * which makes the target's index current.
 */
#include <stdlib.h>

#include "cmd.h"
#include "options.h"

static enum cmd_retval cmd_move_window_exec(struct cmd_ctx *ctx);
static enum cmd_retval cmd_swap_window_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_move_window_entry = {
	.name = "move-window",
	.alias = {"movew"},
	.flags = ARGS_FLAGS(FLAG_BOOL('d'), FLAG_BOOL('k'), FLAG_BOOL('r'), FLAG_STRING('s'),
			    FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "move-window [-dkr] [-s src-window] [-t dst-window]",
	.exec = cmd_move_window_exec,
};

const struct cmd_entry cmd_swap_window_entry = {
	.name = "swap-window",
	.alias = {"swapw"},
	.flags = ARGS_FLAGS(FLAG_BOOL('d'), FLAG_STRING('s'), FLAG_TARGET),
	.target = TARGET_WINDOW,
	.usage = "swap-window [-d] [-s src-window] [-t dst-window]",
	.exec = cmd_swap_window_exec,
};

static enum cmd_retval cmd_move_window_exec(struct cmd_ctx *ctx)
{
	struct args *a = &ctx->args;
	if (args_has(a, 'r')) {
		struct session *s = cmd_find_session(ctx);
		if (s == NULL)
			return CMD_RETURN_ERROR;
		session_renumber(s);
		return CMD_RETURN_NORMAL;
	}
	struct window *w = cmd_find_source_window(ctx), *taken;
	unsigned index;
	struct session *ds = w != NULL ? cmd_find_window_index(ctx, &index, &taken) : NULL;
	if (ds == NULL)
		return CMD_RETURN_ERROR;
	if (taken == w)
		return cmd_error(ctx, "same index: %u", index);
	if (taken != NULL && !args_has(a, 'k'))
		return cmd_error(ctx, "index in use: %u", index);
	struct session *ss = w->session;
	bool was_current = ss->current == w;
	struct window *last = ss->last;
	session_unlink_window(ss, w);
	if (ss->nwindows == 0 && ss != ds) {
		session_destroy(ss); /* its only window left it, as tmux's unlink ends it */
		ss = NULL;
	}
	w->index = index;
	session_attach_window(ds, w);
	if (ds->current == NULL)
		ds->current = w; /* it was its session's only window */
	/* Only now the one it replaces goes: ds never runs out of windows in between. */
	if (taken != NULL)
		session_detach_window(ds, taken);
	if (!args_has(a, 'd')) {
		session_select_window(ds, w);
		if (ss == ds && was_current)
			ds->last = last != w && last != taken ? last : NULL;
	}
	if (ss != NULL && args_get(a, 's') == NULL &&
	    options_get_number(ss->options, "renumber-windows"))
		session_renumber(ss);
	return CMD_RETURN_NORMAL;
}

static size_t slot(const struct session *s, const struct window *w)
{
	size_t i = 0;
	while (s->windows[i] != w)
		i++;
	return i;
}

/* tmux's current and last windows are places (winlinks): they keep their indexes. */
static void follow_places(struct session *s, struct window *a, struct window *b)
{
	s->current = s->current == a ? b : s->current == b ? a : s->current;
	s->last = s->last == a ? b : s->last == b ? a : s->last;
}

static enum cmd_retval cmd_swap_window_exec(struct cmd_ctx *ctx)
{
	struct window *src = cmd_find_source_window(ctx);
	struct window *dst = src != NULL ? cmd_find_window(ctx) : NULL;
	if (dst == NULL)
		return CMD_RETURN_ERROR;
	if (src == dst)
		return CMD_RETURN_NORMAL;
	/* Each takes the other's slot and index, so both lists stay in index order. */
	struct session *ss = src->session, *ds = dst->session;
	size_t i = slot(ss, src), j = slot(ds, dst);
	ss->windows[i] = dst;
	ds->windows[j] = src;
	unsigned index = src->index;
	src->index = dst->index;
	dst->index = index;
	src->session = ds;
	dst->session = ss;
	follow_places(ss, src, dst);
	if (ds != ss)
		follow_places(ds, src, dst);
	if (args_has(&ctx->args, 'd')) {
		session_select_window(ds, src);
		if (ss != ds)
			session_select_window(ss, dst);
	}
	return CMD_RETURN_NORMAL;
}
