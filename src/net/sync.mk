# src/net: state synchronisation and the input log (appends to libnet's sources).
src_net_libnet_a_SOURCES += \
	src/net/sync.c src/net/sync.h \
	src/net/sync_sender.c src/net/sync_sender.h \
	src/net/sync_receiver.c src/net/sync_receiver.h \
	src/net/sync_link.c src/net/sync_link.h \
	src/net/inputlog.c src/net/inputlog.h \
	src/net/channel.c src/net/channel.h \
	src/net/channel_wire.c src/net/channel_wire.h \
	src/net/forward.c src/net/forward.h \
	src/net/forward_spec.c src/net/forward_spec.h
src_net_libnet_a_SOURCES += src/net/transport.c src/net/transport.h
