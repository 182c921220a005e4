/* A client's terminal as it told it (client_term.h). */
#include "client_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xmalloc.h"

static void cap_free(struct client_term_cap *c)
{
	free(c->name);
	free(c->string);
}

void client_term_clear(struct client_term *t)
{
	for (size_t i = 0; i < t->ncaps; i++)
		cap_free(&t->caps[i]);
	free(t->caps);
	free(t->name);
	*t = (struct client_term){0};
}

void client_term_event(struct client_term *t, const term_event *ev)
{
	if (ev->terminal.first || t->name == NULL) {
		client_term_clear(t);
		t->name = xstrndup(ev->terminal.name.p, ev->terminal.name.len);
	}
	for (uint32_t i = 0; i < ev->terminal.ncaps && t->ncaps < CLIENT_TERM_CAPS_MAX; i++) {
		const struct term_event_cap *e = &ev->terminal.caps[i];
		t->caps = xreallocarray(t->caps, t->ncaps + 1, sizeof *t->caps);
		struct client_term_cap *c = &t->caps[t->ncaps++];
		*c = (struct client_term_cap){.name = xstrndup(e->name.p, e->name.len),
					      .type = e->type, .flag = e->flag,
					      .number = e->number};
		if (e->type == TERM_CAP_STRING)
			c->string = xstrndup(e->string.p, e->string.len);
	}
}

static const struct client_term_cap *find(const struct client_term *t, const char *name)
{
	for (size_t i = 0; i < t->ncaps; i++)
		if (strcmp(t->caps[i].name, name) == 0)
			return &t->caps[i];
	return NULL;
}

static bool has(const struct client_term *t, const char *name)
{
	const struct client_term_cap *c = find(t, name);
	return c != NULL && c->type != TERM_CAP_MISSING;
}

unsigned client_term_flags(const struct client_term *t)
{
	const struct client_term_cap *am = find(t, "am"), *xt = find(t, "XT"),
				     *clear = find(t, "clear");
	unsigned flags = 0;
	if (has(t, "setrgbf") && has(t, "setrgbb"))
		flags |= 0x10;
	if (has(t, "Cmg") && has(t, "Clmg"))
		flags |= 0x4;
	if (has(t, "Rect"))
		flags |= 0x8;
	if (am == NULL || am->type != TERM_CAP_FLAG || !am->flag)
		flags |= 0x2;
	if ((xt != NULL && xt->type == TERM_CAP_FLAG && xt->flag) ||
	    (clear != NULL && clear->type == TERM_CAP_STRING &&
	     strncmp(clear->string, "\033[", 2) == 0))
		flags |= 0x20;
	return flags;
}

/* One byte as tmux's strnvis(VIS_OCTAL | VIS_CSTYLE | VIS_TAB | VIS_NL) writes it, into
 * out (at least 5 bytes); its length. */
static size_t vis_byte(unsigned char c, char *out)
{
	static const char cstyle[] = "\nn\rr\bb\aa\vv\tt\ff"; /* byte, letter */
	if (c == '\\')
		return (size_t)snprintf(out, 5, "\\\\");
	if (c == ' ' || (c > 0x20 && c < 0x7f))
		return (size_t)snprintf(out, 5, "%c", c);
	for (const char *p = cstyle; *p != '\0'; p += 2)
		if ((unsigned char)p[0] == c)
			return (size_t)snprintf(out, 5, "\\%c", p[1]);
	return (size_t)snprintf(out, 5, "\\%03o", c);
}

/* s escaped as tmux's strnvis into a buffer of 128: at most 127 characters, stopping
 * before an escape that does not fit whole. */
static void vis(const char *s, char out[128])
{
	size_t n = 0;
	for (; *s != '\0'; s++) {
		char one[5];
		size_t len = vis_byte((unsigned char)*s, one);
		if (n + len > 127)
			break;
		memcpy(out + n, one, len);
		n += len;
	}
	out[n] = '\0';
}

char *client_term_describe(const struct client_term *t, size_t i)
{
	const struct client_term_cap *c = &t->caps[i];
	char *line, value[128];
	switch (c->type) {
	case TERM_CAP_FLAG:
		xasprintf(&line, "%4zu: %s: (flag) %s", i, c->name, c->flag ? "true" : "false");
		break;
	case TERM_CAP_NUMBER:
		xasprintf(&line, "%4zu: %s: (number) %u", i, c->name, (unsigned)c->number);
		break;
	case TERM_CAP_STRING:
		vis(c->string, value);
		xasprintf(&line, "%4zu: %s: (string) %s", i, c->name, value);
		break;
	default:
		xasprintf(&line, "%4zu: %s: [missing]", i, c->name);
		break;
	}
	return line;
}
