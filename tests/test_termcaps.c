/* The terminal's abilities from terminal-features and terminal-overrides (termcaps.c). */
#include <string.h>

#include "check.h"
#include "client/termcaps.h"
#include "term/view.h"

/* The override's value for name, or "(none)" / "(removed)". */
static const char *value_of(const struct termcaps_strings *ts, const char *name)
{
	const char *v;
	if (!termcaps_string(ts, name, &v))
		return "(none)";
	return v != NULL ? v : "(removed)";
}

#define VALUE(ts, name, want) \
	CHECKF(strcmp(value_of(ts, name), want) == 0, "%s: '%s'", name, value_of(ts, name))

/* Values as tmux reads them: escapes (strunvis), "::" a colon, later items over earlier,
 * @ taking away, other terminals' items skipped. */
static void strings(void)
{
	struct termcaps_strings *ts = termcaps_strings(
		"xterm-256color", "xterm*:Ss=\\E[%p1%d q:Se=\\E[2 q:Cs=\\E]12;%p1%s\\007\n"
				  "screen*:Smulx=no\n"
				  "*:Ms=\\E]52;%p1%s;%p2%s\\E\\\\:tsl=a::b:fsl=^G\n"
				  "xterm*:Smulx=\\E[4::%p1%dm:Se@:x=\\q");
	VALUE(ts, "Ss", "\033[%p1%d q");
	VALUE(ts, "Se", "(removed)");
	VALUE(ts, "Cs", "\033]12;%p1%s\007");
	VALUE(ts, "Ms", "\033]52;%p1%s;%p2%s\033\\");
	VALUE(ts, "tsl", "a:b");
	VALUE(ts, "fsl", "^G"); /* not an escape without its backslash */
	VALUE(ts, "Smulx", "\033[4:%p1%dm");
	VALUE(ts, "x", "\\q"); /* an escape strunvis does not know: the value as it is */
	VALUE(ts, "smcup", "(none)");
	termcaps_strings_free(ts);
	ts = termcaps_strings("screen", "xterm*:Ss=x\n\n:Ss=y\nscreen:Tc");
	VALUE(ts, "Ss", "(none)");
	VALUE(ts, "Tc", "");
	termcaps_strings_free(ts);
	termcaps_strings_free(NULL);
}

int main(void)
{
	/* tmux's default features: xterm* has the title, the cursor style and the clipboard,
	 * screen* the title, others nothing; no RGB without saying so. */
	unsigned x = termcaps_decide("xterm-256color", TERM_VIEW_DEFAULT_FEATURES, "");
	CHECK(x == (TERMCAP_TITLE | TERMCAP_CSTYLE | TERMCAP_CLIPBOARD));
	CHECK(termcaps_decide("screen-256color", TERM_VIEW_DEFAULT_FEATURES, "") == TERMCAP_TITLE);
	CHECK(termcaps_decide("linux", TERM_VIEW_DEFAULT_FEATURES, "") == 0);
	/* set -as terminal-overrides ',xterm*:Tc' and the RGB feature. */
	CHECK(termcaps_decide("xterm-256color", "", "xterm*:Tc") == TERMCAP_RGB);
	CHECK(termcaps_decide("xterm-256color", "", "*256col*:RGB") == TERMCAP_RGB);
	CHECK(termcaps_decide("xterm-256color", "xterm*:RGB", "") == TERMCAP_RGB);
	CHECK(termcaps_decide("screen", "xterm*:RGB", "xterm*:Tc") == 0);
	/* Several names, values (not read), an item for another terminal, @ taking away. */
	CHECK(termcaps_decide("tmux-256color", "", "tmux*:Ss=\\E[%p1%d q:Ms=x\nvt100:Tc") ==
	      (TERMCAP_CSTYLE | TERMCAP_CLIPBOARD));
	CHECK(termcaps_decide("xterm", "xterm*:RGB:title", "xterm:Tc@:tsl@") == 0);
	/* Unknown names, items without a colon, empty items and patterns: nothing. */
	CHECK(termcaps_decide("xterm", "xterm*:nosuch\nxterm\n\n:RGB\n*:", "xterm:smcup@\n:") == 0);
	CHECK(termcaps_decide("", "*:RGB", "") == TERMCAP_RGB);
	strings();
	return 0;
}
