# Tests of the server's composed views.
check_PROGRAMS += tests/test_compose
TESTS += tests/test_compose
tests_test_compose_LDADD = $(SERVER_LIBS) $(NET_LIBS) $(TERM_LIBS)
