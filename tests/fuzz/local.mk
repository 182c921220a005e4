# Fuzz targets. `make check` builds every target against driver.c, which replays the kept
# corpus (crashers and hangs included, in tests/fuzz/corpus/NAME/) and seeded random
# inputs. A build configured with --enable-fuzzing (CC=clang) also links each target with
# libFuzzer, as fuzz_NAME in the build directory; `make fuzz` in any other build makes
# such a build in ./fuzz (so the targets are ./fuzz/fuzz_NAME). Run one as
#   ./fuzz/fuzz_NAME -timeout=2 -max_total_time=600 CORPUS_COPY $(srcdir)/tests/fuzz/corpus/NAME
# A module adds its target in its own test fragment, as:
#   check_PROGRAMS += tests/fuzz/fuzz_NAME
#   TESTS += tests/fuzz/fuzz_NAME
#   tests_fuzz_fuzz_NAME_SOURCES = tests/fuzz/fuzz_NAME.c tests/fuzz/driver.c
#   tests_fuzz_fuzz_NAME_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/NAME"'
#   tests_fuzz_fuzz_NAME_LDADD = $(TERM_LIBS)
# and its libFuzzer build below.
EXTRA_DIST += tests/fuzz/driver.c tests/fuzz/corpus
.PHONY: fuzz
if FUZZING
FUZZ_TARGETS = fuzz_args fuzz_channel fuzz_control fuzz_dgram_stream fuzz_emulator fuzz_event fuzz_format fuzz_keyparse fuzz_keys fuzz_keytable fuzz_layout fuzz_msgpack_read fuzz_packet fuzz_parse fuzz_plaintext fuzz_ssh_reply fuzz_sync fuzz_token fuzz_view fuzz_wire
noinst_PROGRAMS += $(FUZZ_TARGETS)
fuzz_args_SOURCES = tests/fuzz/fuzz_args.c
fuzz_args_LDADD = $(tests_fuzz_fuzz_args_LDADD)
fuzz_args_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_channel_SOURCES = tests/fuzz/fuzz_channel.c
fuzz_channel_LDADD = $(tests_fuzz_fuzz_channel_LDADD)
fuzz_channel_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_control_SOURCES = tests/fuzz/fuzz_control.c
fuzz_control_LDADD = $(tests_fuzz_fuzz_control_LDADD)
fuzz_control_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_dgram_stream_SOURCES = tests/fuzz/fuzz_dgram_stream.c
fuzz_dgram_stream_LDADD = $(tests_fuzz_fuzz_dgram_stream_LDADD)
fuzz_dgram_stream_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_emulator_SOURCES = tests/fuzz/fuzz_emulator.c
fuzz_emulator_LDADD = $(tests_fuzz_fuzz_emulator_LDADD)
fuzz_emulator_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_event_SOURCES = tests/fuzz/fuzz_event.c
fuzz_event_LDADD = $(tests_fuzz_fuzz_event_LDADD)
fuzz_event_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_format_SOURCES = tests/fuzz/fuzz_format.c
fuzz_format_LDADD = $(tests_fuzz_fuzz_format_LDADD)
fuzz_format_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_keyparse_SOURCES = tests/fuzz/fuzz_keyparse.c
fuzz_keyparse_LDADD = $(tests_fuzz_fuzz_keyparse_LDADD)
fuzz_keyparse_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_keys_SOURCES = tests/fuzz/fuzz_keys.c
fuzz_keys_LDADD = $(tests_fuzz_fuzz_keys_LDADD)
fuzz_keys_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_keytable_SOURCES = tests/fuzz/fuzz_keytable.c
fuzz_keytable_LDADD = $(tests_fuzz_fuzz_keytable_LDADD)
fuzz_keytable_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_layout_SOURCES = tests/fuzz/fuzz_layout.c
fuzz_layout_LDADD = $(tests_fuzz_fuzz_layout_LDADD)
fuzz_layout_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_msgpack_read_SOURCES = tests/fuzz/fuzz_msgpack_read.c
fuzz_msgpack_read_LDADD = $(tests_fuzz_fuzz_msgpack_read_LDADD)
fuzz_msgpack_read_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_packet_SOURCES = tests/fuzz/fuzz_packet.c
fuzz_packet_LDADD = $(tests_fuzz_fuzz_packet_LDADD)
fuzz_packet_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_parse_SOURCES = tests/fuzz/fuzz_parse.c
fuzz_parse_LDADD = $(tests_fuzz_fuzz_parse_LDADD)
fuzz_parse_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_plaintext_SOURCES = tests/fuzz/fuzz_plaintext.c
fuzz_plaintext_LDADD = $(tests_fuzz_fuzz_plaintext_LDADD)
fuzz_plaintext_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_ssh_reply_SOURCES = tests/fuzz/fuzz_ssh_reply.c
fuzz_ssh_reply_LDADD = $(tests_fuzz_fuzz_ssh_reply_LDADD)
fuzz_ssh_reply_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_sync_SOURCES = tests/fuzz/fuzz_sync.c
fuzz_sync_LDADD = $(tests_fuzz_fuzz_sync_LDADD)
fuzz_sync_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_token_SOURCES = tests/fuzz/fuzz_token.c
fuzz_token_LDADD = $(tests_fuzz_fuzz_token_LDADD)
fuzz_token_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_view_SOURCES = tests/fuzz/fuzz_view.c
fuzz_view_LDADD = $(tests_fuzz_fuzz_view_LDADD)
fuzz_view_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz_wire_SOURCES = tests/fuzz/fuzz_wire.c
fuzz_wire_LDADD = $(tests_fuzz_fuzz_wire_LDADD)
fuzz_wire_LDFLAGS = $(FUZZ_LDFLAGS)
fuzz: $(FUZZ_TARGETS)
else
# A clang build of its own beside this one, configured for libFuzzer.
fuzz:
	@mkdir -p fuzz
	@cd fuzz && { test -f config.status || \
		$(abs_top_srcdir)/configure -q CC=clang --enable-fuzzing; } && $(MAKE) fuzz
endif
