/* Keys by the shipped key tables; the client's own commands; prompts. */
#include "keymode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ask.h"
#include "cmd/args.h"
#include "cmd/cmdlist.h"
#include "term/keyname.h"
#include "util/xmalloc.h"

/* --- local messages -------------------------------------------------------------- */

void keymode_say(struct keymode *k, uint64_t now, const char *msg)
{
	snprintf(k->message, sizeof k->message, "%s", msg);
	k->message_until = now + KEYMODE_MESSAGE_MS;
}

/* --- running a command list ------------------------------------------------------ */

/* The active pane's id, COPYMODE_ACTIVE with none. */
static uint32_t active_id(const term_view *v)
{
	return v->npanes > 0 ? v->panes[v->active].id : COPYMODE_ACTIVE;
}


/* Words on their way to the server as one COMMAND event: whole commands, argv form. */
struct batch {
	term_event ev;
	char *words[TERM_EVENT_WORDS_MAX];
};

static void batch_flush(struct batch *b, const struct copymode_io *io)
{
	if (b->ev.command.argc > 0)
		io->send(io->arg, &b->ev);
	for (uint32_t i = 0; i < b->ev.command.argc; i++)
		free(b->words[i]);
	b->ev = (term_event){.type = TERM_EVENT_COMMAND};
}

static void batch_add(struct batch *b, int argc, char *const argv[],
		      const struct copymode_io *io)
{
	uint32_t need = (uint32_t)argc + (b->ev.command.argc > 0);
	if (b->ev.command.argc + need > TERM_EVENT_WORDS_MAX)
		batch_flush(b, io);
	if (b->ev.command.argc > 0)
		b->words[b->ev.command.argc++] = xstrdup(";");
	for (int i = 0; i < argc && b->ev.command.argc < TERM_EVENT_WORDS_MAX; i++)
		b->words[b->ev.command.argc++] = cmdlist_escape(argv[i]);
	for (uint32_t i = 0; i < b->ev.command.argc; i++) {
		size_t len = strlen(b->words[i]);
		/* A longer word the event refuses: it goes cut (bindings keep within the limit). */
		b->ev.command.argv[i].p = b->words[i];
		b->ev.command.argv[i].len =
			(uint32_t)(len < TERM_EVENT_WORD_MAX ? len : TERM_EVENT_WORD_MAX);
	}
}

static void open_prompt(struct keymode *k, const struct args *a, uint64_t now,
			const struct copymode_io *io);
static void open_confirm(struct keymode *k, const struct args *a,
			 const struct copymode_io *io);

static const char *arg_or(const struct args *a, char flag, const char *dflt)
{
	const char *v = args_get(a, flag);
	return v != NULL ? v : dflt;
}

/* The pane the flag (-t, -s) names as the server sends it (%ID), COPYMODE_ACTIVE when
 * there is none; false for another form, which only the server resolves. */
static bool pane_arg(const struct args *a, char flag, uint32_t *pane)
{
	const char *t = args_get(a, flag);
	char *end;
	*pane = COPYMODE_ACTIVE;
	if (t == NULL)
		return true;
	if (t[0] != '%' || t[1] < '0' || t[1] > '9')
		return false;
	unsigned long id = strtoul(t + 1, &end, 10);
	if (id >= UINT32_MAX || *end != '\0')
		return false;
	*pane = (uint32_t)id;
	return true;
}

/* copy-mode [-eHMqu] [-s %ID] [-t %ID]: enters copy mode on the pane (without -t the
 * active one, or for a mouse key the one under the mouse) showing -s's lines (a pane in
 * the view), or with -q leaves it; -M begins a drag there when entering. */
static void copy_mode(struct keymode *k, const struct args *a, uint64_t now,
		      const struct copymode_io *io)
{
	uint32_t pane;
	uint32_t source;
	bool known = pane_arg(a, 't', &pane) && pane_arg(a, 's', &source);
	bool any = pane == COPYMODE_ACTIVE;
	if (known && source != COPYMODE_ACTIVE && term_view_find(io->view, source) == NULL)
		known = false; /* -s: a pane this client shows, whose lines it has */
	if (!known || (!any && term_view_find(io->view, pane) == NULL)) {
		keymode_say(k, now, "can't find pane");
		return;
	}
	if (args_has(a, 'q')) {
		if (k->copy.on && (any || pane == k->copy.pane))
			copymode_run(&k->copy, io, "cancel", NULL); /* view mode's text: told */
		return;
	}
	struct copymode *cm = &k->copy;
	const term_view_pane *under = cm->mouse_pending
		? copymode_pane_at(io->view, cm->mouse.row, cm->mouse.col) : NULL;
	if (args_has(a, 'M') && under == NULL)
		return; /* -M begins a mouse drag: nothing without the mouse, as tmux */
	if (any && under != NULL) { /* a mouse key's: the pane under the mouse, as tmux */
		pane = under->id;
		any = false;
	}
	if (cm->on && !any && pane != cm->pane)
		copymode_clear(cm); /* one copy mode a client: it moves to that pane */
	bool entering = !cm->on;
	if (!copymode_enter(cm, io, pane, source == COPYMODE_ACTIVE ? COPYMODE_OWN : source,
			    args_has(a, 'u'), args_has(a, 'e')))
		return;
	if (args_has(a, 'H'))
		cm->hide_position = true;
	if (args_has(a, 'M') && entering) { /* a drag from the mouse's cell */
		char *begin[] = {"begin-selection"}, *cause = NULL;
		copymode_command(cm, io, 1, 1, begin, &cause);
	}
}

