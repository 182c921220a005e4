/* Copy mode's motions by structure: paragraphs, matching brackets, the mark, a word. */
#include <string.h>

#include "copymode_lines.h"

static uint32_t char_at(const struct copymode *cm, const struct copymode_lines *l,
			struct copymode_pos p)
{
	const term_row *row = copymode_line(cm, l, p.line);
	return row != NULL ? term_row_get(row, p.col).ch : 0;
}

/* next-paragraph: past the blank lines, then past the text, to the blank line after (its
 * end), as vi's }; previous-paragraph the same upwards, to the line's start. */
static void paragraph(struct copymode *cm, const struct copymode_lines *l, bool forward)
{
	uint64_t n = cm->cur.line, end = forward ? l->last : l->first;
	int step = forward ? 1 : -1;
	while (n != end && copymode_line_length(cm, l, n) == 0)
		n += step;
	while (n != end && copymode_line_length(cm, l, n) != 0)
		n += step;
	cm->cur = (struct copymode_pos){n, forward ? copymode_line_length(cm, l, n) : 0};
}

static const char opening[] = "{[(", closing[] = "}])";

static bool is_bracket(uint32_t ch)
{
	return ch != 0 && ch < 128 && strchr("{[()]}", (int)ch) != NULL;
}

/* From a bracket at *p to the one that matches it (forward from an opening one, back from
 * a closing one), counting nested pairs; false when there is none. */
static bool match_bracket(const struct copymode *cm, const struct copymode_lines *l,
			  struct copymode_pos *p)
{
	uint32_t ch = char_at(cm, l, *p);
	if (!is_bracket(ch))
		return false;
	const char *o = strchr(opening, (int)ch);
	bool forward = o != NULL;
	uint32_t other = forward ? (uint32_t)closing[o - opening]
				 : (uint32_t)opening[strchr(closing, (int)ch) - closing];
	struct copymode_pos q = *p;
	for (int depth = 1; copymode_step(l, &q, forward);) {
		uint32_t c = char_at(cm, l, q);
		if (c == ch)
			depth++;
		else if (c == other && --depth == 0) {
			*p = q;
			return true;
		}
	}
	return false;
}

/* next-matching-bracket (vi's %: the first bracket from the cursor on its line, then its
 * match) and previous-matching-bracket (emacs's M-C-b); emacs tries the next (previous)
 * cell when the cursor is on none. */
static void matching_bracket(struct copymode *cm, const struct copymode_lines *l,
			     bool forward)
{
	struct copymode_pos p = cm->cur;
	unsigned len = copymode_line_length(cm, l, p.line);
	if (cm->keys == COPYMODE_VI)
		while (!is_bracket(char_at(cm, l, p)) && p.col + 1 < len)
			p.col++;
	else if (!is_bracket(char_at(cm, l, p)) && (forward ? p.col + 1 < len : p.col > 0))
		p.col += forward ? 1 : -1;
	if (match_bracket(cm, l, &p))
		cm->cur = p;
}

/* select-word: the word (or run of separators) under the cursor selected, the cursor at
 * its end. */
static void select_word(struct copymode *cm, const struct copymode_lines *l)
{
	int c = copymode_char_class(cm, l, cm->cur, false);
	struct copymode_pos a = cm->cur, b = cm->cur, p = cm->cur;
	while (copymode_step(l, &p, false) && p.line == a.line &&
	       copymode_char_class(cm, l, p, false) == c)
		a = p;
	p = b;
	while (copymode_step(l, &p, true) && p.line == b.line &&
	       copymode_char_class(cm, l, p, false) == c)
		b = p;
	if (cm->keys == COPYMODE_EMACS && b.col + 1 < l->cols)
		b.col++; /* emacs's selection ends before the cursor */
	cm->selecting = true;
	cm->lines = cm->rect = cm->stopped = false;
	cm->anchor = a;
	cm->cur = b;
}

bool copymode_run_structure(struct copymode *cm, const struct copymode_lines *l,
			    const char *c)
{
	if (strcmp(c, "next-paragraph") == 0 || strcmp(c, "previous-paragraph") == 0)
		paragraph(cm, l, c[0] == 'n');
	else if (strcmp(c, "next-matching-bracket") == 0 ||
		 strcmp(c, "previous-matching-bracket") == 0)
		matching_bracket(cm, l, c[0] == 'n');
	else if (strcmp(c, "set-mark") == 0) {
		cm->marked = true;
		cm->mark = cm->cur;
	} else if (strcmp(c, "jump-to-mark") == 0) {
		struct copymode_pos t = cm->cur;
		cm->cur = cm->mark;
		cm->mark = t;
		cm->marked = true;
	} else if (strcmp(c, "select-word") == 0)
		select_word(cm, l);
	else
		return false;
	return true;
}
