# Remote attach through the impairment proxy: roaming, outages, tokens.
# Like the attach tests they run src/rsh (RSH_BIN overrides it), and tests/udpproxy beside them.
EXTRA_DIST += tests/roam_link.h
ROAM_HELPERS = tests/roam_link.c $(ATTACH_HARNESS) tests/udpproxy_run.c tests/udpproxy_run.h
ROAM_LIBS = $(TERM_LIBS) $(NET_LIBS)
ROAM_TESTS = tests/test_roam_move tests/test_roam_outage tests/test_roam_clients \
	tests/test_roam_token tests/test_copy_mode tests/test_roam_paste tests/test_copy_clients tests/test_roam_forward \
	tests/test_roam_watch_rate
check_PROGRAMS += $(ROAM_TESTS)
TESTS += $(ROAM_TESTS)
tests_test_roam_move_SOURCES = tests/test_roam_move.c $(ROAM_HELPERS)
tests_test_roam_move_LDADD = $(ROAM_LIBS)
tests_test_roam_outage_SOURCES = tests/test_roam_outage.c $(ROAM_HELPERS)
tests_test_roam_outage_LDADD = $(ROAM_LIBS)
tests_test_roam_watch_rate_SOURCES = tests/test_roam_watch_rate.c $(ROAM_HELPERS)
tests_test_roam_watch_rate_LDADD = $(ROAM_LIBS)
tests_test_roam_clients_SOURCES = tests/test_roam_clients.c $(ROAM_HELPERS)
tests_test_roam_clients_LDADD = $(ROAM_LIBS)
tests_test_roam_token_SOURCES = tests/test_roam_token.c $(ROAM_HELPERS)
tests_test_roam_token_LDADD = $(ROAM_LIBS)
tests_test_copy_mode_SOURCES = tests/test_copy_mode.c $(ROAM_HELPERS)
tests_test_copy_mode_LDADD = $(ROAM_LIBS)
tests_test_roam_paste_SOURCES = tests/test_roam_paste.c $(ROAM_HELPERS)
tests_test_roam_paste_LDADD = $(ROAM_LIBS)
tests_test_copy_clients_SOURCES = tests/test_copy_clients.c $(ROAM_HELPERS)
tests_test_copy_clients_LDADD = $(ROAM_LIBS)
tests_test_roam_forward_SOURCES = tests/test_roam_forward.c tests/tcp_echo.c tests/tcp_echo.h \
	$(ROAM_HELPERS)
tests_test_roam_forward_LDADD = $(ROAM_LIBS)
# A getaddrinfo that holds one kind of name until told (preloaded by test_roam_forward).
check_PROGRAMS += tests/block_resolve.so
tests_block_resolve_so_SOURCES = tests/block_resolve.c
tests_block_resolve_so_CFLAGS = $(AM_CFLAGS) -fPIC
tests_block_resolve_so_LDFLAGS = -shared
tests_block_resolve_so_LDADD = -ldl
