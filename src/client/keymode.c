/* Keys by what they are for: the pane, a binding, a prompt's line, the list of bindings. */
#include "keymode.h"

#include <stdlib.h>
#include <string.h>

#include "net/clock.h"
#include "util/xmalloc.h"

/* tmux's repeat-time default: how long after a repeatable binding the next needs no prefix. */
#define KEYMODE_REPEAT_MS 500

void keymode_init(struct keymode *k, enum copykeys_table keys)
{
	memset(k, 0, sizeof *k);
	copymode_init(&k->copy, keys);
}

void keymode_clear(struct keymode *k)
{
	copymode_clear(&k->copy);
}

/* A binding's command words, and last (when not NULL) a prompt's line, as a COMMAND. */
static void send_command(const char *const *words, const char *last, copymode_send *send,
			 void *arg)
{
	term_event ev = { .type = TERM_EVENT_COMMAND };

	while (words[ev.command.argc] && ev.command.argc < PREFIX_MAX_WORDS) {
		ev.command.argv[ev.command.argc].p = words[ev.command.argc];
		ev.command.argv[ev.command.argc].len = (uint32_t)strlen(words[ev.command.argc]);
		ev.command.argc++;
	}
	if (last) {
		ev.command.argv[ev.command.argc].p = last;
		ev.command.argv[ev.command.argc].len = (uint32_t)strlen(last);
		ev.command.argc++;
	}
	send(arg, &ev);
}

/* A key for the prompt's line: Enter sends the command, Escape or C-c drops it. */
static void prompt_line_key(struct keymode *k, const term_key *key, copymode_send *send,
			    void *arg)
{
	enum prompt_result r = prompt_key(&k->prompt, key);

	if (r == PROMPT_DONE)
		send_command(k->asking->words, k->prompt.line, send, arg);
	if (r != PROMPT_EDITING)
		k->mode = KEYMODE_PANE;
}

/* What the client does itself: copy mode. */
static bool client_binding(struct keymode *k, const struct prefix_binding *b,
			   const struct copymode_io *io)
{
	return copymode_enter(&k->copy, io, b->words[1] != NULL, false);
}

/* The key after the prefix: what its binding does; unbound, nothing (as tmux). Returns
 * true when it opened a prompt, the list or copy mode. */
static bool binding(struct keymode *k, const term_event *ev, const struct copymode_io *io)
{
	copymode_send *send = io->send;
	void *arg = io->arg;
	const struct prefix_binding *b = prefix_lookup(&ev->key);
	term_event detach = { .type = TERM_EVENT_DETACH };

	k->mode = KEYMODE_PANE;
	k->repeat_until = 0;
	if (!b)
		return false;
	if (b->repeat)
		k->repeat_until = net_clock_ms() + KEYMODE_REPEAT_MS;
	switch (b->action) {
	case PREFIX_COMMAND:
		send_command(b->words, NULL, send, arg);
		break;
	case PREFIX_DETACH:
		send(arg, &detach);
		break;
	case PREFIX_SEND_PREFIX:
		send(arg, ev);
		break;
	case PREFIX_HELP:
		k->mode = KEYMODE_HELP;
		return true;
	case PREFIX_PROMPT:
		k->mode = KEYMODE_PROMPT;
		k->asking = b;
		k->prompt.len = 0;
		k->prompt.line[0] = '\0';
		return true;
	case PREFIX_CLIENT:
		return client_binding(k, b, io);
	}
	return false;
}

/* Whether copy mode takes the keys: it is on over the active pane. */
static bool copying(const struct keymode *k, const term_view *v)
{
	return k->copy.on && v->npanes > 0 && v->panes[v->active].id == k->copy.pane;
}

bool keymode_key(struct keymode *k, const term_event *ev, const struct copymode_io *io)
{
	switch (k->mode) {
	case KEYMODE_PANE:
		if (k->repeat_until != 0 && net_clock_ms() < k->repeat_until) {
			const struct prefix_binding *b = prefix_lookup(&ev->key);
			if (b != NULL && b->repeat)
				return binding(k, ev, io);
		}
		k->repeat_until = 0; /* any other key ends the repeat and is the pane's */
		if (prefix_is_prefix(&ev->key) && k->copy.asking == NULL) {
			k->mode = KEYMODE_PREFIXED;
		} else if (copying(k, io->view)) {
			copymode_key(&k->copy, io, &ev->key);
			return true;
		} else {
			io->send(io->arg, ev);
		}
		return false;
	case KEYMODE_PREFIXED:
		return binding(k, ev, io);
	case KEYMODE_HELP:
		k->mode = KEYMODE_PANE; /* any key closes the list */
		return true;
	case KEYMODE_PROMPT:
		prompt_line_key(k, &ev->key, io->send, io->arg);
		return true;
	}
	return false;
}

void keymode_draw(const struct keymode *k, render *r, const term_view *v)
{
	char *copy_prompt = copymode_prompt_text(&k->copy);
	if (copy_prompt != NULL) {
		render_prompt(r, v, copy_prompt);
		free(copy_prompt);
	} else if (k->mode == KEYMODE_PROMPT) {
		char *text;
		xasprintf(&text, "%s%s", k->asking->prompt ? k->asking->prompt : "",
			  k->prompt.line);
		render_prompt(r, v, text);
		free(text);
	} else if (k->mode == KEYMODE_HELP) {
		size_t n;
		const struct prefix_binding *b = prefix_bindings(&n);
		render_help(r, b, n);
	}
}
