# The client's reading of the local terminal's bytes.
src_client_libclient_a_SOURCES += \
	src/client/keyparse.c src/client/keyparse.h
