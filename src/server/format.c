/* Expanding formats (format.h): a recursive walk over the text, variables looked up. */
#include "format.h"

#include <fnmatch.h>
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format_vars.h"
#include "options.h"
#include "paste.h"
#include "server_client.h"
#include "status.h"
#include "util/format_split.h"
#include "util/regex_guard.h"
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
static char *format_expand_depth(const char *text, const struct format_ctx *ctx, int depth);

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
	size_t n = format_split(s, len, part, plen, 3);
	char *cond = value_of(part[0], plen[0], ctx, depth);
	bool yes = format_truthy(cond);
	free(cond);
	if (yes)
		return n > 1 ? expand(part[1], plen[1], ctx, depth + 1) : xstrdup("");
	return n > 2 ? expand(part[2], plen[2], ctx, depth + 1) : xstrdup("");
}

static const char *const comparisons[] = {"==", "!=", "<=", ">=", "<", ">", "||", "&&"};

/* The flags of a modifier that takes them, s after its letter, as tmux reads them:
 * "/ri" (any punctuation but '-' wraps them; the first argument counts) or "ri". */
static void mod_flags(const char *s, size_t len, char out[8])
{
	size_t from = len > 0 && ispunct((unsigned char)s[0]) && s[0] != '-';
	size_t n = 0;
	for (size_t i = from; i < len && n < 7 && (!from || s[i] != s[0]); i++)
		out[n++] = s[i];
	out[n] = '\0';
}

/* #{m/flags:pattern,text}: fnmatch(3), or a regex with r; i ignores case. */
static bool match(const char *flags, const char *pattern, const char *text)
{
	bool icase = strchr(flags, 'i') != NULL;
	if (strchr(flags, 'r') == NULL)
		return fnmatch(pattern, text, icase ? FNM_CASEFOLD : 0) == 0;
	regex_t re;
	if (regex_guard_compile(&re, pattern, REG_NOSUB | (icase ? REG_ICASE : 0)) != 0)
		return false; /* as tmux: a bad regex matches nothing (nor one too costly) */
	bool yes = regexec(&re, text, 0, NULL, 0) == 0;
	regfree(&re);
	return yes;
}

/* "m[flags]:a,b"; NULL when s is none. */
static char *match_op(const char *s, size_t len, const struct format_ctx *ctx, int depth)
{
	const char *colon = memchr(s, ':', len);
	if (len < 2 || s[0] != 'm' || colon == NULL || memchr(s, ';', (size_t)(colon - s)))
		return NULL;
	char flags[8];
	mod_flags(s + 1, (size_t)(colon - s - 1), flags);
	const char *part[2];
	size_t plen[2];
	if (format_split(colon + 1, (size_t)(s + len - colon - 1), part, plen, 2) != 2)
		return xstrdup("0");
	char *a = expand(part[0], plen[0], ctx, depth + 1);
	char *b = expand(part[1], plen[1], ctx, depth + 1);
	bool yes = match(flags, a, b);
	free(a);
	free(b);
	return xstrdup(yes ? "1" : "0");
}

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
		return format_truthy(a) || format_truthy(b);
	default:
		return format_truthy(a) && format_truthy(b);
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
		if (format_split(s + n + 1, len - n - 1, part, plen, 2) != 2)
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

/* The length of a #[...] style at s (s[0] == '#', s[1] == '['), 0 when none. */
static size_t style_len(const char *s, const char *end)
{
	if (s + 1 >= end || s[0] != '#' || s[1] != '[')
		return 0;
	const char *close = memchr(s, ']', (size_t)(end - s));
	return close != NULL ? (size_t)(close - s + 1) : 0;
}

/*
 * The first n characters of s, or the last -n, as tmux's format_trim_left/right: styles
 * (#[...]) count nothing and are all kept; never half a character. *cut says whether
 * anything was left out.
 */
