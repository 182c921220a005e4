/*
 * Drawing an expanded status format into a row, as tmux's format_draw (status.h): the
 * text goes into sections by its #[align=...] and #[list=...] styles, and the sections
 * are placed and trimmed as tmux places and trims them.
 */
#include "status.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "style.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

/* The sections, tmux's: one per alignment, the list, its two markers, what follows it. */
enum section { LEFT, CENTRE, RIGHT, ABS_CENTRE, LIST, LIST_LEFT, LIST_RIGHT, AFTER, SECTIONS };

/* A style's alignment, as tmux numbers it (0 none given). */
enum align { ALIGN_DEFAULT, ALIGN_LEFT, ALIGN_CENTRE, ALIGN_RIGHT, ALIGN_ABS_CENTRE };
enum list_mode { LIST_OFF, LIST_ON, LIST_FOCUS, LIST_LEFT_MARKER, LIST_RIGHT_MARKER };

/* A section's cells: a code point each (0 for the right half of a wide one), and the
 * mouse range each is in (status.h's tag). */
struct sect {
	term_cell *cell;
	uint32_t *cp;
	uint64_t *range;
	unsigned n, cap;
};

/* Where the sections go: the row, and the range tag of each of its cells (or NULL). */
struct canvas {
	term_row *row;
	uint64_t *tags;
};

/* The drawing's state as the text is walked. */
struct draw {
	struct sect s[SECTIONS];
	term_cell cell;	   /* the pen */
	term_cell deflt;   /* what "default" means: base, or what push-default kept */
	const term_cell *base;
	enum align align;
	enum list_mode list;
	enum section current, map[5];
	int list_state;	   /* -1 before the list, 0 in it, 1 after */
	enum align list_align;
	int focus_start, focus_end;
	bool fill;
	term_colour fill_colour;
	uint64_t range; /* the mouse range the text is in now (#[range=...], #[norange]) */
};

static void sect_put(struct sect *s, uint32_t cp, const term_cell *cell, unsigned w,
		     uint64_t range)
{
	if (s->n + w > s->cap) {
		s->cap = s->cap * 2 + w + 16;
		s->cell = xreallocarray(s->cell, s->cap, sizeof *s->cell);
		s->cp = xreallocarray(s->cp, s->cap, sizeof *s->cp);
		s->range = xreallocarray(s->range, s->cap, sizeof *s->range);
	}
	for (unsigned i = 0; i < w; i++) {
		s->cell[s->n] = *cell;
		s->cell[s->n].width = (uint8_t)(i == 0 ? w : 0);
		s->range[s->n] = range;
		s->cp[s->n++] = i == 0 ? cp : 0;
	}
}

static void put_char(struct draw *d, uint32_t cp)
{
	if (utf8_is_control(cp))
		cp = '?';
	sect_put(&d->s[d->current], cp, &d->cell, status_width(cp), d->range);
}

static bool word_is(const char *w, const char *name)
{
	return strcasecmp(w, name) == 0;
}

/* The index (from 1) of v among names (5 of them, the first unused); 0 for none. */
static unsigned name_index(const char *v, const char *const names[5])
{
	for (unsigned i = 1; i < 5; i++)
		if (word_is(v, names[i]))
			return i;
	return 0;
}

static bool parse_align(const char *v, enum align *a)
{
	static const char *const names[] = {"", "left", "centre", "right", "absolute-centre"};
	unsigned i = name_index(v, names);
	*a = i != 0 ? (enum align)i : *a;
	return i != 0;
}

static bool parse_list(const char *v, enum list_mode *l)
{
	static const char *const names[] = {"", "on", "focus", "left-marker", "right-marker"};
	unsigned i = name_index(v, names);
	*l = i != 0 ? (enum list_mode)i : *l;
	return i != 0;
}

/* range=left, range=right, range=window|N (N a window index), as tmux 3.3 reads them. */
static bool parse_range(const char *v, uint64_t *range)
{
	if (word_is(v, "left") || word_is(v, "right")) {
		*range = STATUS_RANGE_TAG(word_is(v, "left") ? TERM_VIEW_RANGE_LEFT
							     : TERM_VIEW_RANGE_RIGHT, 0);
		return true;
	}
	if (strncasecmp(v, "window|", 7) != 0)
		return false;
	char *end;
	unsigned long n = strtoul(v + 7, &end, 10);
	if (end == v + 7 || *end != '\0' || n > UINT32_MAX)
		return false;
	*range = STATUS_RANGE_TAG(TERM_VIEW_RANGE_WINDOW, n);
	return true;
}

/* The words of a #[...] that are not colours and attributes; false for an unknown one
 * (style_apply is left the rest in *plain). *push: 1 push-default, -1 pop-default. */
