/*
 * What command-prompt and confirm-before ask, made from their flags on the client: the
 * prompts (-p, comma-separated, each followed by a space; "(command)" before a template's
 * answer, ":" alone before a bare command line), the initial texts (-I, one per prompt),
 * the answers put into the template (cmdlist_fill, cmd/cmdlist.h), and the
 * names (#S #I #W #P, #{session_name} ...) the view carries, expanded in prompts and
 * initial texts until the server's formats reach the client.
 */
#ifndef RSH_CLIENT_ASK_H
#define RSH_CLIENT_ASK_H

#include <stddef.h>

#include "term/view.h"

/* s with #S #I #W #P ## and #{session_name} #{window_index} #{window_name}
 * #{pane_index} replaced from v's names; anything else kept as it is. Allocated. */
char *ask_expand(const char *s, const term_view *v);
/* The same with the variables #{name} of vars (copy mode's) first. */
struct ask_var {
	const char *name, *value;
};
char *ask_expand_vars(const char *s, const term_view *v, const struct ask_var *vars,
		      size_t nvars);
/*
 * Whether s, an if-shell -F condition, is true (not empty, not "0") with vars and v's
 * names as the variables: #{name}, ## for #, #{?test,then,else} (test a name or a
 * format), #{||:a,b}, #{&&:a,b}, #{==:a,b}, #{!=:a,b}, as the server's formats read them.
 * 1 or 0; -1 when s holds anything else (a name the client does not know, another form):
 * then the server decides.
 */
int ask_condition(const char *s, const term_view *v, const struct ask_var *vars, size_t nvars);
/* Splits s at commas into *out (allocated, each allocated); returns the count (>= 1). */
int ask_split(const char *s, char ***out);
void ask_free_strings(char **s, int n);

#endif