/* send-keys -X [-F] [-N n] [-t %ID] command [argument], or -N n alone (a repeat count for
 * the next command), in copy mode of the pane (the active one without -t). */
static void send_keys(struct keymode *k, const struct args *a, uint64_t now,
		      const struct copymode_io *io)
{
	uint32_t pane;
	const term_view *v = io->view;
	if (pane_arg(a, 't', &pane) && pane == COPYMODE_ACTIVE && k->mouse_on &&
	    k->mouse_place.pane != NULL)
		pane = k->mouse_place.pane->id; /* a mouse key's: the pane under the mouse */
	else if (pane == COPYMODE_ACTIVE && v->npanes > 0)
		pane = v->panes[v->active].id;
	if (!k->copy.on || k->copy.pane != pane) {
		keymode_say(k, now, "not in a mode");
		return;
	}
	unsigned count = (unsigned)args_number(a, 'N', 0);
	if (!args_has(a, 'X')) {
		k->copy.prefix = count;
		return;
	}
	char **argv = xreallocarray(NULL, (size_t)a->argc + 1, sizeof *argv), *cause = NULL;
	for (int i = 0; i < a->argc; i++)
		argv[i] = args_has(a, 'F') ? copymode_expand(&k->copy, io, a->argv[i])
					   : xstrdup(a->argv[i]);
	if (copymode_command(&k->copy, io, count, a->argc, argv, &cause) != 0) {
		keymode_say(k, now, cause);
		free(cause);
	}
	ask_free_strings(argv, a->argc);
}

static void run_line(struct keymode *k, const char *line, uint64_t now,
		     const struct copymode_io *io);

/* A border drag's step to m from the last cell, unless m is that cell. */
static void drag_step(struct keymode *k, const term_mouse *m, const struct copymode_io *io)
{
	term_mouse *last = &k->resize_last;
	if (m->row == last->row && m->col == last->col)
		return;
	term_event ev = {.type = TERM_EVENT_DRAG,
			 .drag = {last->row, last->col, m->row, m->col}};
	io->send(io->arg, &ev);
	*last = *m;
}

/* send-keys -M in a mouse key's binding: the event on to the server for the pane under
 * it, unless that pane is in copy mode here (tmux's copy mode takes no such key). */
static void send_mouse(struct keymode *k, const struct copymode_io *io)
{
	const term_view_pane *p = k->mouse_place.pane;
	if (p == NULL || (k->copy.on && k->copy.pane == p->id))
		return;
	term_event ev = {.type = TERM_EVENT_MOUSE, .mouse = k->mouse_event};
	io->send(io->arg, &ev);
}

/* if-shell -F [-t %ID] condition command [command], when the client can tell whether
 * the condition holds for the pane (-t's; else the mouse's, else the active one): the
 * command it picks runs here. False to leave it to the server. */
static bool if_here(struct keymode *k, const struct args *a, uint64_t now,
		    const struct copymode_io *io)
{
	uint32_t pane;
	if (!pane_arg(a, 't', &pane))
		return false;
	if (pane == COPYMODE_ACTIVE)
		pane = k->mouse_on && k->mouse_place.pane != NULL ? k->mouse_place.pane->id
								  : active_id(io->view);
	int yes = copymode_condition(&k->copy, io, pane, a->argv[0]);
	if (yes < 0)
		return false;
	const char *line = yes ? a->argv[1] : a->argc > 2 ? a->argv[2] : NULL;
	if (line != NULL)
		run_line(k, line, now, io);
	return true;
}

/*
 * A command that is the client's own, run here; false when it is the server's. One
 * naming another client (-t, -c) is the server's, unless the server sent it here (here).
 */
