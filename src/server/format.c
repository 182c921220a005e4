/* Expanding formats (format.h): a recursive walk over the text, variables looked up. */
#include "format.h"

#include <fnmatch.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format_vars.h"
#include "options.h"
#include "server_client.h"
#include "status.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#define MAX_DEPTH 32           /* nested #{} and #{E:} */
#define MAX_OUTPUT (64u << 10) /* an expansion stops growing past this */

struct out {
	char *p;
	size_t len, cap;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->len + n > MAX_OUTPUT)
		n = o->len < MAX_OUTPUT ? MAX_OUTPUT - o->len : 0;
	o->p = xgrow(o->p, &o->cap, o->len + n + 1, 64);
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

static void put_str(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static char *expand(const char *text, size_t len, const struct format_ctx *ctx, int depth);

/* The end of a bracketed part opened just before s ("#{" or "#("): its closing byte. */
static const char *closing(const char *s, const char *end, char open, char close)
{
	int level = 1;
	for (; s < end; s++) {
		if (*s == '#' && s + 1 < end && (s[1] == open || s[1] == '#' || s[1] == ',' ||
						  s[1] == close)) {
			level += s[1] == open;
			s++;
			continue;
		}
		if (*s == open)
			level++;
		else if (*s == close && --level == 0)
			return s;
	}
	return NULL;
}

/* Splits s at its top-level commas (not inside #{} and not "#,") into at most max parts. */
static size_t split(const char *s, size_t len, const char **part, size_t *plen, size_t max)
{
	const char *end = s + len, *start = s;
	size_t n = 0;
	int level = 0;
	for (const char *c = s; c < end; c++) {
		if (*c == '#' && c + 1 < end && (c[1] == '{' || c[1] == ',' || c[1] == '#')) {
			level += c[1] == '{';
			c++;
		} else if (*c == '}' && level > 0) {
			level--;
		} else if (*c == ',' && level == 0 && n + 1 < max) {
			part[n] = start;
			plen[n++] = (size_t)(c - start);
			start = c + 1;
		}
	}
	part[n] = start;
	plen[n++] = (size_t)(end - start);
	return n;
}

static bool truthy(const char *s)
{
	return *s != '\0' && strcmp(s, "0") != 0;
}

/* A part that is a format when it holds one, else a variable's name. */
static char *value_of(const char *s, size_t len, const struct format_ctx *ctx, int depth)
{
	if (memchr(s, '#', len) != NULL)
		return expand(s, len, ctx, depth + 1);
	char *name = xstrndup(s, len);
	char *v = format_var(name, ctx);
	free(name);
	return v != NULL ? v : xstrdup("");
}

static char *conditional(const char *s, size_t len, const struct format_ctx *ctx, int depth)
{
	const char *part[3];
	size_t plen[3];
	size_t n = split(s, len, part, plen, 3);
	char *cond = value_of(part[0], plen[0], ctx, depth);
	bool yes = truthy(cond);
	free(cond);
	if (yes)
		return n > 1 ? expand(part[1], plen[1], ctx, depth + 1) : xstrdup("");
	return n > 2 ? expand(part[2], plen[2], ctx, depth + 1) : xstrdup("");
}

static const char *const comparisons[] = {"==", "!=", "<=", ">=", "<", ">", "||", "&&", "m"};

static bool compare(const char *op, const char *a, const char *b)
{
	int c = strcmp(a, b);
	switch (op[0]) {
	case '=':
		return c == 0;
	case '!':
		return c != 0;
	case '<':
		return op[1] == '=' ? c <= 0 : c < 0;
	case '>':
		return op[1] == '=' ? c >= 0 : c > 0;
	case '|':
		return truthy(a) || truthy(b);
	case '&':
		return truthy(a) && truthy(b);
	default:
		return fnmatch(a, b, 0) == 0;
	}
}

/* "OP:a,b": both sides expanded, "1" or "0". NULL when s is no comparison. */
static char *comparison(const char *s, size_t len, const struct format_ctx *ctx, int depth)
{
	for (size_t i = 0; i < sizeof comparisons / sizeof *comparisons; i++) {
		size_t n = strlen(comparisons[i]);
		if (len <= n || strncmp(s, comparisons[i], n) != 0 || s[n] != ':')
			continue;
		const char *part[2];
		size_t plen[2];
		if (split(s + n + 1, len - n - 1, part, plen, 2) != 2)
			return xstrdup("0");
		char *a = expand(part[0], plen[0], ctx, depth + 1);
		char *b = expand(part[1], plen[1], ctx, depth + 1);
		bool yes = compare(comparisons[i], a, b);
		free(a);
		free(b);
		return xstrdup(yes ? "1" : "0");
	}
	return NULL;
}

/* The first n cells of s, or the last -n; never half a character. */
static char *truncate_cells(const char *s, long n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	/* In size_t: -n overflows for LONG_MIN (UBSan, fuzz_format). */
	size_t total = 0, count = n < 0 ? 0 - (size_t)n : (size_t)n;
	const uint8_t *q = p;
	uint32_t cp;
	while (q < end && (utf8_decode(&q, end, &cp) || (q++, true)))
		total++;
	size_t skip = n < 0 && total > count ? total - count : 0, i = 0;
	struct out o = {0};
	put(&o, "", 0);
	for (q = p; q < end && i < skip + count; i++) {
		const uint8_t *start = q;
		if (!utf8_decode(&q, end, &cp))
			q++;
		if (i >= skip)
			put(&o, (const char *)start, (size_t)(q - start));
	}
	return o.p;
}

/* "=N:", "b:", "d:", "l:", "E:", "t:": applied to the rest; NULL when s has none. */
static char *modifier(const char *s, size_t len, const struct format_ctx *ctx, int depth)
{
	const char *colon = memchr(s, ':', len);
	if (colon == NULL || colon == s)
		return NULL;
	size_t mlen = (size_t)(colon - s), rlen = len - mlen - 1;
	const char *rest = colon + 1;
	char *v, *out;
	if (s[0] == '=' && mlen > 1) {
		char *num = xstrndup(s + 1, mlen - 1), *end;
		long n = strtol(num, &end, 10);
		bool ok = *end == '\0';
		free(num);
		v = value_of(rest, rlen, ctx, depth);
		if (!ok) /* tmux ignores a modifier it cannot read */
			return v;
		out = truncate_cells(v, n);
		free(v);
		return out;
	}
	if (mlen != 1 || strchr("bdlEt", s[0]) == NULL)
		return NULL;
	if (s[0] == 'l')
		return xstrndup(rest, rlen);
	v = value_of(rest, rlen, ctx, depth);
	switch (s[0]) {
	case 'b':
		out = xstrdup(basename(v));
		break;
	case 'd':
		out = xstrdup(dirname(v));
		break;
	case 'E':
		out = depth < MAX_DEPTH ? expand(v, strlen(v), ctx, depth + 1) : xstrdup("");
		break;
	default: {
		char buf[64] = "";
		time_t t = (time_t)strtoll(v, NULL, 10);
		struct tm tm;
		if (localtime_r(&t, &tm) != NULL)
			strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
		out = xstrdup(buf);
	}
	}
	free(v);
	return out;
}

/* The inside of #{...}. */
static char *braces(const char *s, size_t len, const struct format_ctx *ctx, int depth)
{
	char *v;
	if (len > 0 && s[0] == '?')
		return conditional(s + 1, len - 1, ctx, depth);
	if ((v = comparison(s, len, ctx, depth)) != NULL ||
	    (v = modifier(s, len, ctx, depth)) != NULL)
		return v;
	return value_of(s, len, ctx, depth);
}

/* The one-letter forms: #S is #{session_name}. */
static const char *short_form(char c)
{
	static const char *const names[][2] = {
		{"D", "pane_id"},     {"F", "window_flags"}, {"H", "host"},
		{"I", "window_index"}, {"P", "pane_index"},   {"S", "session_name"},
		{"T", "pane_title"},   {"W", "window_name"},  {"h", "host_short"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (names[i][0][0] == c)
			return names[i][1];
	return NULL;
}

/* After a '#' at s (s < end): what it stands for appended; returns what follows it. */
static const char *hash(struct out *o, const char *s, const char *end,
			const struct format_ctx *ctx, int depth)
{
	const char *name, *close;
	char *v = NULL;
	if (*s == '#' || *s == ',' || *s == '}') {
		put(o, s, 1);
		return s + 1;
	}
	if (*s == '[') {
		close = memchr(s, ']', (size_t)(end - s));
		close = close != NULL ? close + 1 : end;
		put(o, s - 1, (size_t)(close - s + 1)); /* the style, for status.c */
		return close;
	}
	if ((*s == '{' || *s == '(') &&
	    (close = closing(s + 1, end, *s, *s == '{' ? '}' : ')')) != NULL) {
		if (*s == '{') {
			v = braces(s + 1, (size_t)(close - s - 1), ctx, depth);
		} else {
			struct format_ctx run = *ctx;
			run.raw = true; /* the command is run, not shown; its output is shown */
			char *cmd = expand(s + 1, (size_t)(close - s - 1), &run, depth + 1);
			v = format_shown(xstrdup(ctx->nojobs ? "" : format_job(cmd, ctx)), ctx);
			free(cmd);
		}
		put_str(o, v);
		free(v);
		return close + 1;
	}
	if ((name = short_form(*s)) != NULL) {
		v = format_var(name, ctx);
		put_str(o, v != NULL ? v : "");
		free(v);
		return s + 1;
	}
	put(o, s - 1, 2);
	return s + 1;
}

static char *expand(const char *text, size_t len, const struct format_ctx *ctx, int depth)
{
	struct out o = {0};
	put(&o, "", 0);
	if (depth > MAX_DEPTH)
		return o.p;
	const char *s = text, *end = text + len;
	while (s < end) {
		const char *h = memchr(s, '#', (size_t)(end - s));
		if (h == NULL || h + 1 >= end) {
			put(&o, s, (size_t)(end - s));
			break;
		}
		put(&o, s, (size_t)(h - s));
		s = hash(&o, h + 1, end, ctx, depth);
	}
	return o.p;
}

/* strftime over the text, as status-left and status-right are; text when too long. */
static char *expand_time(const char *text)
{
	size_t cap = strlen(text) * 4 + 256;
	char *buf = xmalloc(cap);
	time_t now = time(NULL);
	struct tm tm;
	if (strchr(text, '%') == NULL || localtime_r(&now, &tm) == NULL ||
	    strftime(buf, cap, text, &tm) == 0) {
		free(buf);
		return xstrdup(text);
	}
	return buf;
}

char *format_expand(const char *text, const struct format_ctx *ctx)
{
	if (!ctx->time)
		return expand(text, strlen(text), ctx, 0);
	char *timed = expand_time(text);
	char *out = expand(timed, strlen(timed), ctx, 0);
	free(timed);
	return out;
}

void format_defaults(struct format_ctx *ctx)
{
	if (ctx->p != NULL && ctx->w == NULL)
		ctx->w = ctx->p->window;
	if (ctx->w != NULL && ctx->s == NULL)
		ctx->s = ctx->w->session;
	if (ctx->s == NULL && ctx->client != NULL)
		ctx->s = session_find_id(ctx->client->in.session);
	if (ctx->s == NULL && ctx->w == NULL)
		ctx->s = session_current();
	if (ctx->s != NULL && ctx->w == NULL)
		ctx->w = ctx->s->current;
	if (ctx->w != NULL && ctx->p == NULL)
		ctx->p = ctx->w->active;
}

bool format_true(const char *text, struct client *client)
{
	struct format_ctx ctx = {.client = client};
	format_defaults(&ctx);
	return format_true_for(text, &ctx);
}

bool format_true_for(const char *text, const struct format_ctx *ctx)
{
	char *v = format_expand(text, ctx);
	bool yes = truthy(v);
	free(v);
	return yes;
}
