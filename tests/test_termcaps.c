/* The terminal's abilities from terminal-features and terminal-overrides (termcaps.c). */
#include "check.h"
#include "client/termcaps.h"
#include "term/view.h"

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
	return 0;
}
