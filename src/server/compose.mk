# What each attached client sees: its view of a session, status line included.
src_server_libserver_a_SOURCES += src/server/compose.c src/server/compose.h
src_server_libserver_a_SOURCES += src/server/status.c src/server/status_draw.c src/server/status.h
