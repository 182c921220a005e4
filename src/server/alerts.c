/* Bells and activity in windows (alerts.h). */
#include "alerts.h"

#include <limits.h>
#include <stdio.h>

#include "options.h"
#include "server_client.h"
#include "net/clock.h"

enum action { ACTION_NONE, ACTION_ANY, ACTION_CURRENT, ACTION_OTHER };
enum visual { VISUAL_OFF, VISUAL_ON, VISUAL_BOTH };

static bool attached(const struct session *s)
{
	for (size_t i = 0; i < nclients; i++)
		if (clients[i]->ended == NULL && clients[i]->in.session == s->id)
			return true;
	return false;
}

/* Whether the session's action option passes an alert in w on. */
static bool applies(const struct session *s, const struct window *w, const char *option)
{
	switch (options_get_number(s->options, option)) {
	case ACTION_ANY:
		return true;
	case ACTION_CURRENT:
		return w == s->current;
	case ACTION_OTHER:
		return w != s->current;
	default:
		return false;
	}
}

/* Rings each client's terminal and/or shows "TYPE in window N", as visual says. */
static void tell(const struct session *s, const struct window *w, const char *type,
		 const char *visual_option)
{
	long long visual = options_get_number(s->options, visual_option);
	char text[64];
	if (w == s->current)
		snprintf(text, sizeof text, "%s in current window", type);
	else
		snprintf(text, sizeof text, "%s in window %u", type, w->index);
	for (size_t i = 0; i < nclients; i++) {
		struct client *c = clients[i];
		if (c->ended != NULL || c->in.session != s->id)
			continue;
		if (visual == VISUAL_OFF || visual == VISUAL_BOTH)
			c->bells++;
		if (visual != VISUAL_OFF)
			client_notice(c, text,
				      (uint64_t)options_get_number(s->options, "display-time"));
	}
}

/* One alert of kind in w: its flag (not on the current window of an attached session),
 * then the bell or message when the action option applies. */
static void alert(struct window *w, unsigned kind, const char *action, const char *type,
		  const char *visual)
{
	struct session *s = w->session;
	if (w != s->current || !attached(s))
		w->alerts |= kind;
	if (applies(s, w, action))
		tell(s, w, type, visual);
}

/* monitor-silence's timer started again (stopped when it is 0), as tmux's alerts_reset. */
static void silence_reset(struct window *w, uint64_t now)
{
	long long seconds = options_get_number(w->options, "monitor-silence");
	w->silence_due_ms = seconds > 0 ? now + (uint64_t)seconds * 1000 : 0;
}

void alerts_reset_all(void)
{
	uint64_t now = net_clock_ms();
	for (size_t i = 0; i < server.nsessions; i++)
		for (size_t j = 0; j < server.sessions[i]->nwindows; j++)
			silence_reset(server.sessions[i]->windows[j], now);
}

/* The silence alert of w when due (the timer started again, as tmux's); the
 * milliseconds until the next, -1 for none. */
static int silence_check(struct window *w, uint64_t now)
{
	if (w->silence_due_ms == 0)
		return -1;
	if (now >= w->silence_due_ms) {
		silence_reset(w, now);
		if (!(w->alerts & WINDOW_ALERT_SILENCE)) /* told once until the flag clears */
			alert(w, WINDOW_ALERT_SILENCE, "silence-action", "Silence", "visual-silence");
		if (w->silence_due_ms == 0)
			return -1;
	}
	uint64_t left = w->silence_due_ms - now;
	return left > INT_MAX ? INT_MAX : (int)left;
}

int alerts_tick(void)
{
	uint64_t now = net_clock_ms();
	int wait = -1;
	for (size_t i = 0; i < server.nsessions; i++) {
		const struct session *s = server.sessions[i];
		for (size_t j = 0; j < s->nwindows; j++) {
			int left = silence_check(s->windows[j], now);
			if (left >= 0 && (wait < 0 || left < wait))
				wait = left;
		}
	}
	return wait;
}

void alerts_output(struct pane *p, bool bell)
{
	struct window *w = p->window;
	if (w == NULL || w->session == NULL)
		return;
	silence_reset(w, net_clock_ms());
	/* Activity is told once until the flag is cleared, as tmux; bells every time. */
	if (options_get_number(w->options, "monitor-activity") &&
	    !(w->alerts & WINDOW_ALERT_ACTIVITY))
		alert(w, WINDOW_ALERT_ACTIVITY, "activity-action", "Activity", "visual-activity");
	if (bell && options_get_number(w->options, "monitor-bell"))
		alert(w, WINDOW_ALERT_BELL, "bell-action", "Bell", "visual-bell");
}
