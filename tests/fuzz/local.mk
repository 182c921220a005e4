# Fuzz targets. `make fuzz` builds them with clang's libFuzzer (see build.sh); `make check`
# builds the same targets against driver.c, which replays the kept corpus (crashers
# included, in tests/fuzz/corpus/NAME/) and seeded random inputs.
# A module adds its target in its own test fragment, as:
#   check_PROGRAMS += tests/fuzz/fuzz_NAME
#   TESTS += tests/fuzz/fuzz_NAME
#   tests_fuzz_fuzz_NAME_SOURCES = tests/fuzz/fuzz_NAME.c tests/fuzz/driver.c
#   tests_fuzz_fuzz_NAME_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/NAME"'
#   tests_fuzz_fuzz_NAME_LDADD = $(TERM_LIBS)
EXTRA_DIST += tests/fuzz/build.sh tests/fuzz/driver.c tests/fuzz/corpus
.PHONY: fuzz
fuzz:
	$(top_srcdir)/tests/fuzz/build.sh $(top_srcdir) $(abs_builddir)/fuzz
