# Tests of sync: the sync layer and the input log over a simulated lossy link.
SYNC_TESTS = tests/test_sync tests/test_inputlog tests/test_transport tests/test_transport_multi
check_PROGRAMS += $(SYNC_TESTS)
TESTS += $(SYNC_TESTS)
SYNC_HELPERS = tests/sync_sim.c tests/sync_sim.h tests/sync_regs.c tests/sync_regs.h
tests_test_sync_SOURCES = tests/test_sync.c $(SYNC_HELPERS)
tests_test_sync_LDADD = $(NET_LIBS)
tests_test_inputlog_SOURCES = tests/test_inputlog.c $(SYNC_HELPERS)
tests_test_inputlog_LDADD = $(NET_LIBS)
tests_test_transport_SOURCES = tests/test_transport.c tests/sync_regs.c tests/sync_regs.h \
	tests/udpproxy_run.c tests/udpproxy_run.h
tests_test_transport_LDADD = $(NET_LIBS)
tests_test_transport_multi_SOURCES = tests/test_transport_multi.c tests/sync_regs.c tests/sync_regs.h
tests_test_transport_multi_LDADD = $(NET_LIBS)
check_PROGRAMS += tests/fuzz/fuzz_sync
TESTS += tests/fuzz/fuzz_sync
tests_fuzz_fuzz_sync_SOURCES = tests/fuzz/fuzz_sync.c tests/fuzz/driver.c
tests_fuzz_fuzz_sync_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/sync"'
tests_fuzz_fuzz_sync_LDADD = $(NET_LIBS)
# The impairment proxy the real-UDP tests run between client and server.
check_PROGRAMS += tests/udpproxy
tests_udpproxy_LDADD = $(NET_LIBS)
