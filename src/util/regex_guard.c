/* Costing an ERE before regcomp (rules: regex_guard.h). */
#include "regex_guard.h"

#include <stdbool.h>
#include <string.h>

#define OVER (REGEX_GUARD_COST_MAX + 1ul)
/* Groups nested deeper than this cost too much whatever they hold. */
#define DEPTH_MAX 100

struct walk {
	const char *p;
	unsigned depth;
};

static unsigned long add(unsigned long a, unsigned long b)
{
	return a + b > OVER ? OVER : a + b; /* both at most OVER: no overflow */
}

static unsigned long mul(unsigned long a, unsigned long b)
{
	return b != 0 && a > OVER / b ? OVER : a * b;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A bracket expression from just past its '[' to just past its ']' (an unterminated
 * one to the end): a ']' first is a member, as are "[:class:]", "[.x.]" and "[=x=]". */
static void bracket(struct walk *w)
{
	const char *p = w->p;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	while (*p != '\0' && *p != ']') {
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			const char *end = p + 2;
			while (*end != '\0' && !(end[0] == p[1] && end[1] == ']'))
				end++;
			p = *end == '\0' ? end : end + 2;
		} else {
			p++;
		}
	}
	w->p = *p == ']' ? p + 1 : p;
}

/* A decimal number at *p, saturating at OVER; *p moves past it. */
static unsigned long number(const char **p)
{
	unsigned long n = 0;
	for (; digit(**p); (*p)++)
		n = add(mul(n, 10), (unsigned long)(**p - '0'));
	return n;
}

/* "{m}", "{m,}" or "{m,n}" at w->p: true with how many copies of the piece glibc makes
 * (m + 1 for "{m,}": m and a starred one), w->p past it; false, w->p kept, when the
 * brace starts no interval. */
static bool interval(struct walk *w, unsigned long *copies)
{
	const char *p = w->p + 1;
	if (!digit(*p))
		return false;
	unsigned long m = number(&p), n = m;
	if (*p == ',') {
		p++;
		n = digit(*p) ? number(&p) : add(m, 1);
	}
	if (*p != '}')
		return false;
	w->p = p + 1;
	*copies = m > n ? m : n;
	if (*copies == 0)
		*copies = 1;
	return true;
}

static unsigned long alternation(struct walk *w);

static unsigned long atom(struct walk *w)
{
	char c = *w->p++;
	if (c == '(') {
		if (w->depth >= DEPTH_MAX) {
			w->p += strlen(w->p);
			return OVER;
		}
		w->depth++;
		unsigned long cost = alternation(w);
		w->depth--;
		if (*w->p == ')')
			w->p++;
		return add(cost, 1);
	}
	if (c == '[')
		bracket(w);
	else if (c == '\\' && *w->p != '\0')
		w->p++;
	return 1;
}

/* An atom and the repetitions after it: "+" copies the atom's tree once more, "{m,n}"
 * makes max(m, n) copies, "*" and "?" add a node. */
static unsigned long piece(struct walk *w)
{
	unsigned long cost = atom(w), copies;
	for (;;) {
		char q = *w->p;
		if (q == '*' || q == '?') {
			w->p++;
			cost = add(cost, 1);
		} else if (q == '+') {
			w->p++;
			cost = add(mul(cost, 2), 1);
		} else if (q == '{' && interval(w, &copies)) {
			cost = add(mul(cost, copies), 1);
		} else {
			return cost;
		}
	}
}

/* Branches up to the ')' closing the group (or the end). */
static unsigned long alternation(struct walk *w)
{
	unsigned long cost = 0;
	while (*w->p != '\0' && *w->p != ')') {
		if (*w->p == '|') {
			w->p++;
			cost = add(cost, 1);
		} else {
			cost = add(cost, piece(w));
		}
	}
	return cost;
}

unsigned long regex_guard_cost(const char *pattern)
{
	struct walk w = {pattern, 0};
	unsigned long cost = alternation(&w);
	while (*w.p == ')') { /* one that closes nothing: text */
		w.p++;
		cost = add(cost, add(alternation(&w), 1));
	}
	return cost;
}

int regex_guard_compile(regex_t *re, const char *pattern, int cflags)
{
	if (regex_guard_cost(pattern) > REGEX_GUARD_COST_MAX)
		return REG_ESPACE;
	return regcomp(re, pattern, cflags | REG_EXTENDED);
}
