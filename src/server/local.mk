# src/server: layout tree, targets, command-line tables (the daemon comes later).
noinst_LIBRARIES += src/server/libserver.a
src_server_libserver_a_SOURCES = \
	src/server/args.c src/server/args.h \
	src/server/layout.c src/server/layout.h \
	src/server/target.c src/server/target.h \
	src/server/word.c src/server/word.h
SERVER_LIBS = src/server/libserver.a src/util/libutil.a
