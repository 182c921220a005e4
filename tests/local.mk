# Test programs exit 0 on success, 77 to skip, anything else on failure.
# Each module's tests are listed in their own fragment, included below.
EXTRA_DIST += tests/check.h
UTIL_LIBS = src/util/libutil.a $(MSGPACK_LIBS)

check_PROGRAMS += tests/test_msgpack_read tests/fuzz/fuzz_msgpack_read tests/test_printable \
	tests/test_regex_guard
TESTS += tests/test_msgpack_read tests/fuzz/fuzz_msgpack_read tests/test_printable \
	tests/test_regex_guard
tests_test_msgpack_read_LDADD = $(UTIL_LIBS)
tests_test_printable_LDADD = $(UTIL_LIBS)
tests_test_regex_guard_LDADD = $(UTIL_LIBS)
tests_fuzz_fuzz_msgpack_read_SOURCES = tests/fuzz/fuzz_msgpack_read.c tests/fuzz/driver.c
tests_fuzz_fuzz_msgpack_read_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/msgpack_read"'
tests_fuzz_fuzz_msgpack_read_LDADD = $(UTIL_LIBS)

include tests/term.mk
include tests/diff.mk
include tests/net.mk
include tests/sync.mk
include tests/channel.mk
include tests/server.mk
include tests/event.mk
include tests/view.mk
include tests/compose.mk
include tests/client.mk
include tests/attach.mk
include tests/remote.mk
include tests/predict.mk
include tests/roam.mk
