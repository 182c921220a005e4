# Tests of the client's pieces: input parsing, bindings, drawing.

# B2: the client's terminal modes and their restoring (tty.c).
check_PROGRAMS += tests/test_tty
TESTS += tests/test_tty
tests_test_tty_LDADD = src/client/libclient.a $(UTIL_LIBS) -lutil
# B2: the link state's text at the right of the status row (linkstate.c).
check_PROGRAMS += tests/test_linkstate
TESTS += tests/test_linkstate
tests_test_linkstate_LDADD = src/client/libclient.a
# B2: borders from the view's rectangles (borders.c).
check_PROGRAMS += tests/test_borders
TESTS += tests/test_borders
tests_test_borders_LDADD = src/client/libclient.a $(TERM_LIBS)
