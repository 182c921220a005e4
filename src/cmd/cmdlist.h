/*
 * Command lists, as tmux takes them from its command line ("argv form"): words in which
 * a word ";" (or a word ending in an unescaped ";") ends a command, and "\;" at the end
 * of a word is a literal ";". A key binding's commands, a COMMAND input event and a
 * control-socket request are all in this form: `rsh split-window \; new-window`.
 *
 * Splitting is cmd/parse.h's (cmd_parse_words, cmd_parse_text); here: a line into argv
 * form, and printing a list back as list-keys prints it (tmux's quoting).
 * Every input is untrusted (typed, from a config, from the network): nothing is read
 * past its end, and what cannot be read is refused with a cause.
 */
#ifndef RSH_CMD_CMDLIST_H
#define RSH_CMD_CMDLIST_H

struct cmdlist_cmd {
	int argc;
	char **argv; /* NULL-terminated, the words unescaped */
};

struct cmdlist {
	int n;
	struct cmdlist_cmd *cmd;
};

/* Splits argv-form words into commands (allocated; empty commands dropped). */
void cmdlist_split(int argc, char *const argv[], struct cmdlist *out);
void cmdlist_free(struct cmdlist *l);

/*
 * Reads one line of tmux's command syntax (cmd/parse.h: what the command prompt takes)
 * into argv form: its commands' words escaped, a ";" word between commands. The words are
 * allocated into *argv (NULL-terminated); returns their count, or -1 with *cause when the
 * line does not read ("unterminated quote").
 */
int cmdlist_parse_line(const char *line, char ***argv, char **cause);
void cmdlist_free_words(int argc, char **argv);

/* A literal word in argv form (allocated): a ";" at its end escaped as "\;". */
char *cmdlist_escape(const char *word);

/*
 * A template with answers put in as tmux puts them (command-prompt's, a chooser's
 * target): %1..%9 the answer of that number, the n-th %% the n-th answer, %%% (and
 * %1% ...) the same with " \ $ ; ~ escaped for a command line. Allocated.
 */
char *cmdlist_fill(const char *template, char *const answers[], int n);

/* One word as tmux's list-keys prints it: quoted when it must be ('', "a b", \#). */
char *cmdlist_quote(const char *word);
/* An argv-form list as list-keys prints it: the commands' quoted words, " \; " between;
 * a block's word (cmd/parse.h) as it is. */
char *cmdlist_print(int argc, char *const argv[]);
/* The same list as a block's word, as tmux prints a block: "{ a ; b }". */
char *cmdlist_print_block(int argc, char *const argv[]);

#endif
