/* The terminal's description for the server (termdesc.h). */
#include "termdesc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

/* What the client uses, and what it sends instead when the terminal lacks a string and
 * the terminal lists give it the feature (tmux's features' values: render.c sends the
 * same bytes); Se only from terminal-overrides (render.c's send_cursor_style). */
static const struct {
	const char *name;
	uint8_t type; /* enum term_cap_type */
	unsigned feature; /* enum termcap */
	const char *instead;
	bool overrides_only;
} used[] = {
	{"am", TERM_CAP_FLAG, 0, NULL, false},
	{"bel", TERM_CAP_STRING, 0, NULL, false},
	{"blink", TERM_CAP_STRING, 0, NULL, false},
	{"bold", TERM_CAP_STRING, 0, NULL, false},
	{"civis", TERM_CAP_STRING, 0, NULL, false},
	{"clear", TERM_CAP_STRING, 0, NULL, false},
	{"cnorm", TERM_CAP_STRING, 0, NULL, false},
	{"colors", TERM_CAP_NUMBER, 0, NULL, false},
	{"cup", TERM_CAP_STRING, 0, NULL, false},
	{"dim", TERM_CAP_STRING, 0, NULL, false},
	{"ed", TERM_CAP_STRING, 0, NULL, false},
	{"el", TERM_CAP_STRING, 0, NULL, false},
	{"fsl", TERM_CAP_STRING, TERMCAP_TITLE, "\a", false},
	{"invis", TERM_CAP_STRING, 0, NULL, false},
	{"Ms", TERM_CAP_STRING, TERMCAP_CLIPBOARD, "\033]52;%p1%s;%p2%s\a", false},
	{"op", TERM_CAP_STRING, 0, NULL, false},
	{"rev", TERM_CAP_STRING, 0, NULL, false},
	{"RGB", TERM_CAP_FLAG, 0, NULL, false},
	{"rmcup", TERM_CAP_STRING, 0, NULL, false},
	{"Se", TERM_CAP_STRING, 0, NULL, true},
	{"setab", TERM_CAP_STRING, 0, NULL, false},
	{"setaf", TERM_CAP_STRING, 0, NULL, false},
	{"sgr0", TERM_CAP_STRING, 0, NULL, false},
	{"sitm", TERM_CAP_STRING, 0, NULL, false},
	{"smcup", TERM_CAP_STRING, 0, NULL, false},
	{"smso", TERM_CAP_STRING, 0, NULL, false},
	{"smul", TERM_CAP_STRING, 0, NULL, false},
	{"Smulx", TERM_CAP_STRING, 0, NULL, false},
	{"smxx", TERM_CAP_STRING, 0, NULL, false},
	{"Ss", TERM_CAP_STRING, TERMCAP_CSTYLE, "\033[%p1%d q", false},
	{"Tc", TERM_CAP_FLAG, 0, NULL, false},
	{"tsl", TERM_CAP_STRING, TERMCAP_TITLE, "\033]0;", false},
};
#define NUSED (sizeof used / sizeof used[0])

static struct term_event_word word(const char *s)
{
	size_t len = strlen(s);
	return (struct term_event_word){s, (uint32_t)(len < TERM_EVENT_CAP_VALUE_MAX
						      ? len : TERM_EVENT_CAP_VALUE_MAX)};
}

/* An override's value as the capability's type: the flag set, a number (tmux's
 * strtonum, 0..INT_MAX; another value leaves it missing) or the string. */
static void from_override(struct term_event_cap *c, const char *value)
{
	char *end;
	long n;
	switch (c->type) {
	case TERM_CAP_FLAG:
		c->flag = true;
		break;
	case TERM_CAP_NUMBER:
		n = strtol(value, &end, 10);
		if (*value == '\0' || *end != '\0' || n < 0 || n > (long)TERM_CAP_NUMBER_MAX)
			c->type = TERM_CAP_MISSING;
		c->number = (uint32_t)n;
		break;
	default:
		c->string = word(value);
		break;
	}
}

/* The capability as the current terminal's entry has it. */
static void from_terminfo(struct term_event_cap *c, const char *name)
{
	int n;
	const char *s;
	switch (c->type) {
	case TERM_CAP_FLAG:
		c->flag = tigetflag(name) > 0;
		if (!c->flag)
			c->type = TERM_CAP_MISSING;
		break;
	case TERM_CAP_NUMBER:
		n = tigetnum(name);
		if (n < 0)
			c->type = TERM_CAP_MISSING;
		c->number = n < 0 ? 0 : (uint32_t)n;
		break;
	default:
		s = tigetstr(name);
		if (s == NULL || s == (char *)-1)
			c->type = TERM_CAP_MISSING;
		else
			c->string = word(s);
		break;
	}
}

void termdesc_send(const char *term, const struct termcaps_strings *ts, unsigned features,
		   void (*send)(void *arg, const term_event *ev), void *arg)
{
	term_event ev = {.type = TERM_EVENT_TERMINAL};
	size_t len = strlen(term);
	ev.terminal.first = true;
	ev.terminal.name = (struct term_event_word){
		term, (uint32_t)(len < TERM_EVENT_TERMINAL_NAME_MAX ? len
								    : TERM_EVENT_TERMINAL_NAME_MAX)};
	for (size_t i = 0; i < NUSED; i++) {
		struct term_event_cap *c = &ev.terminal.caps[ev.terminal.ncaps++];
		const char *value;
		*c = (struct term_event_cap){.name = word(used[i].name), .type = used[i].type};
		if (termcaps_string(ts, used[i].name, &value)) {
			if (value == NULL)
				c->type = TERM_CAP_MISSING;
			else
				from_override(c, value);
		} else if (used[i].overrides_only)
			c->type = TERM_CAP_MISSING;
		else
			from_terminfo(c, used[i].name);
		if (c->type == TERM_CAP_MISSING && (used[i].feature & features) != 0) {
			c->type = TERM_CAP_STRING;
			c->string = word(used[i].instead);
		}
		if (ev.terminal.ncaps == TERM_EVENT_CAPS_MAX || i + 1 == NUSED) {
			send(arg, &ev);
			ev.terminal.first = false;
			ev.terminal.ncaps = 0;
		}
	}
}
