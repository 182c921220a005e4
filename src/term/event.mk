# Input events, client to server through the input log (appends to libterm's sources).
src_term_libterm_a_SOURCES += src/term/event.c src/term/event.h
# Key names as send-keys and the key tables spell them.
src_term_libterm_a_SOURCES += src/term/keys.c src/term/keys.h
