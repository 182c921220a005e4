# Tests of the pane model.
check_PROGRAMS += tests/test_row tests/test_emulator
TESTS += tests/test_row tests/test_emulator
tests_test_row_LDADD = $(TERM_LIBS)
tests_test_emulator_LDADD = $(TERM_LIBS)
