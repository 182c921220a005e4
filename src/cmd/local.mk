# src/cmd: the command language both the rsh command and the server speak: command lines
# parsed against a command's entry, targets, words, errors, the control socket and its
# messages, command lists and list-keys' lines. It depends on src/util and on src/term's
# key names and tables; the entries themselves (each with its exec) and their table are
# the server's (src/server/cmd_*.c).
noinst_LIBRARIES += src/cmd/libcmd.a
src_cmd_libcmd_a_SOURCES = \
	src/cmd/entry.h \
	src/cmd/args.c src/cmd/args.h \
	src/cmd/cause.c src/cmd/cause.h \
	src/cmd/parse.c src/cmd/parse.h \
	src/cmd/target.c src/cmd/target.h \
	src/cmd/word.c src/cmd/word.h \
	src/cmd/cmdlist.c src/cmd/cmdlist.h \
	src/cmd/keylist.c src/cmd/keylist.h \
	src/cmd/copycmd.c src/cmd/copycmd.h \
	src/cmd/proto.c src/cmd/proto.h \
	src/cmd/socket.c src/cmd/socket.h
CMD_LIBS = src/cmd/libcmd.a src/util/libutil.a
