/*
 * Environments, as tmux's: the global one (the server's own at start) and one per
 * session. An entry has a value, or is removed (set-environment -r: shown as -NAME and
 * taken out of the environment of a pane started under it). Names never contain '='.
 * Entries are kept sorted by name; the strings are the environment's own.
 */
#ifndef RSH_SERVER_ENVIRON_H
#define RSH_SERVER_ENVIRON_H

#include <stddef.h>

struct environ_entry {
	char *name;
	char *value; /* NULL: removed */
};

struct environ {
	struct environ_entry *v;
	size_t n;
};

extern struct environ environ_global;

/* Fills the global environment from the process's (server start). */
void environ_init_global(void);
struct environ *environ_create(void);
void environ_free(struct environ *env);
struct environ_entry *environ_find(const struct environ *env, const char *name);
/* Sets name to value (NULL: marks it removed). */
void environ_set(struct environ *env, const char *name, const char *value);
/* Deletes name's entry (set-environment -u); nothing if absent. */
void environ_unset(struct environ *env, const char *name);
/*
 * A new pane's environment: the global entries overridden by the session's (NULL: none),
 * removed ones left out; "NAME=value" strings in a NULL-ended array, freed with
 * environ_free_envp.
 */
char **environ_envp(const struct environ *session);
/*
 * update-environment, as tmux's environ_update: for each of patterns (fnmatch(3),
 * separated by newlines), every variable of from (n "NAME=value" strings) whose name it
 * matches is set in dst; a pattern that matches none is marked removed in dst.
 */
void environ_update(struct environ *dst, const char *patterns, char *const *from, size_t n);
void environ_free_envp(char **envp);

#endif
