/* SGR read by us (sgr.h). */
#include "sgr.h"

#include <stdbool.h>

/* Beyond these, parameters and sub-parameters are ignored (xterm keeps 30 parameters). */
#define SGR_MAX_PARAMS 32
#define SGR_MAX_SUBS 8
#define SGR_VALUE_MAX 65535 /* saturated: large enough to be out of every range */

struct sgr_param {
	int v[SGR_MAX_SUBS]; /* -1: left empty */
	unsigned n;          /* sub-parameters, the first included */
};

/* Splits the bytes into parameters; returns how many. */
static unsigned sgr_split(const char *s, size_t len, struct sgr_param *p)
{
	unsigned n = 0;
	size_t i;

	p[0].n = 1;
	p[0].v[0] = -1;
	for (i = 0; i < len; i++) {
		char c = s[i];
		struct sgr_param *cur = &p[n];
		int *v = &cur->v[cur->n - 1];

		if (c >= '0' && c <= '9') {
			*v = *v < 0 ? 0 : *v;
			*v = *v >= SGR_VALUE_MAX / 10 ? SGR_VALUE_MAX : *v * 10 + (c - '0');
		} else if (c == ':' && cur->n < SGR_MAX_SUBS) {
			cur->v[cur->n++] = -1;
		} else if (c == ';') {
			if (n + 1 == SGR_MAX_PARAMS)
				break;
			n++;
			p[n].n = 1;
			p[n].v[0] = -1;
		}
	}
	return n + 1;
}

static int value(const struct sgr_param *p, unsigned sub)
{
	return sub < p->n && p->v[sub] > 0 ? p->v[sub] : 0;
}

static bool rgb(int r, int g, int b, term_colour *out)
{
	if (r > 255 || g > 255 || b > 255)
		return false;
	*out = TERM_COLOUR_RGB(r, g, b);
	return true;
}

static bool index_colour(int i, term_colour *out)
{
	if (i > 255)
		return false;
	*out = TERM_COLOUR_PALETTE(i);
	return true;
}

/*
 * An extended colour (38, 48, 58) at p[*i]: in its sub-parameters (colon form), else in
 * the parameters after it, which it then uses up. False: no colour (left as it was).
 */
static bool extended(const struct sgr_param *p, unsigned n, unsigned *i, term_colour *out)
{
	const struct sgr_param *x = &p[*i];

	if (x->n > 1) {
		int kind = value(x, 1);
		if (kind == 5)
			return x->n > 2 && index_colour(value(x, 2), out);
		if (kind != 2 || x->n < 5)
			return false;
		/* 38:2:CS:R:G:B (ITU T.416) or, as many programs write it, 38:2:R:G:B. */
		unsigned at = x->n >= 6 ? 3 : 2;
		return rgb(value(x, at), value(x, at + 1), value(x, at + 2), out);
	}
	if (*i + 1 >= n)
		return false;
	int kind = value(&p[*i + 1], 0);
	if (kind == 5 && *i + 2 < n) {
		*i += 2;
		return index_colour(value(&p[*i], 0), out);
	}
	if (kind == 2 && *i + 4 < n) {
		*i += 4;
		return rgb(value(&p[*i - 2], 0), value(&p[*i - 1], 0), value(&p[*i], 0), out);
	}
	*i += 1; /* a kind we do not know: skip it, as xterm does */
	return false;
}

static void set(term_cell *pen, unsigned attr, bool on)
{
	pen->attrs = (uint16_t)(on ? pen->attrs | attr : pen->attrs & ~attr);
}

static void underline(term_cell *pen, int style)
{
	if (style >= TERM_UNDERLINE_STYLES)
		return;
	pen->attrs = (uint16_t)((pen->attrs & ~TERM_ATTR_UNDERLINE_MASK) |
				((unsigned)style << TERM_ATTR_UNDERLINE_SHIFT));
}

/* Applies one parameter (p[*i], maybe using up those after it). */
static void sgr_one(term_cell *pen, const struct sgr_param *p, unsigned n, unsigned *i)
{
	int v = value(&p[*i], 0);
	term_colour c;

	switch (v) {
	case 0:
		pen->fg = pen->bg = pen->ul = TERM_COLOUR_DEFAULT;
		pen->attrs = 0;
		break;
	case 1: set(pen, TERM_ATTR_BOLD, true); break;
	case 2: set(pen, TERM_ATTR_DIM, true); break;
	case 3: set(pen, TERM_ATTR_ITALIC, true); break;
	case 4: underline(pen, p[*i].n > 1 ? value(&p[*i], 1) : 1); break;
	case 5: case 6: set(pen, TERM_ATTR_BLINK, true); break;
	case 7: set(pen, TERM_ATTR_REVERSE, true); break;
	case 8: set(pen, TERM_ATTR_CONCEAL, true); break;
	case 9: set(pen, TERM_ATTR_STRIKE, true); break;
	case 21: underline(pen, 2); break;
	case 22: set(pen, TERM_ATTR_BOLD | TERM_ATTR_DIM, false); break;
	case 23: set(pen, TERM_ATTR_ITALIC, false); break;
	case 24: underline(pen, 0); break;
	case 25: set(pen, TERM_ATTR_BLINK, false); break;
	case 27: set(pen, TERM_ATTR_REVERSE, false); break;
	case 28: set(pen, TERM_ATTR_CONCEAL, false); break;
	case 29: set(pen, TERM_ATTR_STRIKE, false); break;
	case 38: if (extended(p, n, i, &c)) pen->fg = c; break;
	case 39: pen->fg = TERM_COLOUR_DEFAULT; break;
	case 48: if (extended(p, n, i, &c)) pen->bg = c; break;
	case 49: pen->bg = TERM_COLOUR_DEFAULT; break;
	case 58: if (extended(p, n, i, &c)) pen->ul = c; break;
	case 59: pen->ul = TERM_COLOUR_DEFAULT; break;
	default:
		if (v >= 30 && v <= 37)
			pen->fg = TERM_COLOUR_PALETTE(v - 30);
		else if (v >= 40 && v <= 47)
			pen->bg = TERM_COLOUR_PALETTE(v - 40);
		else if (v >= 90 && v <= 97)
			pen->fg = TERM_COLOUR_PALETTE(v - 90 + 8);
		else if (v >= 100 && v <= 107)
			pen->bg = TERM_COLOUR_PALETTE(v - 100 + 8);
		break;
	}
}

void term_sgr_apply(term_cell *pen, const char *params, size_t len)
{
	struct sgr_param p[SGR_MAX_PARAMS];
	unsigned n = sgr_split(params, len, p), i;

	for (i = 0; i < n; i++)
		sgr_one(pen, p, n, &i);
}