static bool run_local(struct keymode *k, const struct args *a, bool here, uint64_t now,
		      const struct copymode_io *io)
{
	const char *name = a->cmd->name;
	bool mine = here || (!args_has(a, 't') && !args_has(a, 'c'));
	term_event ev = {0};

	/* -F: the server expands the template first, then sends the prompt here */
	if (strcmp(name, "command-prompt") == 0 && mine && !args_has(a, 'F')) {
		open_prompt(k, a, now, io);
	} else if (strcmp(name, "confirm-before") == 0 && mine) {
		open_confirm(k, a, io);
	} else if (strcmp(name, "send-prefix") == 0 && !args_has(a, 't')) {
		ev.type = TERM_EVENT_KEY;
		ev.key = args_has(a, '2') ? k->keys->opt.prefix2 : k->keys->opt.prefix;
		if (!keyname_is_none(&ev.key))
			io->send(io->arg, &ev);
	} else if (strcmp(name, "switch-client") == 0 && args_has(a, 'T') && !args_has(a, 't') &&
		   mine) {
		const char *table = args_get(a, 'T');
		if (key_tables_find(k->keys, table) == NULL) {
			char msg[128];
			snprintf(msg, sizeof msg, "table %.64s doesn't exist", table);
			keymode_say(k, now, msg);
		} else {
			snprintf(k->table, sizeof k->table, "%s", table);
			k->repeating = false;
		}
	} else if (strcmp(name, "copy-mode") == 0 && (here || (!args_has(a, 't') &&
							       pane_arg(a, 's', &(uint32_t){0})))) {
		copy_mode(k, a, now, io);
	} else if (strcmp(name, "send-keys") == 0 && args_has(a, 'M') && k->mouse_on) {
		send_mouse(k, io);
	} else if (strcmp(name, "resize-pane") == 0 && args_has(a, 'M') && k->mouse_on) {
		k->resizing = true;
		k->resize_last = k->copy.mouse; /* where the key is: the press, for a drag */
		drag_step(k, &k->mouse_event, io);
	} else if (strcmp(name, "if-shell") == 0 && args_has(a, 'F') && if_here(k, a, now, io)) {
		/* decided and run here */
	} else if (strcmp(name, "send-keys") == 0 && (here || !args_has(a, 't')) &&
		   (args_has(a, 'X') || (args_has(a, 'N') && a->argc == 0))) {
		send_keys(k, a, now, io);
	} else if (strcmp(name, "detach-client") == 0 && !args_has(a, 't') && !args_has(a, 's') &&
		   !args_has(a, 'a')) {
		ev.type = TERM_EVENT_DETACH;
		io->send(io->arg, &ev);
	} else if (strcmp(name, "refresh-client") == 0 && mine && !args_has(a, 'S')) {
		k->wants |= KEYMODE_WANT_REDRAW;
	} else if (strcmp(name, "suspend-client") == 0 && mine) {
		k->wants |= KEYMODE_WANT_SUSPEND;
	} else {
		return false;
	}
	return true;
}

/* run-shell -d with no command: a pause in the list, as tmux's queue waits for it. */
static bool is_pause(const struct args *a)
{
	return strcmp(a->cmd->name, "run-shell") == 0 && args_has(a, 'd') && a->argc == 0 &&
	       !args_has(a, 'b');
}

static void run(struct keymode *k, int argc, char *const argv[], bool here, uint64_t now,
		const struct copymode_io *io);

/* Runs the paused rest of a list now. */
static void resume(struct keymode *k, uint64_t now, const struct copymode_io *io)
{
	int argc = k->paused_argc;
	char **argv = k->paused_argv;
	k->paused_argc = 0;
	k->paused_argv = NULL;
	if (argc > 0)
		run(k, argc, argv, k->paused_here, now, io);
	cmdlist_free_words(argc, argv);
}

/* Keeps the list's commands from first on (argv form) to run when -d's seconds pass; a
 * list paused before runs its rest at once (one pause waits at a time). */
static void pause_rest(struct keymode *k, const struct args *a, const struct cmdlist *list,
		       int first, bool here, uint64_t now, const struct copymode_io *io)
{
	char *end;
	double seconds = strtod(args_get(a, 'd'), &end);
	if (*end != '\0' || end == args_get(a, 'd') || !(seconds <= 86400 * 365)) {
		char msg[128];
		snprintf(msg, sizeof msg, "invalid delay time: %.64s", args_get(a, 'd'));
		keymode_say(k, now, msg);
		return;
	}
	resume(k, now, io);
	int n = 0;
	for (int i = first; i < list->n; i++)
		n += list->cmd[i].argc + (i > first);
	char **words = xcalloc((size_t)n + 1, sizeof *words);
	n = 0;
	for (int i = first; i < list->n; i++) {
		if (i > first)
			words[n++] = xstrdup(";");
		for (int w = 0; w < list->cmd[i].argc; w++)
			words[n++] = cmdlist_escape(list->cmd[i].argv[w]);
	}
	k->paused_argc = n;
	k->paused_argv = words;
	k->paused_here = here;
	k->paused_until = now + (seconds > 0 ? (uint64_t)(seconds * 1000) : 0);
}

