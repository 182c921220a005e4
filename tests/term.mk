# Tests of the pane model.
check_PROGRAMS += tests/test_row
TESTS += tests/test_row
tests_test_row_LDADD = $(TERM_LIBS)
