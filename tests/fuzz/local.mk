# Fuzz targets. `make fuzz` builds them with clang's libFuzzer (see build.sh); `make check`
# builds the same targets against driver.c, which replays the kept corpus and crashers.
EXTRA_DIST += tests/fuzz/build.sh tests/fuzz/corpus
.PHONY: fuzz
fuzz:
	$(top_srcdir)/tests/fuzz/build.sh $(top_srcdir) $(abs_builddir)/fuzz
