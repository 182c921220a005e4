/* A client's input events, applied to its session's panes and to its record. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd/cmdlist.h"
#include "environ.h"
#include "format.h"
#include "job.h"
#include "options.h"
#include "paste.h"
#include "status.h"
#include "util/xmalloc.h"

static struct pane *active_pane(struct session *s)
{
	return s->current != NULL ? s->current->active : NULL;
}

/* The pane shown at the window's cell, and the event made relative to it. */
static struct pane *pane_at(struct window *w, term_mouse *m)
{
	for (size_t i = 0; i < w->npanes; i++) {
		struct layout_geom g;
		if (!layout_geometry(w->layout, w->panes[i]->id, &g) || !g.visible)
			continue;
		if (m->col >= g.x && m->col < g.x + g.cols && m->row >= g.y &&
		    m->row < g.y + g.rows) {
			m->col = (uint16_t)(m->col - g.x);
			m->row = (uint16_t)(m->row - g.y);
			return w->panes[i];
		}
	}
	return NULL; /* a border */
}

/* A mouse event the client sent on (a mouse key bound nowhere, send-keys -M in a mouse
 * key's binding, or any with the mouse option off): the pane under it gets it if its
 * program asked for mouse events. Making the pane active is MouseDown1Pane's binding's
 * (select-pane -t =), as in tmux. */
static void mouse(struct session *s, const term_mouse *event)
{
	term_mouse m = *event;
	struct window *w = s->current;
	/* The client's rows: with the status lines at the top the window starts below. */
	unsigned top = status_at_top(s->options) ? status_count(s->options) : 0;
	if (m.row < top)
		return; /* the status line */
	m.row = (uint16_t)(m.row - top);
	struct pane *p = w != NULL ? pane_at(w, &m) : NULL;
	if (p == NULL)
		return;
	term_input_mouse(p->em, &m);
}

/* A border drag's step (resize-pane -M): the client's rows made the window's as tmux's
 * cmd_resize_pane_mouse_update makes them (below top status lines: less their count;
 * on the bottom ones: the window's last row). */
static void drag(const struct input_client *c, struct session *s, const term_event *ev)
{
	struct window *w = s->current;
	if (w == NULL)
		return;
	unsigned lines = status_count(s->options), area = status_area_rows(s->options, c->rows);
	bool top = status_at_top(s->options) && lines > 0;
	unsigned y = ev->drag.to_row, ly = ev->drag.row;
	if (top) {
		y = y >= lines ? y - lines : y;
		ly = ly >= lines ? ly - lines : ly;
	} else {
		y = y >= area ? area - 1 : y;
		ly = ly >= area ? area - 1 : ly;
	}
	if (layout_drag_border(w->layout, ev->drag.col, ly, ev->drag.to_col, y) > 0)
		window_apply_layout(w);
}

/* The active pane is told of focus when focus-events is on, as tmux. */
static void focus(struct session *s, bool in)
{
	struct pane *p = active_pane(s);
	if (p == NULL || !options_get_number(options_server, "focus-events"))
		return;
	VTermState *state = vterm_obtain_state(term_emulator_vterm(p->em));
	if (in)
		vterm_state_focus_in(state); /* both send nothing unless mode 1004 is on */
	else
		vterm_state_focus_out(state);
}

void input_run(struct input_client *c, struct session *s, int argc, char *argv[])
{
	session_touch(s); /* targets left out mean the current session: the client's */
	struct proto_request req = {.argc = argc, .argv = argv, .cwd = "", .cols = c->cols,
				    .rows = c->rows};
	struct proto_reply reply;
	unsigned seq = c->message_seq;
	cmd_execute(&req, &reply, NULL, NULL);
	if (reply.code != 0 && reply.errlen > 0) {
		free(c->message);
		c->message = xstrndup(reply.err, strcspn(reply.err, "\n"));
		c->message_seq++;
	} else if (c->message_seq == seq) { /* not one the command itself showed */
		free(c->message);
		c->message = NULL;
	}
	if (reply.outlen > 0) {
		c->output = xreallocarray(c->output, c->output_len + reply.outlen, 1);
		memcpy(c->output + c->output_len, reply.out, reply.outlen);
		c->output_len += reply.outlen;
	}
	proto_reply_free(&reply);
}

char **input_event_words(const term_event *ev, int *argc)
{
	*argc = (int)ev->command.argc;
	char **argv = xcalloc((size_t)*argc + 1, sizeof *argv);
	for (int i = 0; i < *argc; i++)
		argv[i] = xstrndup(ev->command.argv[i].p, ev->command.argv[i].len);
	return argv;
}

/* Runs the event's words as the control socket runs a request, in the client's session. */
static void command(struct input_client *c, struct session *s, const term_event *ev)
{
	int argc;
	char **argv = input_event_words(ev, &argc);
	input_run(c, s, argc, argv);
	cmdlist_free_words(argc, argv);
}

/* A piece of a copy, kept with those before it (all dropped past INPUT_COPY_MAX). */
static void copy_append(struct input_client *c, const char *text, uint32_t len)
{
	if (!c->copy_dropped && c->copy_len + len > INPUT_COPY_MAX) {
		c->copy_dropped = true;
		free(c->copy);
		c->copy = NULL;
		c->copy_len = 0;
	}
	if (!c->copy_dropped && len > 0) {
		c->copy = xreallocarray(c->copy, c->copy_len + len + 1, 1);
		memcpy(c->copy + c->copy_len, text, len);
		c->copy_len += len;
	}
}

/* The copy so far, taken (NULL when it was dropped: too long), the record ready for the
 * next. */
