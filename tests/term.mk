# Tests of the pane model (src/term); see docs/term.md.
TERM_TESTS = tests/test_row tests/test_link tests/test_emulator tests/test_scrollback tests/test_vterm_guard \
	tests/test_emulator_diff tests/test_capture tests/test_input tests/test_pty \
	tests/fuzz/fuzz_emulator
check_PROGRAMS += $(TERM_TESTS)
TESTS += $(TERM_TESTS)
EXTRA_DIST += tests/term_output.h
tests_test_row_LDADD = $(TERM_LIBS)
tests_test_link_LDADD = $(TERM_LIBS)
tests_test_emulator_SOURCES = tests/test_emulator.c tests/random_screen.c tests/random_screen.h
tests_test_emulator_LDADD = $(TERM_LIBS)
tests_test_scrollback_SOURCES = tests/test_scrollback.c tests/random_screen.c tests/random_screen.h
tests_test_scrollback_LDADD = $(TERM_LIBS)
tests_test_vterm_guard_LDADD = $(TERM_LIBS)
tests_test_emulator_diff_LDADD = $(TERM_LIBS)
tests_test_capture_LDADD = $(TERM_LIBS)
tests_test_input_LDADD = $(TERM_LIBS)
tests_test_pty_LDADD = $(TERM_LIBS)
tests_fuzz_fuzz_emulator_SOURCES = tests/fuzz/fuzz_emulator.c tests/fuzz/driver.c
tests_fuzz_fuzz_emulator_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/emulator"'
tests_fuzz_fuzz_emulator_LDADD = $(TERM_LIBS)
