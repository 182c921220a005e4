/*
 * wait-for, as tmux's: named channels that command lines wait on. wait-for NAME waits
 * until wait-for -S NAME signals it (a signal nobody waited for is kept for the next
 * wait); -L takes the channel's lock, waiting while another holds it; -U gives it up,
 * handing it to the next waiting -L. Only a command line's own command can wait (its
 * reply is held: cmd_wait_resume); elsewhere (a binding, a file) waiting is refused.
 * A channel goes once nothing waits on it and it is neither locked nor signalled.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "wait_for.h"
#include "util/xmalloc.h"

static enum cmd_retval cmd_wait_for_exec(struct cmd_ctx *ctx);

const struct cmd_entry cmd_wait_for_entry = {
	.name = "wait-for",
	.alias = {"wait"},
	.flags = ARGS_FLAGS(FLAG_BOOL('L'), FLAG_BOOL('S'), FLAG_BOOL('U')),
	.exclusive = "LSU",
	.min_args = 1,
	.max_args = 1,
	.usage = "wait-for [-L | -S | -U] channel",
	.exec = cmd_wait_for_exec,
};

struct waiters {
	struct cmd_wait **v;
	size_t n;
};

struct channel {
	char *name;
	bool woken, locked;
	struct waiters waiting, lockers;
};

static struct channel **channels;
static size_t nchannels;

static struct channel *find(const char *name, bool create)
{
	for (size_t i = 0; i < nchannels; i++)
		if (strcmp(channels[i]->name, name) == 0)
			return channels[i];
	if (!create)
		return NULL;
	struct channel *ch = xcalloc(1, sizeof *ch);
	ch->name = xstrdup(name);
	channels = xreallocarray(channels, nchannels + 1, sizeof *channels);
	channels[nchannels++] = ch;
	return ch;
}

static void channel_free(size_t i)
{
	struct channel *ch = channels[i];
	free(ch->waiting.v);
	free(ch->lockers.v);
	free(ch->name);
	free(ch);
	memmove(&channels[i], &channels[i + 1], (nchannels - i - 1) * sizeof *channels);
	nchannels--;
}

/* Drops the channel when nothing is left of it. */
static void tidy(struct channel *ch)
{
	if (ch->woken || ch->locked || ch->waiting.n > 0 || ch->lockers.n > 0)
		return;
	for (size_t i = 0; i < nchannels; i++)
		if (channels[i] == ch)
			channel_free(i);
}

static void push(struct waiters *q, struct cmd_wait *w)
{
	q->v = xreallocarray(q->v, q->n + 1, sizeof *q->v);
	q->v[q->n++] = w;
}

static struct cmd_wait *shift(struct waiters *q)
{
	struct cmd_wait *w = q->v[0];
	memmove(q->v, q->v + 1, (q->n - 1) * sizeof *q->v);
	q->n--;
	return w;
}

/* Queues the command line's reply on q; refused where nothing can wait. */
static enum cmd_retval wait_on(struct cmd_ctx *ctx, struct waiters *q)
{
	if (ctx->wait == NULL)
		return cmd_error(ctx, "wait-for can only wait from a command line");
	push(q, ctx->wait);
	return CMD_RETURN_WAIT;
}

/*
 * The lines woken resume last, with the channel tidied first: what they run may use the
 * channel again (wait on it, lock it), and a signal wakes only those waiting now.
 */
static enum cmd_retval cmd_wait_for_exec(struct cmd_ctx *ctx)
{
	const struct args *a = &ctx->args;
	const char *name = a->argv[0];
	struct channel *ch = find(name, !args_has(a, 'U'));
	struct waiters wake = {0};
	if (args_has(a, 'S')) {
		ch->woken = ch->waiting.n == 0;
		wake = ch->waiting;
		ch->waiting = (struct waiters){0};
	} else if (args_has(a, 'L')) {
		if (ch->locked)
			return wait_on(ctx, &ch->lockers);
		ch->locked = true;
	} else if (args_has(a, 'U')) {
		if (ch == NULL || !ch->locked)
			return cmd_error(ctx, "channel %s not locked", name);
		if (ch->lockers.n > 0) /* the lock passes on: still locked */
			push(&wake, shift(&ch->lockers));
		else
			ch->locked = false;
	} else if (ch->woken) {
		ch->woken = false;
	} else {
		return wait_on(ctx, &ch->waiting);
	}
	tidy(ch);
	for (size_t i = 0; i < wake.n; i++)
		cmd_wait_resume(wake.v[i], CMD_RETURN_NORMAL, 0);
	free(wake.v);
	return CMD_RETURN_NORMAL;
}

void wait_for_free_all(void)
{
	while (nchannels > 0) {
		struct channel *ch = channels[nchannels - 1];
		for (size_t i = 0; i < ch->waiting.n; i++)
			cmd_wait_free(ch->waiting.v[i]);
		for (size_t i = 0; i < ch->lockers.n; i++)
			cmd_wait_free(ch->lockers.v[i]);
		channel_free(nchannels - 1);
	}
	free(channels);
	channels = NULL;
}
