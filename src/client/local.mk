# src/client: the attached client, drawing views with ncurses and sending input events.
noinst_LIBRARIES += src/client/libclient.a
src_client_libclient_a_SOURCES = \
	src/client/client.c src/client/client.h \
	src/client/uplink.c src/client/uplink.h \
	src/client/sshpath.c src/client/sshpath.h \
	src/client/keymode.c src/client/keymode.h \
	src/client/copymode.c src/client/copymode.h \
	src/client/copymode_lines.c src/client/copymode_lines.h src/client/copymode_copy.c \
	src/client/copymode_draw.c \
	src/client/copymode_format.c src/client/copymode_motion.c src/client/copymode_mouse.c \
	src/client/histcache.c src/client/histcache.h \
	src/client/ask.c src/client/ask.h \
	src/client/tty.c src/client/tty.h \
	src/client/ttyout.c src/client/ttyout.h \
	src/client/catch.c src/client/catch.h \
	src/client/prompt.c src/client/prompt.h \
	src/client/linkstate.c src/client/linkstate.h \
	src/client/borders.c src/client/borders.h \
	src/client/colour.c src/client/colour.h \
	src/client/utf8_locale.c src/client/utf8_locale.h \
	src/client/termcaps.c src/client/termcaps.h \
	src/client/termdesc.c src/client/termdesc.h \
	src/client/render.c src/client/render.h
