# Tests of src/server.
check_PROGRAMS += tests/test_layout tests/test_target
TESTS += tests/test_layout tests/test_target
tests_test_layout_LDADD = $(SERVER_LIBS)
tests_test_target_LDADD = $(SERVER_LIBS)
