# Tests of the remote attach: ssh bootstrap.
check_PROGRAMS += tests/test_ssh_bootstrap
TESTS += tests/test_ssh_bootstrap
tests_test_ssh_bootstrap_CPPFLAGS = $(AM_CPPFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
tests_test_ssh_bootstrap_LDADD = src/client/libclient.a $(NET_LIBS)
# The client's ssh path against the stand-in ssh and a host whose relay is cat.
check_PROGRAMS += tests/test_sshpath
TESTS += tests/test_sshpath
tests_test_sshpath_CPPFLAGS = $(AM_CPPFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
tests_test_sshpath_LDADD = src/client/libclient.a $(NET_LIBS)
EXTRA_DIST += tests/fake_ssh.sh tests/sshd.sh
# rsh bootstrap and rsh client run here, without ssh (the attach harness).
check_PROGRAMS += tests/test_bootstrap
TESTS += tests/test_bootstrap
tests_test_bootstrap_SOURCES = tests/test_bootstrap.c $(ATTACH_HARNESS)
tests_test_bootstrap_LDADD = $(TERM_LIBS)
# A remote attach through a real sshd on loopback (tests/sshd.sh; skipped without one).
check_PROGRAMS += tests/test_remote_ssh
TESTS += tests/test_remote_ssh
tests_test_remote_ssh_SOURCES = tests/test_remote_ssh.c tests/ssh_harness.c tests/ssh_harness.h \
	$(ATTACH_HARNESS)
tests_test_remote_ssh_CPPFLAGS = $(AM_CPPFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
tests_test_remote_ssh_LDADD = $(TERM_LIBS)
# rsh's options and how it tells a command from a host.
check_PROGRAMS += tests/test_rsh_options
TESTS += tests/test_rsh_options
tests_test_rsh_options_SOURCES = tests/test_rsh_options.c $(ATTACH_HARNESS)
tests_test_rsh_options_LDADD = $(TERM_LIBS)
# What ssh brings back from the host, fuzzed (client/ssh_reply.c).
check_PROGRAMS += tests/fuzz/fuzz_ssh_reply
TESTS += tests/fuzz/fuzz_ssh_reply
tests_fuzz_fuzz_ssh_reply_SOURCES = tests/fuzz/fuzz_ssh_reply.c tests/fuzz/driver.c
tests_fuzz_fuzz_ssh_reply_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_CORPUS='"$(top_srcdir)/tests/fuzz/corpus/ssh_reply"'
tests_fuzz_fuzz_ssh_reply_LDADD = src/client/libclient.a $(NET_LIBS)
# The ssh path when UDP is blocked, through a real sshd and tests/udpproxy.
check_PROGRAMS += tests/test_ssh_fallback
TESTS += tests/test_ssh_fallback
tests_test_ssh_fallback_SOURCES = tests/test_ssh_fallback.c tests/ssh_harness.c \
	tests/ssh_harness.h $(ROAM_HELPERS)
tests_test_ssh_fallback_CPPFLAGS = $(AM_CPPFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
tests_test_ssh_fallback_LDADD = $(ROAM_LIBS)
EXTRA_DIST += tests/port_map.sh
# The ssh path while the client roams: back to UDP from a new address and to ssh again,
# typed lines exactly once and a -L connection carrying bytes across each move.
check_PROGRAMS += tests/test_ssh_roam
TESTS += tests/test_ssh_roam
tests_test_ssh_roam_SOURCES = tests/test_ssh_roam.c tests/ssh_harness.c tests/ssh_harness.h \
	tests/tcp_echo.c tests/tcp_echo.h $(ROAM_HELPERS)
tests_test_ssh_roam_CPPFLAGS = $(AM_CPPFLAGS) -DSRCDIR='"$(abs_top_srcdir)"'
tests_test_ssh_roam_LDADD = $(ROAM_LIBS)