static char *truncate_cells(const char *s, long n, bool *cut)
{
	const char *end = s + strlen(s);
	/* In size_t: -n overflows for LONG_MIN (UBSan, fuzz_format). */
	size_t total = 0, count = n < 0 ? 0 - (size_t)n : (size_t)n, i = 0, len;
	uint32_t cp;
	for (const char *q = s; q < end; total++) {
		while ((len = style_len(q, end)) > 0)
			q += len;
		if (q >= end)
			break;
		if (!utf8_decode((const uint8_t **)&q, (const uint8_t *)end, &cp))
			q++;
	}
	size_t skip = n < 0 && total > count ? total - count : 0;
	*cut = total > count;
	struct out o = {0};
	put(&o, "", 0);
	for (const char *q = s; q < end;) {
		if ((len = style_len(q, end)) > 0) {
			put(&o, q, len);
			q += len;
			continue;
		}
		const char *start = q;
		if (!utf8_decode((const uint8_t **)&q, (const uint8_t *)end, &cp))
			q++;
		if (i >= skip && i < skip + count)
			put(&o, start, (size_t)(q - start));
		i++;
	}
	return o.p;
}

/* The modifiers before the ':' of #{mods:rest}, tmux's: ";"-separated, each a letter
 * and, for '=', arguments (N, or /N/marker). */
struct mods {
	bool literal, expand, time, base, dir, date;
	bool search;    /* C: the rest searched for in the pane's screen */
	char flags[8];  /* C's flags */
	char loop;      /* 'S', 'W' or 'P': the rest expanded for each session, window, pane */
	bool limit;
	long n;         /* limit: cells to keep (negative: from the end) */
	char *marker;   /* limit: put where text was cut, NULL for none */
	bool character; /* a: the rest a number, its ASCII character */
	/* e|op|flags|precision: the rest two numbers and the operation's result; nexpr 1 to
	 * 3 arguments, each expanded (tmux ignores the modifier with another count) */
	unsigned nexpr;
	char *expr[3];
};

static void mods_free(struct mods *m)
{
	free(m->marker);
	for (unsigned i = 0; i < m->nexpr; i++)
		free(m->expr[i]);
}

/* "e" and its arguments as tmux's format_build_modifiers reads them: after a punctuation
 * character other than '-' (the wrapper), the parts it separates; else the rest, one
 * argument. Each is expanded. */
static void expr_mod(struct mods *m, const char *s, size_t len, const struct format_ctx *ctx,
		     int depth)
{
	const char *part[4];
	size_t plen[4], n = 0;
	if (len > 1 && ispunct((unsigned char)s[1]) && s[1] != '-') {
		for (const char *p = s + 2, *end = s + len; p < end && n < 4;) {
			const char *w = memchr(p, s[1], (size_t)(end - p));
			part[n] = p;
			plen[n++] = w != NULL ? (size_t)(w - p) : (size_t)(end - p);
			p = w != NULL ? w + 1 : end;
		}
	} else if (len > 1) {
		part[n] = s + 1;
		plen[n++] = len - 1;
	}
	for (unsigned i = 0; i < m->nexpr; i++)
		free(m->expr[i]);
	m->nexpr = n >= 1 && n <= 3 ? (unsigned)n : 0;
	for (unsigned i = 0; i < m->nexpr; i++)
		m->expr[i] = expand(part[i], plen[i], ctx, depth + 1);
}

/* "=N", "=/N" or "=/N/marker", the N expanded; false when not a number. */
static bool limit_mod(struct mods *m, const char *s, size_t len, const struct format_ctx *ctx,
		      int depth)
{
	char *arg = NULL, *end;
	free(m->marker);
	m->marker = NULL;
	if (len > 1 && s[1] == '/') {
		const char *slash = memchr(s + 2, '/', len - 2);
		size_t alen = slash != NULL ? (size_t)(slash - s - 2) : len - 2;
		arg = expand(s + 2, alen, ctx, depth + 1);
		if (slash != NULL)
			m->marker = expand(slash + 1, (size_t)(s + len - slash - 1), ctx, depth + 1);
	} else {
		arg = expand(s + 1, len - 1, ctx, depth + 1);
	}
	m->n = strtol(arg, &end, 10);
	bool ok = *arg != '\0' && *end == '\0';
	free(arg);
	m->limit = ok;
	return ok;
}

