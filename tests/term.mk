# Tests of the pane model.
check_PROGRAMS += tests/test_row tests/test_emulator tests/test_vterm_guard
TESTS += tests/test_row tests/test_emulator tests/test_vterm_guard
tests_test_row_LDADD = $(TERM_LIBS)
tests_test_emulator_LDADD = $(TERM_LIBS)
tests_test_vterm_guard_LDADD = $(TERM_LIBS)
check_PROGRAMS += tests/test_emulator_diff
TESTS += tests/test_emulator_diff
tests_test_emulator_diff_LDADD = $(TERM_LIBS)
check_PROGRAMS += tests/test_capture
TESTS += tests/test_capture
tests_test_capture_LDADD = $(TERM_LIBS)
check_PROGRAMS += tests/test_pty
TESTS += tests/test_pty
tests_test_pty_LDADD = $(TERM_LIBS)
check_PROGRAMS += tests/test_input
TESTS += tests/test_input
tests_test_input_LDADD = $(TERM_LIBS)
EXTRA_DIST += tests/term_output.h
check_PROGRAMS += tests/fuzz/fuzz_emulator
TESTS += tests/fuzz/fuzz_emulator
tests_fuzz_fuzz_emulator_SOURCES = tests/fuzz/fuzz_emulator.c tests/fuzz/driver.c
tests_fuzz_fuzz_emulator_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/emulator"'
tests_fuzz_fuzz_emulator_LDADD = $(TERM_LIBS)
