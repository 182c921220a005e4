# Tests of the screen diff and its wire form.
check_PROGRAMS += tests/test_diff tests/test_wire tests/fuzz/fuzz_wire tests/test_diff_share
TESTS += tests/test_diff tests/test_wire tests/fuzz/fuzz_wire tests/test_diff_share
tests_test_diff_SOURCES = tests/test_diff.c tests/random_screen.c tests/random_screen.h
tests_test_diff_LDADD = $(TERM_LIBS)
tests_test_wire_SOURCES = tests/test_wire.c tests/random_screen.c tests/random_screen.h
tests_test_wire_LDADD = $(TERM_LIBS)
tests_fuzz_fuzz_wire_SOURCES = tests/fuzz/fuzz_wire.c tests/fuzz/driver.c
tests_fuzz_fuzz_wire_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/wire"'
tests_fuzz_fuzz_wire_LDADD = $(TERM_LIBS)
tests_test_diff_share_SOURCES = tests/test_diff_share.c tests/random_screen.c tests/random_screen.h
tests_test_diff_share_LDADD = $(TERM_LIBS)