/* What the mouse target `=` names for the server (tmux's cmd_find with a mouse event):
 * the pane under the mouse, else the status range's window, else the active pane. */
static void mouse_target(const struct keymode *k, const term_view *v, char out[24])
{
	const struct copymode_place *pl = &k->mouse_place;
	if (pl->pane != NULL)
		snprintf(out, 24, "%%%u", (unsigned)pl->pane->id);
	else if (pl->window)
		snprintf(out, 24, ":=%u", (unsigned)pl->window_index);
	else
		snprintf(out, 24, "%%%u", (unsigned)active_id(v));
}

static bool is_mouse_word(const char *w)
{
	return strcmp(w, "=") == 0 || strcmp(w, "{mouse}") == 0;
}

/* A word of flags whose last takes the next word: -t or -s (-dt ...). */
static bool target_flag(const char *w)
{
	size_t n = strlen(w);
	return n >= 2 && w[0] == '-' && w[1] != '-' && (w[n - 1] == 't' || w[n - 1] == 's');
}

/* argv with each -t = and -s = (and -t=) naming the mouse's target; allocated. */
static char **mouse_targets(const struct keymode *k, int argc, char *const argv[],
			    const term_view *v)
{
	char target[24];
	char **words = xcalloc((size_t)argc + 1, sizeof *words);
	mouse_target(k, v, target);
	for (int i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]);
		if (i > 0 && is_mouse_word(argv[i]) && target_flag(argv[i - 1]))
			words[i] = xstrdup(target);
		else if (n >= 3 && argv[i][n - 1] == '=' && argv[i][0] == '-' && argv[i][1] != '-' &&
			 (argv[i][n - 2] == 't' || argv[i][n - 2] == 's'))
			xasprintf(&words[i], "%.*s%s", (int)(n - 1), argv[i], target);
		else
			words[i] = xstrdup(argv[i]);
	}
	return words;
}

/* A mouse key's command for the server with no -t, whose -t is a pane or window: -t the mouse's
 * target put in, as tmux's mouse keys' commands act where the mouse is by default
 * (allocated: argc + 2 words), else NULL. */
static char **mouse_default(const struct keymode *k, const struct args *a, int argc,
			    char *const argv[], const term_view *v)
{
	bool takes = false;
	for (const struct args_flag *f = a->cmd->flags; f->letter != 0; f++)
		takes |= f->letter == 't' && f->value == ARGS_TARGET;
	/* a session's: the mouse's is the client's own, the server's current already */
	if (!takes || a->cmd->target == TARGET_SESSION || args_has(a, 't') || argc < 1)
		return NULL;
	char target[24];
	mouse_target(k, v, target);
	char **words = xcalloc((size_t)argc + 3, sizeof *words);
	words[0] = xstrdup(argv[0]);
	words[1] = xstrdup("-t");
	words[2] = xstrdup(target);
	for (int i = 1; i < argc; i++)
		words[i + 2] = xstrdup(argv[i]);
	return words;
}

/*
 * Runs a command list (argv form): the client's own commands here, at once; runs of the
 * others as COMMAND events, so the server runs them in their order among these. here:
 * the server sent the list to this client (its run request).
 */
static void run(struct keymode *k, int argc, char *const argv[], bool here, uint64_t now,
		const struct copymode_io *io)
{
	struct cmdlist list;
	struct batch b = {.ev = {.type = TERM_EVENT_COMMAND}};
	char **words = k->mouse_on ? mouse_targets(k, argc, argv, io->view) : NULL;

	cmdlist_split(argc, words != NULL ? words : argv, &list);
	cmdlist_free_words(words != NULL ? argc : 0, words);
	for (int i = 0; i < list.n; i++) {
		struct args a;
		char *cause = NULL;
		/* A command the client cannot read may be one a newer server has. */
		bool parsed = args_parse_command(list.cmd[i].argc, list.cmd[i].argv, &a,
						 &cause) == 0, local = parsed;
		if (local && is_pause(&a)) {
			batch_flush(&b, io);
			pause_rest(k, &a, &list, i + 1, here, now, io);
			args_free(&a);
			break;
		}
		if (local) {
			batch_flush(&b, io);
			local = run_local(k, &a, here, now, io);
		}
		char **with = !local && k->mouse_on && parsed
				      ? mouse_default(k, &a, list.cmd[i].argc, list.cmd[i].argv, io->view)
				      : NULL;
		int wargc = list.cmd[i].argc + (with != NULL ? 2 : 0);
		if (!local && wargc > TERM_EVENT_WORDS_MAX)
			keymode_say(k, now, "command too long"); /* more words than an event carries */
		else if (!local)
			batch_add(&b, wargc, with != NULL ? with : list.cmd[i].argv, io);
		cmdlist_free_words(with != NULL ? wargc : 0, with);
		args_free(&a);
		free(cause);
	}
	batch_flush(&b, io);
	cmdlist_free(&list);
}