/* One modifier; false when it is none rsh knows (the whole is then a variable). */
static bool one_mod(struct mods *m, const char *s, size_t len, const struct format_ctx *ctx,
		    int depth)
{
	if (s[0] == '=')
		return limit_mod(m, s, len, ctx, depth) || true; /* tmux skips a bad one */
	if (s[0] == 'C') {
		m->search = true;
		mod_flags(s + 1, len - 1, m->flags);
		return true;
	}
	if (s[0] == 'e') {
		expr_mod(m, s, len, ctx, depth);
		return true;
	}
	if (len != 1)
		return false;
	switch (s[0]) {
	case 'l': m->literal = true; return true;
	case 'a': m->character = true; return true;
	case 'E': m->expand = true; return true;
	case 'T': m->expand = m->time = true; return true;
	case 'b': m->base = true; return true;
	case 'd': m->dir = true; return true;
	case 't': m->date = true; return true;
	case 'S': case 'W': case 'P': m->loop = s[0]; return true;
	default: return false;
	}
}

/* Reads the modifiers of s (up to its first ':' outside #{}); false when s has none. */
static bool parse_mods(struct mods *m, const char *s, size_t len, size_t *used,
		       const struct format_ctx *ctx, int depth)
{
	const char *colon = NULL;
	int level = 0;
	for (const char *c = s; c < s + len && colon == NULL; c++) {
		if (*c == '#' && c + 1 < s + len && c[1] == '{')
			level++, c++;
		else if (*c == '}' && level > 0)
			level--;
		else if (*c == ':' && level == 0)
			colon = c;
	}
	if (colon == NULL || colon == s)
		return false;
	for (const char *p = s; p < colon;) {
		const char *semi = memchr(p, ';', (size_t)(colon - p));
		size_t n = semi != NULL ? (size_t)(semi - p) : (size_t)(colon - p);
		if (n == 0 || !one_mod(m, p, n, ctx, depth))
			return false;
		p += n + (semi != NULL);
	}
	*used = (size_t)(colon - s) + 1;
	return true;
}

/* #{S:a} #{W:a,b} #{P:a,b}: a for each session, window of the session or pane of the
 * window, b (when given) for the current window or active pane, as tmux 3.3's loops. */
static char *loop(char kind, const char *s, size_t len, const struct format_ctx *ctx,
		  int depth)
{
	const char *part[2];
	size_t plen[2];
	/* tmux 3.3's session loop has no second format for the current one */
	size_t parts = format_split(s, len, part, plen, kind == 'S' ? 1 : 2);
	struct out o = {0};
	put(&o, "", 0);
	size_t n = kind == 'S' ? server.nsessions
		   : kind == 'W' ? (ctx->s != NULL ? ctx->s->nwindows : 0)
				 : (ctx->w != NULL ? ctx->w->npanes : 0);
	for (size_t i = 0; i < n && depth < MAX_DEPTH; i++) {
		struct format_ctx each = {.client = ctx->client, .time = ctx->time,
					  .nojobs = ctx->nojobs};
		bool current;
		if (kind == 'S') {
			each.s = server.sessions[i];
			current = each.s == ctx->s;
		} else if (kind == 'W') {
			each.w = ctx->s->windows[i];
			current = each.w == ctx->s->current;
		} else {
			each.p = ctx->w->panes[i];
			current = each.p == ctx->w->active;
		}
		format_defaults(&each);
		size_t k = current && parts > 1;
		char *v = expand(part[k], plen[k], &each, depth + 1);
		put_str(&o, v);
		free(v);
	}
	return o.p;
}

