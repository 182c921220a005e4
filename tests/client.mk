# Tests of the client's pieces: input parsing, bindings, drawing.

# B2: the client's terminal modes and their restoring (tty.c).
check_PROGRAMS += tests/test_tty
TESTS += tests/test_tty
tests_test_tty_LDADD = src/client/libclient.a $(UTIL_LIBS) -lutil
# B2: the link state's text at the right of the status row (linkstate.c).
check_PROGRAMS += tests/test_linkstate
TESTS += tests/test_linkstate
tests_test_linkstate_LDADD = src/client/libclient.a src/net/libnet.a
# B2: borders from the view's rectangles (borders.c).
check_PROGRAMS += tests/test_borders
TESTS += tests/test_borders
tests_test_borders_LDADD = src/client/libclient.a $(TERM_LIBS)
# B2: colours down to what the terminal has (colour.c).
check_PROGRAMS += tests/test_colour
TESTS += tests/test_colour
tests_test_colour_LDADD = src/client/libclient.a
# The terminal's abilities from terminal-features and -overrides (termcaps.c).
check_PROGRAMS += tests/test_termcaps
TESTS += tests/test_termcaps
tests_test_termcaps_LDADD = src/client/libclient.a $(UTIL_LIBS)
# The terminal's output queue on a pty (ttyout.c).
check_PROGRAMS += tests/test_ttyout
TESTS += tests/test_ttyout
tests_test_ttyout_LDADD = src/client/libclient.a $(UTIL_LIBS) -lutil
# B2: views drawn with ncurses on a pty, read back through the emulator (render.c).
check_PROGRAMS += tests/test_render
TESTS += tests/test_render
tests_test_render_LDADD = src/client/libclient.a src/server/libserver.a $(TERM_LIBS) \
	$(NCURSES_LIBS) -lutil
# B2: the client against a server that never answers (client.c).
check_PROGRAMS += tests/test_client_noreply
TESTS += tests/test_client_noreply
tests_test_client_noreply_LDADD = src/client/libclient.a $(SERVER_LIBS) \
	$(NET_LIBS) $(TERM_LIBS) $(NCURSES_LIBS) -lutil
# B2: the status row's line editor (prompt.c).
check_PROGRAMS += tests/test_prompt
TESTS += tests/test_prompt
tests_test_prompt_LDADD = src/client/libclient.a $(TERM_LIBS)
# B1: the terminal's bytes to input events (keyparse.c).
check_PROGRAMS += tests/test_keyparse tests/fuzz/fuzz_keyparse
TESTS += tests/test_keyparse tests/fuzz/fuzz_keyparse
tests_test_keyparse_LDADD = src/client/libclient.a $(TERM_LIBS)
tests_fuzz_fuzz_keyparse_SOURCES = tests/fuzz/fuzz_keyparse.c tests/fuzz/driver.c
tests_fuzz_fuzz_keyparse_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/keyparse"'
tests_fuzz_fuzz_keyparse_LDADD = src/client/libclient.a $(TERM_LIBS)
# The client's locale: UTF-8 always, said when the environment's is not (utf8_locale.c).
check_PROGRAMS += tests/test_utf8_locale
TESTS += tests/test_utf8_locale
tests_test_utf8_locale_LDADD = src/client/libclient.a $(UTIL_LIBS)
# Copy mode's key tables, history cache and engine.
check_PROGRAMS += tests/test_copymode
TESTS += tests/test_copymode
tests_test_copymode_LDADD = src/client/libclient.a $(CMD_LIBS) $(TERM_LIBS) $(SODIUM_LIBS)