/* A command line as typed or made from a template. */
static void run_line(struct keymode *k, const char *line, uint64_t now, const struct copymode_io *io)
{
	char **argv, *cause = NULL;
	int argc = cmdlist_parse_line(line, &argv, &cause);
	if (argc < 0) {
		keymode_say(k, now, cause);
		free(cause);
		return;
	}
	run(k, argc, argv, false, now, io);
	cmdlist_free_words(argc, argv);
}

/* --- prompts --------------------------------------------------------------------- */

static void ask_clear(struct keymode *k)
{
	struct keymode_ask *q = &k->ask;
	free(q->template);
	ask_free_strings(q->prompts, q->nprompts);
	ask_free_strings(q->inputs, q->nprompts);
	ask_free_strings(q->answers, q->current);
	free(q->last);
	*q = (struct keymode_ask){0};
	k->prompting = false;
}

/* status-keys vi: the prompt edits as tmux's vi mode does (prompt.h). */
static bool vi_prompt(const struct keymode *k)
{
	return k->keys != NULL && k->keys->opt.status_keys == KEY_STYLE_VI;
}

/* Shows prompt number q->current with its initial text, both with names expanded (copy
 * mode's too: #{pane_search_string}). */
static void ask_next(struct keymode *k, const struct copymode_io *io)
{
	struct keymode_ask *q = &k->ask;
	char *prompt = copymode_expand(&k->copy, io, q->prompts[q->current]);
	char *input = copymode_expand(&k->copy, io, q->inputs[q->current]);
	free(q->prompts[q->current]);
	q->prompts[q->current] = prompt;
	free(q->last);
	q->last = NULL;
	if (q->incremental) {
		q->last = input;
		input = xstrdup("");
	}
	prompt_start(&k->prompt, input,
		     q->confirm || q->single || q->key ? NULL : &k->history[q->type]);
	free(input);
}

/* -i: the template with the line after prefix, run at once. */
static void incremental(struct keymode *k, char prefix, uint64_t now,
			const struct copymode_io *io)
{
	char *answer, *command;
	xasprintf(&answer, "%c%s", prefix, k->prompt.line);
	command = cmdlist_fill(k->ask.template, &answer, 1);
	run_line(k, command, now, io);
	free(command);
	free(answer);
}

static bool prompt_type(const char *name, enum keymode_prompt_type *type)
{
	static const char *const names[KEYMODE_PROMPT_TYPES] = {
		"command", "search", "target", "window-target",
	};
	for (int i = 0; i < KEYMODE_PROMPT_TYPES; i++)
		if (name == NULL || strcmp(name, names[i]) == 0) {
			*type = (enum keymode_prompt_type)i;
			return true;
		}
	return false;
}

static void open_prompt(struct keymode *k, const struct args *a, uint64_t now,
			const struct copymode_io *io)
{
	struct keymode_ask *q = &k->ask;
	char *prompts;
	if (k->prompting)
		return; /* tmux keeps the prompt already open */
	if (!prompt_type(args_get(a, 'T'), &q->type)) {
		char msg[128];
		snprintf(msg, sizeof msg, "unknown type: %.64s", args_get(a, 'T'));
		keymode_say(k, now, msg);
		return;
	}
	q->template = xstrdup(a->argc > 0 ? a->argv[0] : "%1");
	if (args_get(a, 'p') != NULL) {
		prompts = xstrdup(args_get(a, 'p'));
	} else if (a->argc > 0) {
		size_t n = strcspn(a->argv[0], " \t");
		xasprintf(&prompts, "(%.*s)", (int)n, a->argv[0]);
	} else {
		prompts = NULL; /* ":" and no space, as tmux */
	}
	q->nprompts = ask_split(prompts != NULL ? prompts : ":", &q->prompts);
	for (int i = 0; i < q->nprompts; i++) {
		char *p;
		xasprintf(&p, "%s%s", q->prompts[i], prompts != NULL ? " " : "");
		free(q->prompts[i]);
		q->prompts[i] = p;
	}
	free(prompts);
	/* One prompt takes -I whole, commas and all, where tmux keeps what is before the
	 * first: a chooser's filter prompt (mode_tree.c) gives the filter, which tmux's tree
	 * modes put in their prompt directly. */
	char **inputs = xmalloc(sizeof *inputs);
	int ninputs = 1;
	if (q->nprompts > 1) {
		free(inputs);
		ninputs = ask_split(arg_or(a, 'I', ""), &inputs);
	} else {
		inputs[0] = xstrdup(arg_or(a, 'I', ""));
	}
	q->inputs = xreallocarray(NULL, (size_t)q->nprompts, sizeof *q->inputs);
	for (int i = 0; i < q->nprompts; i++)
		q->inputs[i] = xstrdup(i < ninputs ? inputs[i] : "");
	ask_free_strings(inputs, ninputs);
	q->answers = xreallocarray(NULL, (size_t)q->nprompts, sizeof *q->answers);
	/* As tmux, one of them: -1 over -N over -i over -k. */
	q->single = args_has(a, '1');
	q->numeric = !q->single && args_has(a, 'N');
	q->incremental = !q->single && !q->numeric && args_has(a, 'i');
	q->key = !q->single && !q->numeric && !q->incremental && args_has(a, 'k');
	k->prompting = true;
	ask_next(k, io);
	if (q->incremental)
		incremental(k, '=', now, io);
}

