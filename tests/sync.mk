# Tests of sync: the sync layer over a simulated lossy link, the input log.
SYNC_TESTS = tests/test_sync
check_PROGRAMS += $(SYNC_TESTS)
TESTS += $(SYNC_TESTS)
SYNC_SIM = tests/sync_sim.c tests/sync_sim.h
tests_test_sync_SOURCES = tests/test_sync.c $(SYNC_SIM)
tests_test_sync_LDADD = $(NET_LIBS)
