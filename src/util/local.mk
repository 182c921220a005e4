noinst_LIBRARIES += src/util/libutil.a
src_util_libutil_a_SOURCES = \
	src/util/xmalloc.c src/util/xmalloc.h \
	src/util/msgpack_read.c src/util/msgpack_read.h \
	src/util/utf8.c src/util/utf8.h \
	src/util/printable.c src/util/printable.h \
	src/util/strbuf.c src/util/strbuf.h \
	src/util/format_split.c src/util/format_split.h \
	src/util/regex_guard.c src/util/regex_guard.h