static void open_confirm(struct keymode *k, const struct args *a,
			 const struct copymode_io *io)
{
	struct keymode_ask *q = &k->ask;
	char *prompt;
	if (k->prompting)
		return;
	if (args_get(a, 'p') != NULL) {
		xasprintf(&prompt, "%s ", args_get(a, 'p'));
	} else {
		size_t n = strcspn(a->argv[0], " \t");
		xasprintf(&prompt, "Confirm '%.*s'? (y/n) ", (int)n, a->argv[0]);
	}
	q->confirm = q->single = true;
	q->template = xstrdup(a->argv[0]);
	q->nprompts = 1;
	q->prompts = xmalloc(sizeof *q->prompts);
	q->prompts[0] = prompt;
	q->inputs = xmalloc(sizeof *q->inputs);
	q->inputs[0] = xstrdup("");
	q->answers = xmalloc(sizeof *q->answers);
	k->prompting = true;
	ask_next(k, io);
}

/* An answer: the next prompt, or the command with every answer put in. */
static void answered(struct keymode *k, const char *line, uint64_t now, const struct copymode_io *io)
{
	struct keymode_ask *q = &k->ask;
	if (!q->confirm && !q->single && !q->key)
		prompt_history_add(&k->history[q->type], line);
	if (q->incremental) {
		ask_clear(k); /* it ran as it was typed */
		return;
	}
	q->answers[q->current++] = xstrdup(line);
	if (q->current < q->nprompts) {
		ask_next(k, io);
		return;
	}
	char *command = q->confirm ? xstrdup(q->template)
				   : cmdlist_fill(q->template, q->answers, q->current);
	bool yes = !q->confirm || ((line[0] == 'y' || line[0] == 'Y') && line[1] == '\0');
	ask_clear(k);
	if (yes)
		run_line(k, command, now, io);
	free(command);
}

static bool is_key(const term_key *key, const char *name)
{
	term_key k;
	return keyname_parse(name, &k) && keyname_equal(key, &k);
}

/* A key for the open prompt; false when it ended a numeric prompt (-N) without being
 * part of it, so it is handled as any key next (tmux's "5j" in copy-mode-vi). */
static bool prompt_input(struct keymode *k, const term_key *key, uint64_t now,
			 const struct copymode_io *io)
{
	struct keymode_ask *q = &k->ask;
	term_key n = keyname_normal(*key);
	bool printable = n.code == TERM_KEY_CHAR && n.mods == 0 && n.ch >= 0x20;

	if (q->key) {
		/* -k: any key answers with its name, Escape and C-c too (tmux's PROMPT_KEY). */
		char name[KEYNAME_MAX];
		keyname_print(key, name);
		answered(k, name, now, io);
		return true;
	}
	if (q->single) {
		/* One key answers (confirm-before's y or n); Escape and C-c cancel. */
		char name[KEYNAME_MAX];
		if (!printable) {
			ask_clear(k);
			return true;
		}
		keyname_print(&n, name);
		answered(k, n.ch == ' ' ? " " : name, now, io);
		return true;
	}
	if (q->numeric && !(printable && n.ch >= '0' && n.ch <= '9')) {
		answered(k, k->prompt.line, now, io); /* a non-digit ends it, then acts */
		return false;
	}
	bool back = is_key(key, "C-r");
	if (q->incremental && (back || is_key(key, "C-s"))) {
		bool empty = k->prompt.line[0] == '\0';
		if (empty && q->last != NULL)
			prompt_start(&k->prompt, q->last, &k->history[q->type]);
		incremental(k, empty ? '=' : back ? '-' : '+', now, io);
		return true;
	}
	char *before = q->incremental ? xstrdup(k->prompt.line) : NULL;
	k->prompt.vi = vi_prompt(k); /* read at each key, as tmux reads status-keys */
	enum prompt_result r = prompt_key(&k->prompt, key);
	if (before != NULL && r == PROMPT_EDITING && strcmp(before, k->prompt.line) != 0)
		incremental(k, '=', now, io);
	free(before);
	switch (r) {
	case PROMPT_DONE:
		answered(k, k->prompt.line, now, io);
		break;
	case PROMPT_CANCEL:
		ask_clear(k);
		break;
	case PROMPT_EDITING:
		break;
	}
	return true;
}