static bool status_word(struct draw *d, const char *w, enum align *align, enum list_mode *list,
			int *push)
{
	if (strncasecmp(w, "align=", 6) == 0)
		return parse_align(w + 6, align);
	if (strncasecmp(w, "list=", 5) == 0)
		return parse_list(w + 5, list);
	if (word_is(w, "nolist")) {
		*list = LIST_OFF;
		return true;
	}
	if (word_is(w, "push-default") || word_is(w, "pop-default")) {
		*push = w[1] == 'u' || w[1] == 'U' ? 1 : -1;
		return true;
	}
	if (strncasecmp(w, "fill=", 5) == 0) {
		term_colour c;
		if (colour_parse(w + 5, &c) != 0)
			return false;
		d->fill = true;
		d->fill_colour = c;
		return true;
	}
	if (word_is(w, "norange")) {
		d->range = 0;
		return true;
	}
	if (strncasecmp(w, "range=", 6) == 0)
		return parse_range(w + 6, &d->range);
	return false;
}

/* The list's state after a style, as tmux's format_draw moves between the sections. */
static void list_change(struct draw *d)
{
	struct sect *list = &d->s[LIST];
	switch (d->list) {
	case LIST_ON:
		if (d->list_state != 0) {
			d->list_state = 0;
			d->list_align = d->align;
		}
		if (d->focus_start != -1 && d->focus_end == -1)
			d->focus_end = (int)list->n;
		d->current = LIST;
		break;
	case LIST_FOCUS:
		if (d->list_state == 0 && d->focus_start == -1)
			d->focus_start = (int)list->n;
		break;
	case LIST_OFF:
		if (d->list_state == 0) {
			if (d->focus_start != -1 && d->focus_end == -1)
				d->focus_end = (int)list->n;
			d->map[d->list_align] = AFTER;
			if (d->list_align == ALIGN_LEFT)
				d->map[ALIGN_DEFAULT] = AFTER;
			d->list_state = 1;
		}
		d->current = d->map[d->align];
		break;
	case LIST_LEFT_MARKER:
	case LIST_RIGHT_MARKER: {
		enum section m = d->list == LIST_LEFT_MARKER ? LIST_LEFT : LIST_RIGHT;
		if (d->list_state != 0 || d->s[m].n != 0)
			break;
		if (d->focus_start != -1 && d->focus_end == -1)
			d->focus_start = d->focus_end = -1;
		d->current = m;
		break;
	}
	}
}

/* A #[...] style's words applied; an unreadable style is skipped whole, as tmux. */
static void apply_style(struct draw *d, const char *words)
{
	char *copy = xstrdup(words), *save = NULL, *plain = xstrdup("");
	enum align align = d->align;
	enum list_mode list = d->list;
	int push = 0;
	for (char *w = strtok_r(copy, ", \t\n", &save); w != NULL;
	     w = strtok_r(NULL, ", \t\n", &save)) {
		if (status_word(d, w, &align, &list, &push))
			continue;
		char *more;
		xasprintf(&more, "%s %s", plain, w);
		free(plain);
		plain = more;
	}
	term_cell saved = d->cell, cell = d->cell;
	if (style_apply(&cell, plain, &d->deflt) == 0) {
		d->cell = cell;
		d->align = align;
		d->list = list;
		if (push > 0)
			d->deflt = saved;
		else if (push < 0)
			d->deflt = *d->base;
		list_change(d);
	}
	free(copy);
	free(plain);
}

/* A run of n '#' at p not ending a style: tmux draws half of them (rounded up). */
static const char *hashes(struct draw *d, const char *p, const char *end)
{
	unsigned n = 0;
	while (p + n < end && p[n] == '#')
		n++;
	if (p + n >= end || p[n] != '[') {
		for (unsigned i = 0; i < (n + 1) / 2; i++)
			put_char(d, '#');
		return p + n;
	}
	for (unsigned i = 0; i < n / 2; i++)
		put_char(d, '#');
	if (n % 2 == 0) { /* every # escaped: the [ is text */
		put_char(d, '[');
		return p + n + 1;
	}
	return p + n - 1; /* the last # opens a style */
}

/* Reads text into the sections; false for a style with no end (tmux draws nothing). */
static bool walk(struct draw *d, const char *text)
{
	const char *p = text, *end = text + strlen(text);
	while (p < end) {
		if (p[0] == '#' && p + 1 < end && p[1] != '[') {
			p = hashes(d, p, end);
			continue;
		}
		if (p[0] == '#' && p + 1 < end && p[1] == '[') {
			const char *close = memchr(p, ']', (size_t)(end - p));
			if (close == NULL)
				return false;
			char *words = xstrndup(p + 2, (size_t)(close - p - 2));
			apply_style(d, words);
			free(words);
			p = close + 1;
			continue;
		}
		uint32_t cp;
		if (!utf8_decode((const uint8_t **)&p, (const uint8_t *)end, &cp)) {
			cp = '?';
			p++;
		}
		put_char(d, cp);
	}
	return true;
}

