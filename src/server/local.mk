# src/server: layout tree, targets, command-line tables (the daemon comes later).
noinst_LIBRARIES += src/server/libserver.a
src_server_libserver_a_SOURCES = \
	src/server/args.c src/server/args.h \
	src/server/layout.c src/server/layout.h \
	src/server/target.c src/server/target.h \
	src/server/word.c src/server/word.h
SERVER_LIBS = src/server/libserver.a src/util/libutil.a
# The server: objects, event loop, control socket, one handler per command family.
src_server_libserver_a_SOURCES += \
	src/server/proto.c src/server/proto.h \
	src/server/socket.c src/server/socket.h \
	src/server/log.c src/server/log.h \
	src/server/server.c src/server/server.h \
	src/server/session.c src/server/window.c src/server/pane.c \
	src/server/cmd.c src/server/cmd.h src/server/cmd_find.c \
	src/server/cmd_session.c src/server/cmd_window.c src/server/cmd_pane.c \
	src/server/cmd_send_keys.c src/server/cmd_capture_pane.c \
	src/server/keys.c src/server/keys.h
bin_PROGRAMS += src/rsh
src_rsh_SOURCES = src/rsh.c
src_rsh_LDADD = src/server/libserver.a $(TERM_LIBS)
man1_MANS = docs/rsh.1
