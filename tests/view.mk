# Tests of the client's view and its diff: properties, hostile diffs, sync over a lossy link.
check_PROGRAMS += tests/test_view tests/fuzz/fuzz_view
TESTS += tests/test_view tests/fuzz/fuzz_view
tests_test_view_SOURCES = tests/test_view.c tests/random_screen.c tests/random_screen.h \
	tests/sync_sim.c tests/sync_sim.h
tests_test_view_LDADD = $(TERM_LIBS) $(NET_LIBS)
tests_fuzz_fuzz_view_SOURCES = tests/fuzz/fuzz_view.c tests/fuzz/driver.c
tests_fuzz_fuzz_view_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/view"'
tests_fuzz_fuzz_view_LDADD = $(TERM_LIBS)
