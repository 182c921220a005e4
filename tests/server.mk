# Tests of src/server.
check_PROGRAMS += tests/test_layout
TESTS += tests/test_layout
tests_test_layout_LDADD = $(SERVER_LIBS)