/* Copies width cells of s from start to row at at; a wide character cut in two by the
 * copy's edges becomes a space in its colours. */
static void put(const struct canvas *row, unsigned at, const struct sect *s, unsigned start,
		unsigned width)
{
	for (unsigned i = 0; i < width && start + i < s->n; i++) {
		term_cell cell = s->cell[start + i];
		uint32_t cp = s->cp[start + i];
		bool cut = (cell.width == 0 && i == 0) || (cell.width == 2 && i + 1 >= width);
		if (cut) {
			cell.width = 1;
			cp = ' ';
		}
		term_row_set(row->row, at + i, &cell, cell.width == 0 ? NULL : &cp,
			     cell.width == 0 ? 0 : 1);
		if (row->tags != NULL)
			row->tags[at + i] = s->range[start + i];
	}
}

/* Takes cells from the widths in order until their sum fits in available. */
static void trim(unsigned *width, const enum section *order, size_t n, unsigned available)
{
	unsigned sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += width[order[i]];
	for (size_t i = 0; i < n && sum > available; i++) {
		unsigned take = sum - available < width[order[i]] ? sum - available : width[order[i]];
		width[order[i]] -= take;
		sum -= take;
	}
}

/* The list in width cells at offset, trimmed around its focus, with the markers where
 * it was cut (tmux's format_draw_put_list). */
static void put_list(const struct canvas *row, const struct draw *d, unsigned offset, unsigned width,
		     int focus_start, int focus_end)
{
	const struct sect *list = &d->s[LIST], *ll = &d->s[LIST_LEFT], *lr = &d->s[LIST_RIGHT];
	if (width >= list->n) {
		put(row, offset, list, 0, width);
		return;
	}
	unsigned centre = (unsigned)(focus_start + (focus_end - focus_start) / 2), start;
	start = centre < width / 2 ? 0 : centre - width / 2;
	if (start + width > list->n)
		start = list->n - width;
	if (start != 0 && width > ll->n) {
		put(row, offset, ll, 0, ll->n);
		offset += ll->n;
		start += ll->n;
		width -= ll->n;
	}
	if (start + width < list->n && width > lr->n) {
		put(row, offset + width - lr->n, lr, 0, lr->n);
		width -= lr->n;
	}
	put(row, offset, list, start, width);
}

/* No list: left, right, the centre between them, the absolute centre over all. */
static void draw_none(const struct canvas *row, const struct draw *d, unsigned available)
{
	static const enum section order[] = {CENTRE, RIGHT, LEFT};
	unsigned w[SECTIONS];
	for (int i = 0; i < SECTIONS; i++)
		w[i] = d->s[i].n;
	trim(w, order, 3, available);
	put(row, 0, &d->s[LEFT], 0, w[LEFT]);
	put(row, available - w[RIGHT], &d->s[RIGHT], d->s[RIGHT].n - w[RIGHT], w[RIGHT]);
	put(row, w[LEFT] + (available - w[RIGHT] - w[LEFT]) / 2 - w[CENTRE] / 2, &d->s[CENTRE],
	    d->s[CENTRE].n / 2 - w[CENTRE] / 2, w[CENTRE]);
	unsigned abs = w[ABS_CENTRE] < available ? w[ABS_CENTRE] : available;
	put(row, (available - abs) / 2, &d->s[ABS_CENTRE], 0, abs);
}

/* The list with the left, centre or right: where each part goes (tmux's
 * format_draw_left, _centre and _right). */