/* --- keys ------------------------------------------------------------------------ */

static bool is_root(const char *table)
{
	return table[0] == '\0' || strcmp(table, "root") == 0;
}

static bool is_prefix(const struct keymode *k, const term_key *key)
{
	return (!keyname_is_none(&k->keys->opt.prefix) && keyname_equal(key, &k->keys->opt.prefix)) ||
	       (!keyname_is_none(&k->keys->opt.prefix2) && keyname_equal(key, &k->keys->opt.prefix2));
}

static void to_root(struct keymode *k)
{
	k->table[0] = '\0';
	k->repeating = false;
}

/* The table of the copy mode the pane is in, else NULL (tmux's mode key table). */
static const char *mode_table(const struct keymode *k, uint32_t pane)
{
	if (!k->copy.on || k->copy.pane != pane || pane == COPYMODE_ACTIVE)
		return NULL;
	return k->copy.keys == COPYMODE_VI ? "copy-mode-vi" : "copy-mode";
}

/*
 * tmux's server_client_key_callback, over the shipped tables: from root, a pane in copy
 * mode (the active one, or the one under the mouse) uses copy mode's table first; a key
 * bound there runs, else root's binding does, else the key is dropped (a copy-mode pane
 * takes no keys). Bound nowhere from root, ev (if any) goes to the server.
 */
static void handle(struct keymode *k, const term_key *key, uint32_t pane, const term_event *ev,
		   uint64_t now, const struct copymode_io *io)
{
	char first[sizeof k->table];
	bool was_repeating;

	if (k->repeating && now >= k->repeat_until)
		to_root(k);
	const char *mode = is_root(k->table) ? mode_table(k, pane) : NULL;
	snprintf(first, sizeof first, "%s", mode != NULL ? mode : k->table);
	for (;;) {
		const char *table = mode != NULL ? mode : is_root(k->table) ? "root" : k->table;
		/* The prefix always switches to the prefix table, unless already there. */
		if (is_prefix(k, key) && strcmp(table, "prefix") != 0) {
			snprintf(k->table, sizeof k->table, "prefix");
			k->repeating = false;
			return;
		}
		was_repeating = k->repeating;
		const struct key_binding *b = key_tables_lookup(k->keys, table, key);
		if (b != NULL && k->repeating && !b->repeat) {
			to_root(k); /* a key that does not repeat ends the repeat: from root */
			mode = NULL;
			first[0] = '\0';
			continue;
		}
		if (b != NULL) {
			if (k->keys->opt.repeat_time != 0 && b->repeat) {
				k->repeating = true;
				k->repeat_until = now + k->keys->opt.repeat_time;
			} else {
				to_root(k);
			}
			run(k, b->argc, b->argv, false, now, io);
			return;
		}
		if (mode != NULL || !is_root(k->table) || k->repeating) {
			to_root(k);
			mode = NULL;
			if (was_repeating)
				first[0] = '\0';
			continue;
		}
		break;
	}
	/* Bound nowhere: to the pane, unless a prefix or table was tried first. */
	if (is_root(first) && ev != NULL)
		io->send(io->arg, ev);
}

bool keymode_key(struct keymode *k, const term_event *ev, uint64_t now,
		 const struct copymode_io *io)
{
	if (k->prompting && prompt_input(k, &ev->key, now, io))
		return true;
	if (k->keys == NULL) {
		if (k->nheld < KEYMODE_HELD)
			k->held[k->nheld++] = ev->key;
		return false;
	}
	handle(k, &ev->key, active_id(io->view), ev, now, io);
	return k->prompting || k->message_until > now || k->copy.on;
}

void keymode_view(struct keymode *k, uint64_t now, const struct copymode_io *io)
{
	const term_view *v = io->view;
	k->view = v;
	if (v->keys == NULL)
		return;
	if (k->keys != v->keys) {
		key_tables_unref(k->keys);
		k->keys = key_tables_ref(v->keys);
		if (!is_root(k->table) && key_tables_find(k->keys, k->table) == NULL)
			to_root(k);
	}
	for (unsigned i = 0; i < k->nheld; i++) {
		term_event ev = {.type = TERM_EVENT_KEY, .key = k->held[i]};
		keymode_key(k, &ev, now, io);
	}
	k->nheld = 0;
	if (v->run_serial > k->run_done) {
		k->run_done = v->run_serial;
		run(k, (int)v->run_argc, v->run_argv, true, now, io);
	}
}

