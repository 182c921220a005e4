# Attached clients: their sync connections on the server's UDP socket.
src_server_libserver_a_SOURCES += src/server/server_client.c src/server/server_client.h
