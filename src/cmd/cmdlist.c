/* Command lists in argv form: split, read from a line, printed. */
#include "cmdlist.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"
#include "util/strbuf.h"
#include "util/xmalloc.h"

void cmdlist_free_words(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
}

/* The parser's items as commands (taken over, not copied). */
static void take_items(struct cmd_parse_list *pl, struct cmdlist *out)
{
	*out = (struct cmdlist){0};
	out->cmd = xreallocarray(NULL, pl->n + 1, sizeof *out->cmd);
	for (size_t i = 0; i < pl->n; i++)
		if (pl->items[i].argc > 0) {
			out->cmd[out->n++] = (struct cmdlist_cmd){pl->items[i].argc,
								  pl->items[i].argv};
			pl->items[i].argv = NULL;
			pl->items[i].argc = 0;
		}
	cmd_parse_list_free(pl);
}

void cmdlist_split(int argc, char *const argv[], struct cmdlist *out)
{
	struct cmd_parse_list pl;
	cmd_parse_words(argc, argv, &pl);
	take_items(&pl, out);
}

void cmdlist_free(struct cmdlist *l)
{
	for (int i = 0; i < l->n; i++)
		cmdlist_free_words(l->cmd[i].argc, l->cmd[i].argv);
	free(l->cmd);
	*l = (struct cmdlist){0};
}

char *cmdlist_escape(const char *word)
{
	size_t len = strlen(word);
	char *out;
	if (len == 0 || word[len - 1] != ';')
		return xstrdup(word);
	xasprintf(&out, "%.*s\\;", (int)(len - 1), word);
	return out;
}

int cmdlist_parse_line(const char *line, char ***argv, char **cause)
{
	struct cmd_parse_list pl;
	char **words = NULL;
	int n = 0;

	cmd_parse_text(line, strlen(line), NULL, NULL, &pl);
	for (size_t i = 0; i < pl.n; i++)
		if (pl.items[i].error != NULL) {
			*cause = xstrdup(pl.items[i].error);
			cmd_parse_list_free(&pl);
			return -1;
		}
	for (size_t i = 0; i < pl.n; i++) {
		const struct cmd_parse_item *it = &pl.items[i];
		words = xreallocarray(words, (size_t)(n + it->argc + 2), sizeof *words);
		if (n > 0 && it->argc > 0)
			words[n++] = xstrdup(";");
		for (int w = 0; w < it->argc; w++)
			words[n++] = cmdlist_escape(it->argv[w]);
	}
	cmd_parse_list_free(&pl);
	words = xreallocarray(words, (size_t)n + 1, sizeof *words);
	words[n] = NULL;
	*argv = words;
	return n;
}

/* --- printing -------------------------------------------------------------------- */

/* The characters that make tmux double-quote a word, and those that make it single-quote. */
static const char dquoted[] = " #';${}%";
static const char squoted[] = " \"";

/* Appends c as tmux's vis does: C escapes for \n \t \r, octal for other controls, bytes
 * from 0x80 as they are (UTF-8), a backslash doubled, and " $ escaped in double quotes. */
static void vis_byte(struct strbuf *b, unsigned char c, bool dq)
{
	char tmp[8];
	if (c == '\\' || (dq && (c == '"' || c == '$'))) {
		strbuf_addc(b, '\\');
		strbuf_addc(b, (char)c);
		return;
	}
	if (c == '\n' || c == '\t' || c == '\r') {
		strbuf_addc(b, '\\');
		strbuf_addc(b, c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
		return;
	}
	if (c < 0x20 || c == 0x7f) {
		snprintf(tmp, sizeof tmp, "\\%03o", c);
		strbuf_adds(b, tmp);
		return;
	}
	strbuf_addc(b, (char)c);
}

char *cmdlist_quote(const char *s)
{
	struct strbuf b = {0};
	char quote = 0;

	if (*s == '\0')
		return xstrdup("''");
	if (s[strcspn(s, dquoted)] != '\0')
		quote = '"';
	else if (s[strcspn(s, squoted)] != '\0')
		quote = '\'';
	if (s[0] != ' ' && s[1] == '\0' && (quote != 0 || s[0] == '~')) {
		strbuf_addc(&b, '\\');
		strbuf_addc(&b, s[0]);
		return b.p; /* \# \" \~: one character alone */
	}
	if (quote != 0)
		strbuf_addc(&b, quote);
	if (s[0] == '~' && quote != '\'')
		strbuf_addc(&b, '\\');
	for (const char *p = s; *p != '\0'; p++)
		vis_byte(&b, (unsigned char)*p, quote == '"');
	if (quote != 0)
		strbuf_addc(&b, quote);
	return b.p;
}

/* The commands' words quoted (a block's word as it is: tmux prints a block so), sep
 * between the commands. */
static char *print_list(int argc, char *const argv[], const char *sep)
{
	struct cmdlist l;
	struct strbuf b = {0};

	cmdlist_split(argc, argv, &l);
	strbuf_add(&b, "", 0);
	for (int i = 0; i < l.n; i++) {
		if (i > 0)
			strbuf_adds(&b, sep);
		for (int j = 0; j < l.cmd[i].argc; j++) {
			const char *w = l.cmd[i].argv[j];
			size_t from, to;
			char *q = cmd_parse_block(w, strlen(w), &from, &to) ? xstrdup(w)
									   : cmdlist_quote(w);
			if (j > 0)
				strbuf_addc(&b, ' ');
			strbuf_adds(&b, q);
			free(q);
		}
	}
	cmdlist_free(&l);
	return b.p;
}

char *cmdlist_print(int argc, char *const argv[])
{
	return print_list(argc, argv, " \\; ");
}

char *cmdlist_print_block(int argc, char *const argv[])
{
	char *inner = print_list(argc, argv, " ; "), *w;
	xasprintf(&w, "{ %s }", inner);
	free(inner);
	return w;
}

/* The template with answer a put in for %idx and the first %%. */
static char *fill_one(const char *tpl, const char *a, int idx)
{
	static const char quoted_chars[] = "\"\\$;~";
	struct strbuf t = {0};
	bool replaced = false;
	strbuf_add(&t, "", 0);
	while (*tpl != '\0') {
		bool mine = tpl[0] == '%' && tpl[1] == '0' + idx;
		bool first = tpl[0] == '%' && tpl[1] == '%' && !replaced;
		if (!mine && !first) {
			strbuf_add(&t, tpl++, 1);
			continue;
		}
		replaced |= first;
		tpl += 2;
		bool quoted = *tpl == '%';
		if (quoted)
			tpl++;
		for (const char *c = a; *c != '\0'; c++) {
			if (quoted && strchr(quoted_chars, *c) != NULL)
				strbuf_add(&t, "\\", 1);
			strbuf_add(&t, c, 1);
		}
	}
	return t.p;
}

char *cmdlist_fill(const char *template, char *const answers[], int n)
{
	char *s = xstrdup(template);
	for (int i = 0; i < n && i < 9; i++) {
		char *next = fill_one(s, answers[i], i + 1);
		free(s);
		s = next;
	}
	return s;
}
