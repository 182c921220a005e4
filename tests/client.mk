# Tests of the client's pieces: input parsing, bindings, drawing.

# B2: the client's terminal modes and their restoring (tty.c).
check_PROGRAMS += tests/test_tty
TESTS += tests/test_tty
tests_test_tty_LDADD = src/client/libclient.a $(UTIL_LIBS) -lutil
