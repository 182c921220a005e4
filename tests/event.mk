# Tests of input events: their wire form, and the server applying them to panes.
check_PROGRAMS += tests/test_event tests/test_server_input tests/fuzz/fuzz_event
TESTS += tests/test_event tests/test_server_input tests/fuzz/fuzz_event
tests_test_event_LDADD = $(TERM_LIBS)
tests_test_server_input_LDADD = $(SERVER_LIBS) $(TERM_LIBS)
tests_fuzz_fuzz_event_SOURCES = tests/fuzz/fuzz_event.c tests/fuzz/driver.c
tests_fuzz_fuzz_event_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/event"'
tests_fuzz_fuzz_event_LDADD = $(TERM_LIBS)