/* A mouse key at the event at (keymode_mouse), m the terminal's own event. */
static void mouse_key(struct keymode *k, term_key key, const term_mouse *at, const term_mouse *m,
		      uint64_t now, const struct copymode_io *io)
{
	struct copymode *cm = &k->copy;
	struct copymode_place pl;
	if (TERM_MOUSE_KEY_KIND(key.ch) == TERM_MOUSE_DRAGEND) {
		cm->dragging = false; /* the drag ends before its key runs, as tmux's */
		cm->drag_ms = 0;
	}
	if (!copymode_mouse_where(io->view, at, &pl))
		return; /* on nothing: no key, as tmux */
	key.ch |= (uint32_t)pl.where << 6;
	k->mouse_on = true;
	k->mouse_event = *m;
	k->mouse_place = pl;
	cm->mouse = *at;
	cm->mouse_pending = pl.pane != NULL;
	term_event ev = {.type = TERM_EVENT_MOUSE, .mouse = *m};
	handle(k, &key, pl.pane != NULL ? pl.pane->id : active_id(io->view),
	       pl.where == TERM_MOUSE_PANE ? &ev : NULL, now, io);
	cm->mouse_pending = false;
	k->mouse_on = false;
}

bool keymode_mouse(struct keymode *k, const term_mouse *m, uint64_t now,
		   const struct copymode_io *io)
{
	term_key key;
	term_mouse at;
	if (!io->view->mouse || k->keys == NULL)
		return false;
	if (copymode_mouse_due(&k->mouse, now, &key, &at))
		mouse_key(k, key, &at, &at, now, io); /* a double click the loop has not run yet */
	bool held = k->mouse.held != 0;
	if (k->copy.dragging && m->action == TERM_MOUSE_MOVE && held) {
		copymode_drag(&k->copy, io, m, now);
		return true;
	}
	if (k->resizing && m->action == TERM_MOUSE_MOVE && held) {
		drag_step(k, m, io);
		return true;
	}
	if (m->action == TERM_MOUSE_RELEASE || (m->action == TERM_MOUSE_PRESS && m->button <= 3))
		k->resizing = false; /* the drag ends before the key (not for the wheel), as tmux's */
	if (!copymode_mouse_key(&k->mouse, m, now, &key, &at))
		return false;
	bool was_dragging = k->copy.dragging;
	mouse_key(k, key, &at, m, now, io);
	if (k->copy.dragging && !was_dragging)
		copymode_drag(&k->copy, io, m, now); /* the drag began back at the press */
	return true;
}

int keymode_timeout(const struct keymode *k, uint64_t now)
{
	uint64_t due = UINT64_MAX;
	if (k->repeating)
		due = k->repeat_until;
	if (k->message_until > now && k->message_until < due)
		due = k->message_until;
	if (k->paused_argc > 0 && k->paused_until < due)
		due = k->paused_until;
	if (k->mouse.double_ms != 0 && k->mouse.double_ms < due)
		due = k->mouse.double_ms;
	if (k->copy.drag_ms != 0 && k->copy.drag_ms < due)
		due = k->copy.drag_ms;
	if (due == UINT64_MAX)
		return -1;
	return due > now ? (int)(due - now) : 0;
}

bool keymode_tick(struct keymode *k, uint64_t now, const struct copymode_io *io)
{
	bool changed = false;
	term_key key;
	term_mouse at;
	if (k->repeating && now >= k->repeat_until)
		to_root(k);
	if (k->message_until != 0 && now >= k->message_until) {
		k->message_until = 0;
		changed = true;
	}
	if (k->paused_argc > 0 && now >= k->paused_until) {
		resume(k, now, io);
		changed = true;
	}
	if (copymode_drag_tick(&k->copy, io, now))
		changed = true;
	if (k->keys != NULL && io->view->mouse && copymode_mouse_due(&k->mouse, now, &key, &at)) {
		mouse_key(k, key, &at, &at, now, io);
		changed = true;
	}
	return changed;
}

unsigned keymode_escape_ms(const struct keymode *k)
{
	return k->keys != NULL ? k->keys->opt.escape_time : 500;
}

void keymode_draw(const struct keymode *k, render *r, const term_view *v)
{
	if (k->prompting) {
		char *text;
		const char *prompt = k->ask.prompts[k->ask.current];
		xasprintf(&text, "%s%s", prompt, k->prompt.line);
		render_prompt(r, v, text, (int)(strlen(prompt) + prompt_cursor_column(&k->prompt)),
			      k->prompt.command);
		free(text);
	} else if (k->message_until != 0) {
		render_prompt(r, v, k->message, -1, false);
	}
}

void keymode_init(struct keymode *k, enum copymode_keys keys)
{
	memset(k, 0, sizeof *k);
	copymode_init(&k->copy, keys);
}

void keymode_clear(struct keymode *k)
{
	cmdlist_free_words(k->paused_argc, k->paused_argv);
	ask_clear(k);
	for (int i = 0; i < KEYMODE_PROMPT_TYPES; i++)
		prompt_history_free(&k->history[i]);
	key_tables_unref(k->keys);
	copymode_clear(&k->copy);
}
