# Attached clients: their sync connections on the server's UDP socket.
src_server_libserver_a_SOURCES += src/server/server_client.c src/server/server_client.h \
	src/server/udp_listen.c src/server/udp_listen.h
# The server now talks to its clients over the network.
SERVER_LIBS += src/net/libnet.a src/util/libutil.a $(SODIUM_LIBS) $(MSGPACK_LIBS)
