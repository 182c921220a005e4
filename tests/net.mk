# Tests of net: datagrams, replay window, RTT, fragments, connections, UDP sockets.
NET_TESTS = tests/test_connection
check_PROGRAMS += $(NET_TESTS)
TESTS += $(NET_TESTS)
tests_test_connection_LDADD = $(NET_LIBS)
