noinst_LIBRARIES += src/term/libterm.a
src_term_libterm_a_SOURCES = \
	src/term/cell.h \
	src/term/row.c src/term/row.h \
	src/term/snapshot.c src/term/snapshot.h
TERM_LIBS = src/term/libterm.a src/util/libutil.a $(VTERM_LIBS) $(MSGPACK_LIBS)
# The pane model: see docs/term.md.
src_term_libterm_a_SOURCES += \
	src/term/grid.c src/term/grid.h \
	src/term/scrollback.c src/term/scrollback.h \
	src/term/vterm_guard.c src/term/vterm_guard.h \
	src/term/emulator.c src/term/emulator.h \
	src/term/sgr.c src/term/sgr.h \
	src/term/link.c src/term/link.h \
	src/term/input.c src/term/input.h \
	src/term/keyname.c src/term/keyname.h \
	src/term/keytable.c src/term/keytable.h \
	src/term/pty.c src/term/pty.h \
	src/term/capture.c src/term/capture.h \
	src/term/search.c src/term/search.h
