/* Copy-mode key tables from bind-key lines. */
#include "copykeys.h"

#include <stdlib.h>
#include <string.h>

#include "term/keyname.h"

#define MAX_TOKENS 32

/* Splits a line as tmux's parser would for these lines: words, "..." and '...' quotes,
 * backslash escapes, braces as words of their own. Returns the count, 0 when too long. */
static unsigned tokenize(const char *s, char tok[][COPYKEYS_MAX_TEXT], bool escaped[])
{
	unsigned n = 0;
	while (*s != '\0') {
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		if (n == MAX_TOKENS)
			return 0;
		size_t len = 0;
		char quote = 0;
		escaped[n] = false;
		while (*s != '\0' && (quote || (*s != ' ' && *s != '\t'))) {
			char c = *s++;
			if (quote && c == quote) {
				quote = 0;
				continue;
			}
			if (!quote && (c == '"' || c == '\'')) {
				quote = c;
				continue;
			}
			if (c == '\\' && *s != '\0' && quote != '\'') {
				c = *s++;
				escaped[n] = true;
			}
			if (len + 1 >= COPYKEYS_MAX_TEXT)
				return 0;
			tok[n][len++] = c;
		}
		tok[n++][len] = '\0';
	}
	return n;
}

/* send-keys [-F] [-X] [-N n] command [argument], from token i to end. */
static bool parse_send_keys(char tok[][COPYKEYS_MAX_TEXT], unsigned i, unsigned end,
			    struct copykeys_binding *b)
{
	bool x = false;
	for (i++; i < end && tok[i][0] == '-'; i++) {
		if (strchr(tok[i], 'X') != NULL)
			x = true;
		if (strcmp(tok[i], "-N") == 0 && i + 1 < end)
			b->repeat = (unsigned)strtoul(tok[++i], NULL, 10);
	}
	if (!x || i >= end || b->repeat == 0)
		return false;
	strcpy(b->command, tok[i]);
	if (i + 1 < end)
		strcpy(b->argument, tok[i + 1]);
	return true;
}

/* command-prompt [-1] [-p prompt] [other flags] { send-keys ... }. */
static bool parse_prompt(char tok[][COPYKEYS_MAX_TEXT], unsigned i, unsigned end,
			 struct copykeys_binding *b)
{
	b->ask = COPYKEYS_ASK_LINE;
	for (i++; i < end && strcmp(tok[i], "{") != 0; i++) {
		if (strcmp(tok[i], "-1") == 0)
			b->ask = COPYKEYS_ASK_KEY;
		else if (strcmp(tok[i], "-N") == 0)
			return false; /* a repeat count: not supported */
		else if ((strcmp(tok[i], "-p") == 0 || strcmp(tok[i], "-I") == 0 ||
			  strcmp(tok[i], "-T") == 0) && i + 1 < end) {
			if (tok[i][1] == 'p')
				strcpy(b->prompt, tok[i + 1]);
			i++;
		}
	}
	if (i + 2 >= end || strcmp(tok[end - 1], "}") != 0 ||
	    strcmp(tok[i + 1], "send-keys") != 0)
		return false;
	return parse_send_keys(tok, i + 1, end - 1, b);
}

bool copykeys_parse(const char *line, struct copykeys_binding *b)
{
	char tok[MAX_TOKENS][COPYKEYS_MAX_TEXT];
	bool escaped[MAX_TOKENS];
	unsigned n = tokenize(line, tok, escaped);
	memset(b, 0, sizeof *b);
	b->repeat = 1;
	if (n < 5 || strcmp(tok[0], "bind-key") != 0 || strcmp(tok[1], "-T") != 0)
		return false;
	if (strcmp(tok[2], "copy-mode") == 0)
		b->table = COPYKEYS_EMACS;
	else if (strcmp(tok[2], "copy-mode-vi") == 0)
		b->table = COPYKEYS_VI;
	else
		return false;
	if (!keyname_parse(tok[3], &b->key))
		return false; /* mouse keys and the like */
	/* The last command of the list is the copy-mode one (select-pane \; send-keys). */
	unsigned start = 4;
	for (unsigned i = 4; i < n; i++)
		if (escaped[i] && strcmp(tok[i], ";") == 0)
			start = i + 1;
	if (start >= n)
		return false;
	if (strcmp(tok[start], "send-keys") == 0)
		return parse_send_keys(tok, start, n, b);
	if (strcmp(tok[start], "command-prompt") == 0)
		return parse_prompt(tok, start, n, b);
	return false;
}

static struct copykeys_binding *bindings;
static size_t nbindings;

static void load(void)
{
	size_t n = 0;
	while (copykeys_default_lines[n] != NULL)
		n++;
	bindings = calloc(n ? n : 1, sizeof *bindings);
	if (bindings == NULL)
		abort();
	for (size_t i = 0; i < n; i++)
		if (copykeys_parse(copykeys_default_lines[i], &bindings[nbindings]))
			nbindings++;
}

const struct copykeys_binding *copykeys_lookup(enum copykeys_table t, const term_key *key)
{
	if (bindings == NULL)
		load();
	for (size_t i = 0; i < nbindings; i++) {
		const struct copykeys_binding *b = &bindings[i];
		if (b->table == t && keyname_equal(&b->key, key))
			return b;
	}
	return NULL;
}
