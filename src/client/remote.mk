# The remote attach: ssh bootstrap.
src_client_libclient_a_SOURCES += src/client/ssh_bootstrap.c src/client/ssh_bootstrap.h \
	src/client/ssh_reply.c src/client/ssh_reply.h
