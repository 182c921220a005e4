# Tests of channels: the property test over a simulated link, and the fuzz target of the
# channel message parser (its seed corpus in tests/fuzz/corpus/channel).
check_PROGRAMS += tests/test_channel tests/fuzz/fuzz_channel
TESTS += tests/test_channel tests/fuzz/fuzz_channel
tests_test_channel_LDADD = $(NET_LIBS)
tests_fuzz_fuzz_channel_SOURCES = tests/fuzz/fuzz_channel.c tests/fuzz/driver.c
tests_fuzz_fuzz_channel_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/channel"'
tests_fuzz_fuzz_channel_LDADD = $(NET_LIBS)