static char *copy_take(struct input_client *c, size_t *len)
{
	char *text = c->copy_dropped ? NULL : c->copy != NULL ? c->copy : xstrdup("");
	*len = c->copy_len;
	c->copy = NULL;
	c->copy_len = 0;
	c->copy_dropped = false;
	return text;
}

/* Formats of a copy's command and prefix: the copy-mode pane's (its session's when it is
 * gone), values raw (they are run or used). */
static struct format_ctx copy_format(const struct input_client *c, uint32_t pane)
{
	struct window *w;
	struct format_ctx f = {.p = pane_find_id(pane, &w), .raw = true};
	if (f.p == NULL)
		f.s = session_find_id(c->session);
	format_defaults(&f);
	return f;
}

/* A copy's text (taken) as a new automatic buffer named by prefix (len bytes, a format),
 * as tmux's paste_add. */
static void copy_to_buffer(const struct format_ctx *f, const char *prefix, uint32_t len,
			   char *text, size_t size)
{
	char *given = xstrndup(prefix, len);
	char *expanded = format_expand(given, f);
	paste_add(expanded, text, size);
	free(expanded);
	free(given);
}

/* A piece of a copy: the last one makes the whole a new paste buffer. */
static void copy_piece(struct input_client *c, const term_event *ev)
{
	copy_append(c, ev->buffer.text, ev->buffer.len);
	size_t len;
	char *text = ev->buffer.more ? NULL : copy_take(c, &len);
	if (text == NULL)
		return;
	struct format_ctx f = copy_format(c, ev->buffer.pane);
	copy_to_buffer(&f, ev->buffer.prefix, ev->buffer.prefix_len, text, len);
}

static void pipe_done(void *data, int status, const char *out, size_t len)
{
	(void)data, (void)status, (void)out, (void)len; /* tmux drops what it says */
}

/*
 * The end of a copy for copy-pipe or pipe: the text goes to the command's stdin (the
 * copy-command option's when the event names none; none at all when that is empty),
 * expanded as a format for the copy-mode pane and run as tmux runs it, in the session's
 * environment from the home directory, its output dropped; copy-pipe's also becomes a
 * paste buffer when it is not empty, named by its prefix.
 */
static void copy_pipe(struct input_client *c, const term_event *ev)
{
	size_t len;
	char *text = copy_take(c, &len);
	if (text == NULL)
		return;
	struct format_ctx f = copy_format(c, ev->pipe.pane);
	char *given = xstrndup(ev->pipe.command, ev->pipe.len);
	char *cmd = format_expand(given[0] != '\0' ? given
						    : options_get_string(options_server, "copy-command"),
				  &f);
	if (ev->pipe.buffer)
		copy_to_buffer(&f, ev->pipe.prefix, ev->pipe.prefix_len, xmemdup(text, len), len);
	if (cmd[0] != '\0') {
		char **envp = environ_envp(f.s != NULL ? f.s->environ : NULL);
		job_start_input(cmd, getenv("HOME"), envp, false, text, len, pipe_done, NULL);
		environ_free_envp(envp);
	} else
		free(text);
	free(cmd);
	free(given);
}

/* A key or paste typed into p: p's, and with synchronize-panes every other pane of its
 * window that has the option on too, as tmux. */
static void type_into(struct pane *p, const term_event *ev)
{
	struct window *w = p->window;
	bool sync = options_get_number(p->options, "synchronize-panes");
	for (size_t i = 0; i < w->npanes; i++) {
		struct pane *q = w->panes[i];
		if (q->kept || (q != p && (!sync || q->exited ||
					   !options_get_number(q->options, "synchronize-panes"))))
			continue;
		if (q->input_off)
			continue; /* select-pane -d: nothing typed reaches it, as tmux */
		if (ev->type == TERM_EVENT_KEY)
			term_input_key(q->em, &ev->key);
		else
			term_input_paste(q->em, ev->paste.text, ev->paste.len);
	}
}

void server_apply_event(struct input_client *c, const term_event *ev)
{
	struct session *s = session_find_id(c->session);
	struct pane *p = s != NULL ? active_pane(s) : NULL;
	switch (ev->type) {
	case TERM_EVENT_KEY:
	case TERM_EVENT_PASTE:
		if (p != NULL)
			type_into(p, ev);
		break;
	case TERM_EVENT_MOUSE:
		if (s != NULL)
			mouse(s, &ev->mouse);
		break;
	case TERM_EVENT_DRAG:
		if (s != NULL)
			drag(c, s, ev);
		break;
	case TERM_EVENT_RESIZE:
		c->cols = ev->resize.cols;
		c->rows = ev->resize.rows;
		break;
	case TERM_EVENT_FOCUS:
		c->focused = ev->focus;
		if (s != NULL)
			focus(s, ev->focus);
		break;
	case TERM_EVENT_COMMAND:
		if (s != NULL)
			command(c, s, ev);
		break;
	case TERM_EVENT_DETACH:
		c->detach = true;
		break;
	case TERM_EVENT_HISTORY:
		history_request(&c->hist, ev);
		break;
	case TERM_EVENT_SEARCH:
		history_search(&c->hist, ev);
		break;
	case TERM_EVENT_BUFFER:
		copy_piece(c, ev);
		break;
	case TERM_EVENT_PIPE:
		copy_pipe(c, ev);
		break;
	case TERM_EVENT_TERMINAL:
		client_term_event(&c->term, ev);
		break;
	case TERM_EVENT_VIEW_DONE:
		break; /* the client's mode's (mode_event) */
	}
}

void input_client_clear(struct input_client *c)
{
	free(c->message);
	history_feed_clear(&c->hist);
	free(c->copy);
	free(c->output);
	client_term_clear(&c->term);
	*c = (struct input_client){0};
}
