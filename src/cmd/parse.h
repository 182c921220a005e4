/*
 * The command language's text form, as tmux writes it in config files and at the
 * command prompt, read into a list of commands (each a vector of words) and errors:
 *
 *   one command per line; ';' between commands on a line; '\' before the end of a line
 *   continues it (a quote left open at the end of a line is an error: unlike tmux, a
 *   quoted string does not go on to the next line, so one typo costs one line); '#' starting a word comments out the rest of the line;
 *   'single quotes' keep everything; "double quotes" and bare words expand \ escapes
 *   (\n \t \e \s \a \b \f \r \v, \ooo, \uXXXX, \UXXXXXXXX, else the character itself, so
 *   \; is a word ";" that a command such as bind-key reads as a separator), $VAR and
 *   ${VAR} (the server's environment; unset is empty) and a leading ~ or ~user;
 *   NAME=value alone sets an environment variable;
 *   { ... } as a command's argument (over lines if need be) is one word, "{ TEXT }",
 *   the block's text with its lines joined by " ; " in braces (so that list-keys shows
 *   it as tmux does, cmdlist_print), which the command taking it reads again as a
 *   command list (bind-key, if-shell, command-prompt's template): text that is one such
 *   word whole reads as the commands inside, as tmux runs a block;
 *   %if "format" / %elif "format" / %else / %endif, nested, conditions tested through
 *   the caller's callback (formats are the server's).
 *
 * The text is untrusted (a config file, a line typed at a prompt): any bytes, any size.
 * Unlike tmux, which refuses a whole file for one bad line, a bad line becomes an error
 * item and parsing goes on at the next line; the commands of other lines are kept, in
 * order, errors among them, so a caller runs them and reports in line order.
 */
#ifndef RSH_CMD_PARSE_H
#define RSH_CMD_PARSE_H

#include <stdbool.h>
#include <stddef.h>

/* One command, or one error (error != NULL, argc 0), with its line (counted from 1). */
struct cmd_parse_item {
	unsigned line;
	int argc;
	char **argv; /* argc words, then NULL; owned */
	char *error; /* why the line was refused, one line, owned */
};

struct cmd_parse_list {
	struct cmd_parse_item *items;
	size_t n;
};

/*
 * Tests a %if or %elif condition (the text of the word after it, expanded as a format by
 * the caller): true when it holds. NULL: conditions are refused as errors.
 */
typedef bool cmd_parse_condition_fn(const char *format, void *arg);

/* Parses len bytes of buf into *list (free with cmd_parse_list_free). */
void cmd_parse_text(const char *buf, size_t len, cmd_parse_condition_fn *condition,
		    void *arg, struct cmd_parse_list *list);

/*
 * Splits words given already split (a shell's command line) into commands as tmux does:
 * a word ending in ';' ends a command (the ';' dropped; a word "\;" or ending "\;" keeps
 * one ';'). Every item has line 1.
 */
void cmd_parse_words(int argc, char *const argv[], struct cmd_parse_list *list);

void cmd_parse_list_free(struct cmd_parse_list *list);

/* Whether len bytes of word are one block's word ("{ TEXT }" as the parser makes it,
 * its braces matched, quotes inside minded): then TEXT is word[*from, *to). */
bool cmd_parse_block(const char *word, size_t len, size_t *from, size_t *to);

#endif
