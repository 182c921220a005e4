# Screen diff and wire form (appends to libterm's sources).
src_term_libterm_a_SOURCES += \
	src/term/diff.c src/term/diff_apply.c src/term/diff.h \
	src/term/wire.c src/term/wire.h \
	src/term/diff_share.c src/term/diff_share.h \
	src/term/wire_cells.c src/term/wire_cells.h