static void draw_with_list(const struct canvas *row, const struct draw *d, unsigned available)
{
	static const enum section by_centre[] = {LIST, AFTER, CENTRE, RIGHT, LEFT};
	static const enum section others[] = {CENTRE, LIST, RIGHT, AFTER, LEFT};
	unsigned w[SECTIONS];
	for (int i = 0; i < SECTIONS; i++)
		w[i] = d->s[i].n;
	trim(w, d->list_align == ALIGN_CENTRE ? by_centre : others, 5, available);
	if (w[LIST] == 0) {
		draw_none(row, d, available);
		return;
	}
	const struct sect *s = d->s;
	int fs = d->focus_start, fe = d->focus_end;
	bool nofocus = fs == -1 || fe == -1;
	unsigned list_at, abs = w[ABS_CENTRE] < available ? w[ABS_CENTRE] : available;
	put(row, 0, &s[LEFT], 0, w[LEFT]);
	if (d->list_align == ALIGN_RIGHT) {
		put(row, available - w[AFTER], &s[AFTER], s[AFTER].n - w[AFTER], w[AFTER]);
		unsigned right_at = available - w[RIGHT] - w[LIST] - w[AFTER];
		put(row, right_at, &s[RIGHT], 0, w[RIGHT]);
		put(row, w[LEFT] + (right_at - w[LEFT]) / 2 - w[CENTRE] / 2, &s[CENTRE],
		    s[CENTRE].n / 2 - w[CENTRE] / 2, w[CENTRE]);
		list_at = available - w[LIST] - w[AFTER];
		if (nofocus)
			fs = fe = 0;
	} else {
		put(row, available - w[RIGHT], &s[RIGHT], s[RIGHT].n - w[RIGHT], w[RIGHT]);
		if (d->list_align == ALIGN_CENTRE) {
			unsigned middle = w[LEFT] + (available - w[RIGHT] - w[LEFT]) / 2;
			put(row, middle - w[LIST] / 2 - w[CENTRE], &s[CENTRE], 0, w[CENTRE]);
			put(row, middle - w[LIST] / 2 + w[LIST], &s[AFTER], 0, w[AFTER]);
			list_at = middle - w[LIST] / 2;
			if (nofocus)
				fs = fe = (int)(s[LIST].n / 2);
		} else {
			unsigned used = w[LEFT] + w[LIST] + w[AFTER];
			put(row, w[LEFT] + w[LIST], &s[AFTER], 0, w[AFTER]);
			put(row, used + (available - w[RIGHT] - used) / 2 - w[CENTRE] / 2, &s[CENTRE],
			    s[CENTRE].n / 2 - w[CENTRE] / 2, w[CENTRE]);
			list_at = w[LEFT];
			if (nofocus)
				fs = fe = 0;
		}
	}
	put_list(row, d, list_at, w[LIST], fs, fe);
	put(row, (available - abs) / 2, &s[ABS_CENTRE], 0, abs);
}

/* The list in the absolute centre, with abs_centre before it and after behind it. */
static void draw_abs_list(const struct canvas *row, const struct draw *d, unsigned available)
{
	static const enum section sides[] = {CENTRE, RIGHT, LEFT};
	static const enum section middle_parts[] = {LIST, AFTER, ABS_CENTRE};
	unsigned w[SECTIONS];
	for (int i = 0; i < SECTIONS; i++)
		w[i] = d->s[i].n;
	trim(w, sides, 3, available);
	trim(w, middle_parts, 3, available);
	const struct sect *s = d->s;
	put(row, 0, &s[LEFT], 0, w[LEFT]);
	put(row, available - w[RIGHT], &s[RIGHT], s[RIGHT].n - w[RIGHT], w[RIGHT]);
	unsigned middle = w[LEFT] + (available - w[RIGHT] - w[LEFT]) / 2;
	put(row, middle - w[CENTRE], &s[CENTRE], 0, w[CENTRE]);
	int fs = d->focus_start, fe = d->focus_end;
	if (fs == -1 || fe == -1)
		fs = fe = (int)(s[LIST].n / 2);
	unsigned at = (available - w[LIST] - w[ABS_CENTRE]) / 2;
	put(row, at, &s[ABS_CENTRE], 0, w[ABS_CENTRE]);
	at += w[ABS_CENTRE];
	put_list(row, d, at, w[LIST], fs, fe);
	put(row, at + w[LIST], &s[AFTER], 0, w[AFTER]);
}

void status_format_draw(term_row *r, unsigned cols, const char *text, const term_cell *base,
			uint64_t *tags)
{
	const struct canvas canvas = {r, tags}, *row = &canvas;
	if (tags != NULL)
		memset(tags, 0, cols * sizeof *tags);
	struct draw d = {.cell = *base, .deflt = *base, .base = base, .current = LEFT,
			 .map = {LEFT, LEFT, CENTRE, RIGHT, ABS_CENTRE}, .list_state = -1,
			 .focus_start = -1, .focus_end = -1};
	if (!walk(&d, text))
		goto out;
	if (d.fill) {
		term_cell cell = term_cell_blank();
		cell.bg = d.fill_colour;
		for (unsigned c = 0; c < cols; c++)
			term_row_set(r, c, &cell, NULL, 0);
	}
	if (d.list_align == ALIGN_DEFAULT) /* no list, or one with no alignment: not drawn */
		draw_none(row, &d, cols);
	else if (d.list_align == ALIGN_ABS_CENTRE)
		draw_abs_list(row, &d, cols);
	else
		draw_with_list(row, &d, cols);
out:
	for (int i = 0; i < SECTIONS; i++) {
		free(d.s[i].cell);
		free(d.s[i].cp);
		free(d.s[i].range);
	}
}
