/*
 * The text form of the command language (parse.h): a hand-written lexer over the bytes,
 * a line at a time, with a stack for %if. Errors end the line they are on.
 */
#include "parse.h"

#include <ctype.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/utf8.h"
#include "util/xmalloc.h"

#define MAX_NESTING 64

struct buf {
	char *p;
	size_t len, cap;
};

struct cond {
	bool on;     /* this branch's commands run */
	bool done;   /* a branch of this %if has been taken */
	bool else_;  /* past %else */
	unsigned line;
};

struct lexer {
	const char *p, *end;
	unsigned line;
	cmd_parse_condition_fn *condition;
	void *arg;
	struct cmd_parse_list *list;
	struct cond stack[MAX_NESTING];
	size_t depth;
	char *error;         /* the current line's, once something failed */
	unsigned cmd_line;   /* where the command being read started */
	char **words;        /* the command being read */
	int nwords;
	size_t line_items;   /* items when the line began: a bad line drops those after */
};

/* Whether c is one of set's bytes (never the NUL strchr would find). */
static bool is_one_of(int c, const char *set)
{
	return c > 0 && strchr(set, c) != NULL;
}

static void buf_add(struct buf *b, const char *s, size_t n)
{
	b->p = xgrow(b->p, &b->cap, b->len + n + 1, 64);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void buf_add1(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

/* The next byte, lines continued by a backslash before the newline joined. */
static int lx_getc(struct lexer *lx)
{
	while (lx->p + 1 < lx->end && lx->p[0] == '\\' && lx->p[1] == '\n') {
		lx->p += 2;
		lx->line++;
	}
	return lx->p < lx->end ? (unsigned char)*lx->p++ : EOF;
}

static int lx_peek(struct lexer *lx)
{
	const char *save = lx->p;
	unsigned line = lx->line;
	int c = lx_getc(lx);
	lx->p = save;
	lx->line = line;
	return c;
}

static void lx_unget(struct lexer *lx, int c)
{
	if (c != EOF)
		lx->p--;
}

/* Records the line's first error; the rest of the line is skipped by the caller. */
static void lx_fail(struct lexer *lx, const char *fmt, const char *what)
{
	if (lx->error == NULL)
		xasprintf(&lx->error, fmt, what);
}

static bool active(const struct lexer *lx)
{
	return lx->depth == 0 || lx->stack[lx->depth - 1].on;
}

static void add_item(struct lexer *lx, unsigned line, int argc, char **argv, char *error)
{
	struct cmd_parse_list *l = lx->list;
	l->items = xreallocarray(l->items, l->n + 1, sizeof *l->items);
	l->items[l->n++] = (struct cmd_parse_item){line, argc, argv, error};
}

static void free_words(char **words, int n)
{
	for (int i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

/* NAME=value: a shell-like environment assignment. */
static bool is_assignment(const char *w)
{
	if (!isalpha((unsigned char)*w) && *w != '_')
		return false;
	while (isalnum((unsigned char)*w) || *w == '_')
		w++;
	return *w == '=';
}

/* The command read so far is complete (at ';' or the end of its line). */
static void end_command(struct lexer *lx)
{
	char **words = lx->words;
	int n = lx->nwords;
	lx->words = NULL;
	lx->nwords = 0;
	if (n == 0 || lx->error != NULL || !active(lx)) {
		free_words(words, n);
		return;
	}
	if (n == 1 && is_assignment(words[0])) {
		char *eq = strchr(words[0], '=');
		*eq = '\0';
		setenv(words[0], eq + 1, 1);
		free_words(words, n);
		return;
	}
	words = xreallocarray(words, (size_t)n + 1, sizeof *words);
	words[n] = NULL;
	add_item(lx, lx->cmd_line, n, words, NULL);
}

static void add_word(struct lexer *lx, char *w)
{
	if (lx->nwords == 0)
		lx->cmd_line = lx->line;
	lx->words = xreallocarray(lx->words, (size_t)lx->nwords + 1, sizeof *lx->words);
	lx->words[lx->nwords++] = w;
}

static int hex_digit(int c)
{
	return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* \u or \U: n hex digits, appended as UTF-8. */
static bool escape_unicode(struct lexer *lx, struct buf *b, int n, char kind)
{
	uint32_t cp = 0;
	for (int i = 0; i < n; i++) {
		int c = lx_getc(lx);
		if (c == EOF || !isxdigit(c)) {
			char k[2] = {kind, '\0'};
			lx_fail(lx, "invalid \\%s argument", k);
			lx_unget(lx, c);
			return false;
		}
		cp = cp * 16 + (uint32_t)hex_digit(c);
	}
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		char k[2] = {kind, '\0'};
		lx_fail(lx, "invalid \\%s argument", k);
		return false;
	}
	char out[4];
	buf_add(b, out, utf8_encode(cp, out));
	return true;
}

/* After a backslash (outside single quotes). */
static bool escape(struct lexer *lx, struct buf *b)
{
	static const char from[] = "abefsvrnt", to[] = "\a\b\033\f \v\r\n\t";
	int c = lx->p < lx->end ? (unsigned char)*lx->p++ : EOF;
	if (c == EOF || c == '\0') {
		lx_fail(lx, "%s", c == EOF ? "backslash at the end" : "a NUL byte");
		return false;
	}
	if (c >= '0' && c <= '7') {
		int o2 = lx_getc(lx), o3 = o2 == EOF ? EOF : lx_getc(lx);
		if (c > '3' || o2 < '0' || o2 > '7' || o3 < '0' || o3 > '7') {
			lx_fail(lx, "%s", "invalid octal escape");
			lx_unget(lx, o3);
			return false;
		}
		buf_add1(b, (char)(64 * (c - '0') + 8 * (o2 - '0') + (o3 - '0')));
		return true;
	}
	if (c == 'u' || c == 'U')
		return escape_unicode(lx, b, c == 'u' ? 4 : 8, (char)c);
	const char *k = strchr(from, c);
	buf_add1(b, k != NULL ? to[k - from] : (char)c);
	return true;
}

static bool is_var_char(int c, bool first)
{
	return c == '_' || (first ? isalpha(c) : isalnum(c));
}

/* After a '$': $NAME or ${NAME}, the value appended (nothing when unset). */
static bool variable(struct lexer *lx, struct buf *b)
{
	struct buf name = {0};
	int c = lx_getc(lx);
	bool braces = c == '{';
	if (!braces && !is_var_char(c, true)) {
		buf_add1(b, '$');
		lx_unget(lx, c);
		return true;
	}
	if (!braces)
		buf_add1(&name, (char)c);
	for (;;) {
		c = lx_getc(lx);
		if (braces && c == '}')
			break;
		if (!is_var_char(c, name.len == 0)) {
			if (braces) {
				lx_fail(lx, "%s", "invalid environment variable");
				lx_unget(lx, c);
				free(name.p);
				return false;
			}
			lx_unget(lx, c);
			break;
		}
		buf_add1(&name, (char)c);
	}
	const char *value = name.p != NULL ? getenv(name.p) : NULL;
	if (value != NULL)
		buf_add(b, value, strlen(value));
	free(name.p);
	return true;
}

/* After a '~' starting a word: the home directory of us or of the user named. */
static bool tilde(struct lexer *lx, struct buf *b)
{
	struct buf name = {0};
	int c;
	while ((c = lx_getc(lx)) > 0 && !is_one_of(c, "/ \t\n\"';"))
		buf_add1(&name, (char)c);
	lx_unget(lx, c);
	const char *home = NULL;
	struct passwd *pw;
	if (name.p == NULL) {
		home = getenv("HOME");
		if ((home == NULL || *home == '\0') && (pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
	} else if ((pw = getpwnam(name.p)) != NULL) {
		home = pw->pw_dir;
	}
	if (home == NULL)
		lx_fail(lx, "no home directory for ~%s", name.p != NULL ? name.p : "");
	else
		buf_add(b, home, strlen(home));
	free(name.p);
	return home != NULL;
}

enum quote { NONE, DOUBLE, SINGLE, START };

/* One word, from its first byte c; NULL on an error (recorded). */
static char *word(struct lexer *lx, int c)
{
	struct buf b = {0};
	enum quote state = NONE, last = START;
	bool ok = true;
	buf_add(&b, "", 0);
	for (bool first = true; ok; first = false) {
		if (!first)
			c = lx_getc(lx);
		/* A quote left open at the end of its line is an error of that line only. */
		if (c == EOF || c == '\n' || (state == NONE && is_one_of(c, " \t\r;}")))
			break;
		if (c == '\0') {
			lx_fail(lx, "%s", "a NUL byte");
			ok = false;
		} else if (c == '\\' && state != SINGLE) {
			ok = escape(lx, &b);
		} else if (c == '~' && last != state && state != SINGLE) {
			ok = tilde(lx, &b);
		} else if (c == '$' && state != SINGLE) {
			ok = variable(lx, &b);
		} else if (c == '\'' && state != DOUBLE) {
			state = state == NONE ? SINGLE : NONE;
			continue;
		} else if (c == '"' && state != SINGLE) {
			state = state == NONE ? DOUBLE : NONE;
			continue;
		} else {
			buf_add1(&b, (char)c);
		}
		last = state;
	}
	if (ok)
		lx_unget(lx, c); /* what ended the word: the caller's */
	if (ok && state != NONE) {
		lx_fail(lx, "%s", state == SINGLE ? "missing '" : "missing \"");
		ok = false;
	}
	if (!ok) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

/* An unquoted #{...} after %if, braces matched; NULL when they never close. */
static char *bare_format(struct lexer *lx)
{
	struct buf b = {0};
	int depth = 0, c;
	while ((c = lx_getc(lx)) != EOF && c != '\n') {
		buf_add1(&b, (char)c);
		if (c == '{')
			depth++;
		else if (c == '}' && --depth == 0)
			return b.p;
	}
	lx_unget(lx, c);
	free(b.p);
	lx_fail(lx, "%s", "missing }");
	return NULL;
}

/* The condition after %if or %elif: true when it holds (false on an error). */
static bool condition(struct lexer *lx, bool evaluate)
{
	int c;
	while ((c = lx_getc(lx)) == ' ' || c == '\t')
		;
	char *text = NULL;
	if (c == '#' && lx_peek(lx) == '{') {
		lx_unget(lx, c);
		text = bare_format(lx);
	} else if (c != EOF && c != '\n' && c != ';') {
		text = word(lx, c);
	} else {
		lx_unget(lx, c);
		lx_fail(lx, "%s", "missing condition");
	}
	bool holds = false;
	if (text != NULL && evaluate) {
		if (lx->condition == NULL)
			lx_fail(lx, "%s", "conditions are not allowed here");
		else
			holds = lx->condition(text, lx->arg);
	}
	free(text);
	return holds;
}

static void cond_if(struct lexer *lx)
{
	bool outer = active(lx);
	bool holds = condition(lx, outer);
	if (lx->depth == MAX_NESTING) {
		lx_fail(lx, "%s", "%if nested too deeply");
		return;
	}
	lx->stack[lx->depth++] = (struct cond){outer && holds, holds, false, lx->line};
}

static void cond_else(struct lexer *lx, bool elif)
{
	struct cond *top = lx->depth > 0 ? &lx->stack[lx->depth - 1] : NULL;
	bool outer = lx->depth < 2 || lx->stack[lx->depth - 2].on;
	if (top == NULL || top->else_) {
		lx_fail(lx, "%s", elif ? "%elif without %if" : top ? "%else after %else"
							    : "%else without %if");
		return;
	}
	bool holds = elif ? condition(lx, outer && !top->done) : true;
	top->on = outer && !top->done && holds;
	top->done = top->done || holds;
	top->else_ = !elif;
}

/* A line starting with '%': a directive, or (all '%' or digits) an ordinary word. */
static void directive(struct lexer *lx)
{
	struct buf b = {0};
	int c = '%';
	do
		buf_add1(&b, (char)c);
	while ((c = lx_getc(lx)) > 0 && !is_one_of(c, " \t\n;"));
	lx_unget(lx, c);
	if (strspn(b.p, "%0123456789") == b.len) {
		add_word(lx, b.p);
		return;
	}
	if (strcmp(b.p, "%if") == 0) {
		cond_if(lx);
	} else if (strcmp(b.p, "%elif") == 0 || strcmp(b.p, "%else") == 0) {
		cond_else(lx, b.p[3] == 'i');
	} else if (strcmp(b.p, "%endif") == 0) {
		if (lx->depth == 0)
			lx_fail(lx, "%s", "%endif without %if");
		else
			lx->depth--;
	} else {
		lx_fail(lx, "unknown directive: %s", b.p);
	}
	free(b.p);
}

/* Skips what is left of a line that failed, up to (not past) its newline. */
static void skip_line(struct lexer *lx)
{
	int c;
	while ((c = lx_getc(lx)) != EOF && c != '\n')
		;
	lx_unget(lx, c);
}

/* The end of a line: its command ends, its error (if any) becomes an item. */
static void end_line(struct lexer *lx)
{
	if (lx->error != NULL) {
		free_words(lx->words, lx->nwords);
		lx->words = NULL;
		lx->nwords = 0;
		while (lx->list->n > lx->line_items) {
			struct cmd_parse_item *it = &lx->list->items[--lx->list->n];
			free_words(it->argv, it->argc);
		}
		add_item(lx, lx->line, 0, NULL, lx->error);
		lx->error = NULL;
		return;
	}
	end_command(lx);
}

/* The byte c into b, and after a backslash that escapes (not in '...') the byte it
 * escapes; false when that is the end. */
static bool block_char(struct lexer *lx, struct buf *b, int c, bool escapes)
{
	char ch = (char)c;
	buf_add(b, &ch, 1);
	if (!escapes || c != '\\')
		return true;
	if ((c = lx_getc(lx)) == EOF)
		return false;
	ch = (char)c;
	buf_add(b, &ch, 1);
	if (c == '\n')
		lx->line++;
	return true;
}

/*
 * A { } block as a command's argument (after its '{'): its text, as one word, which the
 * command taking it reads again as a command list (bind-key's command, command-prompt's
 * template), as tmux passes a block; its lines are separate commands (as ;), braces
 * inside quotes do not count, nested blocks stay in the text. NULL with the error set
 * when it never closes.
 */
static char *block(struct lexer *lx)
{
	struct buf b = {0};
	int depth = 1, quote = 0, c;
	bool closed = false;
	unsigned line = lx->line;
	buf_add(&b, "", 0);
	while ((c = lx_getc(lx)) != EOF) {
		if (c == '\n') {
			lx->line++;
			if (quote == 0 && depth == 1) {
				buf_add(&b, " ; ", 3);
				continue;
			}
		}
		if (quote != 0 && c == quote)
			quote = 0;
		else if (quote == 0 && (c == '\'' || c == '"'))
			quote = c;
		else if (quote == 0 && c == '{')
			depth++;
		else if (quote == 0 && c == '}' && --depth == 0) {
			closed = true;
			break;
		}
		if (!block_char(lx, &b, c, quote != '\''))
			break;
	}
	if (!closed) {
		free(b.p);
		lx->line = line; /* the error is the block's line; it ran to the end */
		lx_fail(lx, "%s", "missing }");
		return NULL;
	}
	/* Without the blanks and separators the block's first and last lines leave. */
	size_t from = strspn(b.p, " \t;"), to = b.len;
	while (to > from && is_one_of(b.p[to - 1], " \t;") &&
	       !(to >= from + 2 && b.p[to - 2] == '\\'))
		to--;
	char *w;
	xasprintf(&w, "{ %.*s }", (int)(to - from), b.p + from);
	free(b.p);
	return w;
}

bool cmd_parse_block(const char *word, size_t len, size_t *from, size_t *to)
{
	if (len < 4 || strncmp(word, "{ ", 2) != 0 || strncmp(word + len - 2, " }", 2) != 0)
		return false;
	struct lexer lx = {.p = word + 1, .end = word + len, .line = 1};
	char *inner = block(&lx);
	bool whole = inner != NULL && lx.p == lx.end && lx.error == NULL;
	free(inner);
	free(lx.error);
	*from = 2;
	*to = len - 2;
	return whole;
}

void cmd_parse_text(const char *buf, size_t len, cmd_parse_condition_fn *cond, void *arg,
		    struct cmd_parse_list *list)
{
	size_t from, to;
	if (cmd_parse_block(buf, len, &from, &to)) { /* a block word read again: its commands */
		buf += from;
		len = to - from;
	}
	struct lexer lx = {.p = buf, .end = buf + len, .line = 1, .condition = cond, .arg = arg,
			   .list = list};
	memset(list, 0, sizeof *list);
	for (;;) {
		int c = lx_getc(&lx);
		if (lx.error != NULL && c != '\n' && c != EOF) {
			lx_unget(&lx, c);
			skip_line(&lx);
			continue;
		}
		if (c == EOF || c == '\n') {
			end_line(&lx);
			if (c == EOF)
				break;
			lx.line++;
			lx.line_items = list->n;
		} else if (c == ' ' || c == '\t' || c == '\r') {
			continue;
		} else if (c == ';') {
			end_command(&lx);
		} else if (c == '#') {
			skip_line(&lx);
		} else if (c == '%' && lx.nwords == 0) {
			directive(&lx);
		} else if (c == '{' && lx.nwords > 0) {
			char *w = block(&lx);
			if (w != NULL)
				add_word(&lx, w);
		} else if (c == '{' || c == '}') {
			lx_fail(&lx, "%s", c == '{' ? "unexpected {" : "unexpected }");
		} else {
			char *w = word(&lx, c);
			if (w != NULL)
				add_word(&lx, w);
		}
	}
	if (lx.depth > 0) {
		lx.line = lx.stack[0].line;
		add_item(&lx, lx.line, 0, NULL, xstrdup("missing %endif"));
	}
}

void cmd_parse_words(int argc, char *const argv[], struct cmd_parse_list *list)
{
	struct lexer lx = {.list = list, .line = 1};
	memset(list, 0, sizeof *list);
	for (int i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]);
		bool ends = n > 0 && argv[i][n - 1] == ';';
		if (ends && n > 1 && argv[i][n - 2] == '\\') {
			char *w = xstrndup(argv[i], n - 1);
			w[n - 2] = ';';
			add_word(&lx, w);
			continue;
		}
		if (!ends || n > 1)
			add_word(&lx, xstrndup(argv[i], ends ? n - 1 : n));
		if (ends)
			end_command(&lx);
	}
	end_command(&lx);
}

void cmd_parse_list_free(struct cmd_parse_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		free_words(list->items[i].argv, list->items[i].argc);
		free(list->items[i].error);
	}
	free(list->items);
	memset(list, 0, sizeof *list);
}
