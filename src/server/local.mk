# src/server: layout tree, targets, command-line tables (the daemon comes later).
noinst_LIBRARIES += src/server/libserver.a
src_server_libserver_a_SOURCES = \
	src/server/layout.c src/server/layout.h
SERVER_LIBS = src/server/libserver.a src/util/libutil.a
