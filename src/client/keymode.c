/* Keys by what they are for: the pane, a binding, a prompt's line, the list of bindings. */
#include "keymode.h"

#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

/* A binding's command words, and last (when not NULL) a prompt's line, as a COMMAND. */
static void send_command(const char *const *words, const char *last, keymode_send *send,
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
static void prompt_line_key(struct keymode *k, const term_key *key, keymode_send *send,
			    void *arg)
{
	enum prompt_result r = prompt_key(&k->prompt, key);

	if (r == PROMPT_DONE)
		send_command(k->asking->words, k->prompt.line, send, arg);
	if (r != PROMPT_EDITING)
		k->mode = KEYMODE_PANE;
}

/* The key after the prefix: what its binding does; unbound, nothing (as tmux). Returns
 * true when it opened a prompt or the list. */
static bool binding(struct keymode *k, const term_event *ev, keymode_send *send, void *arg)
{
	const struct prefix_binding *b = prefix_lookup(&ev->key);
	term_event detach = { .type = TERM_EVENT_DETACH };

	k->mode = KEYMODE_PANE;
	if (!b)
		return false;
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
	}
	return false;
}

bool keymode_key(struct keymode *k, const term_event *ev, keymode_send *send, void *arg)
{
	switch (k->mode) {
	case KEYMODE_PANE:
		if (prefix_is_prefix(&ev->key))
			k->mode = KEYMODE_PREFIXED;
		else
			send(arg, ev);
		return false;
	case KEYMODE_PREFIXED:
		return binding(k, ev, send, arg);
	case KEYMODE_HELP:
		k->mode = KEYMODE_PANE; /* any key closes the list */
		return true;
	case KEYMODE_PROMPT:
		prompt_line_key(k, &ev->key, send, arg);
		return true;
	}
	return false;
}

void keymode_draw(const struct keymode *k, render *r, const term_view *v)
{
	if (k->mode == KEYMODE_PROMPT) {
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
