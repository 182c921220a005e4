# The client's reading of the local terminal's bytes, and its prefix key bindings.
src_client_libclient_a_SOURCES += \
	src/client/keyparse.c src/client/keyparse.h \
	src/client/prefix.c src/client/prefix.h
