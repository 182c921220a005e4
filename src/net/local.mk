# src/net: datagrams, fragments, connections.
noinst_LIBRARIES += src/net/libnet.a
src_net_libnet_a_SOURCES = \
	src/net/clock.c src/net/clock.h \
	src/net/crypto.c src/net/crypto.h \
	src/net/packet.c src/net/packet.h \
	src/net/replay.c src/net/replay.h \
	src/net/rtt.c src/net/rtt.h \
	src/net/fragment.c src/net/fragment.h \
	src/net/connection.c src/net/connection.h \
	src/net/sendq.c src/net/sendq.h \
	src/net/udp.c src/net/udp.h \
	src/net/resolve.c src/net/resolve.h \
	src/net/hop.c src/net/hop.h \
	src/net/token.c src/net/token.h \
	src/net/dgram_stream.c src/net/dgram_stream.h \
	src/net/relay.c src/net/relay.h
NET_LIBS = src/net/libnet.a src/util/libutil.a $(SODIUM_LIBS) $(MSGPACK_LIBS)