/* v changed by the modifiers other than the loops, in tmux's order; v is taken. */
static char *apply_mods(const struct mods *m, char *v, const struct format_ctx *ctx,
			int depth)
{
	char *out;
	if (m->expand) {
		struct format_ctx timed = *ctx;
		timed.time = m->time;
		out = depth < MAX_DEPTH ? format_expand_depth(v, &timed, depth + 1) : xstrdup("");
		free(v);
		v = out;
	}
	if (m->base || m->dir) {
		out = xstrdup(m->base ? basename(v) : dirname(v));
		free(v);
		v = out;
	}
	if (m->date) {
		char buf[64] = "";
		time_t t = (time_t)strtoll(v, NULL, 10);
		struct tm tm;
		if (localtime_r(&t, &tm) != NULL)
			strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y", &tm);
		free(v);
		v = xstrdup(buf);
	}
	if (m->limit && m->n != 0) { /* as tmux, =0 keeps it all */
		bool cut;
		out = truncate_cells(v, m->n, &cut);
		free(v);
		v = out;
		if (cut && m->marker != NULL && *m->marker != '\0') {
			xasprintf(&out, m->n < 0 ? "%2$s%1$s" : "%1$s%2$s", v, m->marker);
			free(v);
			v = out;
		}
	}
	return v;
}

/* Whether s is an option's full name. */
static bool names_option(const char *s, size_t len)
{
	char *name = xstrndup(s, len), *cause = NULL;
	const struct option_entry *oe = options_find(name, &cause);
	bool yes = oe != NULL && strcmp(oe->name, name) == 0;
	free(cause);
	free(name);
	return yes;
}

/* #{C/flags:text}: the text (a format) searched for in the pane's screen. */
static char *search(const struct mods *m, const char *s, size_t len,
		    const struct format_ctx *ctx, int depth)
{
	char *text = expand(s, len, ctx, depth + 1), *v;
	unsigned line = ctx->p != NULL ? format_search(ctx->p, text, strchr(m->flags, 'r') != NULL,
						       strchr(m->flags, 'i') != NULL)
				       : 0;
	xasprintf(&v, "%u", line);
	free(text);
	return v;
}

/* OpenBSD's strtonum, as tmux reads a number: all of s, in [min, max]. */
static bool whole_number(const char *s, long long min, long long max, long long *v)
{
	char *end;
	errno = 0;
	*v = strtoll(s, &end, 10);
	return end != s && *end == '\0' && errno == 0 && *v >= min && *v <= max;
}

/* #{a:n}: the ASCII character n (32 to 126), else nothing. */
static char *character(const char *s, size_t len, const struct format_ctx *ctx, int depth)
{
	char *text = expand(s, len, ctx, depth + 1);
	long long c;
	char *v = xstrdup(" ");
	if (whole_number(text, 32, 126, &c))
		v[0] = (char)c;
	else
		v[0] = '\0';
	free(text);
	return v;
}

/* The double as a long long as tmux's casts give it on x86-64 (cvttsd2si): truncated,
 * and LLONG_MIN for NaN and what is out of range (the C cast is undefined there). */
static long long to_integer(double d)
{
	if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
		return LLONG_MIN;
	return (long long)d;
}

/* A side of an expression: strtod(3) of all of it ("" is 0). */
static bool real_number(const char *s, double *v)
{
	char *end;
	*v = strtod(s, &end);
	return *end == '\0';
}

static double operate(unsigned op, double a, double b)
{
	switch (op) {
	case 0: return a + b;
	case 1: return a - b;
	case 2: return a * b;
	case 3: return a / b;
	case 4: case 5: return fmod(a, b);
	case 6: return fabs(a - b) < 1e-9;
	case 7: return fabs(a - b) > 1e-9;
	case 8: return a > b;
	case 9: return a < b;
	case 10: return a >= b;
	default: return a <= b;
	}
}

/*
 * #{e|op|flags|precision:a,b}, tmux 3.3's format_replace_expression: a and b expanded and
 * read as numbers (whole numbers unless flags has f), op (+ - * / % m == != > < >= <=)
 * applied, the result printed with precision digits (0, or 2 with f; the third argument
 * says otherwise); nothing when anything is wrong.
 */
