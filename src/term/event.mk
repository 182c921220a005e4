# Input events, client to server through the input log (appends to libterm's sources).
src_term_libterm_a_SOURCES += src/term/event.c src/term/event.h
