# A client's view and its diff for the sync layer (appends to libterm's sources).
src_term_libterm_a_SOURCES += \
	src/term/view.c src/term/view.h \
	src/term/view_wire.c src/term/view_wire.h \
	src/term/histpage.c src/term/histpage.h