static char *expression(const struct mods *m, const char *s, size_t len,
			const struct format_ctx *ctx, int depth)
{
	static const char *const ops[] = {"+", "-", "*", "/", "%", "m",
					  "==", "!=", ">", "<", ">=", "<="};
	unsigned op = 0;
	while (op < sizeof ops / sizeof *ops && strcmp(ops[op], m->expr[0]) != 0)
		op++;
	bool fp = m->nexpr >= 2 && strchr(m->expr[1], 'f') != NULL;
	long long prec = fp ? 2 : 0;
	const char *part[2];
	size_t plen[2];
	if (op == sizeof ops / sizeof *ops ||
	    (m->nexpr >= 3 && !whole_number(m->expr[2], INT_MIN, INT_MAX, &prec)) ||
	    format_split(s, len, part, plen, 2) != 2)
		return xstrdup("");
	char *left = expand(part[0], plen[0], ctx, depth + 1);
	char *right = expand(part[1], plen[1], ctx, depth + 1);
	double a, b;
	bool ok = real_number(left, &a) && real_number(right, &b);
	free(left);
	free(right);
	if (!ok)
		return xstrdup("");
	if (!fp) {
		a = (double)to_integer(a);
		b = (double)to_integer(b);
	}
	double result = operate(op, a, b);
	if (!fp)
		result = (double)to_integer(result);
	if (prec > MAX_OUTPUT) /* the output stops there anyway */
		prec = MAX_OUTPUT;
	char *v;
	xasprintf(&v, "%.*f", (int)prec, result);
	return v;
}

/* #{mods:rest}; NULL when s has no modifiers. */
static char *modifier(const char *s, size_t len, const struct format_ctx *ctx, int depth)
{
	struct mods m = {0};
	size_t used = 0;
	if (!parse_mods(&m, s, len, &used, ctx, depth)) {
		mods_free(&m);
		return NULL;
	}
	const char *rest = s + used;
	size_t rlen = len - used;
	char *v;
	struct format_ctx as_format = *ctx;
	/* E: and T: of an option (status-left) read the user's own format: taken as it is,
	 * its expansion escapes what it shows; a pane's value (a title) stays escaped */
	as_format.raw = ctx->raw || (m.expand && names_option(rest, rlen));
	if (m.loop != 0)
		v = loop(m.loop, rest, rlen, ctx, depth);
	else if (m.literal)
		v = xstrndup(rest, rlen);
	else if (m.character)
		v = character(rest, rlen, ctx, depth);
	else if (m.search)
		v = search(&m, rest, rlen, ctx, depth);
	else if (m.nexpr > 0)
		v = expression(&m, rest, rlen, ctx, depth);
	else
		v = value_of(rest, rlen, &as_format, depth);
	v = apply_mods(&m, v, ctx, depth);
	mods_free(&m);
	return v;
}

/* The inside of #{...}. */
static char *braces(const char *s, size_t len, const struct format_ctx *ctx, int depth)
{
	char *v;
	if (len > 0 && s[0] == '?')
		return conditional(s + 1, len - 1, ctx, depth);
	if ((v = comparison(s, len, ctx, depth)) != NULL || (v = match_op(s, len, ctx, depth)) != NULL ||
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
	if (*s == '#') { /* "##[" (any number of #) is a style's escape: kept for status.c */
		const char *q = s;
		while (q < end && *q == '#')
			q++;
		if (q < end && *q == '[') {
			put(o, s - 1, (size_t)(q - s + 2));
			return q + 1;
		}
	}
	if (*s == '#' || *s == ',' || *s == '}') {
		put(o, s, 1);
		return s + 1;
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

static char *format_expand_depth(const char *text, const struct format_ctx *ctx, int depth)
{
	if (!ctx->time)
		return expand(text, strlen(text), ctx, depth);
	char *timed = expand_time(text);
	char *out = expand(timed, strlen(timed), ctx, depth);
	free(timed);
	return out;
}

char *format_expand(const char *text, const struct format_ctx *ctx)
{
	return format_expand_depth(text, ctx, 0);
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
	if (ctx->pb == NULL)
		ctx->pb = paste_get(NULL);
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
	bool yes = format_truthy(v);
	free(v);
	return yes;
}
