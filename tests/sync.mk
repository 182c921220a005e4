# Tests of sync: the sync layer and the input log over a simulated lossy link.
SYNC_TESTS = tests/test_sync tests/test_inputlog
check_PROGRAMS += $(SYNC_TESTS)
TESTS += $(SYNC_TESTS)
SYNC_SIM = tests/sync_sim.c tests/sync_sim.h
tests_test_sync_SOURCES = tests/test_sync.c $(SYNC_SIM)
tests_test_sync_LDADD = $(NET_LIBS)
tests_test_inputlog_SOURCES = tests/test_inputlog.c $(SYNC_SIM)
tests_test_inputlog_LDADD = $(NET_LIBS)
