# src/server: layout tree, targets, command-line tables (the daemon comes later).
noinst_LIBRARIES += src/server/libserver.a
src_server_libserver_a_SOURCES = \
	src/server/escape.c src/server/escape.h \
	src/server/layout.c src/server/layout.h \
	src/server/target.c src/server/target.h
SERVER_LIBS = src/server/libserver.a src/util/libutil.a
