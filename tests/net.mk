# Tests of net: datagrams, replay window, RTT, fragments, connections, UDP sockets.
NET_TESTS = tests/test_replay tests/test_rtt tests/test_fragment tests/test_connection
check_PROGRAMS += $(NET_TESTS)
TESTS += $(NET_TESTS)
tests_test_replay_LDADD = $(NET_LIBS)
tests_test_rtt_LDADD = $(NET_LIBS)
tests_test_fragment_LDADD = $(NET_LIBS)
tests_test_connection_LDADD = $(NET_LIBS)
