# Tests of net: datagrams, replay window, RTT, fragments, connections, UDP sockets.
NET_TESTS = tests/test_replay tests/test_rtt tests/test_fragment tests/test_connection \
	tests/test_udp tests/test_udp6 tests/test_sendq
check_PROGRAMS += $(NET_TESTS)
TESTS += $(NET_TESTS)
tests_test_replay_LDADD = $(NET_LIBS)
tests_test_rtt_LDADD = $(NET_LIBS)
tests_test_fragment_LDADD = $(NET_LIBS)
tests_test_connection_SOURCES = tests/test_connection.c tests/net_capture.h
tests_test_connection_LDADD = $(NET_LIBS)
tests_test_udp_LDADD = $(NET_LIBS)
tests_test_sendq_LDADD = $(NET_LIBS)
# The same test on ::1 (exits 77 where IPv6 is unavailable).
tests_test_udp6_SOURCES = tests/test_udp.c
tests_test_udp6_CPPFLAGS = $(AM_CPPFLAGS) -DTEST_IPV6
tests_test_udp6_LDADD = $(NET_LIBS)

# Fuzz targets: whole packets against a fixed key, and plaintexts with reassembly.
check_PROGRAMS += tests/fuzz/fuzz_packet tests/fuzz/fuzz_plaintext
TESTS += tests/fuzz/fuzz_packet tests/fuzz/fuzz_plaintext
tests_fuzz_fuzz_packet_SOURCES = tests/fuzz/fuzz_packet.c tests/fuzz/driver.c \
	tests/fuzz/packet_records.h
tests_fuzz_fuzz_packet_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/packet"'
tests_fuzz_fuzz_packet_LDADD = $(NET_LIBS)
tests_fuzz_fuzz_plaintext_SOURCES = tests/fuzz/fuzz_plaintext.c tests/fuzz/driver.c \
	tests/fuzz/packet_records.h
tests_fuzz_fuzz_plaintext_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/plaintext"'
tests_fuzz_fuzz_plaintext_LDADD = $(NET_LIBS)
# Writes their seed corpora (see its comment); built with everything so it keeps compiling.
noinst_PROGRAMS += tests/fuzz/mkcorpus_packet
tests_fuzz_mkcorpus_packet_SOURCES = tests/fuzz/mkcorpus_packet.c tests/fuzz/packet_records.h \
	tests/net_capture.h
tests_fuzz_mkcorpus_packet_LDADD = $(NET_LIBS)

# The connect line, and its fuzz target.
check_PROGRAMS += tests/test_token tests/fuzz/fuzz_token
TESTS += tests/test_token tests/fuzz/fuzz_token
tests_test_token_LDADD = $(NET_LIBS)
tests_fuzz_fuzz_token_SOURCES = tests/fuzz/fuzz_token.c tests/fuzz/driver.c
tests_fuzz_fuzz_token_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/token"'
tests_fuzz_fuzz_token_LDADD = $(NET_LIBS)

# Datagrams over a byte stream and the host's relay (the ssh path), and the stream's
# fuzz target.
check_PROGRAMS += tests/test_relay tests/fuzz/fuzz_dgram_stream
TESTS += tests/test_relay tests/fuzz/fuzz_dgram_stream
tests_test_relay_LDADD = $(NET_LIBS)
tests_fuzz_fuzz_dgram_stream_SOURCES = tests/fuzz/fuzz_dgram_stream.c tests/fuzz/driver.c
tests_fuzz_fuzz_dgram_stream_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/dgram_stream"'
tests_fuzz_fuzz_dgram_stream_LDADD = $(NET_LIBS)
